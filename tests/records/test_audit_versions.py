"""Records written before offices and units were recorded still verify; in newer records the office and unit are
inside the hash, so moving a record to another office is detected."""

import hashlib
import json
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.office.conftest import start_run
from warta.accounts.models import Office
from warta.records.audit import GENESIS, record, verify_chain
from warta.records.models import AuditRecord, ChainHead

AT = datetime(2026, 11, 2, 3, 4, 5, 678901, tzinfo=UTC)


def legacy_hash(prev_hash: str, content: dict) -> str:
    """The hash as the first version of the audit log computed it (content only), written out independently."""
    payload = {"prev": prev_hash, "at": AT.isoformat(timespec="microseconds"), **content}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def write_legacy(model, prev_hash: str, extra: dict | None = None, **fields):
    """Append a record as the first version did, through the current model or a historical one."""
    content = {
        "actor_id": None,
        "actor_label": "sistem",
        "action": "lama.tindakan",
        "object_type": "uji",
        "object_id": "1",
        "object_label": "",
        "before": None,
        "after": {"nilai": 1},
        **fields,
    }
    rec = model(at=AT, prev_hash=prev_hash, record_hash=legacy_hash(prev_hash, content), **content, **(extra or {}))
    rec.save()
    return rec


def _sql(statement: str, *params) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.mark.django_db
def test_verify_passes_across_records_written_before_and_after_the_change(office, capsys):
    _sql(f"DELETE FROM {AuditRecord._meta.db_table}")  # a log that starts with the old format
    first = write_legacy(AuditRecord, GENESIS, {"version": 1})
    second = write_legacy(AuditRecord, first.record_hash, {"version": 1}, object_id="2", after={"nilai": 2})
    ChainHead.objects.update_or_create(pk=1, defaults={"last_hash": second.record_hash})
    newer = record(None, "baru.tindakan", office, after={"nilai": 3})
    assert (newer.version, newer.office_id, newer.prev_hash) == (2, office.pk, second.record_hash)
    report = verify_chain()
    assert report.ok and report.checked == 3
    call_command("audit", "verify", "--no-progress")
    assert "3 catatan diperiksa" in capsys.readouterr().out


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("column", "value"),
    [("office_id", "other"), ("unit_id", None), ("office_id", None), ("version", 1)],
    ids=["moved-to-another-office", "unit-removed", "office-removed", "claims-the-old-format"],
)
def test_tampering_with_the_office_or_unit_is_detected(staff, column, value):
    run = start_run(staff)
    target = AuditRecord.objects.for_object(run).get(action="pos.run.started")
    if value == "other":
        value = Office.objects.create(name="Kantor lain").pk
    _sql(f"UPDATE {AuditRecord._meta.db_table} SET {column} = %s WHERE id = %s", value, target.pk)
    report = verify_chain()
    assert not report.ok and report.broken_id == target.pk and "diubah" in report.reason


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_old_records_verifiable_and_gives_them_their_office(staff):
    run = start_run(staff)
    unit = staff["ppid"].unit
    executor = MigrationExecutor(connection)
    before = [("records", "0001_initial")]
    try:
        executor.migrate(before)
        old = executor.loader.project_state(before).apps.get_model("records", "AuditRecord")
        _sql(f"DELETE FROM {AuditRecord._meta.db_table}")
        _sql(f"DELETE FROM {ChainHead._meta.db_table}")
        prev = GENESIS
        legacy = [
            {"action": "pos.run.started", "object_type": "pos.run", "object_id": str(run.pk)},
            {"action": "accounts.user.created", "object_type": "accounts.user", "object_id": str(staff["pengolah"].pk)},
            {"action": "pos.procedure.loaded", "object_type": "pos.procedure", "object_id": "1"},
            {
                "action": "documents.upload_refused_malware",
                "object_type": "documents.document",
                "object_id": "",
                "actor_id": staff["pengolah"].pk,
                "actor_label": str(staff["pengolah"]),
            },
        ]
        for fields in legacy:
            prev = write_legacy(old, prev, **fields).record_hash
        executor.loader.project_state(before).apps.get_model("records", "ChainHead").objects.create(
            pk=1, last_hash=prev
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    rows = list(AuditRecord.objects.order_by("pk").values_list("version", "office_id", "unit_id"))
    assert rows == [
        (1, unit.office_id, unit.pk),
        (1, unit.office_id, unit.pk),
        (1, None, None),
        (1, unit.office_id, unit.pk),
    ]
    assert verify_chain().ok
    record(staff["ppid"], "baru.tindakan", run)
    report = verify_chain()
    assert report.ok and report.checked == 5
    seen = AuditRecord.objects.visible_to(staff["atasan"])
    assert seen.count() == 4 and not seen.filter(action="pos.procedure.loaded").exists()
