"""Every refusal a user can meet while handing in or reviewing a document."""

from django.utils.translation import gettext_lazy as _

from warta.core.errors import ErrorCode

EMPTY_FILE = ErrorCode("documents.empty", _("Berkas ini kosong. Pilih berkas yang berisi dokumen, lalu unggah ulang."))
TOO_LARGE = ErrorCode(
    "documents.too_large",
    _(
        "Berkas ini %(size)s, melebihi batas %(limit)s. "
        "Perkecil berkas (misalnya pisahkan atau kompres), lalu unggah ulang."
    ),
)
TYPE_NOT_ALLOWED = ErrorCode(
    "documents.type_not_allowed",
    _("Jenis berkas ini (%(detected)s) tidak diterima. Unggah dokumen dalam salah satu jenis berikut: %(allowed)s."),
)
CONTENT_MISMATCH = ErrorCode(
    "documents.content_mismatch",
    _(
        "Nama berkas berakhiran .%(extension)s, tetapi isinya bukan %(claimed)s (isinya terbaca sebagai %(detected)s). "
        "Unggah ulang berkas %(claimed)s aslinya."
    ),
)
EXTENSION_NOT_ALLOWED = ErrorCode(
    "documents.extension_not_allowed",
    _(
        "Akhiran nama berkas .%(extension)s tidak diterima. Simpan berkas sebagai %(detected)s "
        "(akhiran .%(expected)s), lalu unggah ulang."
    ),
)
PDF_BROKEN = ErrorCode("documents.pdf_broken", _("Berkas ini bukan PDF yang sah. Unggah ulang berkas PDF aslinya."))
PDF_ENCRYPTED = ErrorCode(
    "documents.pdf_encrypted",
    _("PDF ini dikunci dengan kata sandi, sehingga isinya tidak dapat dibaca. Buka kuncinya, lalu unggah ulang."),
)
FILE_BROKEN = ErrorCode(
    "documents.file_broken",
    _("Berkas %(detected)s ini rusak atau tidak lengkap. Simpan ulang dari aplikasi pembuatnya, lalu unggah ulang."),
)
MALWARE_FOUND = ErrorCode(
    "documents.malware_found",
    _(
        "Berkas ini mengandung virus atau kode berbahaya (%(signature)s) dan tidak disimpan. "
        "Periksa komputer asal berkas, lalu unggah salinan yang bersih."
    ),
)
SCANNER_UNAVAILABLE = ErrorCode(
    "documents.scanner_unavailable",
    _(
        "Pemindaian virus sedang tidak berfungsi, sehingga berkas belum dapat diterima. "
        "Coba lagi beberapa saat lagi atau hubungi pengelola sistem."
    ),
)
NOTE_REQUIRED = ErrorCode(
    "documents.note_required",
    _("Tuliskan alasan temuan ini boleh diumumkan, lalu simpan lagi."),
)
FINDING_ALREADY_CLEARED = ErrorCode(
    "documents.finding_already_cleared",
    _("Temuan ini sudah dinyatakan aman oleh %(by)s. Muat ulang halaman untuk melihat keadaan terbaru."),
)
NOT_ALLOWED_TO_CLEAR = ErrorCode(
    "documents.not_allowed_to_clear",
    _("Hanya PPID atau Penelaah Teknis Kebijakan yang dapat menyatakan temuan data pribadi aman diumumkan."),
)
INACTIVE_ACTOR = ErrorCode(
    "documents.inactive_actor",
    _("Akun Anda tidak aktif, sehingga tidak dapat mengunggah dokumen. Hubungi pengelola sistem."),
)
