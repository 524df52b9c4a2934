"""What the API reads. Visibility is decided once, in ``warta.portal.access`` (the same functions every public
page, feed and download uses); this module only narrows and prefetches."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from warta.announcements.models import Announcement
from warta.documents.models import Document, DocumentVersion
from warta.portal.access import public_announcements, public_documents, public_entries
from warta.registry.models import Category, Edition, EditionStatus, PublicEntry

# The categories the public may see (exempt information never leaves the office).
PUBLIC_CATEGORIES = [value for value in Category.values if value != Category.DIKECUALIKAN]
# Above this many rows a snapshot is compared with the unit's public ids in one read instead of an IN list.
LARGE_SNAPSHOT = 2000


# What the API shows of a document's public file; never its text (pages of it, for search) or scan details.
DOCUMENT_FIELDS = ("document_id", "original_name", "media_type", "size", "sha256", "page_count", "ocr_file",
                   "ocr_size", "ocr_sha256")


def entries() -> QuerySet[PublicEntry]:
    """Public entries with their units; their public files are attached per page (``attach_public_files``)."""
    return public_entries().select_related("unit")


def announcements() -> QuerySet[Announcement]:
    return public_announcements().select_related("unit")


def documents() -> QuerySet[DocumentVersion]:
    """``access.public_documents()`` with only what the API shows and the public entries each is attached to.
    Each row is a public file; the document's id is its ``document_id``."""
    copies = Prefetch("public_entries", queryset=public_entries().only("pk", "entry_id"), to_attr="public_copies")
    return public_documents().only(*DOCUMENT_FIELDS).prefetch_related(
        Prefetch("document", queryset=Document.objects.only("pk").prefetch_related(copies)))


def editions() -> QuerySet[Edition]:
    return Edition.objects.filter(status=EditionStatus.SET).select_related("unit").order_by("-decree_date", "-pk")


def public_ids_in(edition: Edition) -> set[int]:
    """The entries of this edition's snapshot that are still public today."""
    ids = {row.get("entry_id") for row in edition.snapshot if isinstance(row.get("entry_id"), int)}
    if not ids:
        return set()
    public = public_entries()
    public = public.filter(unit_id=edition.unit_id) if len(ids) > LARGE_SNAPSHOT else public.filter(entry_id__in=ids)
    return ids & set(public.values_list("entry_id", flat=True))


def still_public_rows(edition: Edition) -> tuple[list[dict], int]:
    """The snapshot's rows whose entry is still public, and how many were withheld (withdrawn or exempted
    since the decree)."""
    public = public_ids_in(edition)
    rows = [row for row in edition.snapshot if row.get("entry_id") in public]
    return rows, len(edition.snapshot) - len(rows)
