"""The shared queue, enforced by the engine: a step taken by one holder of the role is theirs, whoever calls."""

import pytest
from django.core.management import CommandError, call_command

from tests.helpers import wib
from warta.accounts.models import Role, Unit
from warta.accounts.services import create_user
from warta.core.errors import ServiceError
from warta.pos.models import StepClaim, StepRun, StepStatus
from warta.pos.services import (
    PlanItemData,
    active_step,
    claim_for,
    claim_step,
    delegate_step,
    issue_disposition,
    provide_input,
    release_claim,
    verify,
)
from warta.records.audit import verify_chain
from warta.records.models import AuditRecord

pytestmark = pytest.mark.django_db


def _refused(code: str, call, *args, **kwargs) -> ServiceError:
    """The call is refused with ``code``, and nothing is written: no claim, no step change, no audit record."""
    before = (
        AuditRecord.objects.count(),
        list(StepClaim.objects.values_list("step_run", "user")),
        list(StepRun.objects.values_list("pk", "status", "assignee")),
    )
    with pytest.raises(ServiceError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code
    assert caught.value.message and "%(" not in caught.value.message
    assert before == (
        AuditRecord.objects.count(),
        list(StepClaim.objects.values_list("step_run", "user")),
        list(StepRun.objects.values_list("pk", "status", "assignee")),
    )
    return caught.value


def test_a_claimed_step_is_only_the_claimants(staff, second, queued):
    penelaah = staff["penelaah"]
    claim = claim_step(penelaah, queued, now=wib(23, 9, 10))
    assert claim.user == penelaah and claim_for(queued) == claim
    (claimed,) = AuditRecord.objects.filter(action="pos.step.claimed")
    assert claimed.actor == penelaah and claimed.object_id == str(queued.pk) and claimed.after["user"] == penelaah.pk

    assert claim_step(penelaah, queued) == claim  # taking it again changes nothing
    assert AuditRecord.objects.filter(action="pos.step.claimed").count() == 1
    error = _refused("pos.claimed_by_other", claim_step, second, queued)
    assert str(penelaah) in error.message  # names who has it
    _refused("pos.claimed_by_other", verify, second, queued, approve=False, reason="Tidak")
    _refused("pos.claimed_by_other", verify, second, queued, approve=True)

    verify(penelaah, queued, approve=True, now=wib(23, 9, 30))
    queued.refresh_from_db()
    assert queued.status == StepStatus.DONE and queued.finished_by == penelaah and queued.assignee == penelaah
    assert verify_chain().ok


def test_claim_refusals(staff, second, queued):
    _refused("pos.role_required", claim_step, staff["pengolah"], queued)
    unit = Unit.objects.create(office=staff["ppid"].unit.office, name="PPID Pelaksana", code="pelaksana")
    outsider = create_user(
        None,
        username="penelaah-lain",
        password="x" * 12,
        full_name="Penelaah Unit Lain",
        unit=unit,
        roles=[Role.PENELAAH],
    )
    _refused("pos.other_unit", claim_step, outsider, queued)
    done = queued.run.step_runs.get(step__number=2)
    _refused("pos.step_out_of_order", claim_step, staff["pengolah"], done)
    assigned = issue_disposition(
        staff["ppid"],
        title="Bernama",
        instructions="Siapkan",
        addressee=staff["pengolah"],
        plan=[PlanItemData("DIP", wib(30, 0).date())],
        now=wib(23, 8),
    )
    error = _refused("pos.not_in_queue", claim_step, staff["pengolah2"], active_step(assigned, 2))
    assert str(staff["pengolah"]) in error.message


def test_claimed_steps_refuse_other_holders_on_every_engine_action(staff, second, queued):
    claim_step(second, queued)
    run = queued.run
    _refused("pos.claimed_by_other", provide_input, staff["penelaah"], run, "konsep-dip", reference="Arsip")
    _refused("pos.delegation_not_allowed", delegate_step, staff["penelaah"], queued, staff["penelaah"], "Cuti")
    provide_input(second, run, "konsep-dip", reference="Arsip 2")  # the claimant may


def test_release_hands_the_step_back_to_the_queue(staff, second, queued):
    penelaah = staff["penelaah"]
    _refused("pos.not_claimed", release_claim, penelaah, queued)
    claim_step(penelaah, queued)
    error = _refused("pos.release_not_allowed", release_claim, second, queued)
    assert str(penelaah) in error.message
    release_claim(penelaah, queued, now=wib(23, 9, 20))
    assert claim_for(queued) is None
    released = AuditRecord.objects.get(action="pos.step.claim_released")
    assert released.actor == penelaah and released.before == {"user": penelaah.pk}
    assert released.after["reason"] == "dilepas"

    claim_step(second, queued)  # free again: anyone in the queue may take it
    release_claim(staff["ppid"], queued)  # the unit's PPID can free a step whose claimant is away
    assert claim_for(queued) is None
    verify(penelaah, queued, approve=True)
    _refused("pos.step_not_active", release_claim, penelaah, StepRun.objects.get(pk=queued.pk))


def test_delegating_a_claimed_step_replaces_the_claim(staff, second, queued):
    claim_step(staff["penelaah"], queued)
    letter = delegate_step(staff["ppid"], queued, second, "Penelaah pertama cuti sakit.", confirm_unqualified=True)
    assert letter.from_user == staff["penelaah"] and letter.to_user == second
    assert claim_for(queued) is None
    released = AuditRecord.objects.get(action="pos.step.claim_released")
    assert released.actor == staff["ppid"] and letter.number in released.after["reason"]
    _refused("pos.not_assignee", verify, staff["penelaah"], StepRun.objects.get(pk=queued.pk), approve=True)
    verify(second, StepRun.objects.get(pk=queued.pk), approve=True)


def test_the_command_line_claims_a_queued_step_before_acting(staff, second, queued, capsys):
    number = queued.run.number
    call_command("run", "step", number, "3", "claim", "--as", "penelaah-b")
    assert claim_for(queued).user == second
    with pytest.raises(CommandError, match=r"sudah diambil oleh Penelaah Kedua.*\[pos.claimed_by_other\]"):
        call_command("run", "step", number, "3", "approve", "--as", "penelaah")
    call_command("run", "step", number, "3", "release", "--as", "penelaah-b")
    assert claim_for(queued) is None

    call_command("run", "step", number, "3", "approve", "--as", "penelaah")
    out = capsys.readouterr().out
    assert "diambil dari antrean" in out
    assert claim_for(queued).user == staff["penelaah"]
    assert StepRun.objects.get(pk=queued.pk).finished_by == staff["penelaah"]
    actions = list(AuditRecord.objects.values_list("action", flat=True))
    assert actions.count("pos.step.claimed") == 2 and actions.count("pos.step.claim_released") == 1


def test_a_refused_command_leaves_no_claim_behind(staff, second, queued):
    with pytest.raises(CommandError, match=r"\[pos.return_reason_required\]"):
        call_command("run", "step", queued.run.number, "3", "return", "--as", "penelaah")
    assert claim_for(queued) is None
