"""Writing and checking the audit chain.

Every service calls :func:`record` inside its transaction. The hash of a record covers its content and
the hash of the record before it, so changing, deleting or reordering any record breaks the chain from
there on; :func:`verify_chain` names the first record where it breaks.

Each record belongs to the office and unit of its subject (a subject says so through ``audit_scope``), or, with
no subject, to the acting user's; without either it belongs to the whole deployment. Since version 2 the office
and unit are inside the hash; version 1 records (written before) are checked exactly as they were written.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import AuditRecord, ChainHead

GENESIS = "0" * 64
HASH_VERSION = 2  # 1: content only; 2: content, office and unit


def _normalise(value: Any) -> Any:
    """JSON-ready and stable: what goes in is exactly what a reread gives back."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True))


def _content_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    payload = json.dumps({"prev": prev_hash, **fields}, sort_keys=True, ensure_ascii=False, cls=DjangoJSONEncoder)
    return hashlib.sha256(payload.encode()).hexdigest()


def _hashed_fields(rec: AuditRecord) -> dict[str, Any]:
    fields = {
        "at": rec.at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_id": rec.actor_id,
        "actor_label": rec.actor_label,
        "action": rec.action,
        "object_type": rec.object_type,
        "object_id": rec.object_id,
        "object_label": rec.object_label,
        "before": rec.before,
        "after": rec.after,
    }
    if rec.version != 1:  # a record claiming version 1 is checked without these, so a false claim breaks its hash
        fields.update(version=rec.version, office_id=rec.office_id, unit_id=rec.unit_id)
    return fields


def scope_of(subject, actor) -> tuple[int | None, int | None]:
    """The (office, unit) a record belongs to: its subject's, or with no subject the acting user's."""
    holder = subject if subject is not None else actor
    return getattr(holder, "audit_scope", (None, None)) if holder is not None else (None, None)


def record(actor, action: str, obj=None, *, before=None, after=None, object_type: str = "",
           object_id: str = "", object_label: str = "", at: datetime | None = None) -> AuditRecord:
    """Append one record. ``actor`` is a user or None (the system: jobs, CLI without --as).

    The log is kept in Indonesian whatever language the actor reads: labels and lazy texts are rendered so.
    """
    with transaction.atomic(), translation.override("id"):
        head, _created = ChainHead.objects.select_for_update().get_or_create(pk=1, defaults={"last_hash": GENESIS})
        office_id, unit_id = scope_of(obj, actor)
        rec = AuditRecord(
            at=at or timezone.now(),
            actor=actor,
            actor_label=str(actor) if actor else "sistem",
            action=action,
            object_type=obj._meta.label_lower if obj is not None else object_type,
            object_id=str(obj.pk) if obj is not None else object_id,
            object_label=(object_label or (str(obj) if obj is not None else ""))[:300],
            before=_normalise(before),
            after=_normalise(after),
            office_id=office_id,
            unit_id=unit_id,
            version=HASH_VERSION,
            prev_hash=head.last_hash,
        )
        rec.record_hash = _content_hash(rec.prev_hash, _hashed_fields(rec))
        rec.save()
        ChainHead.objects.filter(pk=1).update(last_hash=rec.record_hash)
        return rec


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_id: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return not self.reason


def verify_chain(progress=None) -> ChainReport:
    """Walk the whole chain in order; stop at the first record whose hash or link is wrong."""
    expected_prev = GENESIS
    checked = 0
    for rec in AuditRecord.objects.order_by("pk").iterator(chunk_size=2000):
        if rec.prev_hash != expected_prev:
            return ChainReport(
                checked, rec.pk, _("tautan ke catatan sebelumnya putus: ada catatan yang dihapus atau disisipkan")
            )
        if _content_hash(rec.prev_hash, _hashed_fields(rec)) != rec.record_hash:
            return ChainReport(checked, rec.pk, _("isi catatan ini telah diubah"))
        expected_prev = rec.record_hash
        checked += 1
        if progress:
            progress(1)
    head = ChainHead.objects.filter(pk=1).first()
    if head and head.last_hash != expected_prev:
        return ChainReport(checked, None, _("catatan terakhir dalam rantai telah dihapus"))
    return ChainReport(checked)
