"""Steps about to breach (80 % of the standard) and past it are flagged by the worker, once each."""

import pytest

from tests.helpers import wib
from warta.pos.clock import TimeState, time_status
from warta.pos.services import PlanItemData, active_step, flag_time_status, issue_disposition
from warta.records.models import AuditRecord

pytestmark = pytest.mark.django_db


def test_flags_near_and_past_the_standard(staff):
    run = issue_disposition(staff["ppid"], title="DIP", instructions="Siapkan", addressee=staff["pengolah"],
                            plan=[PlanItemData("DIP", wib(30, 0).date())], now=wib(23, 8))
    step = active_step(run, 2)
    assert time_status(step, wib(23, 10)).state == TimeState.OK
    assert flag_time_status(wib(23, 10)) == {"hampir": 0, "terlambat": 0}

    status = time_status(step, wib(23, 10, 30))
    assert status.state == TimeState.WARNING and status.left_seconds == 30 * 60
    assert status.deadline == wib(23, 11)
    assert flag_time_status(wib(23, 10, 30)) == {"hampir": 1, "terlambat": 0}
    assert flag_time_status(wib(23, 10, 40)) == {"hampir": 0, "terlambat": 0}  # flagged once

    assert flag_time_status(wib(23, 11, 1)) == {"hampir": 0, "terlambat": 1}
    assert flag_time_status(wib(23, 15)) == {"hampir": 0, "terlambat": 0}
    step.refresh_from_db()
    assert step.warned_at == wib(23, 10, 30) and step.overdue_at == wib(23, 11, 1)
    assert AuditRecord.objects.filter(action="pos.step.overdue").count() == 1


def test_no_time_runs_outside_office_hours(staff):
    run = issue_disposition(staff["ppid"], title="DIP", instructions="Siapkan", addressee=staff["pengolah"],
                            plan=[PlanItemData("DIP", wib(30, 0).date())], now=wib(27, 15, 30))
    step = active_step(run, 2)
    # Friday 15:30 → Saturday and Sunday do not count; Monday 07:30 starts the clock again.
    assert time_status(step, wib(29, 23)).used_seconds == 30 * 60
    assert time_status(step, wib(30, 9, 30)).used_seconds == (30 + 120) * 60
    assert time_status(step, wib(30, 9, 30)).deadline == wib(30, 10)
