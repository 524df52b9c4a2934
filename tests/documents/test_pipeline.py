"""After upload: text extraction, the personal-data scan, clearing findings, replacing a file, readiness."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from warta.core.errors import ServiceError
from warta.documents import errors, ocr, services
from warta.documents.models import Document, FindingKind, PIIStatus, TextStatus
from warta.records.models import AuditRecord

from .conftest import corpus_file, upload_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("scanner_off")]

VALID_NIK = "3273015103900003"  # Kota Bandung, a woman born 11 March 1990
NOT_A_NIK = "9912013213900001"  # province 99 and day 32: cannot be a NIK


def pdf_with_pages(*pages: str) -> bytes:
    from weasyprint import HTML

    body = "".join(f'<section style="page-break-after: always">{page}</section>' for page in pages)
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def docx_with(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(actor, name: str, content: bytes, run_jobs) -> Document:
    with run_jobs():
        document = services.upload_document(actor, SimpleUploadedFile(name, content))
    document.refresh_from_db()
    return document


def test_text_pdf_is_read_and_found_clean(uploader, run_jobs):
    with run_jobs():
        document = services.upload_document(
            uploader, upload_of(corpus_file("05_sk_sekda_sumedang_standar_biaya_2022.pdf"))
        )
    document.refresh_from_db()
    assert document.text_status == TextStatus.DONE and document.has_text_layer is True
    assert len(document.pages) == 3
    assert "Standar Biaya" in document.text or "STANDAR BIAYA" in document.text
    assert document.pii_status == PIIStatus.CLEAN and not document.ocr_applied
    assert services.document_ready_for_verification(document) == []
    actions = list(AuditRecord.objects.for_object(document).values_list("action", flat=True))
    assert actions == ["documents.uploaded", "documents.text_extracted"]


def test_a_nik_on_page_two_is_found_masked_and_a_non_nik_ignored(uploader, run_jobs):
    content = pdf_with_pages(
        f"<h1>Daftar Penerima Bantuan</h1><p>Nomor register {NOT_A_NIK}</p>",
        f"<p>Nama: Siti Aminah</p><p>NIK: {VALID_NIK}</p>",
    )
    document = upload(uploader, "penerima.pdf", content, run_jobs)

    assert document.text_status == TextStatus.DONE and document.page_count == 2
    assert document.pii_status == PIIStatus.FINDINGS
    finding = document.pii_findings.get()
    assert (finding.kind, finding.page, finding.masked_value) == (FindingKind.NIK, 2, "3273********0003")
    assert VALID_NIK not in finding.snippet and "3273********0003" in finding.snippet
    problems = services.document_ready_for_verification(document)
    assert len(problems) == 1 and "1 temuan data pribadi" in problems[0] and "hlm. 2" in problems[0]
    scan_audit = AuditRecord.objects.for_object(document).get(action="documents.text_extracted")
    assert scan_audit.after["pii_findings"] == {"nik": 1}
    assert VALID_NIK not in str(scan_audit.after)


def test_docx_findings_have_no_page_number(uploader, run_jobs):
    content = docx_with("Narahubung: Budi, 0812-3456-7890, budi.santoso@gmail.com", "NIP. 19780512 200312 1 003")
    document = upload(uploader, "narahubung.docx", content, run_jobs)
    found = sorted(document.pii_findings.values_list("kind", "page", "masked_value"))
    assert found == [
        ("email", None, "b***@gmail.com"),
        ("nip", None, "1978***********003"),
        ("phone", None, "0812*****890"),
    ]


def test_corpus_xlsx_is_read_in_the_background(uploader, run_jobs):
    with run_jobs():
        document = services.upload_document(
            uploader, upload_of(corpus_file("11_informasi_berkala_pt_food_station.xlsx"))
        )
    document.refresh_from_db()
    assert document.text_status == TextStatus.DONE
    assert "Profil Singkat Pimpinan Perusahaan" in document.text


def test_clearing_a_finding_is_recorded_and_unblocks_verification(uploader, reviewer, run_jobs):
    document = upload(uploader, "narahubung.txt", b"Narahubung PPID: 0812-3456-7890\n", run_jobs)
    finding = document.findings_open().get()

    cleared = services.clear_finding(reviewer, finding, "Nomor layanan resmi PPID, sudah diumumkan di situs.")

    assert cleared.cleared_by == reviewer and cleared.cleared_at is not None
    document.refresh_from_db()
    assert document.pii_status == PIIStatus.CLEARED and not document.findings_open().exists()
    assert services.document_ready_for_verification(document) == []
    audit = AuditRecord.objects.for_object(cleared).get()
    assert audit.action == "documents.finding_cleared" and audit.actor == reviewer
    assert audit.after["note"].startswith("Nomor layanan resmi") and audit.after["masked_value"] == "0812*****890"


def test_clearing_needs_a_reason_a_reviewer_role_and_happens_once(uploader, reviewer, run_jobs):
    document = upload(uploader, "a.txt", b"Surel pribadi: budi.santoso@gmail.com\n", run_jobs)
    finding = document.findings_open().get()

    with pytest.raises(ServiceError) as no_role:
        services.clear_finding(uploader, finding, "boleh")
    assert no_role.value.code == "documents.not_allowed_to_clear"
    with pytest.raises(ServiceError) as no_note:
        services.clear_finding(reviewer, finding, "   ")
    assert no_note.value.code == "documents.note_required"

    services.clear_finding(reviewer, finding, "Pemohon menyetujui surelnya diumumkan.")
    with pytest.raises(ServiceError) as twice:
        services.clear_finding(reviewer, finding, "lagi")
    assert twice.value.code == "documents.finding_already_cleared" and "Budi Penelaah" in twice.value.message


def test_replacing_the_file_adds_a_version_that_is_scanned_again(uploader, run_jobs, settings):
    document = upload(uploader, "penerima.pdf", pdf_with_pages(f"<p>NIK {VALID_NIK}</p>"), run_jobs)
    old_name = document.file.name
    assert document.pii_status == PIIStatus.FINDINGS

    redacted = pdf_with_pages("<p>Daftar penerima bantuan, NIK ████████████████</p>")
    with run_jobs():
        replaced = services.replace_document_file(
            uploader, document, SimpleUploadedFile("penerima-hitam.pdf", redacted)
        )
    replaced.refresh_from_db()

    assert replaced.pk == document.pk and replaced.original_name == "penerima-hitam.pdf"
    assert replaced.text_status == TextStatus.DONE and replaced.pii_status == PIIStatus.CLEAN
    assert not replaced.pii_findings.exists()
    first, second = replaced.versions.order_by("number")
    assert (first.number, first.file.name, first.sha256) == (1, old_name, document.sha256)
    assert (second.number, second.file.name, second.sha256) == (2, replaced.file.name, replaced.sha256)
    assert replaced.version == 2 and second.uploaded_by == uploader
    assert "Daftar penerima bantuan" in second.text and VALID_NIK in first.text  # each version keeps its own text
    assert first.file.storage.exists(old_name) and second.file.storage.exists(second.file.name)
    assert first.verified_at is None and second.verified_at is None and second.published_at is None
    audit = AuditRecord.objects.for_object(replaced).get(action="documents.file_replaced")
    assert audit.before["sha256"] == document.sha256 and audit.after["findings_removed"] == 1
    assert (audit.before["version"], audit.after["version"]) == (1, 2)


def test_a_refused_replacement_leaves_the_document_as_it_was(uploader, run_jobs):
    document = upload(uploader, "a.txt", b"Pengumuman libur\n", run_jobs)
    with pytest.raises(ServiceError) as caught:
        services.replace_document_file(uploader, document, SimpleUploadedFile("b.txt", b"<html><body>x</body></html>"))
    assert caught.value.code == "documents.content_mismatch"
    document.refresh_from_db()
    assert document.text == "Pengumuman libur\n" and document.file.storage.exists(document.file.name)


def test_an_unreadable_file_fails_with_a_reason_and_blocks_verification(uploader, run_jobs):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<not-word/>")
    document = upload(uploader, "rusak.docx", buffer.getvalue(), run_jobs)
    assert document.text_status == TextStatus.FAILED and "tidak dapat dibaca" in document.text_error
    problems = services.document_ready_for_verification(document)
    assert problems and problems[0].startswith("Teks dokumen gagal dibaca")


def test_a_document_still_being_read_is_not_ready(uploader):
    document = services.upload_document(uploader, SimpleUploadedFile("a.txt", b"Pengumuman\n"))  # jobs not run
    assert services.document_ready_for_verification(document) == [
        "Teks dokumen belum selesai dibaca. Tunggu sebentar, lalu muat ulang halaman."
    ]


def test_a_scan_waits_for_ocr_when_the_server_has_none(uploader, run_jobs, monkeypatch):
    monkeypatch.setattr(ocr, "unavailable_reason", lambda: errors.OCR_NO_TESSERACT.error())
    with run_jobs():
        document = services.upload_document(uploader, upload_of(corpus_file("09_sop_penyusunan_didp_sumut_scan.pdf")))
    document.refresh_from_db()
    assert document.text_status == TextStatus.OCR_NEEDED and document.has_text_layer is False
    assert document.text_problem == "documents.ocr_no_tesseract"
    assert "Tesseract belum terpasang (paket Debian: tesseract-ocr)" in document.text_error
    problem = services.document_ready_for_verification(document)[0]
    assert "menunggu OCR" in problem and "Tesseract belum terpasang" in problem
    with translation.override("en"):  # each reader gets the reason in their own language
        problem = services.document_ready_for_verification(document)[0]
    assert "Tesseract is not installed" in problem and "belum" not in problem


def test_a_document_uploaded_while_scanning_was_off_is_flagged_once_scanning_is_on(
    uploader, run_jobs, settings, tmp_path
):
    document = upload(uploader, "a.txt", b"Pengumuman libur\n", run_jobs)
    settings.WARTA_CLAMAV = str(tmp_path)
    assert "pemindaian virus mati" in services.document_ready_for_verification(document)[0]
