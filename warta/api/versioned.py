"""Values worth computing once per public content version: list totals, the register's first publication.

Counting 100,000 public entries (or checking 200,000 documents) costs tens to hundreds of milliseconds; a
harvester paging through a list would pay it on every page. The key carries the content version, so a value
is never older than the content it describes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db.models import QuerySet

from warta.core import public_version

T = TypeVar("T")
PAGING_PARAMS = {"cursor", "limit", "ordering"}
TIMEOUT = 600
MISSING = object()


def remember(name: str, compute: Callable[[], T]) -> T:
    digest = hashlib.sha256(f"{public_version.current().token}|{name}".encode()).hexdigest()[:32]
    key = f"warta:api-value:{digest}"
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def count(queryset: QuerySet, name: str, params) -> int:
    """The total of a list answer: the same for every page and ordering of the same filters."""
    filters = sorted((key, value) for key, value in params.items() if key not in PAGING_PARAMS)
    return remember(f"count|{name}|{filters!r}", queryset.count)
