"""`warta demo` builds a living demo office through the real services, once."""

import pytest
from django.core.management import call_command

from warta.pos.models import Run, RunStatus
from warta.records.audit import verify_chain
from warta.registry.models import PublicEntry

pytestmark = pytest.mark.django_db


def test_demo_office_with_published_register_and_a_run_waiting(procedure, capsys, client):
    call_command("demo")
    out = capsys.readouterr().out
    assert "ppid" in out and "penelaah" in out and "demo-warta-2026" in out
    assert PublicEntry.objects.public().count() == 7
    finished, waiting = Run.objects.order_by("started_at")
    assert finished.status == RunStatus.DONE and not finished.step_runs.filter(breaches__isnull=False).exists()
    assert waiting.current_step().step.number == 2
    assert verify_chain().ok
    assert "PDF edisi resmi (SK 188.4/021/BPMP.BKL/2026)" in client.get("/dip/").content.decode()

    call_command("demo")
    assert "sudah ada" in capsys.readouterr().out and Run.objects.count() == 2
