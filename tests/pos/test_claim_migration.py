"""Queue claims moved from the workspace to the engine: the migration keeps every claim, both ways."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.helpers import wib
from warta.pos.models import StepClaim
from warta.pos.services import claim_step

BEFORE_THE_MOVE = [("office", "0001_initial"), ("pos", "0001_initial")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader.project_state(targets).apps if targets else None


@pytest.mark.django_db(transaction=True)
def test_claims_survive_the_move_to_the_engine(staff, queued):
    claim_step(staff["penelaah"], queued, now=wib(23, 9, 10))
    try:
        old_apps = _migrate(BEFORE_THE_MOVE)
        old_claims = old_apps.get_model("office", "StepClaim").objects
        assert list(old_claims.values_list("step_run_id", "user_id", "claimed_at")) == [
            (queued.pk, staff["penelaah"].pk, wib(23, 9, 10))
        ]
        second_run_step = queued.run.step_runs.get(step__number=2)
        old_claims.create(step_run_id=second_run_step.pk, user_id=staff["pengolah"].pk, claimed_at=wib(23, 8, 5))
    finally:
        _migrate(None)
    assert sorted(StepClaim.objects.values_list("step_run_id", "user_id", "claimed_at")) == sorted(
        [(queued.pk, staff["penelaah"].pk, wib(23, 9, 10)), (second_run_step.pk, staff["pengolah"].pk, wib(23, 8, 5))]
    )
    assert "office_stepclaim" not in connection.introspection.table_names()
    assert StepClaim.objects.create(
        step_run=queued.run.step_runs.get(step__number=1), user=staff["ppid"], claimed_at=wib(23, 8)
    ).pk  # the new table's ids go on after the copied rows
