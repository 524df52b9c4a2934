"""Search over what the public can see: register entries (title, summary, documents' text, OCR included) and
announcements. SQLite FTS5 by default; PostgreSQL with Indonesian stemming plus unstemmed exact/prefix matching.

    results = search("laporan keuangan", page=1)
    results.hits[0].title      # highlighted, safe HTML
    results.total_label        # "12" or "1.000+"
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from warta.core import routes
from warta.core.formats import format_number

from ..access import public_announcements, public_entries
from ..models import SearchDocument, SearchKind
from . import engine
from .text import Query, highlight, snippet

PAGE_SIZE = 20


@dataclass
class Hit:
    kind: str
    kind_label: str
    url: str
    title: SafeString
    snippet: SafeString
    category_label: str
    published_at: datetime


@dataclass
class Results:
    query: Query
    page: int = 1
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    capped: bool = False
    elapsed_ms: float = 0.0

    @property
    def total_label(self) -> str:
        if self.capped:
            return format_number(engine.CANDIDATES) + "+"
        return format_number(self.total)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def _hits(rows: list[SearchDocument], query: Query) -> list[Hit]:
    """Each row checked again against what is public right now; anything else is dropped silently."""
    entry_ids = [row.object_id for row in rows if row.kind == SearchKind.ENTRY]
    announcement_ids = [row.object_id for row in rows if row.kind == SearchKind.ANNOUNCEMENT]
    entries = {public.entry_id: public for public in public_entries().filter(entry_id__in=entry_ids)}
    announcements = {item.pk: item for item in public_announcements().filter(pk__in=announcement_ids)}
    hits = []
    for row in rows:
        if row.kind == SearchKind.ENTRY and row.object_id in entries:
            public = entries[row.object_id]
            url = routes.path("portal:entry", public.entry_id)
            hits.append(Hit(row.kind, str(SearchKind.ENTRY.label), url, highlight(public.title, query),
                            snippet([public.summary, row.body, row.summary], query), public.get_category_display(),
                            public.published_at))
        elif row.kind == SearchKind.ANNOUNCEMENT and row.object_id in announcements:
            item = announcements[row.object_id]
            url = reverse("portal:announcement", kwargs={"slug": item.slug})
            hits.append(Hit(row.kind, str(SearchKind.ANNOUNCEMENT.label), url, highlight(item.title, query),
                            snippet([row.summary, row.body], query), item.get_category_display(),
                            item.published_at))
    return hits


def search(raw: str | None, *, kind: str | None = None, page: int = 1, now: datetime | None = None) -> Results:
    started = time.perf_counter()
    query = Query.parse(raw)
    results = Results(query=query, page=max(1, page))
    if not query:
        return results
    kind = kind if kind in SearchKind.values else None
    found = engine.candidates(query, now or timezone.now(), kind)
    results.total, results.capped = len(found.ids), found.capped
    results.page = min(results.page, results.pages)
    page_ids = found.ids[(results.page - 1) * PAGE_SIZE: results.page * PAGE_SIZE]
    if page_ids:
        query = query.with_stems(engine.stems(query))
        results.query = query
        rows = {row.pk: row for row in SearchDocument.objects.filter(pk__in=page_ids)}
        results.hits = _hits([rows[pk] for pk in page_ids if pk in rows], query)
    results.elapsed_ms = (time.perf_counter() - started) * 1000
    return results
