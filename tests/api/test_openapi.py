"""Every endpoint's real answers match the OpenAPI description, and the description itself is valid OpenAPI 3.1."""

import pytest
from openapi_spec_validator import validate as validate_spec

from tests.api import builders
from tests.api.schema import validate
from warta.api import openapi

pytestmark = pytest.mark.django_db


def test_the_description_is_valid_openapi_3_1():
    validate_spec(openapi.document())


def test_the_description_is_served(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json() == openapi.document()


@pytest.fixture
def edition(world, staff):
    return builders.set_edition_now(staff)


def test_every_endpoint_answers_as_described(client, world, news, edition):
    answers = {
        "/v1/entries": client.get("/api/v1/entries", {"limit": 1}),
        "/v1/entries/{id}": client.get(f"/api/v1/entries/{world.report.pk}"),
        "/v1/announcements": client.get("/api/v1/announcements", {"limit": 2}),
        "/v1/announcements/{id}": client.get(f"/api/v1/announcements/{news.flood.pk}"),
        "/v1/documents": client.get("/api/v1/documents"),
        "/v1/documents/{id}": client.get(f"/api/v1/documents/{world.report_pdf.pk}"),
        "/v1/editions": client.get("/api/v1/editions"),
        "/v1/editions/{id}": client.get(f"/api/v1/editions/{edition.pk}"),
        "/v1/editions/{id}/snapshot": client.get(f"/api/v1/editions/{edition.pk}/snapshot"),
    }
    for path, response in answers.items():
        assert response.status_code == 200, path
        validate(response.json(), path)
    assert answers["/v1/entries"].json()["next"]  # a page with a next link was checked too
    assert answers["/v1/entries/{id}"].json()["documents"]  # and an entry with a document
    assert answers["/v1/announcements/{id}"].json()["serta_merta"]  # and a serta-merta announcement
    assert any(row["documents"] for row in client.get("/api/v1/announcements").json()["results"])
    validate(client.get("/api/v1/announcements").json(), "/v1/announcements")

    catalogue = client.get("/api/dcat.json")
    assert catalogue["Content-Type"] == "application/ld+json"
    validate(catalogue.json(), "/dcat.json", content_type="application/ld+json")


def test_errors_answer_as_described(client, world, settings):
    validate(client.get("/api/v1/entries", {"year": "dua ribu"}).json(), "/v1/entries", 400)
    validate(client.get("/api/v1/entries", {"cursor": "bukan-penanda"}).json(), "/v1/entries", 400)
    validate(client.get("/api/v1/entries/999999").json(), "/v1/entries/{id}", 404)
    validate(client.get("/api/v1/documents/999999").json(), "/v1/documents/{id}", 404)
    validate(client.get("/api/v1/announcements/999999").json(), "/v1/announcements/{id}", 404)
    validate(client.get("/api/v1/announcements", {"category": "dikecualikan"}).json(), "/v1/announcements", 400)
    validate(client.get("/api/v1/editions/999999/snapshot").json(), "/v1/editions/{id}/snapshot", 404)
    settings.WARTA_API_RATE_LIMIT = 1
    client.get("/api/v1/entries")
    limited = client.get("/api/v1/entries")
    assert limited.status_code == 429
    validate(limited.json(), "/v1/entries", 429)


def test_every_described_path_is_routed(client, world, news, edition):
    ids = {"entries": world.report.pk, "documents": world.report_pdf.pk, "editions": edition.pk,
           "announcements": news.service.pk}
    for path in openapi.document()["paths"]:
        resource = path.split("/")[2] if path.startswith("/v1/") else ""
        concrete = path.replace("{id}", str(ids.get(resource, "")))
        assert client.get(f"/api{concrete}").status_code == 200, path


def test_the_human_page_describes_the_api_in_indonesian(client):
    response = client.get("/api/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "API Data Terbuka" in text and "/api/v1/entries" in text and "api.rate_limited" in text
    assert "/api/v1/openapi.json" in text and "/api/dcat.json" in text


def test_the_check_would_catch_drift(client, world):
    entry = client.get(f"/api/v1/entries/{world.report.pk}").json()
    for broken in ({k: v for k, v in entry.items() if k != "holder"}, {**entry, "extra": 1},
                   {**entry, "published_at": "2026-11-23T10:00:00"}, {**entry, "category": "dikecualikan"}):
        with pytest.raises(AssertionError):
            validate(broken, "/v1/entries/{id}")
