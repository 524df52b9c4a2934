"""What the public may see: the one place the portal decides it.

Register entries come only from ``PublicEntry.objects.public()``; announcements only from
``Announcement.objects.public()``; a document only when it is attached to one of those, and then only the file
of its newest version that was verified and published through the procedure (``DocumentVersion``): a file
replaced after publication stays unseen until its own review is done and it is published. Every public view,
feed, sitemap, search result and download reads through these functions.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from django.db.models import F, OuterRef, QuerySet
from django.http import Http404

from warta.announcements.models import Announcement
from warta.core.expressions import ExistsPerRow
from warta.documents.models import DocumentVersion
from warta.registry.models import Category, PublicEntry

# A document's public file comes in the order of its document (newest upload first).
DOCUMENT_ORDER = ("-document__uploaded_at", "-document_id")
# What pages, feeds and the API show of a public file. Who uploaded and verified it, and when, stay unread: on
# SQLite each date column is parsed in Python, and a page of 20 entries has some 40 files.
PUBLIC_FILE_FIELDS = ("document_id", "original_name", "media_type", "size", "sha256", "page_count", "ocr_file",
                      "ocr_size", "ocr_sha256")


def public_entries() -> QuerySet[PublicEntry]:
    return PublicEntry.objects.public()


def public_announcements() -> QuerySet[Announcement]:
    return Announcement.objects.public().exclude(category=Category.DIKECUALIKAN)


def public_documents() -> QuerySet[DocumentVersion]:
    """The file the public gets of each public document (one version per document; its id is ``document_id``).

    Written with EXISTS over the public entries and announcements, checked row by row (``ExistsPerRow``): checking
    one document (or a page of them) costs an index look-up each, never a pass over every attachment of the register
    (about a second at 200,000 documents on SQLite with IN, 0.2 s on PostgreSQL with hashed EXISTS)."""
    document = OuterRef("document_id")
    attached = ExistsPerRow(public_entries().filter(documents=document)) | ExistsPerRow(
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


def attach_public_files(items: Sequence, *, at: datetime | None = None, text: bool = False) -> None:
    """Give each public entry or announcement in ``items`` its public files, in its documents' order, as
    ``public_file_list`` (documents without a public file left out): one query for all of them. ``at`` asks which
    files are public at another moment (a scheduled publication's); ``text`` also reads each file's text, which
    only the search index needs."""
    if not items:
        return
    owner = "document__" + type(items[0])._meta.get_field("documents").related_query_name()
    # Every published version of these documents, newest first within each document: its first is the public file
    # (the rule of ``newest_published``, applied here in Python). Without that method's NOT EXISTS the query costs
    # half as much to build and to plan, and a document seldom has more than one version.
    versions = (DocumentVersion.objects.published(at).filter(**{f"{owner}__in": [item.pk for item in items]})
                .annotate(owner_pk=F(owner)).order_by(*DOCUMENT_ORDER, "-number"))  # the annotation reuses the join
    by_owner = defaultdict(dict)
    for version in versions.only(*PUBLIC_FILE_FIELDS, *(["text"] if text else [])):
        by_owner[version.owner_pk].setdefault(version.document_id, version)
    for item in items:
        item.public_file_list = list(by_owner[item.pk].values())
