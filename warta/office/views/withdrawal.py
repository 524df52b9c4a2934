"""A published item's page in the workspace, from which the PPID withdraws it from the public site with a reason."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views import View

from warta.accounts.models import Role
from warta.core.errors import ServiceError
from warta.registry.models import EntryStatus

from ..access import Refused, StaffMixin, add_service_error
from ..forms.registry import WithdrawForm


class WithdrawableDetail(StaffMixin, View):
    """Subclasses name the template, the items the user may see, the withdrawal service and the sentences."""

    template_name = ""
    object_name = ""  # the item's name in the template's context

    def items(self, user):
        raise NotImplementedError

    def extra_context(self, item) -> dict:
        return {}

    def withdraw(self, user, item, reason: str) -> None:
        raise NotImplementedError

    def refusal(self) -> str:
        raise NotImplementedError

    def withdrawn_message(self, item) -> str:
        raise NotImplementedError

    def render(self, request, item, form=None):
        return render(request, self.template_name, {
            self.object_name: item, **self.extra_context(item),
            "can_withdraw": request.user.has_role(Role.PPID) and item.status == EntryStatus.PUBLISHED,
            "withdraw_form": form or WithdrawForm(prefix="tarik"),
        })

    def get(self, request, pk):
        return self.render(request, get_object_or_404(self.items(request.user), pk=pk))

    def post(self, request, pk):
        item = get_object_or_404(self.items(request.user), pk=pk)
        if not request.user.has_role(Role.PPID):
            raise Refused(self.refusal())
        form = WithdrawForm(request.POST, prefix="tarik")
        if form.is_valid():
            try:
                self.withdraw(request.user, item, form.cleaned_data["reason"])
            except ServiceError as error:
                add_service_error(form, error)
            else:
                messages.success(request, self.withdrawn_message(item))
                return HttpResponseRedirect(request.path)
        return self.render(request, item, form)
