"""OCR of scans in the background job: real Tesseract with the Indonesian model, on small cases only."""

import hashlib
import io

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from warta.documents import errors, ocr, services
from warta.documents.models import PIIStatus, TextStatus
from warta.records.models import AuditRecord

from .conftest import corpus_file, upload_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("scanner_off")]


@pytest.fixture(autouse=True)
def _needs_ocr():
    reason = ocr.unavailable_reason()
    if reason:
        pytest.skip(f"OCR cannot run here: {reason}")


def first_page_of(path) -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_page(pypdf.PdfReader(path).pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_scanned_sk_page_becomes_searchable_and_the_original_stays_untouched(uploader, run_jobs):
    content = first_page_of(corpus_file("03_sk_penetapan_dip_sumedang_2022_scan.pdf"))
    with run_jobs():
        document = services.upload_document(uploader, SimpleUploadedFile("sk-dip-hal-1.pdf", content))
    document.refresh_from_db()

    assert document.text_status == TextStatus.OCR_DONE, document.text_error
    assert document.ocr_applied and document.has_text_layer is False
    assert "KEPUTUSAN" in document.text.upper() and "SUMEDANG" in document.text.upper()
    assert document.pii_status in {PIIStatus.CLEAN, PIIStatus.FINDINGS}  # scanned once the text exists
    with document.file.open("rb") as original:
        assert hashlib.sha256(original.read()).hexdigest() == hashlib.sha256(content).hexdigest()
    with document.ocr_file.open("rb") as derivative:
        searchable = pypdf.PdfReader(derivative)
        assert "SUMEDANG" in searchable.pages[0].extract_text().upper()
    actions = list(AuditRecord.objects.for_object(document).values_list("action", flat=True))
    assert actions == ["documents.uploaded", "documents.ocr_needed", "documents.ocr_started", "documents.ocr_done"]


def test_the_three_page_sop_scan_is_read_page_by_page(uploader, run_jobs):
    with run_jobs():
        document = services.upload_document(uploader, upload_of(corpus_file("09_sop_penyusunan_didp_sumut_scan.pdf")))
    document.refresh_from_db()
    assert document.text_status == TextStatus.OCR_DONE, document.text_error
    assert len(document.pages) == 3 and all(page.strip() for page in document.pages)
    assert "STANDAR OPERASIONAL PROSEDUR" in document.pages[0].upper()
    assert "SUMATERA UTARA" in document.text.upper()


def test_a_photographed_notice_is_read(uploader, run_jobs):
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1400, 300), "white")
    font = ImageFont.truetype("DejaVuSans.ttf", 56)
    ImageDraw.Draw(image).text((40, 100), "KEPUTUSAN BUPATI SUMEDANG", fill="black", font=font)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(300, 300))
    with run_jobs():
        document = services.upload_document(uploader, SimpleUploadedFile("papan.png", buffer.getvalue()))
    document.refresh_from_db()
    assert document.text_status == TextStatus.OCR_DONE, document.text_error
    assert "KEPUTUSAN BUPATI SUMEDANG" in document.text
    assert document.page_count == 1 and document.ocr_file.name.endswith("-ocr.pdf")


def test_an_ocr_failure_is_shown_in_words(uploader, run_jobs, monkeypatch):
    def fail(*args, **kwargs):
        raise ocr.OcrError(errors.OCR_EXIT_CODES[7].error(detail="Tesseract: image too blurry"))

    monkeypatch.setattr(ocr, "make_searchable_pdf", fail)
    with run_jobs():
        document = services.upload_document(uploader, upload_of(corpus_file("09_sop_penyusunan_didp_sumut_scan.pdf")))
    document.refresh_from_db()
    assert document.text_status == TextStatus.FAILED and not document.ocr_file
    assert document.text_error.startswith("Pengenalan teks gagal")
    assert document.text_error.endswith("Rincian teknis: Tesseract: image too blurry")
    assert services.document_ready_for_verification(document)[0].startswith("Teks dokumen gagal dibaca")
    with translation.override("en"):
        problem = services.document_ready_for_verification(document)[0]
    assert problem.startswith("The document's text could not be read: Text recognition failed")
    assert problem.count("Technical detail: Tesseract: image too blurry") == 1
