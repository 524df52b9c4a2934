"""Delegation: an unavailable executor's step handed to another holder of the role by a surat penugasan."""

from datetime import date, datetime

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from warta.accounts.models import Role
from warta.core.errors import join_labels
from warta.records.audit import record

from .. import errors
from ..letters import render_assignment_letter
from ..models import AssignmentLetter, StepRun, StepStatus
from .claims import drop_claim
from .guards import claim_for, lock_step, require_active, require_role


def _next_letter_number(unit, year: int) -> str:
    count = AssignmentLetter.objects.filter(step_run__run__unit=unit, issued_on__year=year).count()
    return f"{count + 1:03d}/ST/PPID-{unit.code.upper()}/{year}"


def missing_qualifications(user, procedure) -> list[str]:
    held = set(user.qualifications.values_list("code", flat=True))
    return sorted(procedure.qualification_codes() - held)


def may_delegate(actor, step_run: StepRun) -> bool:
    """The unit's PPID, or the step's executor: its assignee, whoever took it from the queue, or any holder of
    the role while it waits untaken."""
    if step_run.status != StepStatus.ACTIVE or actor.unit_id != step_run.run.unit_id:
        return False
    if actor.has_role(Role.PPID):
        return True
    if step_run.assignee_id:
        return step_run.assignee_id == actor.pk
    claim = claim_for(step_run)
    return actor.has_role(step_run.step.role) and (claim is None or claim.user_id == actor.pk)


@transaction.atomic
def delegate_step(actor, step_run: StepRun, to_user, reason: str, *, number: str = "",
                  issued_on: date | None = None, confirm_unqualified: bool = False,
                  now: datetime | None = None) -> AssignmentLetter:
    """Hand an active step to another holder of its role. The clock does not reset; the letter is kept."""
    now = now or timezone.now()
    step_run = lock_step(step_run)
    require_active(step_run)
    run = step_run.run
    if not may_delegate(actor, step_run):
        raise errors.DELEGATION_NOT_ALLOWED.error()
    claim = claim_for(step_run) if step_run.assignee_id is None else None
    require_role(to_user, step_run.step.role, run.unit)
    if step_run.assignee_id == to_user.pk:
        raise errors.DELEGATE_SAME.error(field="to_user", user=to_user)
    if not reason.strip():
        raise errors.FIELD_REQUIRED.error(field="reason", label="Alasan berhalangan")
    missing = missing_qualifications(to_user, run.procedure)
    if missing and not confirm_unqualified:
        raise errors.QUALIFICATION_CONFIRM.error(
            field="confirm_unqualified", user=to_user,
            missing=join_labels(run.procedure.qualification_text(code) for code in missing),
        )
    issued_on = issued_on or timezone.localdate(now)
    previous = step_run.assignee or (claim.user if claim else actor)
    try:
        with transaction.atomic():
            letter = AssignmentLetter.objects.create(
                number=number.strip() or _next_letter_number(run.unit, issued_on.year), issued_on=issued_on,
                step_run=step_run, from_user=previous, to_user=to_user, reason=reason.strip(), issued_by=actor,
                missing_qualifications=missing,
            )
    except IntegrityError:
        raise errors.LETTER_NUMBER_TAKEN.error(field="number", number=number) from None
    letter.pdf.save(f"surat-penugasan-{letter.pk}.pdf", ContentFile(render_assignment_letter(letter, now)), save=True)
    step_run.assignee = to_user
    step_run.save(update_fields=["assignee"])
    if claim is not None:
        drop_claim(actor, claim, now, reason=f"dialihkan dengan surat penugasan {letter.number}")
    record(actor, "pos.step.delegated", step_run, at=now, before={"assignee": previous.pk}, after={
        "assignee": to_user.pk, "letter": letter.number, "reason": letter.reason,
        "missing_qualifications_confirmed": missing,
    })
    return letter
