"""The register through a whole run: draft → verified → published → withdrawn, with revisions and refusals."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.helpers import OFFICE_COLUMNS, refusal_code, wib
from warta.core.errors import ServiceError
from warta.documents.services import clear_finding, upload_document
from warta.pos.models import RunStatus
from warta.pos.services import PlanItemData, active_step, complete_step, issue_disposition, provide_input, verify
from warta.registry.models import Category, Entry, EntryStatus, PublicEntry
from warta.registry.services.entries import (
    attach_document,
    create_entry,
    publish_run,
    update_entry,
    withdraw_entry,
)

pytestmark = pytest.mark.django_db

LAPORAN = {
    "title": "Laporan Keuangan BPMP Provinsi Bengkulu Tahun 2025",
    **OFFICE_COLUMNS,
    "category": Category.BERKALA,
    "year": 2025,
    "legal_basis": "UU 14/2008 Pasal 9",
}
RENSTRA = {**LAPORAN, "title": "Rencana Strategis 2025–2029", "category": Category.SETIAP_SAAT, "year": 2025,
           "form_printed": False}


def _disposition(staff, day=23, hour=8):
    return issue_disposition(staff["ppid"], title="Pemutakhiran DIP", instructions="Siapkan DIP semester II",
                             addressee=staff["pengolah"], verifier=staff["penelaah"],
                             plan=[PlanItemData("Laporan Keuangan 2025", date(2026, 12, 1))], now=wib(day, hour))


def _uploaded(user, name: str, data: bytes, capture):
    with capture(execute=True):
        document = upload_document(user, SimpleUploadedFile(name, data))
    document.refresh_from_db()
    return document


@pytest.fixture
def sk_pdf(corpus, staff, django_capture_on_commit_callbacks):
    """A real decree with a text layer and no personal data."""
    data = (corpus / "05_sk_sekda_sumedang_standar_biaya_2022.pdf").read_bytes()
    return _uploaded(staff["pengolah"], "SK standar biaya.pdf", data, django_capture_on_commit_callbacks)


@pytest.fixture
def list_with_nik(staff, django_capture_on_commit_callbacks):
    """An annex that still carries a recipient's NIK: it must not pass verification as it is."""
    from weasyprint import HTML

    html = "<h1>Daftar Penerima Bantuan</h1><p>Siti Aminah, NIK 3201011503900003, Kota Bengkulu</p>"
    return _uploaded(staff["pengolah"], "lampiran.pdf", HTML(string=html).write_pdf(),
                     django_capture_on_commit_callbacks)


def test_a_run_drafts_verifies_and_publishes_the_register(staff, sk_pdf, list_with_nik):
    pengolah, penelaah = staff["pengolah"], staff["penelaah"]
    run = _disposition(staff)
    step2 = active_step(run, 2)
    laporan = create_entry(pengolah, run, LAPORAN, now=wib(23, 9))
    renstra = create_entry(pengolah, run, RENSTRA, now=wib(23, 9, 5))
    assert (laporan.number, renstra.number) == (1, 2)
    attach_document(pengolah, run, laporan, sk_pdf, label="Salinan SK", now=wib(23, 9, 10))
    attach_document(pengolah, run, laporan, list_with_nik, label="Daftar penerima", now=wib(23, 9, 12))
    # The register itself proves step 2's kelengkapan: no paper record was needed.
    step2 = complete_step(pengolah, step2, output_note="DIP 2 butir", now=wib(23, 10))
    assert step2.inputs_checked == {"konsep-dip": True}

    step3 = active_step(run, 3)
    assert step3.step.is_verification
    assert not sk_pdf.findings_open().exists()
    (finding,) = list_with_nik.findings_open()
    assert finding.kind == "nik" and "3201011503900003" not in finding.snippet
    with pytest.raises(ServiceError) as blocked:  # an open personal-data finding stops approval
        verify(penelaah, step3, approve=True, now=wib(23, 10, 10))
    assert blocked.value.code == "pos.approval_blocked" and "lampiran.pdf" in blocked.value.message
    clear_finding(penelaah, finding, "Penerima menyetujui datanya diumumkan (surat persetujuan terlampir).")
    verify(penelaah, step3, approve=True, now=wib(23, 10, 20))
    laporan.refresh_from_db()
    assert laporan.status == EntryStatus.VERIFIED and laporan.verified_by == penelaah
    assert not PublicEntry.objects.exists()  # verified is not yet public

    step4 = active_step(run, 4)
    assert refusal_code(publish_run, penelaah, run) == "pos.role_required"
    assert publish_run(pengolah, run, now=wib(23, 11)) == 2
    complete_step(pengolah, step4, now=wib(23, 11, 5))
    complete_step(pengolah, active_step(run, 5), output_note="Situs diperiksa", now=wib(23, 11, 30))
    run.refresh_from_db()
    assert run.status == RunStatus.DONE

    public = PublicEntry.objects.public().get(entry=laporan)
    assert public.title == LAPORAN["title"] and set(public.documents.all()) == {sk_pdf, list_with_nik}
    laporan.refresh_from_db()
    assert laporan.status == EntryStatus.PUBLISHED
    assert laporan.next_update_due == date(2027, 5, 23)  # berkala: at most 6 months after publication
    assert [r.action for r in laporan.revisions.order_by("number")] == [
        "dibuat", "lampiran ditambah", "lampiran ditambah", "diverifikasi", "terbit",
    ]
    renstra.refresh_from_db()
    assert renstra.next_update_due is None  # only berkala entries carry a next-update date


