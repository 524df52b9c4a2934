"""Step 2 of the POS: the Pengolah drafts the run's entries, imports a register file, and attaches documents."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from warta.core.errors import ServiceError
from warta.core.formats import format_filesize
from warta.documents.models import Document, TextStatus
from warta.documents.services import (
    document_ready_for_verification,
    upload_document,
)
from warta.registry.importing import parse_register
from warta.registry.models import Entry, EntryDocument
from warta.registry.services.entries import (
    attach_document,
    create_entry,
    detach_document,
    replace_attachment_file,
    update_entry,
)
from warta.registry.services.importing import import_register

from .. import errors
from ..access import Refused, add_service_error
from ..forms.drafting import EntryForm, ImportForm, ReplaceForm, UploadForm
from ..screens import DRAFTING
from .base import StepScreen
from .findings import FindingClearing, entry_findings

IMPORT_SESSION_KEY = "office_import"
PENDING_TEXT = {TextStatus.PENDING, TextStatus.OCR_NEEDED, TextStatus.OCR_RUNNING}


def unit_entries(run):
    return Entry.objects.filter(unit=run.unit)


class DraftingBase(StepScreen):
    screen = DRAFTING

    def drafting_refusal(self) -> str:
        if not self.active:
            return gettext("Daftar informasi hanya dapat diubah saat disposisi berada di langkah penyusunan.")
        return self.panel.act_refusal

    def require_drafting(self):
        refusal = self.drafting_refusal()
        if refusal:
            raise Refused(refusal)

    def context(self) -> dict:
        context = super().context()
        context["can_draft"] = not self.drafting_refusal()
        return context


class DraftingScreen(DraftingBase):
    template_name = "office/drafting.html"
    actions = {**StepScreen.actions, "impor-periksa": "import_check", "impor-simpan": "import_confirm"}

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.import_report = None
        self.import_error = ""

    def get(self, request, pk, **kwargs):
        number = request.GET.get("nomor", "").strip()
        if number:
            self.load(request, pk, **kwargs)
            entry = unit_entries(self.run).filter(number=number).first() if number.isdigit() else None
            if entry is not None:
                return HttpResponseRedirect(reverse("office:entry_edit", args=[self.run.pk, entry.pk]))
            self.lookup_error = gettext("Nomor %(number)s tidak ada di DIP unit Anda. Periksa nomornya di Daftar "
                                        "Informasi Publik.") % {"number": number}
            return self.render()
        return super().get(request, pk, **kwargs)

    def plan(self) -> list[tuple]:
        """The disposition's Rencana Pengembangan Informasi, each update linked to the entry it names."""
        by_number = {}
        references = [item.reference for item in self.run.plan_items.all() if item.reference.strip().isdigit()]
        if references:
            by_number = {str(e.number): e for e in unit_entries(self.run).filter(number__in=references)}
        return [(item, by_number.get(item.reference.strip())) for item in self.run.plan_items.all()]

    def context(self) -> dict:
        context = super().context()
        context.update(
            plan=self.plan(), lookup_error=getattr(self, "lookup_error", ""),
            entries=self.run.entries.prefetch_related("attachments__document").order_by("number"),
            announcements=self.run.announcements.all(),
            import_form=self.form("impor", lambda: ImportForm(prefix="impor")),
            import_report=self.import_report, import_error=self.import_error,
            max_upload=format_filesize(settings.WARTA_MAX_UPLOAD_MB * 1024 * 1024),
        )
        return context

    def import_check(self, request, _):
        self.require_drafting()
        form = ImportForm(request.POST, request.FILES, prefix="impor")
        self.bound["impor"] = form
        if not form.is_valid():
            return None
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            result = parse_register(data, upload.name, default_category=form.cleaned_data["default_category"] or None)
            report = import_register(request.user, self.run, result, confirm=False, source_name=upload.name)
        except ServiceError as error:
            if error.field in (None, "file"):
                form.add_error("file", error.message)
            else:
                add_service_error(form, error)
            return None
        self._forget_import(request)
        suffix = PurePath(upload.name).suffix.lower()[:10]
        path = default_storage.save(f"impor-sementara/{uuid.uuid4().hex}{suffix}", ContentFile(data))
        request.session[IMPORT_SESSION_KEY] = {
            "run": self.run.pk, "path": path, "name": upload.name, "sha256": result.sha256,
            "default_category": form.cleaned_data["default_category"],
        }
        self.import_report = report
        return None

    def import_confirm(self, request, _):
        self.require_drafting()
        saved = request.session.get(IMPORT_SESSION_KEY)
        if not saved or saved.get("run") != self.run.pk or not default_storage.exists(saved["path"]):
            self.import_error = errors.IMPORT_EXPIRED.error().message
            return None
        with default_storage.open(saved["path"], "rb") as handle:
            data = handle.read()
        try:
            result = parse_register(data, saved["name"], default_category=saved["default_category"] or None)
            if result.sha256 != saved["sha256"]:
                raise errors.IMPORT_EXPIRED.error()
            report = import_register(request.user, self.run, result, confirm=True, source_name=saved["name"])
        except ServiceError as error:
            self.import_error = error.message
            return None
        self._forget_import(request)
        values = {"count": report.count, "name": report.source_name, "first": report.first_number,
                  "last": report.last_number}
        if not report.count:
            return self.done(gettext("0 informasi diimpor dari %(name)s.") % values)
        return self.done(ngettext("%(count)d informasi diimpor dari %(name)s (nomor %(first)s–%(last)s).",
                                  "%(count)d informasi diimpor dari %(name)s (nomor %(first)s–%(last)s).",
                                  report.count) % values)

    @staticmethod
    def _forget_import(request):
        saved = request.session.pop(IMPORT_SESSION_KEY, None)
        if saved and saved.get("path"):
            default_storage.delete(saved["path"])


