"""Migration 0002 keeps every existing file as version 1, and the public sees what it saw before."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.portal import world as w
from warta.documents.models import Document, DocumentVersion, PIIStatus

BEFORE = [("documents", "0001_initial")]
AFTER = [("documents", "0003_searchable_copy_hash")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_existing_files_become_version_one(staff, django_capture_on_commit_callbacks, client):
    def upload(name, text):
        return w.upload(staff["pengolah"], name, w.pdf_bytes(text), django_capture_on_commit_callbacks)

    public = upload("terbit.pdf", "Dokumen yang sudah terbit.")
    entry = w.published(staff, {"title": "Informasi terbit"}, [public])
    drafted = upload("konsep.pdf", "Dokumen konsep.")
    w.draft(staff, {"title": "Informasi konsep"}, [drafted])
    reopened = upload("ditinjau.pdf", "Dokumen yang ditinjau ulang.")
    w.published(staff, {"title": "Informasi ditinjau"}, [reopened])
    Document.objects.filter(pk=reopened.pk).update(pii_status=PIIStatus.FINDINGS)  # replaced in place, unreviewed
    before = {document.pk: (document.file.name, document.sha256) for document in Document.objects.all()}

    _migrate(BEFORE)
    _migrate(AFTER)

    versions = {version.document_id: version for version in DocumentVersion.objects.all()}
    assert set(versions) == set(before)
    for document_id, (name, sha256) in before.items():
        version = versions[document_id]
        assert (version.number, version.file.name, version.sha256) == (1, name, sha256)
    assert versions[public.pk].verified_at is not None
    assert versions[public.pk].published_at == entry.published_at
    assert "sudah terbit" in versions[public.pk].text
    assert versions[drafted.pk].verified_at is None and versions[drafted.pk].published_at is None
    assert versions[reopened.pk].verified_at is None and versions[reopened.pk].published_at is None
    assert set(Document.objects.values_list("version", flat=True)) == {1}
    assert client.get(f"/dokumen/{public.pk}/").status_code == 200
    assert client.get(f"/dokumen/{reopened.pk}/").status_code == 404
    assert client.get(f"/dokumen/{drafted.pk}/").status_code == 404
