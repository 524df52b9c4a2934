"""DIP editions: proposed by the PPID, approved by the Atasan PPID, set by decree (Perki 1/2021 Ps 45).

An edition freezes the published register as it stood: later changes to entries never alter it, and its PDF
can be rendered again from the snapshot alone.
"""

import hashlib
import json
from datetime import date, datetime
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from warta.accounts.models import Role
from warta.pos.services.guards import require_role
from warta.records.audit import record

from .. import errors
from ..exporting import export_pdf
from ..models import REGISTER_FIELDS, Edition, EditionStatus, PublicEntry
from ..signing import sign_pdf, signing_configured
from .entries import _add_months

UPDATE_MONTHS = 6  # Perki 1/2021 Ps 45: the DIP is updated at least every 6 months


def _snapshot(unit) -> list[dict]:
    rows = []
    for public in PublicEntry.objects.filter(unit=unit).public().prefetch_related("documents"):
        row = {name: getattr(public, name) for name in REGISTER_FIELDS}
        row["entry_id"] = public.entry_id
        row["published_at"] = public.published_at
        row["documents"] = [{"name": d.original_name, "sha256": d.sha256} for d in public.documents.all()]
        rows.append(row)
    return json.loads(json.dumps(rows, cls=DjangoJSONEncoder))


def snapshot_hash(snapshot: list[dict]) -> str:
    return hashlib.sha256(json.dumps(snapshot, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def snapshot_entries(edition: Edition) -> list[SimpleNamespace]:
    """The frozen rows as objects with the register's attributes (what the exporters take)."""
    return [SimpleNamespace(**row) for row in edition.snapshot]


def _require_status(edition: Edition, status: str) -> None:
    if edition.status != status:
        raise errors.EDITION_WRONG_STATUS.error(status=edition.get_status_display())


@transaction.atomic
def propose_edition(actor, *, title: str, now: datetime | None = None) -> Edition:
    now = now or timezone.now()
    require_role(actor, Role.PPID, actor.unit)
    snapshot = _snapshot(actor.unit)
    if not snapshot:
        raise errors.EDITION_EMPTY.error()
    edition = Edition.objects.create(unit=actor.unit, title=title.strip() or "Daftar Informasi Publik",
                                     proposed_by=actor, proposed_at=now, snapshot=snapshot,
                                     entry_count=len(snapshot), content_hash=snapshot_hash(snapshot))
    record(actor, "registry.edition.proposed", edition, at=now,
           after={"entries": edition.entry_count, "hash": edition.content_hash})
    return edition


@transaction.atomic
def approve_edition(actor, edition: Edition, *, now: datetime | None = None) -> Edition:
    now = now or timezone.now()
    require_role(actor, Role.ATASAN, edition.unit.office.units.filter(pk=actor.unit_id).first() or edition.unit)
    _require_status(edition, EditionStatus.PROPOSED)
    edition.status = EditionStatus.APPROVED
    edition.approved_by = actor
    edition.approved_at = now
    edition.save(update_fields=["status", "approved_by", "approved_at"])
    record(actor, "registry.edition.approved", edition, at=now, after={"hash": edition.content_hash})
    return edition


@transaction.atomic
def set_edition(actor, edition: Edition, *, decree_number: str, decree_date: date,
                now: datetime | None = None) -> Edition:
    """The PPID's decree sets the approved edition; its PDF is rendered from the frozen snapshot."""
    now = now or timezone.now()
    require_role(actor, Role.PPID, edition.unit)
    _require_status(edition, EditionStatus.APPROVED)
    if not decree_number.strip():
        raise errors.REASON_REQUIRED.error(field="decree_number")
    edition.status = EditionStatus.SET
    edition.decree_number = decree_number.strip()
    edition.decree_date = decree_date
    edition.set_by = actor
    edition.next_due = _add_months(decree_date, UPDATE_MONTHS)
    pdf = export_pdf(snapshot_entries(edition), edition.unit.office, title=edition.title,
                     decree_number=edition.decree_number, decree_date=decree_date, signer=actor)
    if signing_configured():
        signed = sign_pdf(pdf, reason=f"Penetapan {edition.title} (SK {edition.decree_number})",
                          location=edition.unit.office.name)
        pdf, edition.signed_by = signed.data, signed.signer
    edition.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    edition.pdf.save(f"dip-{edition.pk}.pdf", ContentFile(pdf), save=False)
    edition.save()
    record(actor, "registry.edition.set", edition, at=now, after={
        "decree_number": edition.decree_number, "decree_date": decree_date, "hash": edition.content_hash,
        "next_due": edition.next_due, "pdf_sha256": edition.pdf_sha256, "signed_by": edition.signed_by,
    })
    return edition


def next_edition_due(unit) -> date | None:
    """When the unit's DIP must next be set: 6 months after the last decree (None when none was ever set)."""
    latest = Edition.objects.filter(unit=unit, status=EditionStatus.SET).order_by("-decree_date").first()
    return latest.next_due if latest else None
