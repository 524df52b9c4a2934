"""Announcements go through the same run as the register; serta-merta ones must carry their five parts."""

from datetime import date

import pytest

from tests.helpers import wib
from warta.announcements.models import Announcement
from warta.announcements.services import create_announcement, update_announcement, withdraw_announcement
from warta.core.errors import ServiceError
from warta.core.formats import format_filesize
from warta.documents.validation import type_label
from warta.pos.services import PlanItemData, active_step, complete_step, issue_disposition, provide_input, verify
from warta.registry.models import Category, EntryStatus
from warta.registry.services.entries import publish_run

pytestmark = pytest.mark.django_db

FLOOD = {
    "title": "Banjir di Kelurahan Sumur Dewa: kantor layanan dipindah sementara",
    "summary": "Air setinggi 60 cm menggenangi Jalan Zainul Arifin sejak pukul 05.00 WIB.",
    "body": "Layanan tatap muka dipindahkan ke Aula Dinas Pendidikan Provinsi sampai banjir surut.",
    "category": Category.SERTA_MERTA,
    "danger": "Genangan air dan arus deras di Jalan Zainul Arifin; risiko sengatan listrik.",
    "affected": "Warga Kelurahan Sumur Dewa dan pengunjung kantor.",
    "evacuation": "Titik kumpul di halaman Masjid Raya Baitul Izzah; jalur melalui Jalan Pembangunan.",
    "avoidance": "Hindari Jalan Zainul Arifin; matikan listrik rumah yang tergenang.",
    "help_contact": "BPBD Kota Bengkulu 112; posko kantor (0736) 123456.",
}


def _urgent_run(staff):
    return issue_disposition(staff["ppid"], title="Informasi serta merta: banjir", instructions="Umumkan segera.",
                             addressee=staff["pengolah"], verifier=staff["penelaah"], urgent=True,
                             plan=[PlanItemData("Pengumuman banjir", date(2026, 11, 23))], now=wib(23, 8))


def test_a_serta_merta_announcement_needs_its_five_parts(staff):
    run = _urgent_run(staff)
    with pytest.raises(ServiceError) as caught:
        create_announcement(staff["pengolah"], run, {**FLOOD, "evacuation": "", "help_contact": " "})
    assert caught.value.code == "announcements.serta_merta_incomplete"
    assert caught.value.field == "evacuation"
    assert "prosedur dan tempat evakuasi" in caught.value.message and "tempat meminta bantuan" in caught.value.message
    assert not Announcement.objects.exists()


def test_the_urgent_path_publishes_the_announcement_in_one_sitting(staff):
    run = _urgent_run(staff)
    assert run.urgent
    announcement = create_announcement(staff["pengolah"], run, FLOOD, now=wib(23, 8, 5))
    assert announcement.slug.startswith("banjir-di-kelurahan-sumur-dewa")
    provide_input(staff["pengolah"], run, "konsep-dip", reference="Informasi serta merta (pengumuman)",
                  now=wib(23, 8, 6))
    complete_step(staff["pengolah"], active_step(run, 2), now=wib(23, 8, 10))
    assert not Announcement.objects.public().exists()
    verify(staff["penelaah"], active_step(run, 3), approve=True, now=wib(23, 8, 15))
    announcement.refresh_from_db()
    assert announcement.status == EntryStatus.VERIFIED
    publish_run(staff["pengolah"], run, now=wib(23, 8, 20))
    assert list(Announcement.objects.active_urgent()) == [announcement]
    step4 = complete_step(staff["pengolah"], active_step(run, 4), now=wib(23, 8, 25))
    assert step4.inputs_checked == {"bahan-terverifikasi": True}
    assert not step4.breaches.exists()

    withdraw_announcement(staff["ppid"], announcement, reason="Banjir sudah surut; layanan kembali normal.")
    assert not Announcement.objects.public().exists()


def test_editing_returns_a_published_announcement_to_draft_only_in_its_own_run(staff):
    run = _urgent_run(staff)
    announcement = create_announcement(staff["pengolah"], run, FLOOD, now=wib(23, 8, 5))
    update_announcement(staff["pengolah"], run, announcement, {"summary": "Air setinggi 80 cm."}, now=wib(23, 8, 7))
    announcement.refresh_from_db()
    assert announcement.summary == "Air setinggi 80 cm." and announcement.status == EntryStatus.DRAFT
    with pytest.raises(ServiceError) as caught:
        update_announcement(staff["pengolah"], run, announcement, {"danger": ""})
    assert caught.value.code == "announcements.serta_merta_incomplete"


# --- documents carried by an announcement -------------------------------------------------------------------


def _pdf(text: str) -> bytes:
    from tests.portal.world import pdf_bytes

    return pdf_bytes(text, "Lampiran")


def _upload(staff, name, text, capture):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from warta.documents.services import upload_document

    with capture(execute=True):
        document = upload_document(staff["pengolah"], SimpleUploadedFile(name, _pdf(text)))
    document.refresh_from_db()
    return document


def _register_document(staff, run, capture, name="peta-evakuasi.pdf", text="Peta jalur evakuasi banjir."):
    """A document in the office's register: attached to an entry of the run."""
    from warta.registry.services.entries import attach_document as attach_to_entry
    from warta.registry.services.entries import create_entry

    entry = create_entry(staff["pengolah"], run, {
        "title": "Peta evakuasi", "holder": "Subbagian Umum", "responsible": "Kepala Subbagian Umum",
        "category": Category.SERTA_MERTA})
    document = _upload(staff, name, text, capture)
    attach_to_entry(staff["pengolah"], run, entry, document)
    return document


