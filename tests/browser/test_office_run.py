"""One whole run of the seed's POS through the workspace, by three people, to a document on the public site."""

import pytest
from playwright.sync_api import expect

from tests.office import browser as office_browser
from tests.office.browser import check, shot
from tests.office.conftest import clean_pdf
from warta.pos.models import Run, RunStatus
from warta.registry.models import PublicEntry

TITLE = "Laporan Keuangan BPMP Provinsi Bengkulu Tahun 2025"


open_page = office_browser.open_page  # the fixture: one signed-in browser context per person

@pytest.mark.django_db(transaction=True)
def test_a_run_from_disposition_to_the_public_site(open_page, staff, tmp_path):
    # --- Step 1: the PPID writes the disposition with its Rencana Pengembangan Informasi.
    ppid = open_page(staff["ppid"])
    expect(ppid.get_by_role("heading", name="Tugas Saya", level=1)).to_be_visible()
    check(ppid)
    ppid.get_by_role("link", name="Tulis disposisi").first.click()
    expect(ppid.get_by_role("heading", name="Tulis disposisi", level=1)).to_be_visible()
    ppid.get_by_label("Perihal").fill("Pemutakhiran DIP Semester II 2026")
    ppid.get_by_label("Isi disposisi").fill("Siapkan DIP dan unggah Laporan Keuangan 2025 beserta salinannya.")
    ppid.get_by_label("Kepada (Pengolah Data dan Informasi)").select_option(label=staff["pengolah"].full_name)
    ppid.get_by_label("Penelaah (Penelaah Teknis Kebijakan)").select_option(label=staff["penelaah"].full_name)
    ppid.locator("#id_rencana-0-title").fill("Laporan Keuangan 2025")
    ppid.locator("#id_rencana-0-target_date").fill("2026-12-01")
    ppid.get_by_role("button", name="Tambah baris").click()  # a plain submit: works without JavaScript
    expect(ppid.locator("#id_rencana-3-title")).to_be_visible()
    expect(ppid.locator("#id_rencana-0-title")).to_have_value("Laporan Keuangan 2025")
    expect(ppid.get_by_label("Perihal")).to_have_value("Pemutakhiran DIP Semester II 2026")
    shot(ppid, "disposisi")
    check(ppid)
    ppid.get_by_role("button", name="Kirim disposisi").click()
    expect(ppid.get_by_text("terkirim kepada")).to_be_visible()
    run = Run.objects.get()
    check(ppid)

    # --- Step 2: the Pengolah drafts the DIP entry and attaches the document.
    pengolah = open_page(staff["pengolah"])
    task = pengolah.get_by_role("link", name=f"Menyiapkan Daftar Informasi Publik: {run.title}")
    expect(task).to_be_visible()
    expect(pengolah.get_by_text("Sisa waktu").first).to_be_visible()
    shot(pengolah, "tugas-saya")
    check(pengolah)
    task.click()
    expect(pengolah.get_by_role("heading", name="Susun Daftar Informasi Publik")).to_be_visible()
    expect(pengolah.get_by_text("Konsep Daftar Informasi Publik: belum ada")).to_be_visible()
    check(pengolah)
    pengolah.get_by_role("link", name="Tambah informasi").click()
    pengolah.get_by_label("Ringkasan isi informasi").fill(TITLE)
    pengolah.get_by_label("Pejabat atau unit yang menguasai informasi").fill("Subbagian Umum")
    pengolah.get_by_label("Penanggung jawab pembuatan atau penerbitan informasi").fill("Kepala Subbagian Umum")
    pengolah.get_by_label("Waktu pembuatan informasi").fill("Januari 2026")
    pengolah.get_by_label("Tempat pembuatan informasi").fill("Bengkulu")
    pengolah.get_by_label("Jangka waktu penyimpanan atau retensi arsip").fill("10 tahun")
    pengolah.get_by_label("Kategori").select_option("berkala")
    pengolah.get_by_label("Tahun").fill("2025")
    check(pengolah)
    pengolah.get_by_role("button", name="Simpan informasi").click()
    expect(pengolah.get_by_role("heading", name=f"Lampiran: {TITLE}")).to_be_visible()
    pdf = tmp_path / "laporan-keuangan-2025.pdf"
    pdf.write_bytes(clean_pdf())
    pengolah.get_by_label("Berkas dokumen").set_input_files(str(pdf))
    pengolah.get_by_label("Keterangan lampiran").fill("Laporan keuangan yang ditandatangani")
    pengolah.get_by_role("button", name="Unggah dokumen").click()
    expect(pengolah.get_by_text("Siap diverifikasi.")).to_be_visible()
    expect(pengolah.get_by_text("tidak ada data pribadi")).to_be_visible()
    check(pengolah)
    pengolah.get_by_role("link", name="Kembali ke susunan DIP").click()
    expect(pengolah.get_by_text("Konsep Daftar Informasi Publik: ada")).to_be_visible()
    shot(pengolah, "susun-dip")
    pengolah.get_by_role("button", name="Selesaikan langkah").click()
    expect(pengolah.get_by_text("Langkah 2 selesai.")).to_be_visible()

    # --- Step 3: the Penelaah verifies, entries and documents side by side.
    penelaah = open_page(staff["penelaah"])
    penelaah.get_by_role("link", name=f"Memverifikasi materi/bahan informasi: {run.title}").click()
    expect(penelaah.get_by_role("heading", name="Verifikasi bahan dan DIP")).to_be_visible()
    expect(penelaah.locator("iframe.preview-frame")).to_be_visible()
    shot(penelaah, "verifikasi")
    check(penelaah)
    penelaah.get_by_role("button", name="Setujui").click()  # the checklist is not ticked yet
    expect(penelaah.get_by_text("Centang semua butir pemeriksaan sebelum menyetujui")).to_be_visible()
    for label in ["Informasi benar dan sesuai sumbernya", "Informasi dan lampirannya lengkap",
                  "Kategori informasi tepat", "Tidak memuat informasi yang dikecualikan",
                  "Temuan data pribadi sudah ditangani", "Format dokumen dapat diakses (teks dapat dibaca dan dicari)"]:
        penelaah.get_by_label(label).check()
    penelaah.get_by_role("button", name="Setujui").click()
    expect(penelaah.get_by_text("Verifikasi disetujui.")).to_be_visible()
    check(penelaah)

    # --- Step 4: the Pengolah publishes now and finishes the upload step.
    pengolah.goto("/kelola/")
    pengolah.get_by_role("link", name=f"Mengunggah bahan/materi: {run.title}").click()
    expect(pengolah.get_by_role("heading", name="Unggah bahan ke situs")).to_be_visible()
    check(pengolah)
    pengolah.get_by_role("button", name="Terbitkan").click()
    expect(pengolah.get_by_text("1 informasi terbit di situs.")).to_be_visible()
    pengolah.get_by_role("button", name="Selesaikan langkah").click()
    expect(pengolah.get_by_text("Langkah 4 selesai.")).to_be_visible()

    # --- Step 5: the Pengolah runs the maintenance checklist and closes the run.
    pengolah.get_by_role("link", name="Buka langkah 5").click()
    expect(pengolah.get_by_role("heading", name="Pemeliharaan situs", level=1)).to_be_visible()
    check(pengolah)
    for box in pengolah.locator(".checklist-form input[type=checkbox]").all():
        box.check()
    pengolah.get_by_role("button", name="Selesaikan pemeliharaan dan langkah 5").click()
    expect(pengolah.get_by_text("Pemeliharaan situs selesai dan langkah terakhir POS tercatat.")).to_be_visible()
    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    pengolah.reload()
    shot(pengolah, "linimasa")
    check(pengolah)

    # --- The public sees the entry and its document.
    public = PublicEntry.objects.public().get(title=TITLE)
    visitor = open_page()
    visitor.goto(f"/dip/{public.entry_id}/")
    expect(visitor.get_by_role("heading", name=TITLE)).to_be_visible()
    link = visitor.get_by_role("link", name="laporan-keuangan-2025.pdf")
    expect(link.first).to_be_visible()
    assert visitor.request.get(link.first.get_attribute("href")).status == 200
