"""Step 5, Pemeliharaan situs: a run's checklist finishes the step; routine rounds follow the unit's schedule."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.office.conftest import published
from warta.core.errors import ServiceError
from warta.pos.models import RunStatus
from warta.pos.services import active_step
from warta.upkeep import services as upkeep
from warta.upkeep.models import CheckItem, Round

pytestmark = pytest.mark.django_db

ALL_DONE = {item: upkeep.CheckValue(True) for item in CheckItem.values}


def test_a_runs_maintenance_round_finishes_step_5(staff, run):
    published(staff, run)
    step = active_step(run, 5)
    round_ = upkeep.round_for_step(staff["pengolah"], step)
    assert round_.checks.count() == 6
    upkeep.save_checks(staff["pengolah"], round_, {CheckItem.LINKS: upkeep.CheckValue(True, "12 tautan dicoba")})
    with pytest.raises(ServiceError) as refused:
        upkeep.finish_round(staff["pengolah"], round_)
    assert refused.value.code == "upkeep.checklist_incomplete" and "Sertifikat SSL/TLS" in refused.value.message
    upkeep.save_checks(staff["pengolah"], round_, ALL_DONE)
    upkeep.finish_round(staff["pengolah"], round_, note="Semua baik")
    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    step.refresh_from_db()
    assert step.output_note == "Semua baik" and step.finished_by == staff["pengolah"]
    assert upkeep.schedule_for(run.unit).next_due == timezone.localdate() + timedelta(days=7)


def test_only_the_steps_executor_ticks_the_checklist(staff, run):
    published(staff, run)
    with pytest.raises(ServiceError) as refused:
        upkeep.round_for_step(staff["pengolah2"], active_step(run, 5))
    assert refused.value.code == "pos.not_assignee"
    with pytest.raises(ServiceError):
        upkeep.round_for_step(staff["pengolah"], run.step_runs.get(step__number=2))  # not the maintenance step


def test_routine_rounds_and_the_schedule(staff, clients):
    unit = staff["ppid"].unit
    with pytest.raises(ServiceError) as refused:
        upkeep.set_schedule(staff["pengolah"], unit, every_days=7)
    assert refused.value.code == "pos.role_required"
    with pytest.raises(ServiceError) as invalid:
        upkeep.set_schedule(staff["ppid"], unit, every_days=400)
    assert invalid.value.field == "every_days"
    upkeep.set_schedule(staff["ppid"], unit, every_days=14, next_due=timezone.localdate())
    assert upkeep.routine_due(unit)
    assert "Pemeliharaan situs rutin jatuh tempo" in clients["pengolah"].get(reverse("office:inbox")).content.decode()
    round_ = upkeep.start_routine_round(staff["pengolah"], unit)
    assert upkeep.start_routine_round(staff["pengolah2"], unit) == round_  # continued, not doubled
    response = clients["pengolah"].post(reverse("office:routine"), {
        "action": "selesai", **{f"periksa-done_{item}": "on" for item in CheckItem.values},
        "periksa-note_cadangan": "Cadangan 23 November dipulihkan ke server uji"})
    assert response.status_code == 302
    round_.refresh_from_db()
    assert round_.finished_by == staff["pengolah"] and round_.checks.get(item="cadangan").note.startswith("Cadangan")
    assert upkeep.schedule_for(unit).next_due == timezone.localdate() + timedelta(days=14)
    assert not upkeep.routine_due(unit)
    assert Round.objects.count() == 1


def test_hints_tell_what_warta_can_see(staff, run):
    published(staff, run)
    hints = upkeep.hints(run.unit)
    assert hints[CheckItem.DOWNLOADS] == "1 dokumen terbit ada di penyimpanan."
    assert "Belum ada edisi DIP yang ditetapkan." in hints[CheckItem.DIP_CURRENT]
    assert "HTTPS" in hints[CheckItem.TLS]
