"""Pages about one run. A page shows several small forms; each posts back to the page with an ``action`` name,
so a refused form comes back in place with what was typed and the error next to its field.
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext
from django.views import View

from warta.core.errors import ServiceError
from warta.pos.models import Breach, StepStatus
from warta.pos.services import complete_step as engine_complete_step
from warta.pos.services import delegate_step, explain_breach, provide_input

from ..access import POS_ROLES, Refused, StaffMixin, add_service_error, get_run
from ..forms.steps import BreachExplanationForm, CompleteForm, DelegationForm, InputForm
from ..screens import delegation_candidates, step_panel
from ..services import notify_delegation


class RunPage(StaffMixin, View):
    """A page about one run the user may see (another unit's run is a 404)."""

    roles = POS_ROLES
    template_name = ""
    actions: dict[str, str] = {"jelaskan": "explain"}

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.bound: dict = {}

    def load(self, request, pk, **kwargs):
        self.run = get_run(request.user, pk)

    def get(self, request, pk, **kwargs):
        self.load(request, pk, **kwargs)
        return self.render()

    def post(self, request, pk, **kwargs):
        self.load(request, pk, **kwargs)
        return self.act(request)

    def act(self, request):
        action = request.POST.get("action", "")
        handler = getattr(self, self.actions.get(action.split(":")[0], ""), None)
        if handler is None:
            raise Refused(gettext("Tindakan ini tidak dikenal di halaman ini."))
        response = handler(request, action.partition(":")[2])
        return response or self.render()

    def context(self) -> dict:
        return {"run": self.run}

    def render(self, status: int = 200):
        return render(self.request, self.template_name, self.context(), status=status)

    def done(self, message: str, url: str | None = None):
        messages.success(self.request, message)
        return HttpResponseRedirect(url or self.request.get_full_path())

    def form(self, name: str, factory):
        """The bound form that came back with an error, else a fresh one."""
        return self.bound.get(name) or factory()

    # --- the breach explanation, on every run page -----------------------------------------------------------

    def breach_forms(self) -> list[tuple]:
        breaches = Breach.objects.filter(step_run__run=self.run, explained_at__isnull=True).select_related(
            "step_run__step", "responsible")
        return [(breach, self.form(f"jelaskan:{breach.pk}", lambda b=breach: BreachExplanationForm(
            prefix=f"penyimpangan-{b.pk}")) if breach.responsible_id == self.request.user.pk else None)
                for breach in breaches]

    def explain(self, request, breach_pk):
        breach = Breach.objects.filter(step_run__run=self.run, pk=breach_pk or 0).first()
        if breach is None or breach.responsible_id != request.user.pk:
            raise Refused(gettext("Penyimpangan ini dijelaskan oleh pelaksananya sendiri."))
        form = BreachExplanationForm(request.POST, prefix=f"penyimpangan-{breach.pk}")
        self.bound[f"jelaskan:{breach.pk}"] = form
        if form.is_valid():
            try:
                explain_breach(request.user, breach, form.cleaned_data["explanation"])
            except ServiceError as error:
                add_service_error(form, error)
            else:
                return self.done(gettext("Penjelasan penyimpangan tersimpan."))
        return None


class StepScreen(RunPage):
    """The screen of one step: its POS row, kelengkapan, delegation, breaches, and the step's own work."""

    screen = ""
    actions = {**RunPage.actions, "alihkan": "delegate", "kelengkapan": "record_input", "selesai": "complete"}

    def load(self, request, pk, **kwargs):
        super().load(request, pk, **kwargs)
        from ..screens import screen_for

        current = self.run.current_step()
        if current is not None and screen_for(current.step) == self.screen:
            self.step_run = current
        else:
            candidates = [s for s in self.run.step_runs.select_related("step").order_by("-started_at", "-pk")
                          if screen_for(s.step) == self.screen]
            self.step_run = candidates[0] if candidates else None
        self.panel = step_panel(request.user, self.step_run) if self.step_run else None

    def get(self, request, pk, **kwargs):
        self.load(request, pk, **kwargs)
        if self.step_run is None:
            return self.not_started()
        return self.render()

    def post(self, request, pk, **kwargs):
        self.load(request, pk, **kwargs)
        if self.step_run is None:
            return self.not_started()
        return self.act(request)

    def not_started(self):
        from django.urls import reverse

        messages.info(self.request, gettext("Langkah itu belum dimulai pada disposisi ini."))
        return HttpResponseRedirect(reverse("office:run", args=[self.run.pk]))

    @property
    def active(self) -> bool:
        return self.step_run is not None and self.step_run.status == StepStatus.ACTIVE

    def require_executor(self):
        if not self.active:
            raise Refused(gettext("Langkah ini tidak sedang berjalan, jadi tidak ada yang dapat dikerjakan di sini."))
        if not self.panel.can_act:
            raise Refused(self.panel.act_refusal)

    def context(self) -> dict:
        context = super().context()
        context.update(step_run=self.step_run, panel=self.panel, active=self.active, breach_forms=self.breach_forms())
        if self.step_run is not None and self.active:
            candidates = delegation_candidates(self.step_run) if self.panel.can_delegate else []
            context["delegation_form"] = self.form("alihkan", lambda: DelegationForm(candidates=candidates,
                                                                                      prefix="alihkan"))
            context["input_form"] = self.form("kelengkapan", lambda: InputForm(items=self.step_run.step.inputs,
                                                                               prefix="kelengkapan"))
            context["complete_form"] = self.form("selesai", lambda: CompleteForm(prefix="selesai"))
        return context

    def delegate(self, request, _):
        if not self.active or not self.panel.can_delegate:
            raise Refused(gettext("Hanya pelaksana langkah ini atau PPID yang dapat mengalihkannya dengan surat "
                                  "penugasan."))
        form = DelegationForm(request.POST, candidates=delegation_candidates(self.step_run), prefix="alihkan")
        self.bound["alihkan"] = form
        if not form.is_valid():
            return None
        data = form.cleaned_data
        try:
            letter = delegate_step(request.user, self.step_run, form.chosen_user(), data["reason"],
                                   number=data["number"], issued_on=data["issued_on"],
                                   confirm_unqualified=data["confirm_unqualified"])
        except ServiceError as error:
            add_service_error(form, error)
            return None
        notify_delegation(letter)
        return self.done(gettext("Langkah dialihkan kepada %(user)s dengan Surat Penugasan %(number)s.")
                         % {"user": letter.to_user, "number": letter.number})

    def record_input(self, request, _):
        self.require_executor()
        form = InputForm(request.POST, items=self.step_run.step.inputs, prefix="kelengkapan")
        self.bound["kelengkapan"] = form
        if form.is_valid():
            try:
                provide_input(request.user, self.run, form.cleaned_data["key"],
                              reference=form.cleaned_data["reference"], note=form.cleaned_data["note"])
            except ServiceError as error:
                add_service_error(form, error)
            else:
                return self.done(gettext("Kelengkapan tercatat."))
        return None

    def complete(self, request, _):
        self.require_executor()
        form = CompleteForm(request.POST, prefix="selesai")
        self.bound["selesai"] = form
        if form.is_valid():
            try:
                engine_complete_step(request.user, self.step_run, output_note=form.cleaned_data["output_note"],
                                     accept_missing=form.cleaned_data["accept_missing"])
            except ServiceError as error:
                add_service_error(form, error)
            else:
                return self.after_complete()
        return None

    def after_complete(self):
        from django.urls import reverse

        return self.done(gettext("Langkah %(number)s selesai.") % {"number": self.step_run.step.number},
                         reverse("office:run", args=[self.run.pk]))
