"""What the public may see: the one place the portal decides it.

Register entries come only from ``PublicEntry.objects.public()``; announcements only from
``Announcement.objects.public()``; a document only when it is attached to one of those, and then only the file
of its newest version that was verified and published through the procedure (``DocumentVersion``): a file
replaced after publication stays unseen until its own review is done and it is published. Every public view,
feed, sitemap, search result and download reads through these functions.
"""

from datetime import datetime

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404

from warta.announcements.models import Announcement
from warta.documents.models import Document, DocumentVersion
from warta.registry.models import Category, PublicEntry


def public_entries() -> QuerySet[PublicEntry]:
    return PublicEntry.objects.public()


def public_announcements() -> QuerySet[Announcement]:
    return Announcement.objects.public().exclude(category=Category.DIKECUALIKAN)


def public_documents() -> QuerySet[DocumentVersion]:
    """The file the public gets of each public document (one version per document; its id is ``document_id``).

    Written with EXISTS over the public entries and announcements: checking one document (or a page of them) costs
    an index look-up each, never a pass over every attachment of the register (about a second at 200,000
    documents)."""
    document = OuterRef("document_id")
    attached = Exists(public_entries().filter(documents=document)) | Exists(
        public_announcements().filter(documents=document)
    )
    return DocumentVersion.objects.newest_published().filter(attached)


def public_entry_or_404(entry_id: int) -> PublicEntry:
    public = public_entries().select_related("unit").filter(entry_id=entry_id).first()
    if public is None:
        raise Http404
    return public


def public_document_or_404(document_id: int) -> DocumentVersion:
    version = public_documents().filter(document_id=document_id).first()
    if version is None:
        raise Http404
    return version


def public_files(documents, *, at: datetime | None = None) -> list[DocumentVersion]:
    """The public files of documents attached to public content, in their order (those without one left out).
    ``at`` asks which files are public at another moment (a scheduled publication's)."""
    documents = list(documents)
    versions = DocumentVersion.objects.newest_published(at).filter(document__in=[d.pk for d in documents])
    by_document = {version.document_id: version for version in versions}
    return [by_document[document.pk] for document in documents if document.pk in by_document]


def public_files_prefetch(lookup: str = "documents", *, fields=None) -> Prefetch:
    """Prefetch a documents relation so that ``prefetched_files`` reads its public files without a query each."""
    versions = DocumentVersion.objects.newest_published()
    if fields:
        versions = versions.only("document_id", *fields)
    return Prefetch(lookup, queryset=Document.objects.only("pk").prefetch_related(
        Prefetch("versions", queryset=versions, to_attr="public_file_list")))  # fmt: skip


def prefetched_files(documents) -> list[DocumentVersion]:
    return [version for document in documents for version in document.public_file_list]
