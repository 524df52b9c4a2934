"""The PPID writes the public pages (maklumat, profil PPID) in the workspace, with a preview before saving."""

import pytest
from django.urls import reverse

from warta.portal.models import Page
from warta.records.models import AuditRecord

pytestmark = pytest.mark.django_db

EDIT = reverse("office:page_edit", args=["maklumat"])


def test_first_edit_starts_from_the_default_text(clients):
    html = clients["ppid"].get(EDIT).content.decode()
    assert "masih memakai teks bawaan" in html
    assert "sanggup menyelenggarakan pelayanan informasi publik" in html  # the default text, ready to adapt


def test_preview_shows_the_rendered_text_and_saves_nothing(clients):
    response = clients["ppid"].post(EDIT, {"title": "Maklumat Pelayanan", "body": "## Janji kami\n\n**Cepat**",
                                           "pratinjau": ""})
    html = response.content.decode()
    assert "<h2>Janji kami</h2>" in html and "<strong>Cepat</strong>" in html
    assert "## Janji kami" in html  # what was typed stays in the form
    assert not Page.objects.exists()


def test_saving_publishes_the_page_and_records_it(clients, client):
    response = clients["ppid"].post(EDIT, {"title": "Maklumat Pelayanan BPMP", "body": "Kami sanggup melayani.",
                                           "simpan": ""})
    assert response.status_code == 302 and response["Location"] == reverse("office:pages")
    public = client.get("/maklumat/").content.decode()
    assert "Maklumat Pelayanan BPMP" in public and "Kami sanggup melayani." in public
    assert AuditRecord.objects.filter(action="portal.page.saved").count() == 1
    listing = clients["ppid"].get(reverse("office:pages")).content.decode()
    assert "Diperbarui" in listing


def test_an_empty_body_is_refused_next_to_the_field_and_keeps_the_title(clients):
    response = clients["ppid"].post(EDIT, {"title": "Judul yang sudah diketik", "body": "   ", "simpan": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_body_error"' in html and "Judul yang sudah diketik" in html
    assert not Page.objects.exists()


def test_an_unknown_page_is_404(clients):
    assert clients["ppid"].get(reverse("office:page_edit", args=["rahasia"])).status_code == 404
