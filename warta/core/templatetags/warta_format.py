"""Template filters for Indonesian display formats (docs/ui.md): {% load warta_format %}.

Each filter shows an empty value (None or "") as nothing, so optional fields need no {% if %}.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from django import template
from django.utils import timezone

from warta.core import formats

register = template.Library()


def _empty(value: object) -> bool:
    return value is None or value == ""


@register.filter
def tanggal(value: date | datetime | None) -> str:
    """{{ d|tanggal }} → "23 November 2026"; a datetime shows its date in the active time zone."""
    return "" if _empty(value) else formats.format_date(value, timezone.get_current_timezone_name())


@register.filter
def tanggal_waktu(value: datetime | None) -> str:
    """{{ dt|tanggal_waktu }} → "23 November 2026, 14.05 WIB", in the active time zone."""
    return "" if _empty(value) else formats.format_datetime(value, timezone.get_current_timezone_name())


@register.filter
def angka(value: int | float | Decimal | None, decimals: int = 0) -> str:
    """{{ n|angka }} → "1.235"; {{ n|angka:1 }} → "1.234,5"."""
    return "" if _empty(value) else formats.format_number(value, int(decimals))


@register.filter
def rupiah(value: int | float | Decimal | None) -> str:
    """{{ n|rupiah }} → "Rp1.250.000"."""
    return "" if _empty(value) else formats.format_money(value)


@register.filter
def ukuran_berkas(value: int | None) -> str:
    """{{ size|ukuran_berkas }} → "1,8 MB"."""
    return "" if _empty(value) else formats.format_filesize(int(value))


@register.filter
def durasi(value: float | timedelta | None) -> str:
    """{{ seconds|durasi }} → "2 jam 15 menit"; a timedelta works too."""
    return "" if _empty(value) else formats.format_duration(value)