@pytest.fixture
def capture(django_capture_on_commit_callbacks, settings):
    settings.WARTA_CLAMAV = ""
    return django_capture_on_commit_callbacks


def _verify_and_publish(staff, run):
    provide_input(staff["pengolah"], run, "konsep-dip", reference="Informasi serta merta (pengumuman)",
                  now=wib(23, 8, 6))
    complete_step(staff["pengolah"], active_step(run, 2), now=wib(23, 8, 10))
    verify(staff["penelaah"], active_step(run, 3), approve=True, now=wib(23, 8, 15))
    publish_run(staff["pengolah"], run, now=wib(23, 8, 20))


def test_an_announcement_carries_register_and_uploaded_documents_to_the_public(staff, capture, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from warta.announcements.services import attach_document, attach_upload
    from warta.records.models import AuditRecord

    run = _urgent_run(staff)
    announcement = create_announcement(staff["pengolah"], run, FLOOD, now=wib(23, 8, 5))
    register_doc = _register_document(staff, run, capture)
    attach_document(staff["pengolah"], run, announcement, register_doc)
    attach_document(staff["pengolah"], run, announcement, register_doc)  # twice changes nothing
    with capture(execute=True):
        uploaded = attach_upload(staff["pengolah"], run, announcement,
                                 SimpleUploadedFile("posko.pdf", _pdf("Daftar posko bantuan banjir.")))
    assert set(announcement.documents.all()) == {register_doc, uploaded}
    assert AuditRecord.objects.filter(action="announcements.document.attached").count() == 2
    assert client.get(f"/dokumen/{uploaded.pk}/").status_code == 404  # not before publication

    _verify_and_publish(staff, run)
    announcement.refresh_from_db()
    assert announcement.status == EntryStatus.PUBLISHED
    page = client.get(f"/pengumuman/{announcement.slug}/").content.decode()
    for document in (register_doc, uploaded):
        document.refresh_from_db()
        assert document.versions.get().verified_at is not None
        assert document.original_name in page and document.sha256 in page
        assert format_filesize(document.size) in page and type_label(document.media_type) in page
        assert f'href="/dokumen/{document.pk}/"' in page
        assert client.get(f"/dokumen/{document.pk}/").status_code == 200


def test_refusals_when_attaching_documents(staff, capture):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from warta.announcements.services import attach_document, attach_upload, detach_document

    run = _urgent_run(staff)
    announcement = create_announcement(staff["pengolah"], run, FLOOD, now=wib(23, 8, 5))
    stray = _upload(staff, "lepas.pdf", "Dokumen yang tidak ada di daftar.", capture)
    with pytest.raises(ServiceError) as caught:
        attach_document(staff["pengolah"], run, announcement, stray)
    assert caught.value.code == "announcements.document_not_available" and caught.value.field == "document"
    with pytest.raises(ServiceError) as caught:
        detach_document(staff["pengolah"], run, announcement, stray)
    assert caught.value.code == "announcements.document_not_attached"
    other_run = _urgent_run(staff)
    with pytest.raises(ServiceError) as caught:
        attach_document(staff["pengolah"], other_run, announcement, stray)
    assert caught.value.code == "announcements.not_in_run"
    with pytest.raises(ServiceError) as caught:
        attach_upload(staff["ppid"], run, announcement, SimpleUploadedFile("a.pdf", _pdf("Isi.")))
    assert caught.value.code.startswith("pos.")  # only the drafting step's executor
    from warta.documents.models import Document

    assert not Document.objects.filter(original_name="a.pdf").exists()  # refused before anything was stored
    with pytest.raises(ServiceError) as caught:
        attach_upload(staff["pengolah"], run, announcement, SimpleUploadedFile("b.txt", b"<html><body>x</body></html>"))
    assert caught.value.code == "documents.content_mismatch"
    assert not announcement.documents.exists()


def test_an_open_finding_in_an_announcement_document_blocks_verification(staff, capture, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from warta.announcements.services import attach_upload, detach_document

    run = _urgent_run(staff)
    announcement = create_announcement(staff["pengolah"], run, FLOOD, now=wib(23, 8, 5))
    with capture(execute=True):
        risky = attach_upload(staff["pengolah"], run, announcement,
                              SimpleUploadedFile("penerima.pdf", _pdf("Penerima bantuan: NIK 3273015103900003.")))
    with capture(execute=True):
        clean = attach_upload(staff["pengolah"], run, announcement,
                              SimpleUploadedFile("jalur.pdf", _pdf("Jalur evakuasi melalui Jalan Pembangunan.")))
    detach_document(staff["pengolah"], run, announcement, clean)
    assert list(announcement.documents.all()) == [risky]
    provide_input(staff["pengolah"], run, "konsep-dip", reference="Pengumuman", now=wib(23, 8, 6))
    complete_step(staff["pengolah"], active_step(run, 2), now=wib(23, 8, 10))
    with pytest.raises(ServiceError) as caught:
        verify(staff["penelaah"], active_step(run, 3), approve=True, now=wib(23, 8, 15))
    assert "penerima.pdf" in caught.value.message and "temuan data pribadi" in caught.value.message
    risky.refresh_from_db()
    assert risky.versions.get().verified_at is None
    assert client.get(f"/dokumen/{risky.pk}/").status_code == 404
