"""A return from verification, explained in place, then a delegation by surat penugasan to a colleague."""

import pytest
from playwright.sync_api import expect

from tests.office import browser as office_browser
from tests.office.browser import check, shot
from tests.office.conftest import ENTRY, start_run, upload
from warta.pos.models import AssignmentLetter, BreachKind, StepStatus
from warta.pos.services import active_step, complete_step
from warta.registry.services.entries import attach_document, create_entry

open_page = office_browser.open_page  # the fixture: one signed-in browser context per person

@pytest.mark.django_db(transaction=True)
def test_return_then_delegation_with_letter(open_page, staff):
    run = start_run(staff, title="Pemutakhiran DIP: Renstra 2025–2029")
    entry = create_entry(staff["pengolah"], run, {**ENTRY, "title": "Rencana Strategis 2025–2029",
                                                  "category": "setiap-saat"})
    attach_document(staff["pengolah"], run, entry, upload(staff["pengolah"], "renstra.pdf"))
    complete_step(staff["pengolah"], active_step(run, 2))

    # The Penelaah returns the material with a reason.
    penelaah = open_page(staff["penelaah"])
    penelaah.goto(f"/kelola/disposisi/{run.pk}/verifikasi/")
    check(penelaah)
    penelaah.get_by_role("button", name="Kembalikan").click()
    expect(penelaah.locator("#id_kembalikan-reason_error")).to_be_visible()  # the reason is required, in place
    penelaah.get_by_label("Alasan pengembalian").fill("Tahun pembuatan Renstra salah; seharusnya 2024.")
    penelaah.get_by_role("button", name="Kembalikan").click()
    expect(penelaah.get_by_text("Disposisi dikembalikan ke penyusun")).to_be_visible()
    check(penelaah)

    # The Pengolah sees the return and explains the failure on the step screen itself.
    pengolah = open_page(staff["pengolah"])
    expect(pengolah.get_by_text("dikembalikan: perbaiki langkah 2").first).to_be_visible()
    expect(pengolah.get_by_role("heading", name="Penyimpangan yang perlu Anda jelaskan")).to_be_visible()
    check(pengolah)
    pengolah.get_by_role("link", name=f"Menyiapkan Daftar Informasi Publik: {run.title}").click()
    expect(pengolah.get_by_text("Tahun pembuatan Renstra salah").first).to_be_visible()
    pengolah.get_by_label("Penjelasan penyimpangan").fill("Singkat.")
    pengolah.get_by_role("button", name="Simpan penjelasan").click()
    expect(pengolah.get_by_text("Penjelasan penyimpangan terlalu singkat")).to_be_visible()
    expect(pengolah.get_by_label("Penjelasan penyimpangan")).to_have_value("Singkat.")
    pengolah.get_by_label("Penjelasan penyimpangan").fill(
        "Tahun diambil dari konsep lama; sudah dicocokkan dengan SK Renstra yang ditandatangani.")
    pengolah.get_by_role("button", name="Simpan penjelasan").click()
    expect(pengolah.get_by_text("Penjelasan penyimpangan tersimpan.")).to_be_visible()
    check(pengolah)

    # Then the Pengolah is called away: the step goes to a colleague by surat penugasan.
    pengolah.get_by_text("Alihkan dengan surat penugasan").click()
    pengolah.get_by_label("Alihkan kepada").select_option(str(staff["pengolah2"].pk))
    pengolah.get_by_label("Alasan berhalangan").fill("Dinas luar kota 24–26 November 2026.")
    pengolah.get_by_role("button", name="Alihkan dan buat Surat Penugasan").click()
    confirm = pengolah.get_by_label("Saya tetap menugaskannya walaupun kualifikasi pelaksana belum lengkap")
    expect(confirm).to_be_visible()  # Dewi lacks two POS qualifications: the engine asks for confirmation
    expect(pengolah.get_by_label("Alasan berhalangan")).to_have_value("Dinas luar kota 24–26 November 2026.")
    check(pengolah)
    confirm.check()
    pengolah.get_by_role("button", name="Alihkan dan buat Surat Penugasan").click()
    letter = AssignmentLetter.objects.get()
    expect(pengolah.get_by_text(f"Surat Penugasan {letter.number}").first).to_be_visible()
    download = pengolah.get_by_role("link", name="Unduh Surat Penugasan (PDF)")
    response = pengolah.request.get(download.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    shot(pengolah, "pengalihan")

    # The colleague finds the task, corrects the entry and finishes the step.
    dewi = open_page(staff["pengolah2"])
    expect(dewi.get_by_text(f"Anda menerima Surat Penugasan {letter.number}")).to_be_visible()
    check(dewi)
    dewi.get_by_role("link", name=f"Menyiapkan Daftar Informasi Publik: {run.title}").click()
    dewi.get_by_role("link", name="Ubah informasi 1").click()
    dewi.get_by_label("Tahun").fill("2024")
    dewi.get_by_role("button", name="Simpan informasi").click()
    expect(dewi.locator("#id_reason_error")).to_be_visible()  # a change needs its reason
    expect(dewi.get_by_label("Tahun")).to_have_value("2024")
    check(dewi)
    dewi.get_by_label("Alasan perubahan").fill("Tahun disesuaikan dengan SK Renstra.")
    dewi.get_by_role("button", name="Simpan informasi").click()
    expect(dewi.get_by_text("Informasi nomor 1 diperbarui.")).to_be_visible()
    dewi.get_by_role("button", name="Selesaikan langkah").click()
    expect(dewi.get_by_text("Langkah 2 selesai.")).to_be_visible()
    check(dewi)

    # The run's timeline keeps the return, the explanation and the letter.
    expect(dewi.get_by_text("Tahun pembuatan Renstra salah; seharusnya 2024.").first).to_be_visible()
    expect(dewi.get_by_text("sudah dicocokkan dengan SK Renstra").first).to_be_visible()
    expect(dewi.get_by_role("link", name=f"Unduh Surat Penugasan {letter.number}")).to_be_visible()
    step2 = run.step_runs.filter(step__number=2).order_by("-pk").first()
    assert step2.status == StepStatus.DONE and step2.finished_by == staff["pengolah2"]
    assert run.step_runs.get(step__number=2, attempt=1).breaches.get().kind == BreachKind.RETURNED


@pytest.mark.django_db(transaction=True)
def test_the_inbox_on_a_phone(open_page, staff):
    start_run(staff, title="Peringatan dini banjir Kota Bengkulu", urgent=True)
    phone = open_page(staff["pengolah"], phone=True)
    expect(phone.get_by_text("Segera (serta merta)").first).to_be_visible()
    shot(phone, "tugas-saya-ponsel")
    check(phone)
