"""Drafting, verifying, publishing and withdrawing register entries, each change kept as a revision.

Entries are drafted in the POS step that prepares the DIP, verified by the verification step and published in
the upload step. Only ``publish_run`` writes ``PublicEntry`` rows; ``withdraw_entry`` removes them.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from warta.accounts.models import Role
from warta.core.errors import join_labels
from warta.core.signals import public_content_changed
from warta.documents.services import (
    document_ready_for_verification,
    mark_versions_verified,
    publish_versions,
    replace_document_file,
)
from warta.pos.models import Run, RunStatus, StepRun
from warta.pos.services.guards import require_executor, require_role
from warta.records.audit import record

from .. import errors
from ..models import REGISTER_FIELDS, Category, Entry, EntryDocument, EntryStatus, Exemption, PublicEntry, Revision
from ..signals import run_published

BERKALA_UPDATE_MONTHS = 6  # Perki 1/2021 Ps 18: berkala information is announced at least every 6 months


def _step_number(run: Run, offset: int) -> int:
    """Numbers of the drafting (offset 0) and upload (offset 1) steps, read from the procedure's verification step."""
    verification = run.procedure.steps.filter(is_verification=True).first()
    if verification is None:
        raise errors.NO_VERIFICATION_STEP.error(code=run.procedure.code)
    return verification.returns_to if offset == 0 else verification.number + 1


def _require_step(actor, run: Run, offset: int, code) -> StepRun:
    current = run.current_step()
    expected = _step_number(run, offset)
    if run.status != RunStatus.ACTIVE or current is None or current.step.number != expected:
        step = run.procedure.steps.get(number=expected)
        raise code.error(number=run.number, step=f"{step.number}. {step.activity}")
    require_executor(actor, current)
    return current


def require_drafting(actor, run: Run) -> StepRun:
    """The register is drafted only in the run's drafting step, by that step's executor."""
    return _require_step(actor, run, 0, errors.NOT_DRAFTING)


def require_uploading(actor, run: Run) -> StepRun:
    return _require_step(actor, run, 1, errors.NOT_UPLOADING)


def _clean_values(values: dict, *, partial: bool = False) -> dict:
    unknown = set(values) - set(REGISTER_FIELDS)
    if unknown:
        raise errors.UNKNOWN_FIELD.error(field=sorted(unknown)[0], fields=join_labels(sorted(unknown)))
    probe = Entry(**{name: value for name, value in values.items()})
    exclude = ["unit", "number", *([name for name in REGISTER_FIELDS if name not in values] if partial else [])]
    try:
        probe.clean_fields(exclude=exclude)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        label = Entry._meta.get_field(field).verbose_name
        raise errors.INVALID_VALUE.error(field=field, label=label, problem=" ".join(messages)) from None
    return {name: getattr(probe, name) for name in values}


def next_number(unit) -> int:
    return (Entry.objects.filter(unit=unit).aggregate(top=Max("number"))["top"] or 0) + 1


def revise(entry: Entry, actor, action: str, changes: dict, now: datetime, *, reason: str = "",
            run: Run | None = None) -> Revision:
    number = (entry.revisions.aggregate(top=Max("number"))["top"] or 0) + 1
    return Revision.objects.create(entry=entry, number=number, at=now, actor=actor, action=action, reason=reason,
                                   changes=changes, run=run)


@transaction.atomic
def create_entry(actor, run: Run, values: dict, *, reason: str = "", now: datetime | None = None) -> Entry:
    now = now or timezone.now()
    require_drafting(actor, run)
    values = _clean_values(values)
    values.setdefault("number", next_number(run.unit))
    entry = Entry.objects.create(unit=run.unit, run=run, status=EntryStatus.DRAFT, created_at=now, updated_at=now,
                                 **values)
    revise(entry, actor, "dibuat", {name: [None, value] for name, value in entry.register_values().items()}, now,
            reason=reason, run=run)
    record(actor, "registry.entry.created", entry, at=now, after=entry.register_values())
    return entry