class EntryFormView(DraftingBase):
    """Add an entry to the run's register, or change one (a published entry stays public as it was until the
    change is verified and published)."""

    template_name = "office/entry_form.html"
    actions = {"simpan": "save"}

    def load(self, request, pk, entry_pk=None, **kwargs):
        super().load(request, pk, **kwargs)
        self.entry = get_object_or_404(unit_entries(self.run), pk=entry_pk) if entry_pk else None

    def context(self) -> dict:
        context = super().context()
        editing = self.entry is not None
        context.update(entry=self.entry, form=self.form("simpan", lambda: EntryForm(
            editing=editing, initial=EntryForm.initial_for(self.entry) if editing else None)))
        return context

    def save(self, request, _):
        self.require_drafting()
        form = EntryForm(request.POST, editing=self.entry is not None)
        self.bound["simpan"] = form
        if not form.is_valid():
            return None
        try:
            if self.entry is None:
                entry = create_entry(request.user, self.run, form.register_values())
            else:
                entry = update_entry(request.user, self.run, self.entry, form.register_values(),
                                     reason=form.cleaned_data["reason"])
        except ServiceError as error:
            add_service_error(form, error)
            return None
        if self.entry is None:
            return self.done(gettext("Informasi nomor %(number)s ditambahkan. Lampirkan dokumennya di sini.")
                             % {"number": entry.number},
                             reverse("office:entry_documents", args=[self.run.pk, entry.pk]))
        return self.done(gettext("Informasi nomor %(number)s diperbarui.") % {"number": entry.number},
                         reverse("office:drafting", args=[self.run.pk]))


def document_rows(entry):
    rows = []
    links = entry.attachments.select_related("document").prefetch_related("document__versions__uploaded_by")
    for link in links.order_by("position", "pk"):
        document = link.document
        rows.append({
            "link": link, "document": document, "findings": list(document.pii_findings.all()),
            "problems": document_ready_for_verification(document),
            "pending": document.text_status in PENDING_TEXT,
            "versions": version_rows(document),
        })
    return rows


