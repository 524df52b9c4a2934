"""Step 5 of the POS (the upkeep app): a run's maintenance checklist, and the unit's routine maintenance."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views import View

from warta.accounts.models import Role
from warta.core.errors import ServiceError
from warta.upkeep import services as upkeep
from warta.upkeep.models import Round

from ..access import POS_ROLES, Refused, StaffMixin, add_service_error, forbidden, has_any
from ..forms.maintenance import ChecklistForm
from ..forms.registry import ScheduleForm
from ..screens import MAINTENANCE
from .base import StepScreen


def checklist_form(round_, hints, data=None):
    initial = ChecklistForm.initial_for(round_) if round_ else None
    return ChecklistForm(data, hints=hints, initial=initial, prefix="periksa")


def save_round(request, form, get_round, finish: bool):
    """Save the ticks, and finish the round when asked. Returns an error to show, or None."""
    try:
        round_ = get_round()
        upkeep.save_checks(request.user, round_, form.values())
        if finish:
            upkeep.finish_round(request.user, round_, note=form.cleaned_data["note"])
    except ServiceError as error:
        add_service_error(form, error)
        return error
    return None


class MaintenanceScreen(StepScreen):
    screen = MAINTENANCE
    template_name = "office/maintenance.html"
    actions = {"jelaskan": "explain", "alihkan": "delegate", "kelengkapan": "record_input",
               "periksa": "save", "selesai": "finish"}

    def round(self):
        return Round.objects.filter(step_run=self.step_run).first() if self.step_run else None

    def context(self) -> dict:
        context = super().context()
        hints = upkeep.hints(self.run.unit)
        context.update(round=self.round(),
                       checklist_form=self.form("periksa", lambda: checklist_form(self.round(), hints)))
        return context

    def _submit(self, request, finish: bool):
        self.require_executor()
        form = ChecklistForm(request.POST, hints=upkeep.hints(self.run.unit), prefix="periksa")
        self.bound["periksa"] = form
        if not form.is_valid():
            return None
        if save_round(request, form, lambda: upkeep.round_for_step(request.user, self.step_run), finish):
            return None
        if finish:
            return self.done(gettext("Pemeliharaan situs selesai dan langkah terakhir POS tercatat."),
                             reverse("office:run", args=[self.run.pk]))
        return self.done(gettext("Hasil pemeriksaan tersimpan."))

    def save(self, request, _):
        return self._submit(request, finish=False)

    def finish(self, request, _):
        return self._submit(request, finish=True)


class RoutineMaintenance(StaffMixin, View):
    """Pemeliharaan situs between runs: the schedule (set by the PPID) and the routine checklist (Pengolah)."""

    roles = POS_ROLES
    template_name = "office/routine_maintenance.html"

    def render(self, request, schedule_form=None, checklist=None, status=200):
        unit = request.user.unit
        schedule = upkeep.schedule_for(unit)
        open_round = upkeep.open_routine_round(unit)
        hints = upkeep.hints(unit)
        return render(request, self.template_name, {
            "schedule": schedule, "open_round": open_round,
            "due": upkeep.routine_due(unit),
            "can_schedule": request.user.has_role(Role.PPID),
            "can_check": request.user.has_role(Role.PENGOLAH),
            "schedule_form": schedule_form or ScheduleForm(prefix="jadwal", initial={
                "every_days": schedule.every_days if schedule else upkeep.DEFAULT_EVERY_DAYS}),
            "checklist_form": checklist or (checklist_form(open_round, hints) if open_round else None),
            "rounds": Round.objects.filter(unit=unit).select_related("run", "finished_by", "started_by")[:20],
        }, status=status)

    def get(self, request):
        if request.user.unit is None:
            return forbidden(request, gettext("Akun Anda belum terdaftar di unit mana pun."))
        return self.render(request)

    def post(self, request):
        unit = request.user.unit
        action = request.POST.get("action")
        if action == "jadwal":
            if not request.user.has_role(Role.PPID):
                raise Refused(gettext("Jadwal pemeliharaan rutin ditetapkan oleh PPID."))
            form = ScheduleForm(request.POST, prefix="jadwal")
            if form.is_valid():
                try:
                    upkeep.set_schedule(request.user, unit, every_days=form.cleaned_data["every_days"],
                                        next_due=form.cleaned_data["next_due"])
                except ServiceError as error:
                    add_service_error(form, error)
                else:
                    messages.success(request, gettext("Jadwal pemeliharaan rutin tersimpan."))
                    return HttpResponseRedirect(reverse("office:routine"))
            return self.render(request, schedule_form=form)
        if not has_any(request.user, {Role.PENGOLAH}):
            raise Refused(gettext("Pemeliharaan situs dikerjakan oleh Pengolah Data dan Informasi."))
        if action == "mulai":
            try:
                upkeep.start_routine_round(request.user, unit)
            except ServiceError as error:
                return forbidden(request, error.message)
            return HttpResponseRedirect(reverse("office:routine"))
        if action in ("periksa", "selesai"):
            form = ChecklistForm(request.POST, hints=upkeep.hints(unit), prefix="periksa")
            if form.is_valid():
                open_round = upkeep.open_routine_round(unit)
                if open_round is None:
                    form.add_error(None, gettext("Belum ada pemeliharaan rutin yang berjalan. Mulai dahulu."))
                elif not save_round(request, form, lambda: open_round, finish=action == "selesai"):
                    messages.success(request, gettext("Pemeliharaan rutin selesai.") if action == "selesai"
                                     else gettext("Hasil pemeriksaan tersimpan."))
                    return HttpResponseRedirect(reverse("office:routine"))
            return self.render(request, checklist=form)
        raise Refused(gettext("Tindakan ini tidak dikenal di halaman ini."))
