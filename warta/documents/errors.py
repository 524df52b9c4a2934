"""Every refusal a user can meet while handing in or reviewing a document."""

from django.utils.translation import gettext_lazy as _

from warta.core.errors import ErrorCode, ServiceError

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

# Why a document's text could not be read, or not all of it: kept on the document as a code and its values, and
# worded in the reader's language wherever staff see it (``Document.text_problem_message``).
TEXT_PDF_UNREADABLE = ErrorCode("documents.text_pdf_unreadable", _("PDF tidak dapat dibaca; berkasnya mungkin rusak."))
TEXT_ARCHIVE_TOO_LARGE = ErrorCode(
    "documents.text_archive_too_large",
    _("Isi berkas terlalu besar untuk dibaca setelah dibuka (dugaan bom zip)."),
)
TEXT_UNREADABLE = ErrorCode("documents.text_unreadable", _("Teks tidak dapat dibaca dari berkas ini (%(kind)s)."))
TEXT_UNEXPECTED = ErrorCode(
    "documents.text_unexpected", _("Galat tak terduga saat membaca teks (%(kind)s). Hubungi pengelola sistem.")
)
PAGES_WITHOUT_TEXT = ErrorCode("documents.pages_without_text", _("Halaman tanpa teks: %(pages)s."))
OCR_NO_OCRMYPDF = ErrorCode(
    "documents.ocr_no_ocrmypdf", _("OCR belum dapat dijalankan: paket Python ocrmypdf belum terpasang.")
)
OCR_NO_TESSERACT = ErrorCode(
    "documents.ocr_no_tesseract",
    _("OCR belum dapat dijalankan: program Tesseract belum terpasang (paket Debian: tesseract-ocr)."),
)
OCR_TESSERACT_BROKEN = ErrorCode(
    "documents.ocr_tesseract_broken", _("OCR belum dapat dijalankan: program Tesseract tidak dapat dijalankan.")
)
OCR_NO_INDONESIAN = ErrorCode(
    "documents.ocr_no_indonesian",
    _(
        "OCR belum dapat dijalankan: model bahasa Indonesia untuk Tesseract belum terpasang "
        "(paket Debian: tesseract-ocr-ind)."
    ),
)
OCR_TIMED_OUT = ErrorCode(
    "documents.ocr_timed_out",
    _("OCR melebihi batas waktu %(minutes)s menit. Pisahkan dokumen menjadi beberapa berkas, lalu unggah ulang."),
)
# OCRmyPDF's exit codes (ocrmypdf.exceptions.ExitCode) in words a staff member can act on.
OCR_EXIT_CODES = {
    2: ErrorCode(
        "documents.ocr_input_broken",
        _("Berkas tidak dapat dibuka oleh OCR; berkasnya mungkin rusak. Unggah ulang hasil pindaian aslinya."),
    ),
    3: ErrorCode("documents.ocr_incomplete", _("Program OCR di server belum lengkap. Hubungi pengelola sistem.")),
    4: ErrorCode(
        "documents.ocr_output_invalid",
        _("OCR menghasilkan PDF yang tidak sah. Unggah ulang hasil pindaian dalam resolusi lain."),
    ),
    5: ErrorCode(
        "documents.ocr_cannot_write",
        _("OCR tidak dapat menulis berkas sementara di server. Hubungi pengelola sistem."),
    ),
    7: ErrorCode(
        "documents.ocr_engine_failed",
        _("Pengenalan teks gagal di tengah jalan. Pindaian mungkin terlalu buram; unggah pindaian yang lebih jelas."),
    ),
    8: ErrorCode(
        "documents.ocr_pdf_locked",
        _("PDF ini terkunci sehingga tidak dapat di-OCR. Buka kuncinya, lalu unggah ulang."),
    ),
}
OCR_FAILED = ErrorCode("documents.ocr_failed", _("OCR gagal (kode %(code)s)."))
OCR_UNEXPECTED = ErrorCode(
    "documents.ocr_unexpected", _("Galat tak terduga saat OCR (%(kind)s). Hubungi pengelola sistem.")
)
OCR_PAGES_STILL_EMPTY = ErrorCode(
    "documents.ocr_pages_still_empty", _("OCR tidak menemukan teks pada halaman %(pages)s.")
)
TECHNICAL_DETAIL = _("Rincian teknis: %(detail)s")  # after a problem whose values carry the tool's own words

TEXT_PROBLEMS = {
    code.code: code
    for code in (
        TEXT_PDF_UNREADABLE, TEXT_ARCHIVE_TOO_LARGE, TEXT_UNREADABLE, TEXT_UNEXPECTED, PAGES_WITHOUT_TEXT,
        OCR_NO_OCRMYPDF, OCR_NO_TESSERACT, OCR_TESSERACT_BROKEN, OCR_NO_INDONESIAN, OCR_TIMED_OUT,
        *OCR_EXIT_CODES.values(), OCR_FAILED, OCR_UNEXPECTED, OCR_PAGES_STILL_EMPTY,
    )
}


class TextProblem(Exception):
    """Reading a document's text failed; ``problem`` says why (one of ``TEXT_PROBLEMS`` with its values)."""

    def __init__(self, problem: ServiceError):
        super().__init__(str(problem))
        self.problem = problem


def describe_text_problem(code: str, values: dict) -> str | None:
    """A kept text problem in the active language; None for a code this version does not know."""
    error_code = TEXT_PROBLEMS.get(code)
    if error_code is None:
        return None
    message = error_code.error(**values).message
    if values.get("detail"):
        message += " " + TECHNICAL_DETAIL % {"detail": values["detail"]}
    return message
