"""Reading query parameters: each parser returns a clean value or raises ``api.invalid_parameter``."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import INVALID_PARAMETER

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_QUERY_LENGTH = 200


def _invalid(name: str, problem: str):
    return INVALID_PARAMETER.error(field=name, name=name, problem=problem)


def integer(params, name: str, *, default: int | None = None, low: int, high: int) -> int | None:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise _invalid(name, _("harus bilangan bulat.")) from None
    if not low <= value <= high:
        raise _invalid(name, _("harus antara %(low)s dan %(high)s.") % {"low": low, "high": high})
    return value


def limit(params) -> int:
    return integer(params, "limit", default=DEFAULT_LIMIT, low=1, high=MAX_LIMIT)


def choice(params, name: str, choices, *, default: str | None = None) -> str | None:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    if raw not in choices:
        raise _invalid(name, _("pilihan yang sah: %(choices)s.") % {"choices": ", ".join(choices)})
    return raw


def text(params, name: str) -> str:
    value = " ".join(params.get(name, "").split())
    if len(value) > MAX_QUERY_LENGTH:
        raise _invalid(name, _("paling panjang %(length)s karakter.") % {"length": MAX_QUERY_LENGTH})
    return value


def moment(params, name: str) -> datetime | None:
    """ISO 8601 date or date-time; without an offset it is read in the site's time zone."""
    raw = params.get(name, "").strip()
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw.replace(" ", "+")) if "T" in raw else datetime.combine(
            date.fromisoformat(raw), time.min)
    except ValueError:
        problem = _("gunakan format ISO 8601, misalnya 2026-11-23 atau 2026-11-23T10:00:00+07:00.")
        raise _invalid(name, problem) from None
    return value if timezone.is_aware(value) else timezone.make_aware(value)
