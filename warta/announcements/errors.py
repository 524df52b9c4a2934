from django.utils.translation import gettext_lazy as _

from warta.core.errors import ErrorCode

SERTA_MERTA_INCOMPLETE = ErrorCode(
    "announcements.serta_merta_incomplete",
    _("Pengumuman serta merta wajib memuat %(missing)s (Perki 1/2021). Lengkapi bagian tersebut."),
)
INVALID_VALUE = ErrorCode("announcements.invalid_value", _("Isian “%(label)s” tidak sah: %(problem)s"))
NOT_IN_RUN = ErrorCode("announcements.not_in_run", _("Pengumuman ini disusun pada disposisi lain (%(number)s)."))
REASON_REQUIRED = ErrorCode("announcements.reason_required", _("Tuliskan alasan penarikan pengumuman ini."))
