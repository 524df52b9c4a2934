"""Runs: the list, one run's timeline, the PPID's disposition that starts a run, and the way into a step."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View

from warta.accounts.models import Role
from warta.core.errors import ServiceError
from warta.pos.calendars import calendar_for_office
from warta.pos.clock import time_status
from warta.pos.models import Breach, RunStatus, StepStatus
from warta.pos.services import PlanItemData, issue_disposition, procedure_in_force
from warta.registry.models import Entry, EntryStatus

from ..access import POS_ROLES, StaffMixin, add_service_error, get_run, visible_runs
from ..forms.base import filled_forms, grown_formset, read_opened, sign_opened
from ..forms.disposition import DispositionForm, PlanFormSet
from ..screens import screen_url, step_panel, time_left_text
from .base import RunPage

DATALIST_LIMIT = 1000  # suggestions for "Nomor di DIP"; any number can still be typed


@dataclass
class RunRow:
    run: object
    current: object
    status: object

    @property
    def left_text(self) -> str:
        return time_left_text(self.status) if self.status else ""

    @property
    def state(self) -> str:
        return str(self.status.state) if self.status else ""


def run_rows(runs, now=None) -> list[RunRow]:
    now = now or timezone.now()
    calendars, rows = {}, []
    for run in runs:
        current = next((s for s in run.step_runs.all() if s.status == StepStatus.ACTIVE), None)
        status = None
        if current is not None:
            office = run.unit.office
            calendars.setdefault(office.pk, calendar_for_office(office))
            status = time_status(current, now, calendars[office.pk])
        rows.append(RunRow(run, current, status))
    return rows


class RunList(StaffMixin, View):
    roles = POS_ROLES

    FILTERS = {"berjalan": RunStatus.ACTIVE, "selesai": RunStatus.DONE, "dibatalkan": RunStatus.CANCELLED}

    def get(self, request):
        runs = visible_runs(request.user).prefetch_related("step_runs__step")
        chosen = request.GET.get("status", "berjalan")
        if chosen in self.FILTERS:
            runs = runs.filter(status=self.FILTERS[chosen])
        query = request.GET.get("q", "").strip()
        if query:
            runs = runs.filter(title__icontains=query) | runs.filter(number__icontains=query)
        page = Paginator(runs.order_by("-urgent", "-started_at"), 25).get_page(request.GET.get("halaman"))
        return render(request, "office/run_list.html", {
            "page": page, "rows": run_rows(page.object_list), "chosen": chosen, "query": query,
            "filters": [("berjalan", gettext("Berjalan")), ("selesai", gettext("Selesai")),
                        ("semua", gettext("Semua"))],
            "can_start": request.user.has_role(Role.PPID),
        })


@dataclass
class TimelineRow:
    number: int
    activity: str
    step_run: object = None
    status: object = None
    definition: object = None

    @property
    def inputs(self) -> list[tuple[str, bool]]:
        """Kelengkapan as checked when the step finished."""
        if self.step_run is None or self.step_run.finished_at is None:
            return []
        return [(self.definition.input_label(key), present) for key, present in self.step_run.inputs_checked.items()]

    @property
    def used_text(self) -> str:
        from warta.core.formats import format_against_standard

        return format_against_standard(self.status.used_seconds, self.status.standard_seconds) if self.status else ""


class RunDetail(RunPage):
    template_name = "office/run_detail.html"

    def context(self) -> dict:
        context = super().context()
        run = self.run
        calendar = calendar_for_office(run.unit.office)
        step_runs = list(run.step_runs.select_related("step", "assignee", "finished_by").prefetch_related(
            "breaches__responsible", "letters__to_user", "letters__from_user").order_by("started_at", "pk"))
        timeline = [TimelineRow(s.step.number, s.step.activity, s, time_status(s, None, calendar), s.step)
                    for s in step_runs]
        started = {s.step.number for s in step_runs}
        pending = [TimelineRow(step.number, step.activity, definition=step) for step in run.procedure.steps.all()
                   if step.number not in started]
        current = run.current_step()
        context.update(
            timeline=timeline, pending=pending, current=current,
            current_url=screen_url(run, current.step) if current else "",
            panel=step_panel(self.request.user, current) if current else None,
            plan=run.plan_items.all(), breach_forms=self.breach_forms(),
            breaches=Breach.objects.filter(step_run__run=run).select_related("step_run__step", "responsible"),
            entries=run.entries.all()[:50],
        )
        return context


class StepRedirect(StaffMixin, View):
    """The way into a run's current step: its own screen, or the run's timeline when nothing is open."""

    roles = POS_ROLES

    def get(self, request, pk):
        run = get_run(request.user, pk)
        current = run.current_step()
        return HttpResponseRedirect(screen_url(run, current.step) if current else reverse("office:run", args=[pk]))


class DispositionCreate(StaffMixin, View):
    """Step 1 of the POS: the PPID's disposition with its Rencana Pengembangan Informasi."""

    roles = frozenset({Role.PPID})
    template_name = "office/disposition_form.html"

    def render(self, form, formset, plan_error=""):
        procedure = procedure_in_force()
        entries = Entry.objects.filter(unit=self.request.user.unit).exclude(status=EntryStatus.DRAFT).order_by(
            "number").only("number", "title")[:DATALIST_LIMIT]
        return render(self.request, self.template_name, {
            "form": form, "formset": formset, "plan_error": plan_error, "step": procedure.steps.get(number=1),
            "procedure": procedure, "entries": entries,
        })

    def get(self, request):
        unit = request.user.unit
        form = DispositionForm(unit=unit, initial={"opened": sign_opened(timezone.now())})
        return self.render(form, PlanFormSet(prefix="rencana"))

    def post(self, request):
        unit = request.user.unit
        if "tambah_baris" in request.POST:
            form = DispositionForm(unit=unit, initial={name: request.POST.get(name) for name in
                                                       ("title", "instructions", "addressee", "verifier", "opened")}
                                   | {"urgent": bool(request.POST.get("urgent"))})
            return self.render(form, grown_formset(PlanFormSet, request.POST, "rencana"))
        form = DispositionForm(request.POST, unit=unit)
        formset = PlanFormSet(request.POST, prefix="rencana")
        if not (form.is_valid() & formset.is_valid()):
            return self.render(form, formset)
        data = form.cleaned_data
        plan = [PlanItemData(title=row.cleaned_data["title"], target_date=row.cleaned_data["target_date"],
                             action=row.cleaned_data["action"], reference=row.cleaned_data["reference"],
                             note=row.cleaned_data["note"]) for row in filled_forms(formset)]
        try:
            run = issue_disposition(request.user, title=data["title"], instructions=data["instructions"],
                                    addressee=data["addressee"], verifier=data["verifier"], urgent=data["urgent"],
                                    plan=plan, opened_at=read_opened(data.get("opened") or ""))
        except ServiceError as error:
            if error.field == "plan":
                return self.render(form, formset, plan_error=error.message)
            add_service_error(form, error)
            return self.render(form, formset)
        messages.success(request, gettext("Disposisi %(number)s terkirim kepada %(user)s.")
                         % {"number": run.number, "user": run.addressee})
        return HttpResponseRedirect(reverse("office:run", args=[run.pk]))
