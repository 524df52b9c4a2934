"""Queue claims moved to the procedure engine (pos.StepClaim): copy every claim there, then drop the old table.

Plain ORM copies, so it runs the same on SQLite and PostgreSQL; new rows get fresh ids from the new table's own
sequence (nothing refers to a claim by id). Reversing copies the claims back.
"""

from django.db import migrations


def _copy(source, target):
    target.objects.bulk_create(
        target(step_run_id=claim.step_run_id, user_id=claim.user_id, claimed_at=claim.claimed_at)
        for claim in source.objects.order_by("pk").iterator()
    )


def to_engine(apps, schema_editor):
    _copy(apps.get_model("office", "StepClaim"), apps.get_model("pos", "StepClaim"))


def back_to_workspace(apps, schema_editor):
    _copy(apps.get_model("pos", "StepClaim"), apps.get_model("office", "StepClaim"))


class Migration(migrations.Migration):

    dependencies = [
        ("office", "0001_initial"),
        ("pos", "0002_stepclaim"),
    ]

    operations = [
        migrations.RunPython(to_engine, back_to_workspace),
        migrations.DeleteModel(name="StepClaim"),
    ]
