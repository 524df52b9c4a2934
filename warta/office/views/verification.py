"""Step 3 of the POS: the Penelaah checks the run's entries and documents side by side, then approves or returns."""

from django.urls import reverse
from django.utils.translation import gettext

from warta.core.errors import ServiceError
from warta.pos.services import verify
from warta.registry.services.entries import verification_problems

from ..access import add_service_error
from ..forms.verification import ApproveForm, ReturnForm
from ..screens import VERIFICATION
from .base import StepScreen
from .drafting import document_rows
from .findings import FindingClearing, run_findings


class VerificationScreen(FindingClearing, StepScreen):
    screen = VERIFICATION
    template_name = "office/verification.html"
    # No "selesai": the verification step ends with Setujui or Kembalikan.
    actions = {"jelaskan": "explain", "alihkan": "delegate", "kelengkapan": "record_input",
               "setujui": "approve", "kembalikan": "return_", "aman": "clear"}

    def findings(self):
        return run_findings(self.run)

    def context(self) -> dict:
        context = super().context()
        entries = list(self.run.entries.prefetch_related("attachments__document").order_by("number"))
        rows = [(entry, document_rows(entry)) for entry in entries]
        documents = [row["document"] for _, doc_rows in rows for row in doc_rows]
        chosen = self.request.GET.get("dokumen", "")
        preview = next((d for d in documents if str(d.pk) == chosen), documents[0] if documents else None)
        context.update(
            entry_rows=rows, preview=preview, announcements=self.run.announcements.all(),
            problems=verification_problems(self.run) if self.active else [],
            approve_form=self.form("setujui", lambda: ApproveForm(prefix="setujui")),
            return_form=self.form("kembalikan", lambda: ReturnForm(prefix="kembalikan")),
            can_clear=self.can_clear(), clear_forms=self.clear_forms(),
        )
        return context

    def approve(self, request, _):
        self.require_executor()
        form = ApproveForm(request.POST, prefix="setujui")
        self.bound["setujui"] = form
        if not form.is_valid():
            return None
        try:
            verify(request.user, self.step_run, approve=True, reason=form.cleaned_data["note"])
        except ServiceError as error:
            add_service_error(form, error)
            return None
        return self.done(gettext("Verifikasi disetujui. Informasi berstatus Terverifikasi dan siap diunggah."),
                         reverse("office:run", args=[self.run.pk]))

    def return_(self, request, _):
        self.require_executor()
        form = ReturnForm(request.POST, prefix="kembalikan")
        self.bound["kembalikan"] = form
        if not form.is_valid():
            return None
        try:
            verify(request.user, self.step_run, approve=False, reason=form.cleaned_data["reason"])
        except ServiceError as error:
            add_service_error(form, error)
            return None
        return self.done(gettext("Disposisi dikembalikan ke penyusun dengan alasan Anda."),
                         reverse("office:run", args=[self.run.pk]))
