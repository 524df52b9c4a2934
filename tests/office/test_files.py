"""Files staff read: documents inline in a frame of the workspace only, letters and DIP editions as PDF."""

import pytest
from django.urls import reverse

from tests.office.conftest import drafted, published
from warta.pos.services import delegate_step
from warta.registry.services.editions import approve_edition, propose_edition, set_edition

pytestmark = pytest.mark.django_db


def test_a_document_is_shown_inline_in_a_same_origin_frame(staff, clients, run):
    _, document = drafted(staff, run)
    response = clients["penelaah"].get(reverse("office:document", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "script-src" not in response["Content-Security-Policy"]  # default-src 'none': nothing runs
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    download = clients["penelaah"].get(reverse("office:document", args=[document.pk]) + "?unduh=1")
    assert download["Content-Disposition"].startswith("attachment")


def test_a_pdf_viewer_reads_a_document_in_byte_ranges(staff, clients, run):
    _, document = drafted(staff, run)
    url = reverse("office:document", args=[document.pk])
    whole = clients["penelaah"].get(url)
    content = b"".join(whole.streaming_content)
    assert whole["Accept-Ranges"] == "bytes" and whole["ETag"] == f'"{document.sha256}"'
    part = clients["penelaah"].get(url, HTTP_RANGE="bytes=0-99", HTTP_IF_RANGE=f'"{document.sha256}"')
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 0-99/{len(content)}"
    assert b"".join(part.streaming_content) == content[:100]
    assert "frame-ancestors 'self'" in part["Content-Security-Policy"] and "no-store" in part["Cache-Control"]
    changed = clients["penelaah"].get(url, HTTP_RANGE="bytes=0-99", HTTP_IF_RANGE='"another-file"')
    assert changed.status_code == 200 and b"".join(changed.streaming_content) == content
    beyond = clients["penelaah"].get(url, HTTP_RANGE=f"bytes={len(content) + 10}-")
    assert beyond.status_code == 416 and b"[http.range_not_satisfiable]" in beyond.content


def test_letters_and_editions_are_served_to_the_unit(staff, clients, run):
    letter = delegate_step(staff["pengolah"], run.current_step(), staff["pengolah2"], "Sakit",
                           confirm_unqualified=True)
    response = clients["pengolah2"].get(reverse("office:letter", args=[letter.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert clients["admin"].get(reverse("office:letter", args=[letter.pk])).status_code == 403


def test_the_edition_pdf(staff, clients, run):
    from datetime import date

    published(staff, run)
    edition = propose_edition(staff["ppid"], title="DIP II 2026")
    approve_edition(staff["atasan"], edition)
    set_edition(staff["ppid"], edition, decree_number="SK-7/PPID/2026", decree_date=date(2026, 11, 24))
    page = clients["atasan"].get(reverse("office:editions")).content.decode()
    assert "SK SK-7/PPID/2026 tanggal 24 November 2026" in page
    response = clients["atasan"].get(reverse("office:edition_pdf", args=[edition.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_document_status_fragment_polls_while_text_is_pending(staff, clients, run):
    from warta.documents.models import Document, TextStatus

    entry, document = drafted(staff, run)
    url = reverse("office:entry_documents", args=[run.pk, entry.pk]) + "?bagian=status"
    fragment = clients["pengolah"].get(url).content.decode()
    assert fragment.lstrip().startswith('<div class="document-status"') and "data-poll" not in fragment
    Document.objects.filter(pk=document.pk).update(text_status=TextStatus.PENDING)
    fragment = clients["pengolah"].get(url).content.decode()
    assert "data-poll=" in fragment and "menunggu dibaca" in fragment


def test_pages_ocr_could_not_read_are_named_beside_the_text_status(staff, clients, run):
    from warta.documents.models import Document, TextStatus

    entry, document = drafted(staff, run)
    Document.objects.filter(pk=document.pk).update(
        text_status=TextStatus.OCR_DONE, text_problem="documents.ocr_pages_still_empty",
        text_problem_values={"pages": "2, 5"},
    )
    url = reverse("office:entry_documents", args=[run.pk, entry.pk]) + "?bagian=status"
    fragment = clients["pengolah"].get(url).content.decode()
    assert "teks terbaca dengan OCR" in fragment and "OCR tidak menemukan teks pada halaman 2, 5." in fragment


def test_the_audit_log_checks_its_chain(clients, run):
    page = clients["atasan"].get(reverse("office:audit") + "?periksa=1").content.decode()
    assert "Rantai utuh." in page and "pos.run.started" in page
