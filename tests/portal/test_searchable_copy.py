"""A scan's searchable copy (the PDF OCR made) is offered beside the original, only while the document is
public, with the same download, range and 404 guarantees."""

import hashlib
import io

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.api import schema
from tests.documents.conftest import corpus_file
from tests.helpers import wib
from tests.portal import world as w
from warta.documents import ocr
from warta.documents.models import TextStatus
from warta.documents.services import clear_finding, upload_document
from warta.pos.services import active_step, complete_step, provide_input, verify
from warta.registry.services.entries import publish_run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_scanner_off")]
LABEL = "Salinan yang dapat dicari (OCR)"


@pytest.fixture
def _scanner_off(settings):
    settings.WARTA_CLAMAV = ""


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def scan(staff, capture):
    reason = ocr.unavailable_reason()
    if reason:
        pytest.skip(f"OCR cannot run here: {reason}")
    writer = pypdf.PdfWriter()
    writer.add_page(pypdf.PdfReader(corpus_file("03_sk_penetapan_dip_sumedang_2022_scan.pdf")).pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    with capture(execute=True):
        document = upload_document(staff["pengolah"], SimpleUploadedFile("sk-dip.pdf", buffer.getvalue()))
    document.refresh_from_db()
    assert document.text_status == TextStatus.OCR_DONE, document.text_error
    for finding in document.findings_open():
        clear_finding(staff["penelaah"], finding, "Nama pejabat dalam surat keputusan memang informasi publik.")
    return document


def test_the_searchable_copy_is_served_only_while_the_scan_is_public(client, staff, scan, doc):
    version = scan.versions.get()
    assert version.has_searchable_copy and version.ocr_file.name == scan.ocr_file.name
    with version.ocr_file.open("rb") as handle:
        kept = handle.read()
    assert hashlib.sha256(kept).hexdigest() == version.ocr_sha256 and len(kept) == version.ocr_size

    run, entry = w.draft(staff, {"title": "SK Penetapan DIP"}, [scan])
    assert client.get(f"/dokumen/{scan.pk}/ocr/").status_code == 404  # a draft's scan: no copy either
    assert client.get(f"/dokumen/{scan.pk}/ocr/", HTTP_RANGE="bytes=0-9").status_code == 404

    provide_input(staff["pengolah"], run, "konsep-bahan", reference="Bahan di arsip", now=wib(23, 9, 20))
    complete_step(staff["pengolah"], active_step(run, 2), now=wib(23, 9, 30))
    verify(staff["penelaah"], active_step(run, 3), approve=True, now=wib(23, 9, 40))
    publish_run(staff["pengolah"], run, now=wib(23, 10))

    page = client.get(f"/dip/{entry.pk}/").content.decode()
    assert LABEL in page and f'href="/dokumen/{scan.pk}/ocr/"' in page and version.ocr_sha256 in page
    response = client.get(f"/dokumen/{scan.pk}/ocr/")
    assert response.status_code == 200 and _body(response) == kept
    assert response["Content-Type"] == "application/pdf" and response["X-Content-Type-Options"] == "nosniff"
    assert response["ETag"] == f'"{version.ocr_sha256}"' and response["Accept-Ranges"] == "bytes"
    assert (
        response["Content-Disposition"].startswith("attachment") and "sk-dip-ocr.pdf" in response["Content-Disposition"]
    )
    assert "SUMEDANG" in pypdf.PdfReader(io.BytesIO(kept)).pages[0].extract_text().upper()
    part = client.get(f"/dokumen/{scan.pk}/ocr/", HTTP_RANGE="bytes=-100")
    assert part.status_code == 206 and _body(part) == kept[-100:]
    assert part["Content-Range"] == f"bytes {len(kept) - 100}-{len(kept) - 1}/{len(kept)}"
    assert client.get(f"/dokumen/{scan.pk}/ocr/", HTTP_RANGE=f"bytes={len(kept)}-").status_code == 416
    assert client.get(f"/dokumen/{scan.pk}/ocr/", HTTP_IF_NONE_MATCH=f'"{version.ocr_sha256}"').status_code == 304
    answer = client.get(f"/api/v1/documents/{scan.pk}").json()
    schema.validate(answer, "/v1/documents/{id}")  # the OpenAPI description knows the copy
    api = answer["searchable_copy"]
    assert api["download_url"].endswith(f"/dokumen/{scan.pk}/ocr/")
    assert (api["size"], api["sha256"]) == (len(kept), version.ocr_sha256)
    client.post("/i18n/setlang/", {"language": "en", "next": "/dip/"})
    assert "Searchable copy (OCR)" in client.get(f"/dip/{entry.pk}/").content.decode()
    client.post("/i18n/setlang/", {"language": "id", "next": "/dip/"})

    # A document with a text layer has no searchable copy to offer.
    typed = doc("biasa.pdf", "Dokumen ketik biasa.")
    plain = w.published(staff, {"title": "Dokumen biasa"}, [typed])
    assert LABEL not in client.get(f"/dip/{plain.pk}/").content.decode()
    assert client.get(f"/dokumen/{typed.pk}/").status_code == 200
    assert client.get(f"/dokumen/{typed.pk}/ocr/").status_code == 404
    assert client.get(f"/api/v1/documents/{typed.pk}").json()["searchable_copy"] is None
