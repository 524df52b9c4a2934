"""Refusals of the register services, with stable codes and plain Indonesian messages."""

from django.utils.translation import gettext_lazy as _

from warta.core.errors import ErrorCode

NOT_DRAFTING = ErrorCode(
    "registry.not_drafting",
    _("Daftar informasi disusun pada langkah %(step)s. Disposisi %(number)s tidak sedang berada di langkah itu."),
)
NOT_UPLOADING = ErrorCode(
    "registry.not_uploading",
    _("Informasi diterbitkan pada langkah %(step)s. Disposisi %(number)s tidak sedang berada di langkah itu."),
)
NO_VERIFICATION_STEP = ErrorCode(
    "registry.no_verification_step", _("POS %(code)s tidak memiliki langkah verifikasi, jadi DIP tidak dapat terbit.")
)
UNKNOWN_FIELD = ErrorCode("registry.unknown_field", _("Kolom berikut tidak dikenal: %(fields)s."))
INVALID_VALUE = ErrorCode("registry.invalid_value", _("Isian “%(label)s” tidak sah: %(problem)s"))
REASON_REQUIRED = ErrorCode("registry.reason_required", _("Tuliskan alasan perubahan ini; alasan tampil di riwayat."))
OTHER_OFFICE = ErrorCode("registry.other_office", _("Informasi ini milik kantor lain."))
EXEMPTION_INCOMPLETE = ErrorCode(
    "registry.exemption_incomplete",
    _("Uji konsekuensi belum lengkap: %(missing)s wajib diisi."),
)
EXEMPTION_NO_GROUND = ErrorCode(
    "registry.exemption_no_ground",
    _("Sebutkan dasar pengecualian: huruf Pasal 17 UU 14/2008 atau undang-undang lain yang menutup informasi ini."),
)
EXEMPTION_NOT_STANDING = ErrorCode("registry.exemption_not_standing", _("Pengecualian ini sudah dicabut."))
EDITION_WRONG_STATUS = ErrorCode(
    "registry.edition_wrong_status", _("Edisi DIP ini berstatus %(status)s; tindakan ini tidak dapat dilakukan.")
)
EDITION_EMPTY = ErrorCode(
    "registry.edition_empty", _("Belum ada informasi publik yang terbit, jadi belum ada DIP untuk ditetapkan.")
)
SIGNING_CERTIFICATE_UNUSABLE = ErrorCode(
    "registry.signing_certificate_unusable",
    _("Sertifikat tanda tangan elektronik tidak dapat dipakai (%(problem)s). Edisi belum ditetapkan; "
      "minta administrator memeriksa WARTA_SIGNING_P12 dan kata sandinya."),
)
DOCUMENT_NOT_ATTACHED = ErrorCode(
    "registry.document_not_attached",
    _("Dokumen ini bukan lampiran informasi tersebut. Muat ulang halaman untuk melihat lampiran terbaru."),
)
