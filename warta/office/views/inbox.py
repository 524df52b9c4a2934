"""Tugas Saya: the user's open steps with their time left, their unexplained breaches, and notifications."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from warta.accounts.models import Role
from warta.core.errors import ServiceError
from warta.pos.calendars import calendar_for_office
from warta.pos.clock import TimeState, TimeStatus, time_status
from warta.pos.models import Breach, RunStatus, StepClaim, StepRun, StepStatus
from warta.pos.services import claim_step, release_claim
from warta.registry.models import Edition, EditionStatus, Exemption, ExemptionStatus
from warta.upkeep.services import routine_due, schedule_for

from ..access import STAFF_ROLES, forbidden, staff_view
from ..models import Notification
from ..screens import screen_url, time_left_text
from ..services import mark_read


@dataclass
class Task:
    step_run: StepRun
    status: TimeStatus
    url: str
    in_queue: bool
    claimed_by_me: bool

    @property
    def run(self):
        return self.step_run.run

    @property
    def overdue(self) -> bool:
        return self.status.state == TimeState.OVERDUE

    @property
    def warning(self) -> bool:
        return self.status.state == TimeState.WARNING

    @property
    def left_text(self) -> str:
        return time_left_text(self.status)

    @property
    def sort_key(self):
        # Serta merta first (a threat to life or public order), then overdue, then the least time left.
        return (not self.run.urgent, not self.overdue, self.status.left_seconds, self.step_run.started_at)


def open_tasks(user, now=None) -> list[Task]:
    """Active steps assigned to the user, or waiting unassigned in the queue of a role they hold in their unit."""
    if not user.unit_id:
        return []
    now = now or timezone.now()
    roles = user.role_set()
    steps = (StepRun.objects.filter(status=StepStatus.ACTIVE, run__status=RunStatus.ACTIVE, run__unit_id=user.unit_id)
             .select_related("step", "run", "assignee"))
    claims = dict(StepClaim.objects.filter(step_run__in=steps).values_list("step_run_id", "user_id"))
    calendar = calendar_for_office(user.unit.office)
    tasks = []
    for step_run in steps:
        mine = step_run.assignee_id == user.pk
        queued = step_run.assignee_id is None and step_run.step.role in roles
        claimant = claims.get(step_run.pk)
        if not (mine or queued) or (queued and claimant not in (None, user.pk)):
            continue
        tasks.append(Task(step_run, time_status(step_run, now, calendar), screen_url(step_run.run, step_run.step),
                          in_queue=queued and claimant is None, claimed_by_me=queued and claimant == user.pk))
    return sorted(tasks, key=lambda task: task.sort_key)


@staff_view(STAFF_ROLES)
def inbox(request):
    user = request.user
    roles = user.role_set()
    context = {
        "tasks": open_tasks(user),
        "breaches": Breach.objects.filter(responsible=user, explained_at__isnull=True)
        .select_related("step_run__step", "step_run__run").order_by("detected_at"),
        "notifications": Notification.objects.filter(recipient=user)[:8],
        "unread": Notification.objects.filter(recipient=user).unread().count(),
        "is_ppid": Role.PPID in roles,
        "roles": [Role(role).label for role in Role.values if role in roles],
    }
    if user.unit_id:
        office = user.unit.office
        if Role.ATASAN in roles:
            context["editions_to_approve"] = Edition.objects.filter(unit__office=office,
                                                                    status=EditionStatus.PROPOSED)
        if Role.PPID in roles:
            context["editions_to_set"] = Edition.objects.filter(unit=user.unit, status=EditionStatus.APPROVED)
            context["exemptions_to_review"] = Exemption.objects.filter(unit=user.unit, status=ExemptionStatus.REVIEW)
        if Role.PENGOLAH in roles and routine_due(user.unit):
            context["routine_due"] = schedule_for(user.unit)
    return render(request, "office/inbox.html", context)


def _queue_action(request, step_run_pk, service, done: str):
    step_run = _visible_step(request.user, step_run_pk)
    try:
        service(request.user, step_run)
    except ServiceError as error:
        return forbidden(request, error.message)
    messages.success(request, done % {"step": step_run.step.number, "run": step_run.run.number})
    return HttpResponseRedirect(screen_url(step_run.run, step_run.step))


@require_POST
@staff_view(STAFF_ROLES)
def claim(request, step_run_pk):
    return _queue_action(request, step_run_pk, claim_step,
                         gettext("Tugas langkah %(step)s disposisi %(run)s Anda ambil."))


@require_POST
@staff_view(STAFF_ROLES)
def release(request, step_run_pk):
    return _queue_action(request, step_run_pk, release_claim,
                         gettext("Tugas langkah %(step)s disposisi %(run)s dikembalikan ke antrean bersama."))


def _visible_step(user, step_run_pk) -> StepRun:
    return get_object_or_404(StepRun.objects.select_related("run__unit", "step"), pk=step_run_pk,
                             run__in=_visible(user))


def _visible(user):
    from warta.pos.models import Run

    return Run.objects.for_user(user)


@staff_view(STAFF_ROLES)
def notifications(request):
    page = Paginator(Notification.objects.filter(recipient=request.user), 25).get_page(request.GET.get("halaman"))
    return render(request, "office/notifications.html", {
        "page": page, "unread": Notification.objects.filter(recipient=request.user).unread().count(),
    })


@require_POST
@staff_view(STAFF_ROLES)
def notifications_read(request):
    chosen = request.POST.getlist("pemberitahuan")
    count = mark_read(request.user, [int(pk) for pk in chosen if pk.isdigit()] if chosen else None)
    messages.success(request, ngettext("%(count)d pemberitahuan ditandai sudah dibaca.",
                                       "%(count)d pemberitahuan ditandai sudah dibaca.", count) % {"count": count})
    return HttpResponseRedirect(request.POST.get("kembali") if _safe(request.POST.get("kembali"))
                                else reverse("office:notifications"))


def _safe(url) -> bool:
    return bool(url) and url.startswith("/kelola/") and "//" not in url
