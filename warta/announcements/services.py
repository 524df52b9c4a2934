"""Announcements move with the POS run like register entries: drafted in the drafting step, verified by the
verification step, published in the upload step (when the register's ``publish_run`` runs).

An announcement can carry documents: ones already in the office's register, or new uploads through the documents
service. They are verified with the announcement (the verification step cannot approve while one is unread or
has open personal-data findings), and only their verified file versions reach the public with it."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from warta.accounts.models import Role
from warta.core.errors import join_labels
from warta.documents.models import Document
from warta.documents.services import (
    document_ready_for_verification,
    mark_versions_verified,
    publish_versions,
    upload_document,
)
from warta.pos.models import Run
from warta.pos.services.guards import require_role
from warta.records.audit import record
from warta.registry.models import Category, EntryStatus
from warta.registry.services.entries import announce_public_change, require_drafting

from . import errors
from .models import SERTA_MERTA_PARTS, Announcement

EDITABLE = ["title", "summary", "body", "category", "urgent_until", *SERTA_MERTA_PARTS]


def _checked(values: dict) -> dict:
    unknown = set(values) - set(EDITABLE)
    if unknown:
        name = sorted(unknown)[0]
        raise errors.INVALID_VALUE.error(field=name, label=name, problem=_("tidak dikenal."))
    probe = Announcement(**values)
    try:
        probe.clean_fields(exclude=[name for name in (f.name for f in Announcement._meta.fields) if name not in values])
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        label = Announcement._meta.get_field(field).verbose_name
        raise errors.INVALID_VALUE.error(field=field, label=label, problem=" ".join(messages)) from None
    if probe.category == Category.SERTA_MERTA:
        missing = [str(label) for name, label in SERTA_MERTA_PARTS.items() if not str(getattr(probe, name)).strip()]
        if missing:
            raise errors.SERTA_MERTA_INCOMPLETE.error(field=next(
                name for name, label in SERTA_MERTA_PARTS.items() if str(label) == missing[0]
            ), missing=join_labels(missing).lower())
    return values


def _unique_slug(title: str) -> str:
    base = slugify(title)[:100] or "pengumuman"
    slug, number = base, 2
    while Announcement.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def create_announcement(actor, run: Run, values: dict, *, now: datetime | None = None) -> Announcement:
    now = now or timezone.now()
    require_drafting(actor, run)
    values = _checked({**{"category": Category.SERTA_MERTA if run.urgent else Category.BERKALA}, **values})
    announcement = Announcement.objects.create(unit=run.unit, run=run, slug=_unique_slug(values.get("title", "")),
                                               created_by=actor, created_at=now, updated_at=now, **values)
    record(actor, "announcements.created", announcement, at=now, after=values)
    return announcement


@transaction.atomic
def update_announcement(actor, run: Run, announcement: Announcement, values: dict, *,
                        now: datetime | None = None) -> Announcement:
    now = now or timezone.now()
    require_drafting(actor, run)
    announcement = Announcement.objects.select_for_update().get(pk=announcement.pk)
    if announcement.run_id != run.pk:
        raise errors.NOT_IN_RUN.error(number=announcement.run.number)
    current = {name: getattr(announcement, name) for name in EDITABLE}
    _checked({**current, **values})
    changes = {name: [current[name], value] for name, value in values.items() if current[name] != value}
    for name, value in values.items():
        setattr(announcement, name, value)
    announcement.status = EntryStatus.DRAFT
    announcement.updated_at = now
    announcement.save()
    record(actor, "announcements.updated", announcement, at=now, after={"changes": changes})
    return announcement


def available_documents(run: Run) -> QuerySet[Document]:
    """Documents an announcement of this run may carry: those in the office's register (attached to an entry)
    or already carried by one of its announcements."""
    office = run.unit.office_id
    return Document.objects.filter(
        Q(entry_links__entry__unit__office_id=office) | Q(announcements__unit__office_id=office)
    ).distinct()


def _editable(actor, run: Run, announcement: Announcement) -> Announcement:
    require_drafting(actor, run)
    announcement = Announcement.objects.select_for_update().get(pk=announcement.pk)
    if announcement.run_id != run.pk:
        raise errors.NOT_IN_RUN.error(number=announcement.run.number)
    return announcement


def _changed(announcement: Announcement, actor, action: str, document: Document, now: datetime) -> None:
    announcement.status = EntryStatus.DRAFT  # verified again before it is published
    announcement.updated_at = now
    announcement.save(update_fields=["status", "updated_at"])
    record(actor, action, announcement, at=now,
           after={"document": document.pk, "version": document.version, "sha256": document.sha256,
                  "name": document.original_name})


@transaction.atomic
def attach_document(actor, run: Run, announcement: Announcement, document: Document, *,
                    now: datetime | None = None) -> Announcement:
    """Attach a document from the office's register. Attaching one twice changes nothing."""
    now = now or timezone.now()
    announcement = _editable(actor, run, announcement)
    if not available_documents(run).filter(pk=document.pk).exists():
        raise errors.DOCUMENT_NOT_AVAILABLE.error(field="document")
    if not announcement.documents.filter(pk=document.pk).exists():
        announcement.documents.add(document)
        _changed(announcement, actor, "announcements.document.attached", document, now)
    return announcement


