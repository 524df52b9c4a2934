"""Indonesian display formats for dates, numbers, money, file sizes and durations (docs/ui.md, "Formats").

Pure functions, independent of Django's locale formats so the same text appears on pages, in e-mails and
in PDFs. Dates: "23 November 2026"; with time "23 November 2026, 14.05 WIB"; numbers "1.234,5"; money
"Rp1.250.000"; file sizes "1,8 MB"; durations against a standard "2 jam 15 menit dari 3 jam".

Numbers keep the Indonesian separators in every language. The words (month names, "jam", "menit", "dari")
go through gettext, so an English page reads "23 November 2026" with English month names and "2 hours
15 minutes of 3 hours". Documents whose wording is fixed in Indonesian render under
``translation.override("id")``; dates written into data use ``indonesian_date``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from django.utils.translation import gettext, gettext_noop, ngettext

DEFAULT_TIME_ZONE = "Asia/Jakarta"

# Indonesian month names: data (dates written into the register) and, through gettext, what people read.
MONTHS = (
    gettext_noop("Januari"), gettext_noop("Februari"), gettext_noop("Maret"), gettext_noop("April"),
    gettext_noop("Mei"), gettext_noop("Juni"), gettext_noop("Juli"), gettext_noop("Agustus"),
    gettext_noop("September"), gettext_noop("Oktober"), gettext_noop("November"), gettext_noop("Desember"),
)  # fmt: skip

# Indonesia's three zones (WIB, WITA, WIT); Pontianak keeps WIB.
ZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}

FILE_SIZE_UNITS = ("B", "KB", "MB", "GB")

_DURATION = re.compile(r"^(?:(?P<hours>[0-9]+)\s*jam)?\s*(?:(?P<minutes>[0-9]+)\s*menit)?$", re.IGNORECASE)


def zone_abbreviation(time_zone: str) -> str:
    """WIB, WITA or WIT; any other zone is shown by its IANA name."""
    return ZONE_ABBREVIATIONS.get(time_zone, time_zone)


def format_date(value: date | datetime, time_zone: str = DEFAULT_TIME_ZONE) -> str:
    """'23 November 2026' (the month named in the active language). A datetime must be aware and is shown as
    the date in `time_zone`."""
    if isinstance(value, datetime):
        value = _in_zone(value, time_zone)
    return f"{value.day} {gettext(MONTHS[value.month - 1])} {value.year}"


def indonesian_date(value: date) -> str:
    """'23 November 2026' in Indonesian whatever the reader's language: for dates written into data."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_datetime(value: datetime, time_zone: str = DEFAULT_TIME_ZONE) -> str:
    """'23 November 2026, 14.05 WIB': the moment in `time_zone`, with the zone's Indonesian abbreviation."""
    local = _in_zone(value, time_zone)
    return gettext("%(date)s, %(hour)s.%(minute)s %(zone)s") % {
        "date": format_date(local.date()), "hour": f"{local:%H}", "minute": f"{local:%M}",
        "zone": zone_abbreviation(time_zone),
    }


def format_number(value: int | float | Decimal, decimals: int = 0) -> str:
    """'1.234,5': dot between thousands, comma before decimals, rounded half up."""
    if decimals < 0:
        raise ValueError(f"decimals must not be negative: {decimals}")
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if number == 0:
        number = abs(number)  # no "-0,0"
    english = f"{number:,.{decimals}f}"
    return english.translate(str.maketrans({",": ".", ".": ","}))


def format_money(value: int | float | Decimal) -> str:
    """'Rp1.250.000': whole rupiah, no space after "Rp"."""
    text = format_number(value)
    return f"-Rp{text[1:]}" if text.startswith("-") else f"Rp{text}"


def format_filesize(size: int) -> str:
    """'1,8 MB': base 1024, one decimal; bytes are whole ('512 B')."""
    if size < 0:
        raise ValueError(f"a file size cannot be negative: {size}")
    if size < 1024:
        return f"{format_number(size)} B"
    scaled = Decimal(size)
    for unit in FILE_SIZE_UNITS[1:]:
        scaled /= 1024
        rounded = scaled.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        # 1048575 bytes would round to "1.024,0 KB": move up a unit while one is left.
        if rounded < 1024 or unit == FILE_SIZE_UNITS[-1]:
            return f"{format_number(rounded, 1)} {unit}"
    raise AssertionError("unreachable")


def parse_duration(text: str) -> int:
    """Minutes in a standard time written as in the POS: '5 menit', '3 jam', '1 jam 30 menit'."""
    match = _DURATION.match(" ".join(text.split()))
    if not match or not (match["hours"] or match["minutes"]):
        raise ValueError(
            gettext(
                "Durasi “%(text)s” tidak dikenali. Tulis dalam jam dan/atau menit, "
                "misalnya “3 jam” atau “1 jam 30 menit”."
            ) % {"text": text}
        )
    return int(match["hours"] or 0) * 60 + int(match["minutes"] or 0)


def format_duration(seconds: float | timedelta) -> str:
    """'2 jam 15 menit', '3 jam', '45 menit'; whole minutes, rounded down ('0 menit' under a minute)."""
    if isinstance(seconds, timedelta):
        seconds = seconds.total_seconds()
    if seconds < 0:
        raise ValueError(f"a duration cannot be negative: {seconds}")
    hours, minutes = divmod(int(seconds // 60), 60)
    parts = [ngettext("%(count)d jam", "%(count)d jam", hours) % {"count": hours}] if hours else []
    if minutes or not hours:
        parts.append(ngettext("%(count)d menit", "%(count)d menit", minutes) % {"count": minutes})
    return " ".join(parts)


def format_against_standard(used_seconds: float | timedelta, standard_seconds: float | timedelta) -> str:
    """'2 jam 15 menit dari 3 jam': time used on a step against its standard time (waktu baku)."""
    return gettext("%(used)s dari %(standard)s") % {
        "used": format_duration(used_seconds), "standard": format_duration(standard_seconds)
    }


def _in_zone(value: datetime, time_zone: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"a datetime to display must be timezone-aware: {value!r}")
    return value.astimezone(ZoneInfo(time_zone))
