"""Refusals of the maintenance services."""

from django.utils.translation import gettext_lazy as _

from warta.core.errors import ErrorCode

CHECKLIST_INCOMPLETE = ErrorCode(
    "upkeep.checklist_incomplete",
    _("Pemeliharaan belum dapat diselesaikan: butir berikut belum dicentang: %(missing)s. Periksa dan centang "
      "semuanya, tuliskan catatan bila ada yang diperbaiki."),
)
ROUND_FINISHED = ErrorCode("upkeep.round_finished", _("Putaran pemeliharaan ini sudah selesai."))
NOT_MAINTENANCE_STEP = ErrorCode(
    "upkeep.not_maintenance_step",
    _("Disposisi %(number)s sedang berada di langkah %(step)s, bukan langkah pemeliharaan situs."),
)
INTERVAL_INVALID = ErrorCode(
    "upkeep.interval_invalid", _("Isi jarak pemeliharaan rutin antara 1 dan 90 hari."),
)
