"""A published document's file is replaced through a new run: the public keeps the published version, by the
same URL, until the new version is verified and published; then it gets the new one. An unverified version's
file is reachable by no public route."""

import hashlib

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.helpers import wib
from tests.portal import world as w
from warta.pos.services import active_step, complete_step, provide_input, verify
from warta.records.models import AuditRecord
from warta.registry.models import EntryDocument, EntryStatus
from warta.registry.services.entries import publish_run, replace_attachment_file

pytestmark = pytest.mark.django_db

OLD_TEXT = "Laporan realisasi anggaran semester pertama kuncilama."
NEW_TEXT = "Laporan realisasi anggaran semester pertama yang diperbaiki kuncibaru."


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _found(client, query: str) -> int:
    cache.clear()  # rendered pages are kept per public content version; here the question is the index itself
    return client.get(f"/cari/?q={query}").context["results"].total


def _public_bytes(client, document_id: int) -> bytes:
    response = client.get(f"/dokumen/{document_id}/")
    assert response.status_code == 200
    return _body(response)


@pytest.fixture
def published_document(staff, doc):
    document = doc("laporan-semester.pdf", OLD_TEXT, "Laporan Semester")
    entry = w.published(staff, {"title": "Laporan Semester I", "summary": "Realisasi anggaran."}, [document])
    return entry, document


def _replace_in_new_run(staff, entry, document, capture, text=NEW_TEXT):
    run = w.disposition(staff, title="Perbaikan lampiran", day=24)
    with capture(execute=True):
        replaced = replace_attachment_file(
            staff["pengolah"],
            run,
            entry,
            document,
            SimpleUploadedFile("laporan-semester.pdf", w.pdf_bytes(text, "Laporan")),
            now=wib(24, 9),
        )
    replaced.refresh_from_db()
    return run, replaced


def _verify_and_publish(staff, run, day=24):
    provide_input(staff["pengolah"], run, "konsep-bahan", reference="Bahan di arsip", now=wib(day, 9, 20))
    complete_step(staff["pengolah"], active_step(run, 2), now=wib(day, 9, 30))
    verify(staff["penelaah"], active_step(run, 3), approve=True, now=wib(day, 9, 40))
    publish_run(staff["pengolah"], run, now=wib(day, 10))


def test_the_public_keeps_the_published_file_until_the_new_version_is_verified_and_published(
    client, staff, published_document, capture
):
    entry, document = published_document
    old_bytes = _public_bytes(client, document.pk)
    old_hash = hashlib.sha256(old_bytes).hexdigest()
    assert old_hash == document.sha256

    run, replaced = _replace_in_new_run(staff, entry, document, capture)
    entry.refresh_from_db()
    assert entry.status == EntryStatus.DRAFT and entry.run == run  # the new file goes through this run
    assert replaced.version == 2 and replaced.sha256 != old_hash
    assert AuditRecord.objects.filter(action="registry.document.replaced").exists()

    # Drafted, then verified but not yet published: the public still gets version 1, everywhere.
    for stage in ("drafted", "verified"):
        if stage == "verified":
            provide_input(staff["pengolah"], run, "konsep-bahan", reference="Bahan di arsip", now=wib(24, 9, 20))
            complete_step(staff["pengolah"], active_step(run, 2), now=wib(24, 9, 30))
            verify(staff["penelaah"], active_step(run, 3), approve=True, now=wib(24, 9, 40))
            assert replaced.versions.get(number=2).verified_at is not None
        assert _public_bytes(client, document.pk) == old_bytes, stage
        preview = client.get(f"/dokumen/{document.pk}/lihat/")
        assert _body(preview) == old_bytes and preview["ETag"] == f'"{old_hash}"'
        page = client.get(f"/dip/{entry.pk}/").content.decode()
        assert old_hash in page and replaced.sha256 not in page
        api = client.get(f"/api/v1/documents/{document.pk}").json()
        assert api["sha256"] == old_hash and api["size"] == len(old_bytes)
        assert _found(client, "kuncibaru") == 0
        assert _found(client, "kuncilama") == 1

    # Published through the procedure: the same URL now gives version 2.
    publish_run(staff["pengolah"], run, now=wib(24, 10))
    new_bytes = _public_bytes(client, document.pk)
    assert hashlib.sha256(new_bytes).hexdigest() == replaced.sha256 != old_hash
    page = client.get(f"/dip/{entry.pk}/").content.decode()
    assert replaced.sha256 in page and old_hash not in page
    assert client.get(f"/api/v1/documents/{document.pk}").json()["sha256"] == replaced.sha256
    trail = AuditRecord.objects.for_object(replaced).filter(action__startswith="documents.version_")
    assert [(r.action, r.after["version"]) for r in trail.order_by("pk")] == [
        ("documents.version_verified", 1),
        ("documents.version_published", 1),
        ("documents.version_verified", 2),
        ("documents.version_published", 2),
    ]
    entry_api = client.get(f"/api/v1/entries/{entry.pk}").json()
    assert [item["sha256"] for item in entry_api["documents"]] == [replaced.sha256]
    assert _found(client, "kuncibaru") == 1
    assert _found(client, "kuncilama") == 0


def test_an_unverified_version_is_404_by_every_public_route(client, staff, published_document, capture):
    entry, document = published_document
    old_bytes = _public_bytes(client, document.pk)
    _, replaced = _replace_in_new_run(staff, entry, document, capture, text="Berkas baru berisi zrahasiabaru.")
    new_version = replaced.versions.get(number=2)
    new_bytes = new_version.file.read()
    new_version.file.close()

    for url in (f"/dokumen/{document.pk}/", f"/dokumen/{document.pk}/lihat/"):
        response = client.get(url)
        assert _body(response) == old_bytes != new_bytes, url
    guesses = [
        f"/dokumen/{document.pk}/versi/2/",
        f"/dokumen/{document.pk}/2/",
        f"/dokumen/{document.pk}/?versi=2",
        f"/dokumen/{document.pk}/lihat/?versi=2",
        f"/dokumen/{document.pk}/?nomor=2",
        f"/dokumen/{new_version.pk}/",
        f"/media/{new_version.file.name}",
        f"/{new_version.file.name}",
        f"/dokumen/{new_version.file.name}",
        f"/media/%2e%2e/{new_version.file.name}",
        f"/api/v1/documents/{document.pk}?versi=2",
    ]
    for url in guesses:
        response = client.get(url)
        body = _body(response)
        assert new_bytes not in body and b"zrahasiabaru" not in body, url
        assert new_version.sha256 not in body.decode("utf-8", errors="replace"), url
        if "?" not in url and url != f"/dokumen/{new_version.pk}/":
            assert response.status_code == 404, url
    assert _found(client, "zrahasiabaru") == 0


def test_a_version_never_verified_is_not_published_with_its_entry(client, staff, doc, capture):
    """A document whose only file was never verified (attached after verification) stays off the site."""
    document = doc("belum.pdf", "Dokumen belum diverifikasi zbelum.")
    run, entry = w.verified(staff, {"title": "Informasi tanpa verifikasi berkas"})
    EntryDocument.objects.create(entry=entry, document=document)  # slipped in after verification
    publish_run(staff["pengolah"], run, now=wib(23, 10))
    assert client.get(f"/dip/{entry.pk}/").status_code == 200
    assert client.get(f"/dokumen/{document.pk}/").status_code == 404
    assert client.get(f"/api/v1/documents/{document.pk}").status_code == 404
