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

from django.db.models import Case, OuterRef, Subquery, When
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from warta.core import routes
from warta.core.formats import format_number
from warta.core.public_version import remember
from warta.registry.models import Category

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


def _hits(page_ids: list[int], query: Query) -> list[Hit]:
    """The page's index rows, each checked again in the same query against what is public right now (the public
    entry's summary, the announcement's address); a row nothing public stands behind is dropped silently."""
    public_summary = public_entries().filter(entry_id=OuterRef("object_id")).values("summary")[:1]
    public_slug = public_announcements().filter(pk=OuterRef("object_id")).values("slug")[:1]
    rows = (SearchDocument.objects.filter(pk__in=page_ids)
            .annotate(entry_summary=Case(When(kind=SearchKind.ENTRY, then=Subquery(public_summary))),
                      announcement_slug=Case(When(kind=SearchKind.ANNOUNCEMENT, then=Subquery(public_slug))))
            .defer("unit_id", "year"))
    by_id = {row.pk: row for row in rows}
    hits = []
    for row in (by_id[pk] for pk in page_ids if pk in by_id):
        if row.kind == SearchKind.ENTRY and row.entry_summary is not None:
            url = routes.path("portal:entry", row.object_id)
            texts = [row.entry_summary, row.body, row.summary]
        elif row.kind == SearchKind.ANNOUNCEMENT and row.announcement_slug is not None:
            url = reverse("portal:announcement", kwargs={"slug": row.announcement_slug})
            texts = [row.summary, row.body]
        else:
            continue
        hits.append(Hit(row.kind, str(SearchKind(row.kind).label), url, highlight(row.title, query),
                        snippet(texts, query), str(Category(row.category).label), row.published_at))
    return hits


def _ranked(query: Query, kind: str | None, now: datetime | None) -> tuple[engine.Candidates, tuple[str, ...]]:
    """The ranked candidates and the stems they matched on.

    Asked at the present moment, they are kept per public content version and index state, as a search engine
    keeps its query results until the next commit: paging through the results, and the next visitor asking the
    same, rank nothing again. Every hit shown is still checked against what is public (``_hits``)."""
    def rank():
        return engine.candidates(query, now or timezone.now(), kind), engine.stems(query)

    if now is not None:
        return rank()
    return remember(f"search|{engine.index_mark()}|{kind}|{' '.join(query.terms)}", rank)


def search(raw: str | None, *, kind: str | None = None, page: int = 1, now: datetime | None = None) -> Results:
    started = time.perf_counter()
    query = Query.parse(raw)
    results = Results(query=query, page=max(1, page))
    if not query:
        return results
    kind = kind if kind in SearchKind.values else None
    found, stems = _ranked(query, kind, now)
    results.total, results.capped = len(found.ids), found.capped
    results.page = min(results.page, results.pages)
    page_ids = found.ids[(results.page - 1) * PAGE_SIZE: results.page * PAGE_SIZE]
    if page_ids:
        results.query = query.with_stems(stems)
        results.hits = _hits(page_ids, results.query)
    results.elapsed_ms = (time.perf_counter() - started) * 1000
    return results
