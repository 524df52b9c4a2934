"""What the workspace shows about a step: its POS row (activity, kelengkapan, standard time, output), its time
against the standard, and which screen does its work.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from warta.accounts.models import Role
from warta.core.errors import ServiceError
from warta.core.formats import format_against_standard, format_duration
from warta.pos.clock import TimeState, TimeStatus, time_status
from warta.pos.models import Breach, StepRun, StepStatus
from warta.pos.services import claim_for, missing_inputs
from warta.pos.services.claims import may_release
from warta.pos.services.delegation import may_delegate, missing_qualifications
from warta.pos.services.guards import require_executor
from warta.upkeep.services import maintenance_step_number

DISPOSITION, DRAFTING, VERIFICATION, PUBLISHING, MAINTENANCE, GENERIC = (
    "disposisi", "susun", "verifikasi", "unggah", "pemeliharaan", "langkah",
)
SCREEN_URLS = {
    DRAFTING: "office:drafting",
    VERIFICATION: "office:verification",
    PUBLISHING: "office:publishing",
    MAINTENANCE: "office:maintenance",
    GENERIC: "office:generic_step",
}


def screen_for(step) -> str:
    """The screen for a step of the run's procedure, read from the procedure (numbers are configuration)."""
    procedure = step.procedure
    if step.number == 1:
        return DISPOSITION
    if step.is_verification:
        return VERIFICATION
    verification = procedure.steps.filter(is_verification=True).first()
    if verification is not None:
        if step.number == verification.returns_to:
            return DRAFTING
        if step.number == verification.number + 1:
            return PUBLISHING
    if step.number == maintenance_step_number(procedure):
        return MAINTENANCE
    return GENERIC


def screen_url(run, step) -> str:
    screen = screen_for(step)
    if screen == DISPOSITION:
        return reverse("office:run", args=[run.pk])
    return reverse(SCREEN_URLS[screen], args=[run.pk])


def time_left_text(status: TimeStatus) -> str:
    """'Sisa waktu 2 jam 15 menit' or 'Terlambat 40 menit' (working time)."""
    if status.state == TimeState.OVERDUE:
        return gettext("Terlambat %(time)s") % {"time": format_duration(status.used_seconds - status.standard_seconds)}
    return gettext("Sisa waktu %(time)s") % {"time": format_duration(status.left_seconds)}


@dataclass
class InputLine:
    key: str
    label: str
    present: bool
    references: list = field(default_factory=list)


@dataclass
class StepPanel:
    """Everything the POS row of a step shows on its screen."""

    step_run: StepRun
    status: TimeStatus
    inputs: list[InputLine]
    breaches: list[Breach]
    letters: list
    can_act: bool
    act_refusal: str
    can_delegate: bool
    claim: object | None
    can_release: bool
    previous_return: StepRun | None

    @property
    def step(self):
        return self.step_run.step

    @property
    def used_text(self) -> str:
        return format_against_standard(self.status.used_seconds, self.status.standard_seconds)

    @property
    def left_text(self) -> str:
        return time_left_text(self.status)

    @property
    def state(self) -> str:
        return str(self.status.state)

    @property
    def is_overdue(self) -> bool:
        return self.status.state == TimeState.OVERDUE

    @property
    def missing(self) -> list[str]:
        return [line.label for line in self.inputs if not line.present]

    @property
    def role_label(self) -> str:
        return Role(self.step.role).label


def executor_refusal(user, step_run: StepRun) -> str:
    """Why this user may not do this step (empty when they may), in the engine's words."""
    try:
        require_executor(user, step_run)
    except ServiceError as error:
        return error.message
    return ""


def step_panel(user, step_run: StepRun, now: datetime | None = None) -> StepPanel:
    now = now or timezone.now()
    run = step_run.run
    missing = set(missing_inputs(step_run)) if step_run.status == StepStatus.ACTIVE else {
        item["label"] for item in step_run.step.inputs if not step_run.inputs_checked.get(item["key"], False)
    }
    recorded = {}
    for item in run.inputs.all():
        recorded.setdefault(item.key, []).append(item)
    inputs = [InputLine(item["key"], item["label"], item["label"] not in missing, recorded.get(item["key"], []))
              for item in step_run.step.inputs]
    refusal = (executor_refusal(user, step_run) if step_run.status == StepStatus.ACTIVE
               else gettext("Langkah ini sudah selesai."))
    previous = None
    if step_run.attempt > 1:
        previous = run.step_runs.filter(status=StepStatus.RETURNED).order_by("-finished_at", "-pk").first()
    claim = claim_for(step_run)
    can_release = claim is not None and step_run.status == StepStatus.ACTIVE and may_release(user, claim)
    return StepPanel(
        step_run=step_run, status=time_status(step_run, now), inputs=inputs,
        breaches=list(Breach.objects.filter(step_run__run=run, explained_at__isnull=True)
                      .select_related("step_run__step", "responsible")),
        letters=list(step_run.letters.select_related("from_user", "to_user")),
        can_act=not refusal, act_refusal=refusal, can_delegate=may_delegate(user, step_run),
        claim=claim, can_release=can_release, previous_return=previous,
    )


def delegation_candidates(step_run: StepRun):
    """Active holders of the step's role in the run's unit, with the qualifications each one lacks."""
    unit = step_run.run.unit
    users = unit.members.filter(is_active=True, role_grants__role=step_run.step.role).distinct().order_by(
        "full_name", "username")
    procedure = step_run.run.procedure
    return [(user, [procedure.qualification_text(code) for code in missing_qualifications(user, procedure)])
            for user in users if user.pk != step_run.assignee_id]
