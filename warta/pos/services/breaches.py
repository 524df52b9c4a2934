"""Failures against the standard: the executor's written explanation, and flags for steps about to breach."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from warta.records.audit import record

from .. import errors
from ..clock import TimeState, calendar_for, time_status
from ..models import Breach, RunStatus, StepRun, StepStatus
from .runs import advance

MIN_EXPLANATION = 20


@transaction.atomic
def explain_breach(actor, breach: Breach, explanation: str, now: datetime | None = None) -> Breach:
    """The executor answers for a deviation (POS 'Peringatan' 2). The run goes on once nothing is left open."""
    now = now or timezone.now()
    breach = Breach.objects.select_for_update().select_related("step_run__run").get(pk=breach.pk)
    if breach.explained_at is not None:
        raise errors.BREACH_ALREADY_EXPLAINED.error()
    if actor.pk != breach.responsible_id:
        raise errors.NOT_RESPONSIBLE.error(user=breach.responsible)
    text = explanation.strip()
    if len(text) < MIN_EXPLANATION:
        raise errors.EXPLANATION_TOO_SHORT.error(field="explanation", min=MIN_EXPLANATION)
    breach.explanation = text
    breach.explained_at = now
    breach.save(update_fields=["explanation", "explained_at"])
    record(actor, "pos.breach.explained", breach, at=now, after={"explanation": text})
    advance(breach.step_run.run, now)
    return breach


def flag_time_status(now: datetime | None = None) -> dict[str, int]:
    """Mark active steps that used most of their standard time, and those past it (run by the job worker)."""
    now = now or timezone.now()
    flagged = {"hampir": 0, "terlambat": 0}
    active = StepRun.objects.filter(status=StepStatus.ACTIVE, run__status=RunStatus.ACTIVE).filter(
        overdue_at__isnull=True
    ).select_related("step", "run__unit__office")
    calendars = {}
    for step_run in active:
        office_id = step_run.run.unit.office_id
        calendars.setdefault(office_id, calendar_for(step_run))
        status = time_status(step_run, now, calendars[office_id])
        if status.state == TimeState.OVERDUE:
            StepRun.objects.filter(pk=step_run.pk).update(overdue_at=now, warned_at=step_run.warned_at or now)
            record(None, "pos.step.overdue", step_run, at=now, after={"used_seconds": status.used_seconds})
            flagged["terlambat"] += 1
        elif status.state == TimeState.WARNING and step_run.warned_at is None:
            StepRun.objects.filter(pk=step_run.pk).update(warned_at=now)
            record(None, "pos.step.warned", step_run, at=now, after={"used_seconds": status.used_seconds})
            flagged["hampir"] += 1
    return flagged
