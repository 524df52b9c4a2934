"""Administrators can look at documents and findings in the Django admin, but not change them there."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.accounts.helpers import login_verified
from warta.accounts.models import User
from warta.documents import services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("scanner_off")]


def test_admin_lists_and_shows_documents_read_only(client, run_jobs):
    admin = User.objects.create_superuser("admin", "admin@example.org", "kata-sandi-panjang-1")
    with run_jobs():
        document = services.upload_document(admin, SimpleUploadedFile("a.txt", b"Hubungi 0812-3456-7890\n"))
    login_verified(client, admin)

    listing = client.get(reverse("admin:documents_document_changelist"))
    assert listing.status_code == 200 and "a.txt" in listing.content.decode()
    detail = client.get(reverse("admin:documents_document_change", args=[document.pk]))
    assert detail.status_code == 200
    page = detail.content.decode()
    assert "0812*****890" in page and "0812-3456-7890" not in page  # the full number is never shown
    assert 'name="_save"' not in page
    assert "versi dokumen" in page.lower() and document.sha256 in page  # its file versions, read-only
    assert client.get(reverse("admin:documents_document_add")).status_code == 403
    assert client.get(reverse("admin:documents_piifinding_changelist")).status_code == 200
