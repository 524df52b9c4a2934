"""Forms keep what was typed when something is wrong, and show the error next to the field it concerns."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.office.conftest import drafted, pdf_with_nik, start_run, upload
from warta.pos.models import AssignmentLetter, Run
from warta.pos.services import active_step, complete_step
from warta.registry.models import Entry, Exemption
from warta.registry.services.entries import attach_document, create_entry

pytestmark = pytest.mark.django_db


def error_for(response, field_id: str) -> str:
    """The error text rendered next to a field (linked by aria-describedby), or ''."""
    html = response.content.decode()
    match = re.search(rf'<p class="error" id="{field_id}_error">(.*?)</p>', html, re.S)
    if not match:
        return ""
    assert re.search(rf'id="{field_id}"[^>]*aria-describedby="[^"]*{field_id}_error', html) or re.search(
        rf'aria-describedby="[^"]*{field_id}_error[^"]*"[^>]*id="{field_id}"', html), "error not linked to field"
    return match.group(1)


def value_of(response, field_id: str) -> str:
    html = response.content.decode()
    match = re.search(rf'<input[^>]*id="{field_id}"[^>]*>', html) or re.search(
        rf'<textarea[^>]*id="{field_id}"[^>]*>(.*?)</textarea>', html, re.S)
    assert match, field_id
    if match.group(0).startswith("<textarea"):
        return match.group(1).strip()
    value = re.search(r'value="([^"]*)"', match.group(0))
    return value.group(1) if value else ""


def test_disposition_keeps_what_was_typed(clients, staff):
    response = clients["ppid"].post(reverse("office:disposition_new"), {
        "title": "Pemutakhiran DIP", "instructions": "", "addressee": staff["pengolah"].pk,
        "rencana-TOTAL_FORMS": "3", "rencana-INITIAL_FORMS": "0",
        "rencana-0-title": "Laporan Keuangan 2025", "rencana-0-action": "baru", "rencana-0-target_date": "",
        "rencana-1-action": "baru", "rencana-2-action": "baru",
    })
    assert response.status_code == 200 and not Run.objects.exists()
    assert "wajib" in error_for(response, "id_instructions").lower() or error_for(response, "id_instructions")
    assert error_for(response, "id_rencana-0-target_date") == "Isi target tanggal selesai."
    assert not error_for(response, "id_rencana-1-title")  # a blank row is skipped, not refused
    assert value_of(response, "id_title") == "Pemutakhiran DIP"
    assert value_of(response, "id_rencana-0-title") == "Laporan Keuangan 2025"


def test_disposition_without_plan_shows_the_engines_message_by_the_plan(clients, staff):
    response = clients["ppid"].post(reverse("office:disposition_new"), {
        "title": "Pemutakhiran DIP", "instructions": "Siapkan", "addressee": staff["pengolah"].pk,
        "rencana-TOTAL_FORMS": "1", "rencana-INITIAL_FORMS": "0", "rencana-0-action": "baru",
    })
    assert 'id="rencana-error"' in response.content.decode()
    assert "Rencana Pengembangan Informasi" in re.search(r'id="rencana-error">(.*?)</p>',
                                                         response.content.decode()).group(1)


def test_add_row_grows_the_plan_without_javascript_and_without_errors(clients, staff):
    response = clients["ppid"].post(reverse("office:disposition_new"), {
        "title": "Pemutakhiran DIP", "instructions": "", "addressee": staff["pengolah"].pk, "tambah_baris": "1",
        "rencana-TOTAL_FORMS": "3", "rencana-INITIAL_FORMS": "0",
        "rencana-0-title": "Profil", "rencana-0-action": "mutakhirkan", "rencana-0-target_date": "2026-12-01",
        "rencana-1-action": "baru", "rencana-2-action": "baru",
    })
    html = response.content.decode()
    assert 'name="rencana-TOTAL_FORMS" value="4"' in html or 'value="4" id="id_rencana-TOTAL_FORMS"' in html
    assert value_of(response, "id_rencana-0-title") == "Profil"
    assert value_of(response, "id_rencana-0-target_date") == "2026-12-01"
    assert 'class="error"' not in html


def test_entry_form_errors_sit_next_to_their_fields(clients, run):
    url = reverse("office:entry_new", args=[run.pk])
    response = clients["pengolah"].post(url, {"action": "simpan", "title": "Profil BPMP", "holder": "",
                                              "responsible": "Kepala", "category": "", "year": "20x5",
                                              "links": "Salinan SK tanpa alamat"})
    assert error_for(response, "id_holder") and error_for(response, "id_category") and error_for(response, "id_year")
    assert "https://" in error_for(response, "id_links")
    assert value_of(response, "id_title") == "Profil BPMP" and value_of(response, "id_year") == "20x5"
    assert not Entry.objects.exists()


def test_entry_change_needs_a_reason(clients, staff, run):
    entry = create_entry(staff["pengolah"], run, {"title": "Profil", "holder": "Umum", "responsible": "Kepala",
                                                  "category": "berkala"})
    response = clients["pengolah"].post(reverse("office:entry_edit", args=[run.pk, entry.pk]), {
        "action": "simpan", "title": "Profil baru", "holder": "Umum", "responsible": "Kepala", "category": "berkala"})
    assert error_for(response, "id_reason")
    assert value_of(response, "id_title") == "Profil baru"


def test_delegation_asks_to_confirm_missing_qualifications_and_keeps_the_reason(clients, staff, run):
    url = reverse("office:drafting", args=[run.pk])
    data = {"action": "alihkan", "alihkan-to_user": staff["pengolah2"].pk, "alihkan-reason": "Cuti sakit"}
    response = clients["pengolah"].post(url, data)
    message = error_for(response, "id_alihkan-confirm_unqualified")
    assert "belum memiliki kualifikasi pelaksana" in message
    assert value_of(response, "id_alihkan-reason") == "Cuti sakit"
    assert not AssignmentLetter.objects.exists()
    response = clients["pengolah"].post(url, {**data, "alihkan-confirm_unqualified": "on"}, follow=True)
    letter = AssignmentLetter.objects.get()
    assert letter.missing_qualifications and letter.to_user == staff["pengolah2"]
    assert reverse("office:letter", args=[letter.pk]) in response.content.decode()


def test_breach_explanation_too_short_is_refused_in_place(clients, staff, run):
    from warta.pos.services import verify

    drafted(staff, run)
    verify(staff["penelaah"], active_step(run, 3), approve=False, reason="Kategori keliru.")
    breach = run.step_runs.get(step__number=2, attempt=1).breaches.get()
    response = clients["pengolah"].post(reverse("office:drafting", args=[run.pk]), {
        "action": f"jelaskan:{breach.pk}", f"penyimpangan-{breach.pk}-explanation": "Lupa."})
    assert "terlalu singkat" in error_for(response, f"id_penyimpangan-{breach.pk}-explanation")
    assert value_of(response, f"id_penyimpangan-{breach.pk}-explanation") == "Lupa."


def test_verification_checklist_must_be_fully_ticked(clients, staff, run):
    drafted(staff, run)
    response = clients["penelaah"].post(reverse("office:verification", args=[run.pk]), {
        "action": "setujui", "setujui-correct": "on", "setujui-note": "Catatan saya"})
    assert error_for(response, "id_setujui-complete") == "Belum dicentang."
    assert not error_for(response, "id_setujui-correct")
    assert "Centang semua butir pemeriksaan" in response.content.decode()
    assert value_of(response, "id_setujui-note") == "Catatan saya"
    assert active_step(run, 3)  # still at verification


def test_approval_blocked_by_an_open_finding_shows_the_problems(clients, staff, run):
    entry = create_entry(staff["pengolah"], run, {"title": "Daftar penerima", "holder": "Umum",
                                                  "responsible": "Kepala", "category": "berkala"})
    attach_document(staff["pengolah"], run, entry, upload(staff["pengolah"], "penerima.pdf", pdf_with_nik()))
    complete_step(staff["pengolah"], active_step(run, 2))
    page = clients["penelaah"].get(reverse("office:verification", args=[run.pk])).content.decode()
    assert "Persetujuan belum dapat diberikan" in page and "penerima.pdf" in page
    checklist = {f"setujui-{name}": "on" for name in ("correct", "complete", "category", "no_exempt", "pii_handled",
                                                      "accessible")}
    response = clients["penelaah"].post(reverse("office:verification", args=[run.pk]),
                                        {"action": "setujui", **checklist})
    assert "Verifikasi belum dapat disetujui" in response.content.decode()


def test_publish_at_a_past_time_is_refused(clients, staff, run):
    from tests.office.conftest import verified

    verified(staff, run)
    response = clients["pengolah"].post(reverse("office:publishing", args=[run.pk]), {
        "action": "terbitkan", "terbit-when": "terjadwal", "terbit-date": "2020-01-01", "terbit-time": "09:00"})
    assert "sudah lewat" in error_for(response, "id_terbit-date")
    assert value_of(response, "id_terbit-time") == "09:00"
    response = clients["pengolah"].post(reverse("office:publishing", args=[run.pk]), {
        "action": "terbitkan", "terbit-when": "terjadwal"})
    assert error_for(response, "id_terbit-date") == "Isi tanggal terbit."


def test_consequence_test_form_keeps_participants_and_needs_a_ground(clients):
    response = clients["ppid"].post(reverse("office:exemption_new"), {
        "information": "Identitas pelapor", "consequence_if_opened": "Terancam", "benefit_if_closed": "Terlindungi",
        "public_interest": "", "period": "5 tahun", "place": "Bengkulu", "decided_on": "2026-11-23",
        "peserta-TOTAL_FORMS": "2", "peserta-INITIAL_FORMS": "0", "peserta-0-name": "Rahmawati",
        "peserta-0-position": "PPID", "peserta-1-name": "", "peserta-1-position": "Penelaah"})
    assert error_for(response, "id_public_interest")
    assert "Pasal 17" in response.content.decode()
    assert error_for(response, "id_peserta-1-name") == "Tuliskan nama peserta."
    assert value_of(response, "id_peserta-0-name") == "Rahmawati"
    assert not Exemption.objects.exists()


def test_import_reports_problems_by_row_and_saves_nothing(clients, run):
    data = (b"No;Ringkasan Isi Informasi;Pejabat yang Menguasai Informasi;Penanggung Jawab;Kategori\n"
            b"1;Profil BPMP;Umum;Kepala;Informasi Berkala\n2;;Umum;Kepala;Informasi Berkala\n")
    response = clients["pengolah"].post(reverse("office:drafting", args=[run.pk]), {
        "action": "impor-periksa", "impor-file": SimpleUploadedFile("dip.csv", data)})
    html = response.content.decode()
    assert "Ada 1 masalah" in html and 'data-label="Baris">3<' in html and "Ringkasan isi informasi kosong" in html
    assert "impor-simpan" not in html and not Entry.objects.exists()


def test_import_dry_run_then_confirm(clients, run):
    data = (b"No;Ringkasan Isi Informasi;Pejabat yang Menguasai Informasi;Penanggung Jawab;Kategori\n"
            b"1;Profil BPMP;Umum;Kepala;Informasi Berkala\n2;Renstra;Umum;Kepala;Tersedia Setiap Saat\n")
    url = reverse("office:drafting", args=[run.pk])
    upload_data = {"action": "impor-periksa", "impor-file": SimpleUploadedFile("d.csv", data)}
    response = clients["pengolah"].post(url, upload_data)
    assert "Tidak ada masalah" in response.content.decode() and not Entry.objects.exists()
    response = clients["pengolah"].post(url, {"action": "impor-simpan"}, follow=True)
    assert "2 informasi diimpor" in response.content.decode()
    assert list(Entry.objects.order_by("number").values_list("title", flat=True)) == ["Profil BPMP", "Renstra"]
    response = clients["pengolah"].post(url, {"action": "impor-simpan"})  # nothing left to confirm
    assert "Unggah berkasnya sekali lagi" in response.content.decode()


def test_an_unreadable_upload_is_refused_next_to_the_file_field(clients, staff, run):
    entry = create_entry(staff["pengolah"], run, {"title": "Profil", "holder": "Umum", "responsible": "Kepala",
                                                  "category": "berkala"})
    response = clients["pengolah"].post(reverse("office:entry_documents", args=[run.pk, entry.pk]), {
        "action": "unggah", "unggah-file": SimpleUploadedFile("rusak.pdf", b"bukan pdf sama sekali"),
        "unggah-label": "Salinan"})
    assert error_for(response, "id_unggah-file")
    assert value_of(response, "id_unggah-label") == "Salinan"
    assert not entry.attachments.exists()


def test_maintenance_needs_every_item_ticked(clients, staff, run):
    from tests.office.conftest import published

    published(staff, run)
    response = clients["pengolah"].post(reverse("office:maintenance", args=[run.pk]), {
        "action": "selesai", "periksa-done_tautan": "on", "periksa-note_tls": "Sertifikat sampai Maret 2027"})
    assert "belum dicentang" in response.content.decode()
    assert value_of(response, "id_periksa-note_tls") == "Sertifikat sampai Maret 2027"
    assert run.current_step().step.number == 5


def test_withdraw_needs_a_reason(clients, staff, run):
    from tests.office.conftest import published

    entry, _ = published(staff, run)
    response = clients["ppid"].post(reverse("office:entry", args=[entry.pk]), {"tarik-reason": ""})
    assert error_for(response, "id_tarik-reason")


def test_edition_decree_needs_number_and_date(clients, staff, run):
    from tests.office.conftest import published
    from warta.registry.services.editions import approve_edition, propose_edition

    published(staff, run)
    edition = propose_edition(staff["ppid"], title="DIP II")
    approve_edition(staff["atasan"], edition)
    response = clients["ppid"].post(reverse("office:editions"), {
        "action": f"tetapkan:{edition.pk}", f"sk-{edition.pk}-decree_number": "SK-1/2026"})
    assert error_for(response, f"id_sk-{edition.pk}-decree_date")
    assert value_of(response, f"id_sk-{edition.pk}-decree_number") == "SK-1/2026"


def test_a_serta_merta_announcement_needs_every_part(clients, staff):
    from warta.announcements.models import Announcement

    run = start_run(staff, title="Peringatan dini banjir", urgent=True)
    url = reverse("office:announcement_new", args=[run.pk])
    assert 'value="serta-merta" selected' in clients["pengolah"].get(url).content.decode()
    response = clients["pengolah"].post(url, {
        "action": "simpan", "title": "Waspada banjir", "summary": "Sungai Bengkulu meluap.",
        "body": "Warga di bantaran sungai diminta waspada.", "category": "serta-merta",
        "danger": "Banjir setinggi 1 meter", "affected": "Kelurahan Tanjung Agung"})
    assert error_for(response, "id_evacuation") == "Wajib diisi untuk informasi serta merta."
    assert not error_for(response, "id_danger")
    assert value_of(response, "id_affected") == "Kelurahan Tanjung Agung"
    assert not Announcement.objects.exists()


def test_an_existing_entry_is_found_by_its_number_for_updating(clients, staff):
    from tests.office.conftest import published, start_run

    entry, _ = published(staff, start_run(staff, title="Pertama"))
    run = start_run(staff, title="Kedua")
    url = reverse("office:drafting", args=[run.pk])
    response = clients["pengolah"].get(url + f"?nomor={entry.number}")
    assert response.status_code == 302 and response["Location"] == reverse("office:entry_edit", args=[run.pk, entry.pk])
    response = clients["pengolah"].get(url + "?nomor=999")
    assert "Nomor 999 tidak ada di DIP unit Anda" in response.content.decode()


def test_step_1_is_timed_from_when_the_form_was_opened(clients, staff):
    from datetime import timedelta

    from django.utils import timezone

    from warta.office.forms.base import sign_opened

    opened = timezone.now() - timedelta(minutes=3)
    clients["ppid"].post(reverse("office:disposition_new"), {
        "title": "DIP", "instructions": "Siapkan", "addressee": staff["pengolah"].pk, "opened": sign_opened(opened),
        "rencana-TOTAL_FORMS": "1", "rencana-INITIAL_FORMS": "0", "rencana-0-title": "Profil",
        "rencana-0-action": "baru", "rencana-0-target_date": "2026-12-01"})
    assert Run.objects.get().started_at == opened
    forged = clients["ppid"].post(reverse("office:disposition_new"), {
        "title": "DIP 2", "instructions": "Siapkan", "addressee": staff["pengolah"].pk, "opened": "palsu",
        "rencana-TOTAL_FORMS": "1", "rencana-INITIAL_FORMS": "0", "rencana-0-title": "Profil",
        "rencana-0-action": "baru", "rencana-0-target_date": "2026-12-01"})
    assert forged.status_code == 302 and Run.objects.get(title="DIP 2").started_at > opened


def test_replacing_a_published_documents_file_adds_a_version_the_public_sees_only_after_publication(
        clients, staff, client, django_capture_on_commit_callbacks):
    from tests.office.conftest import clean_pdf, published, start_run
    from warta.registry.services.entries import update_entry

    entry, document = published(staff, start_run(staff, title="Pertama"))
    old_hash = document.sha256
    run = start_run(staff, title="Kedua")
    update_entry(staff["pengolah"], run, entry, {"year": 2024}, reason="Ralat tahun")
    url = reverse("office:entry_documents", args=[run.pk, entry.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = clients["pengolah"].post(url, {
            "action": f"ganti:{document.pk}",
            f"ganti-{document.pk}-file": SimpleUploadedFile("baru.pdf", clean_pdf("Versi baru."))})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.original_name == "baru.pdf" and document.version == 2
    page = clients["pengolah"].get(url).content.decode()
    assert "2 versi berkas" in page and "tampil di situs" in page and "belum diverifikasi" in page
    assert old_hash in page and document.sha256 in page
    old_file = clients["pengolah"].get(reverse("office:document", args=[document.pk]) + "?nomor=1&unduh=1")
    assert old_file.status_code == 200 and b"".join(old_file.streaming_content).startswith(b"%PDF")
    assert client.get(f"/dokumen/{document.pk}/")["ETag"] == f'"{old_hash}"'  # still the published file


def test_the_announcement_screen_attaches_and_detaches_documents_without_javascript(clients, staff):
    from tests.office.conftest import ENTRY, clean_pdf
    from warta.announcements.services import create_announcement

    run = start_run(staff, title="Pengumuman layanan")
    entry = create_entry(staff["pengolah"], run, ENTRY)
    register_doc = upload(staff["pengolah"], "jadwal-layanan.pdf")
    attach_document(staff["pengolah"], run, entry, register_doc)
    announcement = create_announcement(staff["pengolah"], run, {
        "title": "Jadwal layanan akhir tahun", "summary": "Layanan tetap buka.", "body": "Layanan buka.",
        "category": "berkala"})
    url = reverse("office:announcement_edit", args=[run.pk, announcement.pk])
    page = clients["pengolah"].get(url).content.decode()
    assert "Lampiran pengumuman" in page and "Belum ada dokumen terlampir." in page
    assert f'<option value="{register_doc.pk}">jadwal-layanan.pdf' in page

    nothing = clients["pengolah"].post(url, {"action": "lampirkan", "lampirkan-document": ""})
    assert error_for(nothing, "id_lampirkan-document")
    response = clients["pengolah"].post(url, {"action": "lampirkan", "lampirkan-document": register_doc.pk})
    assert response.status_code == 302 and list(announcement.documents.all()) == [register_doc]

    wrong = clients["pengolah"].post(url, {"action": "unggah", "unggah-file": SimpleUploadedFile(
        "poster.pdf", b"<html><body>bukan pdf</body></html>")})
    assert "bukan PDF" in error_for(wrong, "id_unggah-file")
    response = clients["pengolah"].post(url, {"action": "unggah", "unggah-file": SimpleUploadedFile(
        "poster.pdf", clean_pdf("Poster jadwal layanan."))})
    assert response.status_code == 302
    assert sorted(d.original_name for d in announcement.documents.all()) == ["jadwal-layanan.pdf", "poster.pdf"]
    page = clients["pengolah"].get(url).content.decode()
    assert "poster.pdf" in page and register_doc.sha256 in page

    response = clients["pengolah"].post(url, {"action": f"lepas:{register_doc.pk}"})
    assert response.status_code == 302
    assert [d.original_name for d in announcement.documents.all()] == ["poster.pdf"]