@transaction.atomic
def update_entry(actor, run: Run, entry: Entry, values: dict, *, reason: str,
                 now: datetime | None = None) -> Entry:
    """Change an entry's working copy. A published entry stays public as it was until the change is published."""
    now = now or timezone.now()
    require_drafting(actor, run)
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if entry.unit.office_id != run.unit.office_id:
        raise errors.OTHER_OFFICE.error()
    if not reason.strip():
        raise errors.REASON_REQUIRED.error(field="reason")
    values = _clean_values(values, partial=True)
    changes = {name: [getattr(entry, name), value] for name, value in values.items() if getattr(entry, name) != value}
    if not changes:
        return entry
    for name, (_, value) in changes.items():
        setattr(entry, name, value)
    before_status = entry.status
    entry.status = EntryStatus.DRAFT
    entry.run = run
    entry.updated_at = now
    entry.save()
    revise(entry, actor, "diubah", changes, now, reason=reason.strip(), run=run)
    record(actor, "registry.entry.updated", entry, at=now, before={"status": before_status},
           after={"changes": changes, "reason": reason.strip()})
    return entry


@transaction.atomic
def attach_document(actor, run: Run, entry: Entry, document, *, label: str = "",
                    now: datetime | None = None) -> EntryDocument:
    now = now or timezone.now()
    require_drafting(actor, run)
    link, created = EntryDocument.objects.get_or_create(
        entry=entry, document=document, defaults={"label": label, "position": entry.attachments.count()}
    )
    if created:
        Entry.objects.filter(pk=entry.pk).update(status=EntryStatus.DRAFT, run=run, updated_at=now)
        revise(entry, actor, "lampiran ditambah", {"lampiran": [None, document.original_name]}, now, run=run)
        record(actor, "registry.document.attached", entry, at=now,
               after={"document": document.pk, "sha256": document.sha256, "label": label})
    return link


@transaction.atomic
def detach_document(actor, run: Run, entry: Entry, document, *, now: datetime | None = None) -> None:
    now = now or timezone.now()
    require_drafting(actor, run)
    deleted, _ = EntryDocument.objects.filter(entry=entry, document=document).delete()
    if deleted:
        Entry.objects.filter(pk=entry.pk).update(status=EntryStatus.DRAFT, run=run, updated_at=now)
        revise(entry, actor, "lampiran dilepas", {"lampiran": [document.original_name, None]}, now, run=run)
        record(actor, "registry.document.detached", entry, at=now, after={"document": document.pk})


def replace_attachment_file(actor, run: Run, entry: Entry, document, new_file, *,
                            now: datetime | None = None):
    """A corrected file for an attached document becomes its next version; the entry goes back to draft in this
    run, so the new file is verified before it is published. The public keeps the published file till then."""
    now = now or timezone.now()
    require_drafting(actor, run)
    if not EntryDocument.objects.filter(entry=entry, document=document).exists():
        raise errors.DOCUMENT_NOT_ATTACHED.error()
    document = replace_document_file(actor, document, new_file)
    with transaction.atomic():
        Entry.objects.filter(pk=entry.pk).update(status=EntryStatus.DRAFT, run=run, updated_at=now)
        revise(entry, actor, "berkas lampiran diganti",
               {"lampiran": [document.original_name, f"{document.original_name} (versi {document.version})"]},
               now, run=run)
        record(actor, "registry.document.replaced", entry, at=now,
               after={"document": document.pk, "version": document.version, "sha256": document.sha256})
    return document


def standing_exemption_ids(entries) -> set[int]:
    return set(Exemption.objects.standing().filter(entry__in=entries).values_list("entry_id", flat=True))


def verification_problems(run: Run) -> list[str]:
    """What stops the verification step from approving this run's register (registered with the POS engine)."""
    problems = []
    for entry in run.entries.prefetch_related("attachments__document"):
        for link in entry.attachments.all():
            problems += [f"{entry.title} — {link.document.original_name}: {problem}"
                         for problem in document_ready_for_verification(link.document)]
    return problems


