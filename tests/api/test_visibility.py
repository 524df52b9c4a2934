"""Only published, non-exempt material, once its time has come, ever appears in the API or the catalogue."""

import time
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.api import builders
from tests.api.conftest import HIDDEN
from warta.api import queries
from warta.documents.models import DocumentVersion
from warta.documents.services import replace_document_file
from warta.portal.access import public_documents
from warta.registry.services.editions import propose_edition

pytestmark = pytest.mark.django_db

HIDDEN_FILES = ("daftar-hadir.pdf", "konsep-renja.pdf", "rapat-batal.pdf", "libur.pdf")


def _everything(client) -> dict[str, str]:
    """Every answer the public API gives, following every list to its end and every item to its page."""
    answers, queue = {}, ["/api/v1/entries?limit=1", "/api/v1/announcements?limit=1", "/api/v1/documents?limit=1",
                          "/api/v1/editions?limit=1", "/api/dcat.json", "/api/v1/openapi.json", "/api/"]
    while queue:
        url = queue.pop()
        if url in answers:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        answers[url] = response.content.decode()
        if response["Content-Type"].startswith("application/json"):
            data = response.json()
            for key in ("next", "url", "snapshot_url"):
                for item in [data, *data.get("results", [])] if isinstance(data, dict) else []:
                    if item.get(key) and "/api/" in item[key]:
                        parts = urlsplit(item[key])
                        queue.append(f"{parts.path}?{parts.query}" if parts.query else parts.path)
    return answers


def test_nothing_hidden_appears_anywhere(client, world, news, staff):
    builders.set_edition_now(staff)
    answers = _everything(client)
    assert any("/api/v1/entries/" in url for url in answers) and any("/snapshot" in url for url in answers)
    assert any("/api/v1/announcements/" in url for url in answers)
    for url, text in answers.items():
        for secret in (*HIDDEN.values(), *HIDDEN_FILES):
            assert secret not in text, f"{secret!r} leaked through {url}"
    listed = {row["id"] for row in client.get("/api/v1/entries?limit=100").json()["results"]}
    assert listed == {world.report.pk, world.plan.pk}


def test_guessed_ids_answer_404_like_ids_that_never_existed(client, world, news, staff):
    proposed = propose_edition(staff["ppid"], title="Usulan DIP")  # proposed, not yet set by decree
    guesses = [f"/api/v1/entries/{entry.pk}" for entry in (world.withdrawn, world.exempt, world.scheduled,
                                                           world.draft)]
    guesses += [f"/api/v1/documents/{document.pk}" for document in (world.attendance_pdf, world.draft_pdf)]
    guesses += [f"/api/v1/editions/{proposed.pk}", f"/api/v1/editions/{proposed.pk}/snapshot"]
    guesses += [f"/api/v1/announcements/{item.pk}" for item in (news.withdrawn, news.scheduled, news.draft)]
    guesses += [f"/api/v1/documents/{document.pk}" for document in (news.hidden_pdf, news.draft_pdf)]
    guesses += ["/api/v1/entries/999999", "/api/v1/documents/999999", "/api/v1/editions/999999",
                "/api/v1/announcements/999999"]
    for url in guesses:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["error"]["code"] == "api.not_found", url
        assert response.get("ETag") is None, url  # nothing a client could revalidate later


def test_filters_cannot_reach_hidden_entries(client, world):
    for params in ({"q": "Nota"}, {"q": "hadir"}, {"q": "Jadwal"}, {"q": "Konsep"},
                   {"updated_since": (timezone.now() + timedelta(days=1)).isoformat()}):
        assert client.get("/api/v1/entries", params).json()["count"] == 0, params
    for document in (world.attendance_pdf, world.draft_pdf):
        assert client.get("/api/v1/documents", {"entry": document.pk}).json()["count"] == 0


def test_a_scheduled_entry_appears_by_itself_when_its_time_comes(client, world, staff):
    # Far enough ahead that publishing on a busy two-core machine cannot overtake the schedule.
    due = timezone.now() + timedelta(seconds=6)
    (soon,) = builders.published(staff, [builders.values("Pengumuman hasil seleksi")], publish_at=due)
    before = client.get("/api/v1/entries")
    assert soon.pk not in {row["id"] for row in before.json()["results"]}
    assert client.get(f"/api/v1/entries/{soon.pk}").status_code == 404
    time.sleep(max(0.0, (due - timezone.now()).total_seconds()) + 1.1)  # nobody publishes anything meanwhile
    after = client.get("/api/v1/entries")
    assert soon.pk in {row["id"] for row in after.json()["results"]}
    assert after["ETag"] != before["ETag"]
    assert client.get(f"/api/v1/entries/{soon.pk}").status_code == 200


def test_the_api_documents_follow_the_portals_rule(world, staff, django_capture_on_commit_callbacks):
    """``queries.documents`` restates ``access.public_documents`` for speed; the two must never disagree."""
    with django_capture_on_commit_callbacks(execute=True):
        pending = builders.upload(staff, "lampiran-baru.pdf", "Lampiran baru")
    with django_capture_on_commit_callbacks(execute=True):
        builders.published(staff, [builders.values("Laporan dengan lampiran")], documents={0: [pending]})
    assert set(queries.documents()) == set(public_documents())
    assert {version.document_id for version in public_documents()} == {world.report_pdf.pk, pending.pk}
    with django_capture_on_commit_callbacks(execute=True):  # a new file, not yet verified: the public keeps the old
        replace_document_file(staff["pengolah"], pending, SimpleUploadedFile("baru.pdf", builders.pdf_bytes("Baru")))
    assert set(queries.documents()) == set(public_documents())
    assert {(v.document_id, v.sha256) for v in public_documents()} == {(world.report_pdf.pk, world.report_pdf.sha256),
                                                                       (pending.pk, pending.sha256)}
    DocumentVersion.objects.filter(document=pending).update(verified_at=None)  # no verified file at all
    assert set(queries.documents()) == set(public_documents())
    assert {version.document_id for version in public_documents()} == {world.report_pdf.pk}