def _published_entry(staff) -> Entry:
    run = _disposition(staff)
    entry = create_entry(staff["pengolah"], run, RENSTRA, now=wib(23, 9))
    provide_input(staff["pengolah"], run, "konsep-bahan", reference="Bahan cetak di arsip", now=wib(23, 9, 20))
    complete_step(staff["pengolah"], active_step(run, 2), now=wib(23, 9, 30))
    verify(staff["penelaah"], active_step(run, 3), approve=True, now=wib(23, 9, 40))
    publish_run(staff["pengolah"], run, now=wib(23, 10))
    entry.refresh_from_db()
    return entry


def test_a_change_to_a_published_entry_stays_private_until_published(staff):
    entry = _published_entry(staff)
    run = _disposition(staff, day=24)
    assert refusal_code(update_entry, staff["pengolah"], run, entry, {"title": "Renstra revisi"}, reason="") == (
        "registry.reason_required"
    )
    update_entry(staff["pengolah"], run, entry, {"title": "Renstra 2025–2029 (revisi)"}, reason="Revisi Renstra",
                 now=wib(24, 9))
    entry.refresh_from_db()
    assert entry.status == EntryStatus.DRAFT
    assert PublicEntry.objects.public().get(entry=entry).title == RENSTRA["title"]  # the public still sees the old
    revision = entry.revisions.order_by("-number").first()
    assert revision.changes == {"title": [RENSTRA["title"], "Renstra 2025–2029 (revisi)"]}
    assert revision.reason == "Revisi Renstra" and revision.actor == staff["pengolah"]


def test_withdrawal_removes_the_public_copy_at_once(staff):
    entry = _published_entry(staff)
    assert refusal_code(withdraw_entry, staff["pengolah"], entry, reason="Salah unggah") == "pos.role_required"
    assert refusal_code(withdraw_entry, staff["ppid"], entry, reason=" ") == "registry.reason_required"
    withdraw_entry(staff["ppid"], entry, reason="Dokumen diganti versi bertanda tangan", now=wib(24, 8))
    entry.refresh_from_db()
    assert entry.status == EntryStatus.WITHDRAWN and entry.withdrawn_reason.startswith("Dokumen diganti")
    assert not PublicEntry.objects.filter(entry=entry).exists()


def test_drafting_is_refused_outside_the_drafting_step(staff):
    run = _disposition(staff)
    assert refusal_code(create_entry, staff["penelaah"], run, LAPORAN) == "pos.role_required"
    assert refusal_code(create_entry, staff["pengolah2"], run, LAPORAN) == "pos.not_assignee"
    assert refusal_code(create_entry, staff["pengolah"], run, {**LAPORAN, "category": "rahasia"}) == (
        "registry.invalid_value"
    )
    assert refusal_code(create_entry, staff["pengolah"], run, {**LAPORAN, "warna": "merah"}) == "registry.unknown_field"
    assert refusal_code(create_entry, staff["pengolah"], run, {**LAPORAN, "title": ""}) == "registry.invalid_value"
    create_entry(staff["pengolah"], run, LAPORAN, now=wib(23, 9))
    complete_step(staff["pengolah"], active_step(run, 2), accept_missing=True, now=wib(23, 9, 30))
    assert refusal_code(create_entry, staff["pengolah"], run, RENSTRA) == "registry.not_drafting"
    assert refusal_code(publish_run, staff["pengolah"], run) == "registry.not_uploading"
    assert Entry.objects.count() == 1
