"""Keeping the search index in step with what the public can see.

The index holds one row per published register entry (its public copy, never the working copy) and per
published announcement, with the cleaned text of their documents' public files (the version the public gets,
never a newer one still under review). Rows change in the same transaction as the
public content they mirror: the portal listens to the models' own signals (a public copy saved or deleted,
documents attached or detached, a document's text or review status changed) and to
``public_content_changed``. Scheduled publications are indexed with their time and found only once it has come;
every hit is checked again against ``.public()`` before it is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import transaction
from django.utils import timezone

from warta.announcements.models import Announcement
from warta.documents.models import DocumentVersion
from warta.registry.models import Category, EntryStatus, PublicEntry

from ..access import attach_public_files
from ..models import SearchDocument, SearchKind
from .text import MAX_BODY_CHARS, clean_text, plain

BATCH = 200


def _documents_text(content) -> str:
    """The text of the content's public files (attached with the batch); a scheduled publication is indexed with
    the files public then."""
    if content.published_at > timezone.now():
        attach_public_files([content], at=content.published_at, text=True)
    return _files_text(content.public_file_list)


def _files_text(files: Iterable[DocumentVersion]) -> str:
    texts, room = [], MAX_BODY_CHARS
    for version in files:
        if room <= 0:
            break
        text = clean_text(version.text, limit=room)
        if text:
            texts.append(text)
            room -= len(text) + 2
    return "\n\n".join(texts)


def _entry_row(public: PublicEntry) -> SearchDocument:
    head = [public.summary, public.holder, public.responsible, public.made_where, public.legal_basis,
            " ".join(str(tag) for tag in public.tags or [])]
    return SearchDocument(
        kind=SearchKind.ENTRY, object_id=public.entry_id, unit_id=public.unit_id, category=public.category,
        year=public.year, published_at=public.published_at, title=plain(public.title),
        summary=plain(" ".join(part for part in head if part)), body=_documents_text(public),
    )


def _announcement_row(announcement: Announcement) -> SearchDocument:
    parts = [announcement.body, announcement.danger, announcement.affected, announcement.evacuation,
             announcement.avoidance, announcement.help_contact]
    body = plain(" ".join(part for part in parts if part))
    documents = _documents_text(announcement)
    return SearchDocument(
        kind=SearchKind.ANNOUNCEMENT, object_id=announcement.pk, unit_id=announcement.unit_id,
        category=announcement.category, year=announcement.published_at.year, published_at=announcement.published_at,
        title=plain(announcement.title), summary=plain(announcement.summary),
        body=(body + "\n\n" + documents).strip()[:MAX_BODY_CHARS],
    )


def index_entry(entry_id: int) -> bool:
    """Index (or drop) one register entry by its Entry id. True when the entry is in the index afterwards."""
    public = PublicEntry.objects.filter(entry_id=entry_id).exclude(category=Category.DIKECUALIKAN).first()
    with transaction.atomic():
        SearchDocument.objects.filter(kind=SearchKind.ENTRY, object_id=entry_id).delete()
        if public is None:
            return False
        attach_public_files([public], text=True)
        _entry_row(public).save()
    return True


def index_announcement(announcement_id: int) -> bool:
    announcement = (Announcement.objects.filter(pk=announcement_id, status=EntryStatus.PUBLISHED,
                                                published_at__isnull=False)
                    .exclude(category=Category.DIKECUALIKAN).first())
    with transaction.atomic():
        SearchDocument.objects.filter(kind=SearchKind.ANNOUNCEMENT, object_id=announcement_id).delete()
        if announcement is None:
            return False
        attach_public_files([announcement], text=True)
        _announcement_row(announcement).save()
    return True


def _batches(queryset, size: int = BATCH) -> Iterator[list]:
    """The queryset in lists of ``size``, each with its public files and their text attached."""
    items = queryset.iterator(chunk_size=size)
    while batch := list(islice(items, size)):
        attach_public_files(batch, text=True)
        yield batch


def _replace(kind: str, rows: list[SearchDocument]) -> None:
    with transaction.atomic():
        SearchDocument.objects.filter(kind=kind, object_id__in=[row.object_id for row in rows]).delete()
        SearchDocument.objects.bulk_create(rows)


def rebuild(progress=None) -> dict[str, int]:
    """Index everything public again, batch by batch, then drop rows nothing public stands behind.

    Search keeps working while this runs. ``progress`` is called with the number of items done after each
    batch (the management command passes a tqdm bar's ``update``).
    """
    counts = {SearchKind.ENTRY: 0, SearchKind.ANNOUNCEMENT: 0}
    entries = PublicEntry.objects.exclude(category=Category.DIKECUALIKAN).order_by("pk")
    seen_entries: set[int] = set()
    for batch in _batches(entries):
        rows = [_entry_row(public) for public in batch]
        _replace(SearchKind.ENTRY, rows)
        seen_entries.update(row.object_id for row in rows)
        counts[SearchKind.ENTRY] += len(rows)
        if progress:
            progress(len(rows))
    announcements = (Announcement.objects.filter(status=EntryStatus.PUBLISHED, published_at__isnull=False)
                     .exclude(category=Category.DIKECUALIKAN).order_by("pk"))
    seen_announcements: set[int] = set()
    for batch in _batches(announcements):
        rows = [_announcement_row(announcement) for announcement in batch]
        _replace(SearchKind.ANNOUNCEMENT, rows)
        seen_announcements.update(row.object_id for row in rows)
        counts[SearchKind.ANNOUNCEMENT] += len(rows)
        if progress:
            progress(len(rows))
    _drop_stale(SearchKind.ENTRY, seen_entries)
    _drop_stale(SearchKind.ANNOUNCEMENT, seen_announcements)
    return {str(kind): count for kind, count in counts.items()}


def _drop_stale(kind: str, seen: set[int]) -> None:
    stale = [pk for pk, object_id in SearchDocument.objects.filter(kind=kind).values_list("pk", "object_id")
             if object_id not in seen]
    for start in range(0, len(stale), 500):
        SearchDocument.objects.filter(pk__in=stale[start:start + 500]).delete()


def items_to_index() -> int:
    return (PublicEntry.objects.exclude(category=Category.DIKECUALIKAN).count()
            + Announcement.objects.filter(status=EntryStatus.PUBLISHED, published_at__isnull=False).count())
