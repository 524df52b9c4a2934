"""Conditional GET, Cache-Control and kept pages, for the API and the public pages alike; never for staff."""

import re
import time

import pytest
from django.core.cache import cache
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.utils.http import http_date, parse_http_date

from tests.api import builders
from warta.registry.services.entries import withdraw_entry

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
PUBLIC_URLS = [
    "/api/v1/entries",
    "/api/v1/announcements",
    "/api/v1/documents",
    "/api/v1/editions",
    "/api/dcat.json",
    "/api/",
    "/",
    "/dip/",
]


def _directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_every_public_answer_carries_validators_and_freshness(client, world):
    for url in PUBLIC_URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["ETag"].startswith('W/"'), url
        assert parse_http_date(response["Last-Modified"]) >= int(world.report.published_at.timestamp()) - 1, url
        directives = _directives(response)
        assert "max-age=60" in directives, url
        # JSON carries nothing personal; an HTML page's language form carries the visitor's CSRF token.
        assert ("public" if url.startswith("/api/v1") or url.endswith(".json") else "private") in directives, url


@pytest.mark.parametrize("url", ["/api/v1/entries", "/dip/", "/"])
def test_if_none_match_and_if_modified_since_get_304(client, world, url):
    first = client.get(url)
    for kept in (True, False):  # answered from a kept page, and with the view run afresh
        if not kept:
            cache.clear()
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304 and again.content == b"", url
        assert again["ETag"] == first["ETag"]
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    older = http_date(parse_http_date(first["Last-Modified"]) - 3600)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=older).status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH='W/"something-else"').status_code == 200


def test_a_repeated_anonymous_request_is_answered_from_memory(client, world, django_assert_num_queries):
    first = client.get("/api/v1/entries")
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/api/v1/entries")
    assert second["X-Cache"] == "hit" and second.content == first.content and second["ETag"] == first["ETag"]
    assert client.head("/api/v1/entries")["ETag"] == first["ETag"]


def test_publishing_changes_the_version_and_the_kept_pages(client, world, staff, django_capture_on_commit_callbacks):
    before = {url: client.get(url) for url in ("/api/v1/entries", "/dip/")}
    assert all(client.get(url)["X-Cache"] == "hit" for url in before)
    with django_capture_on_commit_callbacks(execute=True):
        (new,) = builders.published(staff, [builders.values("Laporan Kinerja Instansi Pemerintah 2025")])
    for url, old in before.items():
        after = client.get(url)
        assert after["ETag"] != old["ETag"] and after["X-Cache"] == "miss", url
        assert "Laporan Kinerja Instansi Pemerintah 2025" in after.content.decode(), url
        assert client.get(url, HTTP_IF_NONE_MATCH=old["ETag"]).status_code == 200, url
    listing = client.get("/api/v1/entries").json()
    assert new.pk in {row["id"] for row in listing["results"]} and listing["count"] == 3


def test_withdrawing_changes_the_version_and_moves_last_modified(client, world, staff):
    before = client.get("/dip/")
    assert world.report.title in before.content.decode()
    time.sleep(1.05)  # HTTP dates have whole seconds: a change within the same second only shows in the ETag
    withdraw_entry(staff["ppid"], world.report, reason="Salah unggah")
    after = client.get("/dip/")
    assert after["ETag"] != before["ETag"] and world.report.title not in after.content.decode()
    assert parse_http_date(after["Last-Modified"]) > parse_http_date(before["Last-Modified"])
    assert client.get("/dip/", HTTP_IF_MODIFIED_SINCE=before["Last-Modified"]).status_code == 200
    assert client.get(f"/api/v1/entries/{world.report.pk}").status_code == 404


def test_a_kept_page_gives_each_visitor_their_own_working_csrf_token(world):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    assert first.get("/")["X-Cache"] == "miss"
    page = second.get("/")
    assert page["X-Cache"] == "hit"
    tokens = set(TOKEN.findall(page.content.decode()))
    assert tokens and "@@warta-csrf-token@@" not in page.content.decode()
    secret = second.cookies["csrftoken"].value
    assert all(_unmask_cipher_token(token) == secret for token in tokens)
    switched = second.post("/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": tokens.pop()})
    assert switched.status_code == 302
    english = second.get("/")
    assert english["Content-Language"] == "en" and english["ETag"] != page["ETag"]


def test_display_preferences_are_never_mixed_up(client, world):
    plain = client.get("/")
    client.cookies["warta_kontras"] = "tinggi"
    contrast = client.get("/")
    assert contrast["X-Cache"] == "miss" and contrast["ETag"] != plain["ETag"]
    assert "kontras-tinggi" in contrast.content.decode() and "kontras-tinggi" not in plain.content.decode()
    assert client.get("/", HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 200


def test_staff_answers_are_private_never_kept_and_never_304(client, world, staff):
    anonymous = client.get("/dip/")
    cache.clear()
    client.force_login(staff["pengolah"])
    for url in PUBLIC_URLS:
        response = client.get(url, HTTP_IF_NONE_MATCH=anonymous["ETag"])
        assert response.status_code == 200, url
        assert {"private", "no-store"} <= _directives(response), url
        assert "public" not in _directives(response) and "X-Cache" not in response, url
    client.logout()
    after = client.get("/dip/")
    assert after["X-Cache"] == "miss"  # the staff renders above were not kept for the public
    assert after["ETag"] == anonymous["ETag"]


def test_the_workspace_and_sign_in_are_never_cached(client, world):
    for url in ("/kelola/", "/masuk/"):
        response = client.get(url)
        assert {"private", "no-store"} <= _directives(response), url
        assert "ETag" not in response and "X-Cache" not in response, url


def test_a_reverse_proxy_may_keep_only_shareable_answers_and_only_briefly(client, world, staff, settings):
    settings.WARTA_PROXY_CACHE_SECONDS = 1
    answer = client.get("/api/v1/entries")
    assert answer["X-Accel-Expires"] == "1"
    assert client.get("/api/v1/entries", HTTP_IF_NONE_MATCH=answer["ETag"])["X-Accel-Expires"] == "1"
    assert "X-Accel-Expires" not in client.get("/")  # carries a CSRF token: private
    client.force_login(staff["pengolah"])
    assert "X-Accel-Expires" not in client.get("/api/v1/entries")
