"""Declaring a personal-data finding safe ("aman:<id>"), from the drafting and the verification screens alike."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from warta.core.errors import ServiceError
from warta.documents.models import PIIFinding
from warta.documents.services import CLEARING_ROLES, clear_finding

from ..access import Refused, add_service_error, has_any
from ..forms.drafting import ClearFindingForm


class FindingClearing:
    """For a screen with ``bound`` forms and ``done()``; ``findings()`` names the findings it shows."""

    def findings(self):
        raise NotImplementedError

    def can_clear(self) -> bool:
        return has_any(self.request.user, CLEARING_ROLES)

    def clear_forms(self) -> dict:
        return {key.split(":")[1]: form for key, form in self.bound.items() if key.startswith("aman:")}

    def clear(self, request, finding_pk):
        if not self.can_clear():
            raise Refused(gettext("Temuan data pribadi dinyatakan aman oleh PPID atau Penelaah Teknis Kebijakan."))
        finding = get_object_or_404(self.findings(), pk=finding_pk or 0)
        form = ClearFindingForm(request.POST, prefix=f"aman-{finding.pk}")
        self.bound[f"aman:{finding.pk}"] = form
        if form.is_valid():
            try:
                clear_finding(request.user, finding, form.cleaned_data["note"])
            except ServiceError as error:
                add_service_error(form, error)
            else:
                return self.done(gettext("Temuan %(finding)s dinyatakan aman.") % {"finding": finding})
        return None


def entry_findings(entry):
    return PIIFinding.objects.filter(document__entry_links__entry=entry)


def run_findings(run):
    return PIIFinding.objects.filter(document__entry_links__entry__run=run)
