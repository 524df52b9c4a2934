"""The shared queue: a step that opens with no executor named waits for one holder of its role to take it.

Once taken, only that holder acts on the step (``require_executor`` checks the claim), whoever calls the engine:
the workspace, the command line or a job. The claimant, or the unit's PPID, can hand it back to the queue.
"""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from warta.accounts.models import Role
from warta.records.audit import record

from .. import errors
from ..models import StepClaim, StepRun
from .guards import claim_for, lock_step, require_active, require_role


@transaction.atomic
def claim_step(actor, step_run: StepRun, *, now: datetime | None = None) -> StepClaim:
    """Take a queued step ("Ambil tugas ini"). Taking one's own claim again changes nothing."""
    now = now or timezone.now()
    step_run = lock_step(step_run)
    require_active(step_run)
    require_role(actor, step_run.step.role, step_run.run.unit)
    if step_run.assignee_id:
        raise errors.NOT_IN_QUEUE.error(user=step_run.assignee)
    existing = claim_for(step_run)
    if existing is not None:
        if existing.user_id == actor.pk:
            return existing
        raise errors.CLAIMED_BY_OTHER.error(user=existing.user)
    try:
        with transaction.atomic():
            claim = StepClaim.objects.create(step_run=step_run, user=actor, claimed_at=now)
    except IntegrityError:  # another holder took it between the check and the insert
        raise errors.CLAIMED_BY_OTHER.error(user=claim_for(step_run).user) from None
    record(actor, "pos.step.claimed", step_run, at=now, after={"user": actor.pk, "step": step_run.step.number})
    return claim


@transaction.atomic
def release_claim(actor, step_run: StepRun, *, now: datetime | None = None) -> None:
    """Hand a taken step back to the queue: by whoever took it, or by the PPID of the run's unit."""
    now = now or timezone.now()
    step_run = lock_step(step_run)
    require_active(step_run)
    claim = claim_for(step_run)
    if claim is None:
        raise errors.NOT_CLAIMED.error()
    if not may_release(actor, claim):
        raise errors.RELEASE_NOT_ALLOWED.error(user=claim.user)
    drop_claim(actor, claim, now, reason="dilepas")


def may_release(actor, claim: StepClaim) -> bool:
    return claim.user_id == actor.pk or (actor.has_role(Role.PPID) and actor.unit_id == claim.step_run.run.unit_id)


def drop_claim(actor, claim: StepClaim, now: datetime, *, reason: str) -> None:
    """Remove a claim and record why (released, or superseded by a delegation letter)."""
    step_run = claim.step_run
    claim.delete()
    record(
        actor,
        "pos.step.claim_released",
        step_run,
        at=now,
        before={"user": claim.user_id},
        after={"user": None, "reason": reason, "step": step_run.step.number},
    )
