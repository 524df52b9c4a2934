from django.utils.translation import gettext_lazy as _

from warta.core.errors import ErrorCode

SERTA_MERTA_INCOMPLETE = ErrorCode(
    "announcements.serta_merta_incomplete",
    _("Pengumuman serta merta wajib memuat %(missing)s (Perki 1/2021). Lengkapi bagian tersebut."),
)
INVALID_VALUE = ErrorCode("announcements.invalid_value", _("Isian “%(label)s” tidak sah: %(problem)s"))
NOT_IN_RUN = ErrorCode("announcements.not_in_run", _("Pengumuman ini disusun pada disposisi lain (%(number)s)."))
REASON_REQUIRED = ErrorCode("announcements.reason_required", _("Tuliskan alasan penarikan pengumuman ini."))
DOCUMENT_NOT_AVAILABLE = ErrorCode(
    "announcements.document_not_available",
    _(
        "Dokumen ini tidak ada di daftar informasi kantor Anda. Pilih dokumen dari daftar, atau unggah berkasnya "
        "sebagai lampiran baru."
    ),
)
DOCUMENT_NOT_ATTACHED = ErrorCode(
    "announcements.document_not_attached",
    _("Dokumen ini bukan lampiran pengumuman tersebut. Muat ulang halaman untuk melihat lampiran terbaru."),
)