def mark_run_verified(run: Run, actor, now: datetime) -> int:
    """The verification step approved: the run's drafts become verified."""
    drafts = run.entries.filter(status=EntryStatus.DRAFT).prefetch_related("attachments__document")
    count = 0
    for entry in drafts:
        mark_versions_verified(actor, [link.document for link in entry.attachments.all()], now)
        entry.status = EntryStatus.VERIFIED
        entry.verified_at = now
        entry.verified_by = actor
        entry.save(update_fields=["status", "verified_at", "verified_by"])
        revise(entry, actor, "diverifikasi", {"status": [EntryStatus.DRAFT, EntryStatus.VERIFIED]}, now, run=run)
        count += 1
    record(actor, "registry.run.verified", run, at=now, after={"entries": count})
    return count


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _publish_entry(entry: Entry, actor, run: Run, at: datetime, now: datetime) -> PublicEntry:
    documents = [link.document for link in entry.attachments.all()]
    publish_versions(actor, documents, at)  # before the public copy is saved: its search row reads the public files
    values = entry.register_values()
    public, created = PublicEntry.objects.update_or_create(
        entry=entry, defaults={**values, "unit": entry.unit, "published_at": at, "first_published_at": at}
    )
    if not created:
        PublicEntry.objects.filter(pk=public.pk).update(first_published_at=entry.published_at or at)
    public.documents.set(documents)
    entry.status = EntryStatus.PUBLISHED
    entry.published_at = at
    entry.publish_at = at if at > now else None
    entry.withdrawn_at = None
    entry.withdrawn_reason = ""
    if entry.category == Category.BERKALA:
        entry.next_update_due = _add_months(timezone.localdate(at), BERKALA_UPDATE_MONTHS)
    entry.save()
    revise(entry, actor, "terbit", {"status": [EntryStatus.VERIFIED, EntryStatus.PUBLISHED]}, now, run=run)
    return public


@transaction.atomic
def publish_run(actor, run: Run, *, publish_at: datetime | None = None, now: datetime | None = None) -> int:
    """The upload step: publish the run's verified entries now or at a scheduled time. Exempt ones never."""
    now = now or timezone.now()
    require_uploading(actor, run)
    at = max(publish_at or now, now)
    verified = list(run.entries.filter(status=EntryStatus.VERIFIED).prefetch_related("attachments__document"))
    exempt = standing_exemption_ids(verified)
    published = [_publish_entry(entry, actor, run, at, now) for entry in verified
                 if entry.category != Category.DIKECUALIKAN and entry.pk not in exempt]
    record(actor, "registry.run.published", run, at=now,
           after={"entries": [p.entry_id for p in published], "publish_at": at, "kept_closed": sorted(exempt)})
    run_published.send(sender=Run, run=run, actor=actor, at=at, now=now)
    announce_public_change(PublicEntry, run.unit)
    return len(published)


def announce_public_change(sender, unit) -> None:
    transaction.on_commit(lambda: public_content_changed.send(sender=sender, unit=unit))


@transaction.atomic
def withdraw_entry(actor, entry: Entry, *, reason: str, now: datetime | None = None) -> Entry:
    """Take an entry off the public site at once (the PPID's decision), with a reason kept on record."""
    now = now or timezone.now()
    require_role(actor, Role.PPID, actor.unit) if actor.unit else require_role(actor, Role.PPID, entry.unit)
    if entry.unit.office_id != actor.unit.office_id:
        raise errors.OTHER_OFFICE.error()
    if not reason.strip():
        raise errors.REASON_REQUIRED.error(field="reason")
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    before = entry.status
    PublicEntry.objects.filter(entry=entry).delete()
    entry.status = EntryStatus.WITHDRAWN
    entry.withdrawn_at = now
    entry.withdrawn_reason = reason.strip()
    entry.publish_at = None
    entry.save()
    revise(entry, actor, "ditarik", {"status": [before, EntryStatus.WITHDRAWN]}, now, reason=reason.strip())
    record(actor, "registry.entry.withdrawn", entry, at=now, before={"status": before},
           after={"reason": reason.strip()})
    announce_public_change(PublicEntry, entry.unit)
    return entry


def entries_awaiting(run: Run, status: str) -> list[Entry]:
    return list(run.entries.filter(status=status))


def has_drafts(run: Run) -> bool:
    return run.entries.exists()


def has_material(run: Run) -> bool:
    """Some of the run's entries carry their material: an attached document or a link."""
    return run.entries.filter(attachments__isnull=False).exists() or run.entries.exclude(links=[]).exists()


def all_verified(run: Run) -> bool:
    entries = run.entries.all()
    return entries.exists() and not entries.filter(status=EntryStatus.DRAFT).exists()


def all_published(run: Run) -> bool:
    entries = run.entries.exclude(category=Category.DIKECUALIKAN)
    return entries.exists() and not entries.exclude(status=EntryStatus.PUBLISHED).exists()
