"""Every workspace page renders for the role that uses it."""

import pytest
from django.urls import reverse

from tests.office.conftest import drafted

pytestmark = pytest.mark.django_db


def test_pages_render(staff, clients, run):
    ppid, pengolah = clients["ppid"], clients["pengolah"]
    for url in ["office:inbox", "office:runs", "office:disposition_new", "office:register", "office:editions",
                "office:exemptions", "office:exemption_new", "office:routine", "office:notifications",
                "office:breaches"]:
        response = ppid.get(reverse(url))
        assert response.status_code == 200, url
    for name in ["office:run", "office:drafting", "office:entry_new"]:
        response = pengolah.get(reverse(name, args=[run.pk]))
        assert response.status_code == 200, name
    assert clients["atasan"].get(reverse("office:oversight")).status_code == 200
    assert clients["atasan"].get(reverse("office:audit") + "?periksa=1").status_code == 200
    assert clients["admin"].get(reverse("office:audit")).status_code == 200


def test_step_screens_render(staff, clients, run):
    entry, document = drafted(staff, run)
    assert clients["pengolah"].get(reverse("office:entry_documents", args=[run.pk, entry.pk])).status_code == 200
    assert clients["pengolah"].get(reverse("office:entry_edit", args=[run.pk, entry.pk])).status_code == 200
    response = clients["penelaah"].get(reverse("office:verification", args=[run.pk]))
    assert response.status_code == 200
    assert clients["penelaah"].get(reverse("office:document", args=[document.pk])).status_code == 200
