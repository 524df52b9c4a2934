"""Values worth computing once per public content version: list totals, the register's first publication.

Counting 100,000 public entries (or checking 200,000 documents) costs tens to hundreds of milliseconds; a
harvester paging through a list would pay it on every page. ``warta.core.public_version.remember`` keys them
by the content version, so a value is never older than the content it describes.
"""

from __future__ import annotations

from django.db.models import QuerySet

from warta.core.public_version import remember

PAGING_PARAMS = {"cursor", "limit", "ordering"}


def count(queryset: QuerySet, name: str, params) -> int:
    """The total of a list answer: the same for every page and ordering of the same filters."""
    filters = sorted((key, value) for key, value in params.items() if key not in PAGING_PARAMS)
    return remember(f"count|{name}|{filters!r}", queryset.count)
