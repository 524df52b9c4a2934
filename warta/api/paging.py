"""Keyset paging: a page is "the next N after this row", so page 1,000 costs what page 1 costs and a row
published while a harvester pages through never shifts the rows after it.

The cursor is opaque to clients (URL-safe base64 of JSON): the ordering it was made for, and the last row's
sort value and unique tiebreak. A cursor made for another ordering is refused.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from .errors import INVALID_CURSOR


@dataclass(frozen=True)
class Ordering:
    """Sort by ``field`` (then by the unique ``tiebreak``, when ``field`` is not unique itself)."""

    name: str
    field: str
    tiebreak: str | None = None
    descending: bool = False
    is_datetime: bool = False

    @property
    def order_by(self) -> list[str]:
        sign = "-" if self.descending else ""
        return [f"{sign}{name}" for name in (self.field, self.tiebreak) if name]

    def values(self, row) -> list:
        values = [_attr(row, self.field)] + ([_attr(row, self.tiebreak)] if self.tiebreak else [])
        return [value.isoformat() if isinstance(value, datetime) else value for value in values]

    def after(self, values: list) -> Q:
        op = "lt" if self.descending else "gt"
        first = values[0]
        if self.is_datetime:
            first = datetime.fromisoformat(first)
            first = first if timezone.is_aware(first) else timezone.make_aware(first)
        condition = Q(**{f"{self.field}__{op}": first})
        if self.tiebreak:
            condition |= Q(**{self.field: first, f"{self.tiebreak}__{op}": values[1]})
        return condition


def orderings(*specs: tuple[str, str, str | None, bool]) -> dict[str, Ordering]:
    """Each (name, field, tiebreak, is_datetime) gives an ascending ordering and its "-name" descending twin."""
    result = {}
    for name, field, tiebreak, is_datetime in specs:
        for descending in (False, True):
            key = f"-{name}" if descending else name
            result[key] = Ordering(key, field, tiebreak, descending, is_datetime)
    return result


def encode_cursor(ordering: Ordering, values: list) -> str:
    raw = json.dumps([ordering.name, *values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(ordering: Ordering, cursor: str) -> list:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, *values = json.loads(raw)
    except (binascii.Error, ValueError, TypeError):
        raise INVALID_CURSOR.error(field="cursor") from None
    expected = 2 if ordering.tiebreak else 1
    if name != ordering.name or len(values) != expected or not _valid(ordering, values):
        raise INVALID_CURSOR.error(field="cursor")
    return values


@dataclass
class Page:
    rows: list
    next_cursor: str | None


def page(queryset: QuerySet, ordering: Ordering, limit: int, cursor: str | None) -> Page:
    queryset = queryset.order_by(*ordering.order_by)
    if cursor:
        queryset = queryset.filter(ordering.after(decode_cursor(ordering, cursor)))
    rows = list(queryset[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows=rows, next_cursor=encode_cursor(ordering, ordering.values(rows[-1])) if more else None)


def _attr(row, field: str):
    return getattr(row, field)


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _valid(ordering: Ordering, values: list) -> bool:
    first, *rest = values
    if not all(_is_int(value) for value in rest):
        return False
    if not ordering.is_datetime:
        return _is_int(first)
    try:
        datetime.fromisoformat(first)
    except (TypeError, ValueError):
        return False
    return True
