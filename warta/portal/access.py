"""What the public may see: the one place the portal decides it.

Register entries come only from ``PublicEntry.objects.public()``; announcements only from
``Announcement.objects.public()``; a document only when it is attached to one of those and its personal-data
review is settled (a file replaced after publication waits for its new review before anyone can fetch it).
Every public view, feed, sitemap, search result and download reads through these functions.
"""

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from warta.announcements.models import Announcement
from warta.documents.models import Document, PIIStatus
from warta.registry.models import Category, PublicEntry

SERVABLE_PII = (PIIStatus.CLEAN, PIIStatus.CLEARED)


def public_entries() -> QuerySet[PublicEntry]:
    return PublicEntry.objects.public()


def public_announcements() -> QuerySet[Announcement]:
    return Announcement.objects.public().exclude(category=Category.DIKECUALIKAN)


def document_is_servable(document: Document) -> bool:
    return document.pii_status in SERVABLE_PII


def public_documents() -> QuerySet[Document]:
    """Written with EXISTS: checking one document (or a page of them) costs an index look-up each, never a pass
    over every attachment of the register (about a second at 200,000 documents)."""
    document = OuterRef("pk")
    attached = Exists(public_entries().filter(documents=document)) | Exists(
        public_announcements().filter(documents=document)
    )
    return Document.objects.filter(attached, pii_status__in=SERVABLE_PII)


def public_entry_or_404(entry_id: int) -> PublicEntry:
    public = public_entries().select_related("unit").filter(entry_id=entry_id).first()
    if public is None:
        raise Http404
    return public


def public_document_or_404(document_id: int) -> Document:
    document = public_documents().filter(pk=document_id).first()
    if document is None:
        raise Http404
    return document


def servable(documents) -> list[Document]:
    return [document for document in documents if document_is_servable(document)]
