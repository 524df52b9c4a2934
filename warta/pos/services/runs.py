"""Running the procedure: the disposition that starts a run, recording kelengkapan, finishing and verifying steps."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation

from warta.accounts.models import Role
from warta.core.errors import join_labels
from warta.core.formats import format_against_standard
from warta.records.audit import record

from .. import errors
from ..clock import calendar_for
from ..models import Breach, BreachKind, PlanItem, Run, RunStatus, StepInput, StepRun, StepStatus
from ..requirements import approval_problems, input_present
from ..signals import step_finished, step_opened
from ..worktime import working_seconds_between
from .guards import lock_step, require_executor, require_no_open_breach, require_role
from .procedures import procedure_in_force


@dataclass(frozen=True)
class PlanItemData:
    """One line of the Rencana Pengembangan Informasi as typed in a form or on the command line."""

    title: str
    target_date: date
    action: str = PlanItem.Action.CREATE
    reference: str = ""
    note: str = ""


def _next_run_number(unit, year: int) -> str:
    count = Run.objects.filter(unit=unit, started_at__year=year).aggregate(n=Count("pk"))["n"]
    number = count + 1
    while True:
        candidate = f"DISP-{year}-{unit.code.upper()}-{number:04d}"
        if not Run.objects.filter(number=candidate).exists():
            return candidate
        number += 1


def _sole_holder(unit, role: str):
    holders = list(unit.members.filter(is_active=True, role_grants__role=role)[:2])
    return holders[0] if len(holders) == 1 else None


def _assignee_for(run: Run, step) -> object | None:
    """Who gets a step when it opens: the disposition names them, else the unit's only holder of the role.

    With several holders and none named, the step waits in the role's shared queue for one to take it.
    """
    previous = run.step_runs.filter(step__number=step.number).order_by("-pk").first()
    if previous is not None:
        return previous.assignee
    named = {Role.PPID: run.started_by, Role.PENGOLAH: run.addressee, Role.PENELAAH: run.verifier}.get(step.role)
    return named or _sole_holder(run.unit, step.role)


def _open_step(run: Run, step, now: datetime, attempt: int = 1) -> StepRun:
    step_run = StepRun.objects.create(
        run=run, step=step, attempt=attempt, status=StepStatus.ACTIVE, assignee=_assignee_for(run, step),
        started_at=now,
    )
    record(None, "pos.step.opened", step_run, at=now,
           after={"step": step.number, "attempt": attempt, "assignee": step_run.assignee_id})
    step_opened.send(sender=StepRun, step_run=step_run, now=now)
    return step_run


def advance(run: Run, now: datetime) -> StepRun | None:
    """Open the step after the last one finished, unless a breach still waits for its explanation."""
    if run.step_runs.filter(status=StepStatus.ACTIVE).exists() or run.unexplained_breaches().exists():
        return None
    last_done = run.step_runs.filter(status=StepStatus.DONE).order_by("-finished_at", "-pk").first()
    next_number = last_done.step.number + 1 if last_done else 1
    step = run.procedure.steps.filter(number=next_number).first()
    if step is None:
        run.status = RunStatus.DONE
        run.finished_at = now
        run.save(update_fields=["status", "finished_at"])
        record(None, "pos.run.finished", run, at=now, after={"status": run.status})
        return None
    return _open_step(run, step, now)


def _missing_inputs(step_run: StepRun) -> list[dict]:
    return [item for item in step_run.step.inputs if not input_present(step_run.run, item["key"])]


def missing_inputs(step_run: StepRun) -> list[str]:
    """Labels of the kelengkapan items this step still lacks."""
    return [item["label"] for item in _missing_inputs(step_run)]


def _breach(step_run: StepRun, kind: str, detail: str, responsible, now: datetime) -> Breach:
    breach = Breach.objects.create(step_run=step_run, kind=kind, detail=detail, responsible=responsible,
                                   detected_at=now)
    record(None, "pos.breach.recorded", breach, at=now,
           after={"kind": kind, "detail": detail, "responsible": responsible.pk})
    return breach


def _finish(actor, step_run: StepRun, status: str, now: datetime, *, output_note: str = "",
            return_reason: str = "", accept_missing: bool = False) -> StepRun:
    """Close a step: measure its working time, check its kelengkapan, record any breach."""
    missing = _missing_inputs(step_run) if status == StepStatus.DONE else []
    if missing and not accept_missing:
        raise errors.INPUTS_MISSING.error(missing=join_labels(item["label"] for item in missing))
    before = {"status": step_run.status, "assignee": step_run.assignee_id}
    step_run.status = status
    step_run.finished_at = now
    step_run.finished_by = actor
    step_run.assignee = step_run.assignee or actor
    step_run.working_seconds = working_seconds_between(calendar_for(step_run), step_run.started_at, now)
    step_run.inputs_checked = {item["key"]: input_present(step_run.run, item["key"]) for item in step_run.step.inputs}
    step_run.output_note = output_note
    step_run.return_reason = return_reason
    step_run.save()
    record(actor, f"pos.step.{status}", step_run, at=now, before=before, after={
        "status": status, "working_seconds": step_run.working_seconds, "inputs": step_run.inputs_checked,
        "output": output_note, "return_reason": return_reason,
    })
    step_finished.send(sender=StepRun, step_run=step_run, actor=actor, status=status, now=now)
    with translation.override("id"):  # a breach's detail is a record, kept in Indonesian like the audit log
        if missing:
            _breach(step_run, BreachKind.MISSING_INPUT,
                    "Diselesaikan tanpa kelengkapan: " + join_labels(item["label"] for item in missing), actor, now)
        standard = step_run.step.standard_seconds
        if step_run.working_seconds > standard:
            detail = format_against_standard(step_run.working_seconds, standard)
            _breach(step_run, BreachKind.OVERTIME, detail, actor, now)
    return step_run


@transaction.atomic
def issue_disposition(actor, *, title: str, instructions: str, addressee, plan: list[PlanItemData],
                      verifier=None, urgent: bool = False, procedure_code: str | None = None,
                      opened_at: datetime | None = None, now: datetime | None = None) -> Run:
    """Step 1 of the POS: the PPID assigns the update, with a Rencana Pengembangan Informasi.

    ``opened_at`` is when the PPID began writing the disposition; step 1's clock runs from then.
    """
    now = now or timezone.now()
    procedure = procedure_in_force(procedure_code)
    first = procedure.steps.get(number=1)
    unit = actor.unit
    if unit is None:
        raise errors.OTHER_UNIT.error(user=actor, unit="mana pun")
    require_role(actor, first.role, unit)
    for label, value in (("Perihal", title), ("Isi disposisi", instructions)):
        if not value or not value.strip():
            raise errors.FIELD_REQUIRED.error(field=label.lower().replace(" ", "_"), label=label)
    if not plan:
        raise errors.PLAN_REQUIRED.error(field="plan")
    second = procedure.steps.filter(number=2).first()
    require_role(addressee, second.role if second else Role.PENGOLAH, unit)
    if verifier is not None:
        verify_step = procedure.steps.filter(is_verification=True).first()
        require_role(verifier, verify_step.role if verify_step else Role.PENELAAH, unit)
    started_at = min(opened_at or now, now)
    run = Run.objects.create(
        procedure=procedure, unit=unit, number=_next_run_number(unit, timezone.localtime(now).year),
        title=title.strip(), instructions=instructions.strip(), urgent=urgent, started_by=actor,
        addressee=addressee, verifier=verifier, started_at=started_at,
    )
    PlanItem.objects.bulk_create(
        PlanItem(run=run, title=item.title.strip(), action=item.action, target_date=item.target_date,
                 reference=item.reference, note=item.note)
        for item in plan
    )
    record(actor, "pos.run.started", run, at=now, after={
        "number": run.number, "procedure": procedure.code, "version": procedure.version, "title": run.title,
        "addressee": addressee.pk, "verifier": verifier.pk if verifier else None, "urgent": urgent,
        "plan": [{"title": p.title, "target_date": p.target_date, "action": p.action} for p in plan],
    })
    step_run = _open_step(run, first, started_at)
    _finish(actor, step_run, StepStatus.DONE, now, output_note=f"Disposisi {run.number} dan Rencana Pengembangan "
            f"Informasi ({len(plan)} butir)")
    advance(run, now)
    return run


@transaction.atomic
def provide_input(actor, run: Run, key: str, *, reference: str = "", note: str = "",
                  now: datetime | None = None) -> StepInput:
    """Record by hand that a kelengkapan item exists, with a reference to where it is kept."""
    now = now or timezone.now()
    current = run.current_step()
    if current is None:
        raise errors.RUN_CLOSED.error(number=run.number, status=run.get_status_display().lower())
    require_executor(actor, current)
    keys = {item["key"]: item["label"] for step in run.procedure.steps.all() for item in step.inputs}
    if key not in keys:
        raise errors.UNKNOWN_INPUT.error(field="key", key=key, choices=", ".join(sorted(keys)))
    if not reference.strip():
        raise errors.FIELD_REQUIRED.error(field="reference", label="Rujukan kelengkapan")
    item = StepInput.objects.create(run=run, key=key, reference=reference.strip(), note=note.strip(),
                                    provided_by=actor, provided_at=now)
    record(actor, "pos.input.recorded", item, at=now, after={"run": run.number, "key": key, "reference": reference})
    return item


@transaction.atomic
def complete_step(actor, step_run: StepRun, *, output_note: str = "", accept_missing: bool = False,
                  now: datetime | None = None) -> StepRun:
    """Finish a (non-verification) step. Missing kelengkapan refuses, unless accepted as a recorded breach."""
    now = now or timezone.now()
    step_run = lock_step(step_run)
    require_executor(actor, step_run)
    if step_run.step.is_verification:
        raise errors.USE_VERIFY.error()
    require_no_open_breach(step_run.run)
    _finish(actor, step_run, StepStatus.DONE, now, output_note=output_note.strip() or step_run.step.output,
            accept_missing=accept_missing)
    advance(step_run.run, now)
    return step_run


@transaction.atomic
def verify(actor, step_run: StepRun, *, approve: bool, reason: str = "", now: datetime | None = None) -> StepRun:
    """The verification step: approve (the run goes on) or return to drafting with a reason (counted)."""
    now = now or timezone.now()
    step_run = lock_step(step_run)
    require_executor(actor, step_run)
    if not step_run.step.is_verification:
        raise errors.NOT_VERIFICATION.error(number=step_run.step.number)
    run = step_run.run
    require_no_open_breach(run)
    if approve:
        problems = approval_problems(run)
        if problems:
            raise errors.APPROVAL_BLOCKED.error(problems="; ".join(problems))
        _finish(actor, step_run, StepStatus.DONE, now, output_note=reason.strip() or step_run.step.output)
        advance(run, now)
        return step_run
    if not reason.strip():
        raise errors.RETURN_REASON_REQUIRED.error(field="reason")
    _finish(actor, step_run, StepStatus.RETURNED, now, return_reason=reason.strip())
    run.return_count += 1
    run.save(update_fields=["return_count"])
    target = run.procedure.steps.get(number=step_run.step.returns_to)
    returned = run.step_runs.filter(step=target, status=StepStatus.DONE).order_by("-finished_at", "-pk").first()
    _breach(returned, BreachKind.RETURNED, reason.strip(), returned.finished_by, now)
    record(actor, "pos.run.returned", run, at=now, after={"to_step": target.number, "reason": reason.strip(),
                                                          "return_count": run.return_count})
    _open_step(run, target, now, attempt=returned.attempt + 1)
    return step_run
