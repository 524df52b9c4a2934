"""Announcements (Pengumuman) move with the run like register entries: written in the drafting step, verified,
published with the run. A serta-merta announcement must state the danger, who is affected, evacuation, how to
avoid it and where to get help. The PPID can withdraw a published one."""

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views import View

from warta.accounts.models import Role
from warta.announcements.models import Announcement
from warta.announcements.services import create_announcement, update_announcement, withdraw_announcement
from warta.core.errors import ServiceError
from warta.registry.models import Category, EntryStatus

from ..access import POS_ROLES, Refused, StaffMixin, add_service_error, visible_units
from ..forms.announcements import AnnouncementForm
from ..forms.registry import WithdrawForm
from .drafting import DraftingBase


class AnnouncementFormView(DraftingBase):
    template_name = "office/announcement_form.html"
    actions = {"simpan": "save"}

    def load(self, request, pk, announcement_pk=None, **kwargs):
        super().load(request, pk, **kwargs)
        self.announcement = (get_object_or_404(self.run.announcements.all(), pk=announcement_pk)
                             if announcement_pk else None)
        self.time_zone = ZoneInfo(self.run.unit.office.time_zone)

    def context(self) -> dict:
        context = super().context()
        if self.announcement is not None:
            initial = AnnouncementForm.initial_for(self.announcement, self.time_zone)
        else:
            initial = {"category": Category.SERTA_MERTA if self.run.urgent else Category.BERKALA}
        context.update(announcement=self.announcement, form=self.form(
            "simpan", lambda: AnnouncementForm(initial=initial, time_zone=self.time_zone)))
        return context

    def save(self, request, _):
        self.require_drafting()
        form = AnnouncementForm(request.POST, time_zone=self.time_zone)
        self.bound["simpan"] = form
        if not form.is_valid():
            return None
        try:
            if self.announcement is None:
                create_announcement(request.user, self.run, form.values())
            else:
                update_announcement(request.user, self.run, self.announcement, form.values())
        except ServiceError as error:
            add_service_error(form, error)
            return None
        return self.done(gettext("Pengumuman tersimpan sebagai konsep."),
                         reverse("office:drafting", args=[self.run.pk]))


def visible_announcements(user):
    return Announcement.objects.filter(unit__in=visible_units(user))


class AnnouncementList(StaffMixin, View):
    roles = POS_ROLES

    def get(self, request):
        return render(request, "office/announcement_list.html", {
            "announcements": visible_announcements(request.user).select_related("run")[:200],
        })


class AnnouncementDetail(StaffMixin, View):
    roles = POS_ROLES

    def render(self, request, announcement, form=None):
        return render(request, "office/announcement_detail.html", {
            "announcement": announcement,
            "can_withdraw": request.user.has_role(Role.PPID) and announcement.status == EntryStatus.PUBLISHED,
            "withdraw_form": form or WithdrawForm(prefix="tarik"),
        })

    def get(self, request, pk):
        return self.render(request, get_object_or_404(visible_announcements(request.user), pk=pk))

    def post(self, request, pk):
        announcement = get_object_or_404(visible_announcements(request.user), pk=pk)
        if not request.user.has_role(Role.PPID):
            raise Refused(gettext("Pengumuman yang terbit hanya dapat ditarik oleh PPID."))
        form = WithdrawForm(request.POST, prefix="tarik")
        if form.is_valid():
            try:
                withdraw_announcement(request.user, announcement, reason=form.cleaned_data["reason"])
            except ServiceError as error:
                add_service_error(form, error)
            else:
                messages.success(request, gettext("Pengumuman ditarik dari situs."))
                return HttpResponseRedirect(reverse("office:announcement", args=[announcement.pk]))
        return self.render(request, announcement, form)
