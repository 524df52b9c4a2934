"""Refusals of the API, with stable codes and plain Indonesian messages (the rate limit's is in core)."""

from django.utils.translation import gettext_lazy as _

from warta.core.errors import ErrorCode
from warta.core.rate_limit import RATE_LIMITED

INVALID_PARAMETER = ErrorCode("api.invalid_parameter", _("Parameter “%(name)s” tidak sah: %(problem)s"))
INVALID_CURSOR = ErrorCode(
    "api.invalid_cursor", _("Penanda halaman (cursor) tidak sah atau dibuat untuk urutan lain. Mulai lagi dari "
                            "halaman pertama.")
)
NOT_FOUND = ErrorCode("api.not_found", _("%(what)s dengan nomor %(id)s tidak ada atau tidak terbuka untuk publik."))
EDITION_WITHHELD = ErrorCode(
    "api.edition_withheld",
    _("PDF edisi ini tidak lagi disajikan karena memuat informasi yang sudah ditarik atau dikecualikan. "
      "Gunakan edisi terbaru, atau isi edisi ini dalam JSON tanpa baris tersebut."),
)

__all__ = ["EDITION_WITHHELD", "INVALID_CURSOR", "INVALID_PARAMETER", "NOT_FOUND", "RATE_LIMITED"]
