"""Bad input gets a clear error with a stable code, and changes nothing."""

import pytest

from tests.helpers import wib
from warta.accounts.models import Role, RoleGrant, Unit, User
from warta.core.errors import ServiceError
from warta.pos.models import Run, StepInput
from warta.pos.services import (
    PlanItemData,
    active_step,
    complete_step,
    issue_disposition,
    provide_input,
    verify,
)
from warta.records.models import AuditRecord

pytestmark = pytest.mark.django_db
PLAN = [PlanItemData("DIP 2026", wib(30, 0).date())]


def _refused(code: str, call, *args, **kwargs) -> ServiceError:
    records = AuditRecord.objects.count()
    runs = Run.objects.count()
    inputs = StepInput.objects.count()
    with pytest.raises(ServiceError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code
    assert caught.value.message and "%(" not in caught.value.message
    assert (AuditRecord.objects.count(), Run.objects.count(), StepInput.objects.count()) == (records, runs, inputs)
    return caught.value


@pytest.fixture
def run(staff):
    return issue_disposition(staff["ppid"], title="DIP", instructions="Siapkan DIP", addressee=staff["pengolah"],
                             verifier=staff["penelaah"], plan=PLAN, now=wib(23, 8))


def test_disposition_refusals(staff):
    ppid, pengolah, penelaah = staff["ppid"], staff["pengolah"], staff["penelaah"]
    args = {"title": "DIP", "instructions": "Siapkan", "plan": PLAN}
    error = _refused("pos.role_required", issue_disposition, pengolah, addressee=pengolah, **args)
    assert "PPID" in error.message
    _refused("pos.role_required", issue_disposition, ppid, addressee=penelaah, **args)
    _refused("pos.plan_required", issue_disposition, ppid, addressee=pengolah, **{**args, "plan": []})
    _refused("pos.field_required", issue_disposition, ppid, addressee=pengolah, **{**args, "title": "  "})
    _refused("pos.procedure_unknown", issue_disposition, ppid, addressee=pengolah, procedure_code="PMP-99", **args)
    pengolah.is_active = False
    pengolah.save()
    _refused("pos.user_inactive", issue_disposition, ppid, addressee=pengolah, **args)


def test_step_refusals(run, staff):
    pengolah, penelaah = staff["pengolah"], staff["penelaah"]
    step2 = active_step(run, 2)
    error = _refused("pos.step_out_of_order", active_step, run, 4)
    assert "langkah 2" in error.message
    _refused("pos.role_required", complete_step, penelaah, step2)
    _refused("pos.not_verification", verify, pengolah, step2, approve=True)
    _refused("pos.unknown_input", provide_input, pengolah, run, "konsep-apa")
    _refused("pos.field_required", provide_input, pengolah, run, "konsep-dip", reference="")
    _refused("pos.not_assignee", complete_step, staff["pengolah2"], step2)

    provide_input(pengolah, run, "konsep-dip", reference="Konsep")
    provide_input(pengolah, run, "konsep-bahan", reference="Bahan")
    complete_step(pengolah, step2, now=wib(23, 9))
    _refused("pos.step_out_of_order", complete_step, pengolah, step2)
    _refused("pos.use_verify", complete_step, penelaah, active_step(run, 3))


def test_another_units_staff_cannot_act(run, office):
    other = Unit.objects.create(office=office, name="PPID Pelaksana Bidang Lain", code="bidang-lain")
    outsider = User.objects.create_user(username="luar", password="x", unit=other)
    RoleGrant.objects.create(user=outsider, role=Role.PENGOLAH)
    _refused("pos.other_unit", complete_step, outsider, active_step(run, 2))
    assert not Run.objects.for_user(outsider).exists()


def test_unknown_role_is_refused_by_the_account_service(office):
    from warta.accounts.services import create_user

    with pytest.raises(ServiceError) as caught:
        create_user(None, username="baru", password="x", full_name="Baru", unit=office.units.first(),
                    roles=["bendahara"])
    assert caught.value.code == "accounts.unknown_role"
    assert not User.objects.filter(username="baru").exists()
