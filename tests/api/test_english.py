"""The API for a client that chose English: explanations in English, the data's Indonesian labels unchanged."""

import pytest
from django.conf import settings

from tests.api import builders
from warta.registry.models import Category

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_refusals_explain_themselves_in_english_with_the_same_codes(english):
    missing = english.get("/api/v1/entries/999999").json()["error"]
    assert missing == {
        "code": "api.not_found",
        "message": "Public information number 999999 does not exist or is not open to the public.",
    }
    wrong = english.get("/api/v1/entries", {"year": "dua ribu"}).json()["error"]
    assert wrong["code"] == "api.invalid_parameter"
    assert wrong["message"] == "The parameter “year” is not valid: must be a whole number."


def test_by_default_refusals_are_in_indonesian(client):
    missing = client.get("/api/v1/documents/999999").json()["error"]
    assert missing["message"] == "Dokumen dengan nomor 999999 tidak ada atau tidak terbuka untuk publik."


def test_labels_in_the_data_stay_indonesian(english, staff):
    (entry,) = builders.published(staff, [builders.values("Laporan Kinerja 2025", category=Category.BERKALA)])
    data = english.get(f"/api/v1/entries/{entry.pk}").json()
    assert data["category_label"] == "Informasi Berkala"
    assert data["form_label"] == "Tercetak dan Terekam/daring"


def test_the_openapi_description_follows_the_language(client):
    assert client.get("/api/v1/openapi.json").json()["info"]["title"] == "API Data Terbuka Warta"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    described = client.get("/api/v1/openapi.json").json()
    assert described["info"]["title"] == "Warta Open Data API"
    assert described["paths"]["/v1/entries"]["get"]["summary"] == "List of public information"
