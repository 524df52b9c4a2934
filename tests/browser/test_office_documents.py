"""The workspace's document screens in a real browser, with JavaScript on: an entry's file versions after a
replacement, and the announcement screen attaching a register document and an upload. axe-core on each."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from tests.office import browser as office_browser
from tests.office.browser import check
from tests.office.conftest import ENTRY, clean_pdf, upload
from warta.announcements.services import create_announcement
from warta.pos.services import PlanItemData, issue_disposition
from warta.registry.services.entries import attach_document, create_entry, replace_attachment_file

open_page = office_browser.open_page


@pytest.mark.django_db(transaction=True)
def test_versions_and_announcement_documents_in_the_workspace(open_page, staff, tmp_path, settings):
    from datetime import date

    settings.WARTA_CLAMAV = ""
    run = issue_disposition(
        staff["ppid"],
        title="Pengumuman jadwal layanan",
        instructions="Siapkan",
        addressee=staff["pengolah"],
        verifier=staff["penelaah"],
        plan=[PlanItemData("Jadwal layanan", date(2026, 12, 1))],
    )
    entry = create_entry(staff["pengolah"], run, ENTRY)
    document = upload(staff["pengolah"], "jadwal-layanan.pdf")
    attach_document(staff["pengolah"], run, entry, document)
    replace_attachment_file(
        staff["pengolah"],
        run,
        entry,
        document,
        SimpleUploadedFile("jadwal-layanan.pdf", clean_pdf("Jadwal layanan yang diperbaiki.")),
    )
    announcement = create_announcement(
        staff["pengolah"],
        run,
        {
            "title": "Jadwal layanan akhir tahun",
            "summary": "Layanan tetap buka.",
            "body": "Layanan buka.",
            "category": "berkala",
        },
    )

    pengolah = open_page(staff["pengolah"])
    pengolah.goto(f"/kelola/disposisi/{run.pk}/susun/informasi/{entry.pk}/lampiran/")
    pengolah.get_by_text("2 versi berkas").click()
    expect(pengolah.get_by_role("table", name="Versi berkas jadwal-layanan.pdf")).to_be_visible()
    expect(pengolah.get_by_text("belum diverifikasi").first).to_be_visible()
    check(pengolah)

    pengolah.goto(f"/kelola/disposisi/{run.pk}/susun/pengumuman/{announcement.pk}/ubah/")
    expect(pengolah.get_by_role("heading", name="Lampiran pengumuman")).to_be_visible()
    check(pengolah)
    pengolah.get_by_label("Dokumen dari daftar informasi").select_option(str(document.pk))
    pengolah.get_by_role("button", name="Lampirkan dokumen").click()
    expect(pengolah.get_by_text("dilampirkan pada pengumuman ini")).to_be_visible()
    poster = tmp_path / "poster.pdf"
    poster.write_bytes(clean_pdf("Poster jadwal layanan akhir tahun."))
    pengolah.get_by_label("Berkas dokumen").set_input_files(str(poster))
    pengolah.get_by_role("button", name="Unggah dan lampirkan").click()
    expect(pengolah.get_by_text("terunggah dan dilampirkan")).to_be_visible()
    expect(pengolah.get_by_role("heading", name="poster.pdf")).to_be_visible()
    check(pengolah)
    assert sorted(d.original_name for d in announcement.documents.all()) == ["jadwal-layanan.pdf", "poster.pdf"]
