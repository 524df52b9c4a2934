"""Audit records carry the office and unit they belong to, and a version saying what their hash covers.

Records written before this change keep version 1: their hash stays as it was, so `warta audit verify` still
passes. Their office and unit are filled in here from their subject (or, for a record without one, from the user
who acted), only to decide who sees them; they are outside those records' hashes. The lookups are written out
for the subjects that existed when this migration was made, so later changes to the models cannot change it.
"""

import django.db.models.deletion
from django.db import migrations, models

# The subject's label -> the path from it to its unit ("" when the subject is the unit itself).
UNIT_PATHS = {
    "accounts.unit": "",
    "accounts.user": "unit",
    "pos.run": "unit",
    "pos.steprun": "run__unit",
    "pos.stepinput": "run__unit",
    "pos.breach": "step_run__run__unit",
    "registry.entry": "unit",
    "registry.edition": "unit",
    "registry.exemption": "unit",
    "announcements.announcement": "unit",
    "upkeep.round": "unit",
    "upkeep.schedule": "unit",
    "documents.document": "uploaded_by__unit",
}
BATCH = 2000


def _scopes(apps, label: str) -> dict[str, tuple]:
    """object_id -> (office_id, unit_id) for every row of one subject model."""
    model = apps.get_model(label)
    if label == "accounts.office":
        return {str(pk): (pk, None) for pk in model.objects.values_list("pk", flat=True)}
    path = UNIT_PATHS[label]
    if not path:
        return {str(pk): (office_id, pk) for pk, office_id in model.objects.values_list("pk", "office")}
    rows = model.objects.values_list("pk", path, f"{path}__office")
    return {str(pk): (office_id, unit_id) for pk, unit_id, office_id in rows}


def fill_scope(apps, schema_editor):
    AuditRecord = apps.get_model("records", "AuditRecord")
    scopes = {label: _scopes(apps, label) for label in [*UNIT_PATHS, "accounts.office"]}
    users = scopes["accounts.user"]
    changed = []
    records = AuditRecord.objects.filter(version=1).only("pk", "object_type", "object_id", "actor_id")
    for rec in records.order_by("pk").iterator(chunk_size=BATCH):
        if rec.object_id:
            office_id, unit_id = scopes.get(rec.object_type, {}).get(rec.object_id, (None, None))
        else:  # nothing named (a refused upload): the acting user's office and unit
            office_id, unit_id = users.get(str(rec.actor_id), (None, None))
        if office_id is not None:
            rec.office_id, rec.unit_id = office_id, unit_id
            changed.append(rec)
        if len(changed) >= BATCH:
            AuditRecord.objects.bulk_update(changed, ["office", "unit"])
            changed = []
    AuditRecord.objects.bulk_update(changed, ["office", "unit"])


class Migration(migrations.Migration):

    dependencies = [
        ("records", "0001_initial"),
        ("accounts", "0002_session_epoch"),
        ("pos", "0002_stepclaim"),
        ("registry", "0001_initial"),
        ("announcements", "0001_initial"),
        ("upkeep", "0001_initial"),
        ("documents", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditrecord",
            name="office",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                to="accounts.office", verbose_name="kantor",
            ),
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="unit",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                to="accounts.unit", verbose_name="unit",
            ),
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="version",
            field=models.PositiveSmallIntegerField(default=1, verbose_name="versi isi yang disidik"),
            preserve_default=False,
        ),
        migrations.RunPython(fill_scope, migrations.RunPython.noop),
    ]
