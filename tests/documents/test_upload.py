"""Uploading: the type is decided by content, refusals carry stable codes, accepted files are kept intact."""

import hashlib
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from warta.core.errors import ServiceError
from warta.documents import services
from warta.documents.models import Document, MalwareStatus, TextStatus
from warta.records.models import AuditRecord

from .conftest import corpus_file, upload_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("scanner_off")]


def docx_bytes(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def refused(uploader, upload) -> ServiceError:
    count = Document.objects.count()
    with pytest.raises(ServiceError) as caught:
        services.upload_document(uploader, upload)
    assert Document.objects.count() == count
    return caught.value


def test_a_pdf_is_stored_with_its_hash_size_pages_and_an_audit_record(uploader, settings):
    path = corpus_file("05_sk_sekda_sumedang_standar_biaya_2022.pdf")
    document = services.upload_document(uploader, upload_of(path))

    content = path.read_bytes()
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert document.sha256 == "c2608c1037198aab247fc78ec8fed7043b03e0c5864e9ce6e785ff413262f098"  # SOURCES.md
    assert document.size == len(content) and document.page_count == 3
    assert document.media_type == "application/pdf"
    assert document.original_name == path.name
    assert document.uploaded_by == uploader
    assert document.text_status == TextStatus.PENDING
    with document.file.open("rb") as stored:
        assert stored.read() == content
    assert document.file.name.startswith("dokumen/") and document.file.name.endswith(".pdf")
    audit = AuditRecord.objects.for_object(document).get()
    assert audit.action == "documents.uploaded" and audit.actor == uploader
    assert audit.after["sha256"] == document.sha256


def test_stored_name_is_sanitised_but_the_original_kept_for_display(uploader):
    path = corpus_file("10_dip_pt_food_station_2026.pdf")
    upload = upload_of(path, name="../../DIP PT Food Station (final)\x07.pdf")
    document = services.upload_document(uploader, upload)
    assert document.original_name == "DIP PT Food Station (final).pdf"
    assert document.file.name.rsplit("/", 1)[-1].startswith("dip-pt-food-station-final")
    assert ".." not in document.file.name


def test_original_name_argument_wins_over_the_upload_name(uploader):
    document = services.upload_document(
        None, ContentFile(b"Pengumuman jadwal layanan.\n", name="tmp123"), original_name="jadwal.txt"
    )
    assert document.original_name == "jadwal.txt" and document.uploaded_by is None
    assert document.media_type == "text/plain"


def test_a_file_without_extension_is_named_by_its_content(uploader):
    path = corpus_file("10_dip_pt_food_station_2026.pdf")
    document = services.upload_document(uploader, upload_of(path, name="DIP terbaru"))
    assert document.file.name.endswith("/dip-terbaru.pdf")


def test_a_pdf_renamed_docx_is_refused(uploader):
    path = corpus_file("10_dip_pt_food_station_2026.pdf")
    error = refused(uploader, upload_of(path, name="dip.docx"))
    assert error.code == "documents.content_mismatch"
    assert ".docx" in error.message and "bukan DOCX" in error.message


def test_a_docx_renamed_pdf_is_refused_with_a_message_saying_it_is_not_a_pdf(uploader):
    upload = SimpleUploadedFile("sk.pdf", docx_bytes("Keputusan"), content_type="application/pdf")
    error = refused(uploader, upload)
    assert error.code == "documents.content_mismatch"
    assert "bukan PDF" in error.message and "Unggah ulang berkas PDF aslinya" in error.message


def test_a_windows_program_is_refused_even_when_named_pdf(uploader):
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 400
    assert refused(uploader, SimpleUploadedFile("setup.exe", exe)).code == "documents.type_not_allowed"
    assert refused(uploader, SimpleUploadedFile("laporan.pdf", exe)).code == "documents.content_mismatch"


def test_html_is_refused_whatever_the_browser_claims(uploader):
    page = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
    error = refused(uploader, SimpleUploadedFile("pengumuman.html", page, content_type="text/plain"))
    assert error.code == "documents.type_not_allowed"
    assert "HTML" in error.message and "PDF" in error.message  # says what is accepted instead


def test_allowed_content_with_an_unknown_extension_is_refused(uploader):
    error = refused(uploader, SimpleUploadedFile("catatan.md", b"Catatan rapat PPID\n"))
    assert error.code == "documents.extension_not_allowed" and ".txt" in error.message


def test_a_broken_pdf_is_refused(uploader):
    error = refused(uploader, SimpleUploadedFile("rusak.pdf", b"%PDF-1.7\n%garbage without any objects\n"))
    assert error.code == "documents.pdf_broken"
    assert error.message == "Berkas ini bukan PDF yang sah. Unggah ulang berkas PDF aslinya."


def test_size_limit_is_read_from_settings_at_call_time(uploader, settings):
    settings.WARTA_MAX_UPLOAD_MB = 1
    error = refused(uploader, SimpleUploadedFile("besar.txt", b"a" * (1024 * 1024 + 1)))
    assert error.code == "documents.too_large" and "1 MB" in error.message
    assert error.field == "file"


def test_size_limit_holds_when_the_upload_does_not_declare_its_size(uploader, settings):
    settings.WARTA_MAX_UPLOAD_MB = 1

    class Unsized(io.BytesIO):
        name = "besar.txt"

    assert refused(uploader, Unsized(b"a" * (2 * 1024 * 1024))).code == "documents.too_large"


def test_empty_files_are_refused(uploader):
    assert refused(uploader, SimpleUploadedFile("kosong.pdf", b"")).code == "documents.empty"


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        (
            "11_informasi_berkala_pt_food_station.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("12_opendata_jabar_produksi_sampah.csv", "text/csv"),
    ],
)
def test_corpus_spreadsheet_and_csv_are_accepted(uploader, name, media_type):
    document = services.upload_document(uploader, upload_of(corpus_file(name)))
    assert document.media_type == media_type


def test_images_are_accepted_by_content(uploader):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buffer, "PNG")
    document = services.upload_document(uploader, SimpleUploadedFile("foto papan.png", buffer.getvalue()))
    assert document.media_type == "image/png"
    error = refused(uploader, SimpleUploadedFile("foto.jpg", buffer.getvalue()))
    assert error.code == "documents.content_mismatch"


def test_without_a_scanner_uploads_are_accepted_and_marked_unscanned(uploader):
    document = services.upload_document(uploader, SimpleUploadedFile("a.txt", b"Pengumuman\n"))
    assert document.malware_status == MalwareStatus.SKIPPED and document.malware_scanned_at is None
