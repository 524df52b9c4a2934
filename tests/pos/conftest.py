"""Fixtures of the engine's tests."""

import pytest

from tests.helpers import wib
from warta.accounts.models import Role
from warta.accounts.services import create_user
from warta.pos.services import PlanItemData, active_step, complete_step, issue_disposition, provide_input


@pytest.fixture
def second(staff):
    """A second Penelaah in the same unit, so verification waits in the shared queue when nobody is named."""
    return create_user(
        None,
        username="penelaah-b",
        password="x" * 12,
        full_name="Penelaah Kedua",
        unit=staff["ppid"].unit,
        roles=[Role.PENELAAH],
    )


@pytest.fixture
def queued(staff, second):
    """Step 3 of a run with no verifier named: it opens unassigned, in the Penelaah queue."""
    run = issue_disposition(
        staff["ppid"],
        title="DIP",
        instructions="Siapkan DIP",
        addressee=staff["pengolah"],
        plan=[PlanItemData("DIP 2026", wib(30, 0).date())],
        now=wib(23, 8),
    )
    provide_input(staff["pengolah"], run, "konsep-dip", reference="Konsep", now=wib(23, 8, 30))
    provide_input(staff["pengolah"], run, "konsep-bahan", reference="Bahan", now=wib(23, 8, 40))
    complete_step(staff["pengolah"], active_step(run, 2), now=wib(23, 9))
    step = active_step(run, 3)
    assert step.assignee is None
    return step
