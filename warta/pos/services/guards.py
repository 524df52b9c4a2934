"""Who may act on what: the checks every run service makes before it writes anything."""

from django.utils.translation import gettext as _

from warta.accounts.models import Role
from warta.core.errors import join_labels

from .. import errors
from ..models import RunStatus, StepClaim, StepRun, StepStatus


def role_label(role: str) -> str:
    try:
        return Role(role).label
    except ValueError:
        raise errors.UNKNOWN_ROLE.error(role=role, choices=", ".join(Role.values)) from None


def require_member(user, unit) -> None:
    if not user.is_active:
        raise errors.USER_INACTIVE.error(user=user)
    if user.unit_id != unit.pk:
        raise errors.OTHER_UNIT.error(user=user, unit=unit)


def require_role(user, role: str, unit) -> None:
    label = role_label(role)
    require_member(user, unit)
    if not user.has_role(role):
        raise errors.ROLE_REQUIRED.error(user=user, role=label)


def require_active(step_run: StepRun) -> None:
    run = step_run.run
    if run.status != RunStatus.ACTIVE:
        raise errors.RUN_CLOSED.error(number=run.number, status=run.get_status_display().lower())
    if step_run.status != StepStatus.ACTIVE:
        current = run.current_step()
        if current is None:
            raise errors.STEP_NOT_ACTIVE.error(number=step_run.step.number, status=step_run.get_status_display())
        raise errors.STEP_OUT_OF_ORDER.error(number=step_run.step.number, current=_describe(current))


def lock_step(step_run: StepRun) -> StepRun:
    """Reread the step under a row lock so two people cannot act on it at once."""
    return StepRun.objects.select_for_update().select_related("run__unit__office", "run__procedure", "step").get(
        pk=step_run.pk
    )


def claim_for(step_run: StepRun) -> StepClaim | None:
    """Who took this step from the role's shared queue, if anyone did."""
    return StepClaim.objects.filter(step_run=step_run).select_related("user").first()


def require_executor(user, step_run: StepRun) -> None:
    """Only the step's role, in the run's unit, and the assignee (or delegate) if one is named; a step waiting in
    the shared queue only by whoever took it, once someone has."""
    require_active(step_run)
    require_role(user, step_run.step.role, step_run.run.unit)
    if step_run.assignee_id:
        if step_run.assignee_id != user.pk:
            raise errors.NOT_ASSIGNEE.error(assignee=step_run.assignee)
        return
    claim = claim_for(step_run)
    if claim is not None and claim.user_id != user.pk:
        raise errors.CLAIMED_BY_OTHER.error(user=claim.user)


def require_no_open_breach(run) -> None:
    open_breaches = list(run.unexplained_breaches().select_related("step_run__step"))
    if open_breaches:
        raise errors.BREACH_UNEXPLAINED.error(breaches=join_labels(
            _("%(kind)s pada langkah %(number)s") % {"kind": breach.get_kind_display(),
                                                       "number": breach.step_run.step.number}
            for breach in open_breaches
        ))


def active_step(run, number: int) -> StepRun:
    """The active step of a run, refusing a step number that is not the one in progress."""
    current = run.current_step()
    if current is None:
        if run.status == RunStatus.ACTIVE:
            require_no_open_breach(run)
        raise errors.RUN_CLOSED.error(number=run.number, status=run.get_status_display().lower())
    if current.step.number != number:
        raise errors.STEP_OUT_OF_ORDER.error(number=number, current=_describe(current))
    return current


def _describe(step_run: StepRun) -> str:
    return _("langkah %(number)s (%(activity)s)") % {"number": step_run.step.number, "activity": step_run.step.activity}
