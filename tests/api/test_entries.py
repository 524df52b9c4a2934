"""The entries and documents lists: filters, ordering, keyset paging and refusals."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from tests.api import builders
from tests.api.reading import get_json, titles
from warta.registry.models import Category

pytestmark = pytest.mark.django_db

OFFSET = re.compile(r"[+-]\d{2}:\d{2}$")


def _follow(client, url: str) -> dict:
    parts = urlsplit(url)
    return get_json(client, f"{parts.path}?{parts.query}")


@pytest.fixture
def many(world, staff):
    """Twelve more public entries over two years and both public categories."""
    rows = [builders.values(f"Laporan kegiatan bulan {n:02d}", year=2024 + n % 2,
                            category=Category.BERKALA if n % 3 else Category.SETIAP_SAAT) for n in range(1, 13)]
    return builders.published(staff, rows)


def test_an_entry_has_the_seven_columns_labels_and_dates_with_offset(client, world):
    data = get_json(client, f"/api/v1/entries/{world.report.pk}")
    assert data["id"] == world.report.pk and data["number"] == world.report.number
    assert data["title"] == "Laporan Keuangan BPMP Provinsi Bengkulu Tahun 2025"
    assert (data["holder"], data["responsible"], data["made_when"], data["made_where"], data["retention"]) == (
        "Subbagian Umum", "Kepala Subbagian Umum", "Januari 2026", "Bengkulu", "10 tahun")
    assert data["form_printed"] and data["form_digital"]
    assert (data["category"], data["category_label"]) == ("berkala", "Informasi Berkala")
    assert data["unit"] == {"code": "bpmp-bengkulu", "name": "PPID BPMP Provinsi Bengkulu"}
    assert OFFSET.search(data["published_at"]) and data["published_at"].endswith("+07:00")
    assert data["links"] == [{"label": "Portal", "url": "https://example.org/lk"}]
    assert data["html_url"].endswith(f"/dip/{world.report.pk}/")
    (document,) = data["documents"]
    assert document["name"] == "laporan-keuangan.pdf" and document["media_type"] == "application/pdf"
    assert document["sha256"] == world.report_pdf.sha256 and document["size"] == world.report_pdf.size
    assert document["pages"] == 1 and document["download_url"].endswith(f"/dokumen/{world.report_pdf.pk}/")


def test_filters(client, world, many):
    assert get_json(client, "/api/v1/entries", category="berkala", limit=100)["count"] == 1 + 8
    assert {row["category"] for row in get_json(client, "/api/v1/entries", category="setiap-saat")["results"]} == {
        "setiap-saat"}
    assert get_json(client, "/api/v1/entries", year=2024)["count"] == 1 + 6
    assert get_json(client, "/api/v1/entries", unit="bpmp-bengkulu")["count"] == 14
    assert get_json(client, "/api/v1/entries", unit="unit-lain")["count"] == 0
    assert titles(get_json(client, "/api/v1/entries", q="STRATEGIS")) == ["Rencana Strategis 2025–2029"]
    assert get_json(client, "/api/v1/entries", q="bulan", year=2025, category="berkala")["count"] == 4


def test_updated_since_finds_what_was_published_or_republished_after(client, world, staff):
    later = timezone.now() + timedelta(seconds=1)
    assert get_json(client, "/api/v1/entries", updated_since=later.isoformat())["count"] == 0
    assert get_json(client, "/api/v1/entries", updated_since=timezone.localdate().isoformat())["count"] == 2
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert get_json(client, "/api/v1/entries", updated_since=f"{yesterday}T00:00:00+07:00")["count"] == 2


def test_keyset_paging_walks_every_row_once_in_each_ordering(client, world, many):
    expected = get_json(client, "/api/v1/entries", limit=100)
    assert expected["count"] == 14 and expected["next"] is None
    for ordering in ("id", "-id", "published_at", "-published_at"):
        seen, page = [], get_json(client, "/api/v1/entries", limit=3, ordering=ordering)
        while True:
            assert page["count"] == 14 and len(page["results"]) <= 3
            seen += [row["id"] for row in page["results"]]
            if not page["next"]:
                break
            assert "limit=3" in page["next"] and f"ordering={ordering}" in page["next"]
            page = _follow(client, page["next"])
        assert len(seen) == len(set(seen)) == 14, ordering
        key = ordering.lstrip("-")
        rows = {row["id"]: row for row in expected["results"]}
        values = [(rows[i][key] if key != "id" else i, i) for i in seen]
        assert values == sorted(values, reverse=ordering.startswith("-")), ordering


def test_paging_keeps_the_filters(client, world, many):
    page = get_json(client, "/api/v1/entries", category="berkala", limit=5)
    second = _follow(client, page["next"])
    assert {row["category"] for row in page["results"] + second["results"]} == {"berkala"}
    assert len(page["results"] + second["results"]) == 9 and second["next"] is None


@pytest.mark.parametrize(("params", "field"), [
    ({"limit": 0}, "limit"), ({"limit": 101}, "limit"), ({"limit": "x"}, "limit"),
    ({"year": "dua"}, "year"), ({"category": "dikecualikan"}, "category"), ({"category": "rahasia"}, "category"),
    ({"ordering": "title"}, "ordering"), ({"ordering": "number"}, "ordering"),
    ({"updated_since": "kemarin"}, "updated_since"), ({"q": "x" * 201}, "q"),
])
def test_bad_parameters_are_refused_with_a_code(client, world, params, field):
    response = client.get("/api/v1/entries", params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "api.invalid_parameter" and error["field"] == field and error["message"]


def test_a_cursor_is_tied_to_its_ordering(client, world, many):
    cursor = urlsplit(get_json(client, "/api/v1/entries", limit=2, ordering="published_at")["next"]).query
    response = client.get(f"/api/v1/entries?{cursor.replace('ordering=published_at', 'ordering=-id')}")
    assert response.status_code == 400 and response.json()["error"]["code"] == "api.invalid_cursor"
    for junk in ("!!!", "bnVsbA", "WyJpZCIsIngiXQ"):  # not base64; JSON null; ["id", "x"]
        response = client.get("/api/v1/entries", {"cursor": junk})
        assert response.json()["error"]["code"] == "api.invalid_cursor", junk


def test_the_api_is_read_only(client, world):
    assert client.post("/api/v1/entries", {}).status_code == 405
    assert client.delete(f"/api/v1/entries/{world.report.pk}").status_code == 405


def test_documents_list_their_public_entries_and_filter(client, world):
    data = get_json(client, "/api/v1/documents")
    assert data["count"] == 1
    (document,) = data["results"]
    assert document["id"] == world.report_pdf.pk and document["entries"] == [world.report.pk]
    assert get_json(client, "/api/v1/documents", entry=world.report.pk)["count"] == 1
    assert get_json(client, "/api/v1/documents", entry=world.plan.pk)["count"] == 0
    assert get_json(client, "/api/v1/documents", media_type="application/pdf")["count"] == 1
    assert get_json(client, "/api/v1/documents", media_type="text/csv")["count"] == 0