def attach_upload(actor, run: Run, announcement: Announcement, uploaded_file, *,
                  now: datetime | None = None) -> Document:
    """Check and store a new file through the documents service, then attach it. Refused before the upload
    when the announcement cannot be changed, so nothing is stored for nothing."""
    with transaction.atomic():
        _editable(actor, run, announcement)
    document = upload_document(actor, uploaded_file)
    with transaction.atomic():
        locked = _editable(actor, run, announcement)
        locked.documents.add(document)
        _changed(locked, actor, "announcements.document.attached", document, now or timezone.now())
    return document


@transaction.atomic
def detach_document(actor, run: Run, announcement: Announcement, document: Document, *,
                    now: datetime | None = None) -> Announcement:
    now = now or timezone.now()
    announcement = _editable(actor, run, announcement)
    if not announcement.documents.filter(pk=document.pk).exists():
        raise errors.DOCUMENT_NOT_ATTACHED.error()
    announcement.documents.remove(document)
    _changed(announcement, actor, "announcements.document.detached", document, now)
    return announcement


def verification_problems(run: Run) -> list[str]:
    """What in the run's announcements' documents stops verification (registered with the POS engine)."""
    problems = []
    for announcement in run.announcements.prefetch_related("documents"):
        for document in announcement.documents.all():
            problems += [f"{announcement.title} — {document.original_name}: {problem}"
                         for problem in document_ready_for_verification(document)]
    return problems


def mark_verified(run: Run, actor, now: datetime) -> int:
    drafts = run.announcements.filter(status=EntryStatus.DRAFT).prefetch_related("documents")
    for announcement in drafts:
        mark_versions_verified(actor, announcement.documents.all(), now)
    count = drafts.update(status=EntryStatus.VERIFIED, updated_at=now)
    if count:
        record(actor, "announcements.verified", run, at=now, after={"announcements": count})
    return count


def publish_verified(run: Run, actor, at: datetime, now: datetime) -> int:
    """Called when the register publishes the run (the upload step)."""
    verified = list(run.announcements.filter(status=EntryStatus.VERIFIED).prefetch_related("documents"))
    for announcement in verified:
        publish_versions(actor, announcement.documents.all(), at)  # before the save that indexes it for search
        announcement.status = EntryStatus.PUBLISHED
        announcement.published_at = at
        announcement.save(update_fields=["status", "published_at"])
        record(actor, "announcements.published", announcement, at=now, after={"published_at": at})
    if verified:
        announce_public_change(Announcement, run.unit)
    return len(verified)


@transaction.atomic
def withdraw_announcement(actor, announcement: Announcement, *, reason: str,
                          now: datetime | None = None) -> Announcement:
    now = now or timezone.now()
    require_role(actor, Role.PPID, announcement.unit)
    if not reason.strip():
        raise errors.REASON_REQUIRED.error(field="reason")
    before = announcement.status
    announcement.status = EntryStatus.WITHDRAWN
    announcement.withdrawn_reason = reason.strip()
    announcement.save(update_fields=["status", "withdrawn_reason"])
    record(actor, "announcements.withdrawn", announcement, at=now, before={"status": before},
           after={"reason": reason.strip()})
    announce_public_change(Announcement, announcement.unit)
    return announcement


def has_announcements(run: Run) -> bool:
    return run.announcements.exists()


def all_verified(run: Run) -> bool:
    return has_announcements(run) and not run.announcements.filter(status=EntryStatus.DRAFT).exists()


def all_published(run: Run) -> bool:
    return has_announcements(run) and not run.announcements.exclude(status=EntryStatus.PUBLISHED).exists()
