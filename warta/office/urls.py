"""The staff workspace, mounted at /kelola/. Paths are Indonesian, as users see them."""

from django.urls import path

from .views import (
    announcements,
    drafting,
    files,
    inbox,
    maintenance,
    oversight,
    pages,
    publishing,
    registry,
    runs,
    steps,
    verification,
)

app_name = "office"
run = "disposisi/<int:pk>/"
entry = run + "susun/informasi/<int:entry_pk>/"

urlpatterns = [
    path("", inbox.inbox, name="inbox"),
    path("pemberitahuan/", inbox.notifications, name="notifications"),
    path("pemberitahuan/dibaca/", inbox.notifications_read, name="notifications_read"),
    path("langkah/<int:step_run_pk>/ambil/", inbox.claim, name="claim"),
    path("langkah/<int:step_run_pk>/lepas/", inbox.release, name="release"),
    # Runs and their steps.
    path("disposisi/", runs.RunList.as_view(), name="runs"),
    path("disposisi/baru/", runs.DispositionCreate.as_view(), name="disposition_new"),
    path(run, runs.RunDetail.as_view(), name="run"),
    path(run + "langkah/", runs.StepRedirect.as_view(), name="step"),
    path(run + "susun/", drafting.DraftingScreen.as_view(), name="drafting"),
    path(run + "susun/informasi/baru/", drafting.EntryFormView.as_view(), name="entry_new"),
    path(entry + "ubah/", drafting.EntryFormView.as_view(), name="entry_edit"),
    path(entry + "lampiran/", drafting.EntryDocumentsView.as_view(), name="entry_documents"),
    path(run + "susun/pengumuman/baru/", announcements.AnnouncementFormView.as_view(), name="announcement_new"),
    path(run + "susun/pengumuman/<int:announcement_pk>/ubah/", announcements.AnnouncementFormView.as_view(),
         name="announcement_edit"),
    path(run + "verifikasi/", verification.VerificationScreen.as_view(), name="verification"),
    path(run + "unggah/", publishing.PublishingScreen.as_view(), name="publishing"),
    path(run + "pemeliharaan/", maintenance.MaintenanceScreen.as_view(), name="maintenance"),
    path(run + "langkah-lain/", steps.GenericStepScreen.as_view(), name="generic_step"),
    # The register outside a run.
    path("dip/", registry.RegisterList.as_view(), name="register"),
    path("dip/<int:pk>/", registry.EntryDetail.as_view(), name="entry"),
    path("pengumuman/", announcements.AnnouncementList.as_view(), name="announcements"),
    path("pengumuman/<int:pk>/", announcements.AnnouncementDetail.as_view(), name="announcement"),
    path("dip/edisi/", registry.Editions.as_view(), name="editions"),
    path("dip/edisi/<int:pk>/pdf/", files.edition_pdf, name="edition_pdf"),
    path("dikecualikan/", registry.ExemptionList.as_view(), name="exemptions"),
    path("dikecualikan/baru/", registry.ExemptionCreate.as_view(), name="exemption_new"),
    path("dikecualikan/<int:pk>/", registry.ExemptionDetail.as_view(), name="exemption"),
    # Maintenance between runs.
    path("pemeliharaan/", maintenance.RoutineMaintenance.as_view(), name="routine"),
    # Pages staff write for the public site.
    path("halaman/", pages.PageList.as_view(), name="pages"),
    path("halaman/<slug:slug>/", pages.PageEdit.as_view(), name="page_edit"),
    # Oversight.
    path("pengawasan/", oversight.overview, name="oversight"),
    path("pengawasan/penyimpangan/", oversight.breaches, name="breaches"),
    path("pengawasan/audit/", oversight.audit_log, name="audit"),
    # Files for staff.
    path("dokumen/<int:pk>/lihat/", files.document_inline, name="document"),
    path("surat/<int:pk>/", files.letter_pdf, name="letter"),
]
