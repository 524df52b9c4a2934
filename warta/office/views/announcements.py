"""Announcements (Pengumuman) move with the run like register entries: written in the drafting step, verified,
published with the run. A serta-merta announcement must state the danger, who is affected, evacuation, how to
avoid it and where to get help. Its screen also attaches documents (from the register or uploaded) with plain
forms. The PPID can withdraw a published one."""

from zoneinfo import ZoneInfo

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views import View

from warta.announcements.models import Announcement
from warta.announcements.services import (
    attach_document,
    attach_upload,
    available_documents,
    create_announcement,
    detach_document,
    update_announcement,
    withdraw_announcement,
)
from warta.core.errors import ServiceError
from warta.documents.services import document_ready_for_verification
from warta.registry.models import Category

from ..access import POS_ROLES, Refused, StaffMixin, add_service_error, visible_units
from ..forms.announcements import AnnouncementForm, AttachDocumentForm, AttachUploadForm
from .drafting import PENDING_TEXT, DraftingBase
from .withdrawal import WithdrawableDetail


class AnnouncementFormView(DraftingBase):
    template_name = "office/announcement_form.html"
    actions = {"simpan": "save", "lampirkan": "attach", "unggah": "upload", "lepas": "detach"}

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
        if self.announcement is not None:
            context.update(self.documents_context())
        return context

    # --- documents carried by the announcement ----------------------------------------------------------------

    def candidates(self):
        return available_documents(self.run).exclude(announcements=self.announcement).order_by("-uploaded_at")

    def documents_context(self) -> dict:
        documents = list(self.announcement.documents.order_by("original_name", "pk"))
        return {
            "documents": [{"document": document, "problems": document_ready_for_verification(document),
                           "pending": document.text_status in PENDING_TEXT} for document in documents],
            "attach_form": self.form("lampirkan", lambda: AttachDocumentForm(prefix="lampirkan",
                                                                             documents=self.candidates())),
            "upload_form": self.form("unggah", lambda: AttachUploadForm(prefix="unggah")),
        }

    def _require_announcement(self):
        self.require_drafting()
        if self.announcement is None:
            raise Refused(gettext("Simpan pengumuman terlebih dahulu, lalu lampirkan dokumennya."))

    def attach(self, request, _):
        self._require_announcement()
        form = AttachDocumentForm(request.POST, prefix="lampirkan", documents=self.candidates())
        self.bound["lampirkan"] = form
        if not form.is_valid():
            return None
        document = form.cleaned_data["document"]
        try:
            attach_document(request.user, self.run, self.announcement, document)
        except ServiceError as error:
            add_service_error(form, error)
            return None
        return self.done(gettext("%(name)s dilampirkan pada pengumuman ini.") % {"name": document.original_name})

    def upload(self, request, _):
        self._require_announcement()
        form = AttachUploadForm(request.POST, request.FILES, prefix="unggah")
        self.bound["unggah"] = form
        if not form.is_valid():
            return None
        try:
            document = attach_upload(request.user, self.run, self.announcement, form.cleaned_data["file"])
        except ServiceError as error:
            form.add_error("file" if error.field in (None, "file") else None, error.message)
            return None
        return self.done(gettext("%(name)s terunggah dan dilampirkan. Teks dan data pribadinya sedang diperiksa.")
                         % {"name": document.original_name})

    def detach(self, request, document_pk):
        self._require_announcement()
        document = self.announcement.documents.filter(pk=document_pk or 0).first()
        if document is None:
            raise Http404("Dokumen ini bukan lampiran pengumuman ini.")
        try:
            detach_document(request.user, self.run, self.announcement, document)
        except ServiceError as error:
            raise Refused(error.message) from None
        return self.done(gettext("%(name)s dilepas dari pengumuman ini.") % {"name": document.original_name})

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


class AnnouncementDetail(WithdrawableDetail):
    roles = POS_ROLES
    template_name = "office/announcement_detail.html"
    object_name = "announcement"

    def items(self, user):
        return visible_announcements(user)

    def withdraw(self, user, item, reason):
        withdraw_announcement(user, item, reason=reason)

    def refusal(self):
        return gettext("Pengumuman yang terbit hanya dapat ditarik oleh PPID.")

    def withdrawn_message(self, item):
        return gettext("Pengumuman ditarik dari situs.")