def version_rows(document) -> list[dict]:
    """The document's file versions, newest first, marking the one the public gets now."""
    versions = list(document.versions.all())
    now = timezone.now()
    shown = next((v for v in versions if v.verified_at and v.published_at and v.published_at <= now), None)
    return [{"version": version, "public": version is shown} for version in versions]


class EntryDocumentsView(FindingClearing, DraftingBase):
    """The documents of one entry: upload (with a progress bar when JS is on), status as it arrives, replace,
    detach, and — for the PPID or Penelaah — clearing a personal-data finding with a reason."""

    template_name = "office/entry_documents.html"
    actions = {"unggah": "upload", "ganti": "replace", "lepas": "detach", "aman": "clear"}

    def findings(self):
        return entry_findings(self.entry)

    def load(self, request, pk, entry_pk=None, **kwargs):
        super().load(request, pk, **kwargs)
        self.entry = get_object_or_404(unit_entries(self.run), pk=entry_pk)

    def get(self, request, pk, **kwargs):
        self.load(request, pk, **kwargs)
        if self.step_run is None:
            return self.not_started()
        if request.GET.get("bagian") == "status":
            return render(request, "office/_document_status.html", self.status_context())
        return self.render()

    def status_context(self) -> dict:
        rows = document_rows(self.entry)
        can_clear = self.can_clear()
        return {
            "run": self.run, "entry": self.entry, "rows": rows, "polling": any(row["pending"] for row in rows),
            "can_draft": not self.drafting_refusal(), "can_clear": can_clear,
            "replace_forms": {key.split(":")[1]: form for key, form in self.bound.items() if key.startswith("ganti:")},
            "clear_forms": self.clear_forms(),
        }

    def context(self) -> dict:
        context = super().context()
        context.update(self.status_context())
        context.update(upload_form=self.form("unggah", lambda: UploadForm(prefix="unggah")),
                       max_upload=format_filesize(settings.WARTA_MAX_UPLOAD_MB * 1024 * 1024))
        return context

    def _document(self, document_pk) -> Document:
        link = EntryDocument.objects.filter(entry=self.entry, document_id=document_pk or 0).select_related(
            "document").first()
        if link is None:
            raise Http404(errors.DOCUMENT_NOT_IN_RUN.error().message)
        return link.document

    def upload(self, request, _):
        self.require_drafting()
        form = UploadForm(request.POST, request.FILES, prefix="unggah")
        self.bound["unggah"] = form
        if not form.is_valid():
            return None
        try:
            document = upload_document(request.user, form.cleaned_data["file"])
            attach_document(request.user, self.run, self.entry, document, label=form.cleaned_data["label"])
        except ServiceError as error:
            if error.field in (None, "file"):
                form.add_error("file", error.message)
            else:
                add_service_error(form, error)
            return None
        return self.done(gettext("%(name)s terunggah. Teks dan data pribadinya sedang diperiksa.")
                         % {"name": document.original_name})

    def replace(self, request, document_pk):
        self.require_drafting()
        document = self._document(document_pk)
        form = ReplaceForm(request.POST, request.FILES, prefix=f"ganti-{document.pk}")
        self.bound[f"ganti:{document.pk}"] = form
        if not form.is_valid():
            return None
        try:
            document = replace_attachment_file(request.user, self.run, self.entry, document,
                                               form.cleaned_data["file"])
        except ServiceError as error:
            form.add_error("file", error.message)
            return None
        return self.done(gettext("Berkas %(name)s tersimpan sebagai versi %(version)s dan sedang diperiksa ulang. "
                                 "Situs tetap menampilkan versi yang sudah terbit sampai versi baru diverifikasi "
                                 "dan diterbitkan.") % {"name": document.original_name, "version": document.version})

    def detach(self, request, document_pk):
        self.require_drafting()
        document = self._document(document_pk)
        try:
            detach_document(request.user, self.run, self.entry, document)
        except ServiceError as error:
            raise Refused(error.message) from None
        return self.done(gettext("%(name)s dilepas dari informasi ini.") % {"name": document.original_name})
