"""The announcements endpoint: published announcements only, serta-merta ones with their five required parts,
with the entries endpoint's filters, keyset paging, conditional GET and rate limit."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from tests.api import builders
from tests.api.conftest import FLOOD, HIDDEN, notice
from tests.api.reading import get_json, titles
from tests.api.schema import validate

pytestmark = pytest.mark.django_db


def test_the_list_holds_only_published_announcements_newest_first(client, news):
    data = get_json(client, "/api/v1/announcements")
    assert data["count"] == 3 and data["next"] is None
    assert set(titles(data)) == {news.service.title, news.flood.title, news.drought.title}
    published = [row["published_at"] for row in data["results"]]
    assert published == sorted(published, reverse=True)
    validate(data, "/v1/announcements")
    for secret in (
        HIDDEN["announcement_withdrawn"],
        HIDDEN["announcement_scheduled"],
        HIDDEN["announcement_draft"],
        "rapat-batal.pdf",
        "libur.pdf",
    ):
        assert secret not in str(data)


def test_an_announcement_with_its_document_and_links(client, news):
    data = get_json(client, f"/api/v1/announcements/{news.service.pk}")
    validate(data, "/v1/announcements/{id}")
    assert (data["title"], data["category"], data["category_label"]) == (
        "Jadwal layanan informasi akhir tahun",
        "berkala",
        "Informasi Berkala",
    )
    assert data["body"] == "Isi lengkap: Jadwal layanan informasi akhir tahun." and data["serta_merta"] is None
    assert data["unit"] == {"code": "bpmp-bengkulu", "name": "PPID BPMP Provinsi Bengkulu"}
    assert data["published_at"].endswith("+07:00")
    assert data["html_url"].endswith(f"/pengumuman/{news.service.slug}/")
    (document,) = data["documents"]
    assert document["name"] == "jadwal-layanan.pdf" and document["sha256"] == news.schedule_pdf.sha256
    assert client.get(urlsplit(document["download_url"]).path).status_code == 200
    assert client.get(urlsplit(data["html_url"]).path).status_code == 200


def test_a_serta_merta_announcement_carries_its_five_required_parts(client, news):
    data = get_json(client, f"/api/v1/announcements/{news.flood.pk}")
    parts = data["serta_merta"]["parts"]
    assert [part["key"] for part in parts] == ["danger", "affected", "evacuation", "avoidance", "help_contact"]
    assert [part["text"] for part in parts] == [FLOOD[part["key"]] for part in parts]
    assert parts[0]["label"] == "Potensi bahaya" and parts[2]["label"] == "Prosedur dan tempat evakuasi"
    assert data["serta_merta"]["shown_first"] is True and data["serta_merta"]["urgent_until"].endswith("+07:00")
    past = get_json(client, f"/api/v1/announcements/{news.drought.pk}")["serta_merta"]
    assert past["shown_first"] is False and len(past["parts"]) == 5


def test_filters_and_refusals(client, news, staff):
    assert set(titles(get_json(client, "/api/v1/announcements", category="serta-merta"))) == {
        news.flood.title,
        news.drought.title,
    }
    assert titles(get_json(client, "/api/v1/announcements", category="berkala")) == [news.service.title]
    assert get_json(client, "/api/v1/announcements", unit="bpmp-bengkulu")["count"] == 3
    assert get_json(client, "/api/v1/announcements", unit="unit-lain")["count"] == 0
    assert titles(get_json(client, "/api/v1/announcements", q="SELUMA")) == [news.drought.title]
    assert get_json(client, "/api/v1/announcements", q="dibatalkan")["count"] == 0  # the withdrawn one's title
    later = timezone.now() + timedelta(seconds=1)
    assert get_json(client, "/api/v1/announcements", updated_since=later.isoformat())["count"] == 0
    assert get_json(client, "/api/v1/announcements", updated_since=timezone.localdate().isoformat())["count"] == 3
    for params in (
        {"category": "dikecualikan"},
        {"ordering": "judul"},
        {"limit": "0"},
        {"cursor": "x"},
        {"updated_since": "kemarin"},
    ):
        response = client.get("/api/v1/announcements", params)
        assert response.status_code == 400, params
        assert response.json()["error"]["code"] in ("api.invalid_parameter", "api.invalid_cursor")
        validate(response.json(), "/v1/announcements", 400)


def test_keyset_paging_walks_every_announcement_once_in_each_ordering(client, news, staff):
    builders.announced(staff, [notice(f"Pengumuman kegiatan {n:02d}") for n in range(1, 6)])
    everything = get_json(client, "/api/v1/announcements", limit=100)
    assert everything["count"] == 8
    for ordering in ("id", "-id", "published_at", "-published_at"):
        seen, data = [], get_json(client, "/api/v1/announcements", limit=3, ordering=ordering)
        while True:
            seen += [row["id"] for row in data["results"]]
            assert data["count"] == 8
            if not data["next"]:
                break
            parts = urlsplit(data["next"])
            data = get_json(client, f"{parts.path}?{parts.query}")
        assert sorted(seen) == sorted(row["id"] for row in everything["results"]), ordering
        assert len(seen) == len(set(seen)) == 8, ordering
        if ordering.endswith("id"):
            assert seen == sorted(seen, reverse=ordering.startswith("-")), ordering


def test_hidden_and_guessed_ids_answer_404(client, news):
    known = {news.service.pk, news.flood.pk, news.drought.pk}
    for hidden in (news.withdrawn, news.scheduled, news.draft):
        response = client.get(f"/api/v1/announcements/{hidden.pk}")
        assert response.status_code == 404 and response.json()["error"]["code"] == "api.not_found"
        validate(response.json(), "/v1/announcements/{id}", 404)
    top = max(known | {news.withdrawn.pk, news.scheduled.pk, news.draft.pk}) + 3
    for guess in range(0, top):
        expected = 200 if guess in known else 404
        assert client.get(f"/api/v1/announcements/{guess}").status_code == expected, guess


def test_conditional_get_and_a_new_announcement_changes_the_version(client, news, staff):
    first = client.get("/api/v1/announcements")
    assert first["ETag"].startswith('W/"') and "public" in first["Cache-Control"]
    again = client.get("/api/v1/announcements", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert client.get("/api/v1/announcements", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    builders.announced(staff, [notice("Pengumuman hasil seleksi")])
    fresh = client.get("/api/v1/announcements", HTTP_IF_NONE_MATCH=first["ETag"])
    assert fresh.status_code == 200 and fresh["ETag"] != first["ETag"]
    assert "Pengumuman hasil seleksi" in titles(fresh.json())


def test_the_rate_limit_applies(client, news, settings):
    settings.WARTA_API_RATE_LIMIT = 2
    assert [client.get("/api/v1/announcements").status_code for _ in range(3)] == [200, 200, 429]
    limited = client.get(f"/api/v1/announcements/{news.flood.pk}")
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    validate(limited.json(), "/v1/announcements/{id}", 429)
