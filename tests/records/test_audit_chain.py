"""The audit log is append-only and hash-chained: tampering is detected and the first bad record named."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from warta.records.audit import record, verify_chain
from warta.records.models import AppendOnlyError, AuditRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain():
    return [record(None, "test.action", object_type="uji", object_id=str(i), after={"nilai": i}) for i in range(5)]


def test_intact_chain_verifies(chain):
    report = verify_chain()
    assert report.ok and report.checked == 5
    assert chain[1].prev_hash == chain[0].record_hash


def test_records_refuse_change_and_deletion(chain):
    chain[2].action = "diubah"
    with pytest.raises(AppendOnlyError):
        chain[2].save()
    with pytest.raises(AppendOnlyError):
        chain[2].delete()
    with pytest.raises(AppendOnlyError):
        AuditRecord.objects.filter(pk=chain[2].pk).update(action="x")


def _sql(statement: str, *params) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_edited_record_is_named(chain):
    _sql(f"UPDATE {AuditRecord._meta.db_table} SET after = %s WHERE id = %s", '{"nilai": 99}', chain[3].pk)
    report = verify_chain()
    assert not report.ok and report.broken_id == chain[3].pk and report.checked == 3
    with pytest.raises(CommandError, match=f"catatan #{chain[3].pk}"):
        call_command("audit", "verify", "--no-progress")


def test_deleted_record_is_detected(chain):
    _sql(f"DELETE FROM {AuditRecord._meta.db_table} WHERE id = %s", chain[1].pk)
    report = verify_chain()
    assert report.broken_id == chain[2].pk and "dihapus" in report.reason


def test_deleted_last_record_is_detected(chain):
    _sql(f"DELETE FROM {AuditRecord._meta.db_table} WHERE id = %s", chain[4].pk)
    report = verify_chain()
    assert not report.ok and report.broken_id is None


def test_audit_verify_command_reports_an_intact_chain(chain, capsys):
    call_command("audit", "verify", "--no-progress")
    assert "5 catatan diperiksa" in capsys.readouterr().out
