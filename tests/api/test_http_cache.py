"""Conditional GET, Cache-Control and kept pages, for the API and the public pages alike; never for staff."""

import re
import time

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.template import engines
from django.test import Client
from django.urls import path
from django.utils.http import http_date, parse_http_date

from tests.api import builders
from warta import urls as warta_urls
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
        assert {"public", "max-age=60"} <= directives, url
        assert not response.cookies, url  # nothing of this visitor's: a shared cache may keep it


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


def test_a_proxy_revalidating_its_copy_gets_304_without_the_page_being_read(client, world, settings,
                                                                           django_assert_num_queries):
    """nginx asks again every second with the ETag it holds: while nothing changed, no worker reads or renders the
    page again, not even one that never rendered it (here: nothing is kept at all)."""
    settings.WARTA_PAGE_CACHE_SECONDS = 0
    settings.WARTA_PROXY_CACHE_SECONDS = 1
    for url in ("/dip/", "/api/v1/entries", "/"):
        first = client.get(url)
        with django_assert_num_queries(0):
            again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304 and again.content == b"", url
        assert again["ETag"] == first["ETag"] and again["Last-Modified"] == first["Last-Modified"], url
        assert again["X-Accel-Expires"] == "1" and {"public", "max-age=60"} <= _directives(again), url
        assert client.get(url, HTTP_IF_NONE_MATCH='W/"something-else"').status_code == 200, url


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


def test_an_anonymous_page_is_shareable_and_carries_nothing_of_the_visitor(world):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for url in ("/", "/dip/", f"/dip/{world.report.pk}/", "/cari/?q=laporan", "/pengumuman/"):
        fresh, kept = first.get(url), second.get(url)
        assert fresh["X-Cache"] == "miss" and kept["X-Cache"] == "hit", url
        for response in (fresh, kept):
            assert "public" in _directives(response) and "private" not in _directives(response), url
            assert "Set-Cookie" not in response and not response.cookies, url
            assert "csrfmiddlewaretoken" not in response.content.decode(), url
    assert not first.cookies and not second.cookies


def test_a_page_that_uses_a_csrf_token_is_never_kept_nor_shared(client, world, settings):
    settings.ROOT_URLCONF = __name__  # the site plus one form page, below
    settings.WARTA_PROXY_CACHE_SECONDS = 1
    for _ in range(2):
        response = client.get("/formulir-uji/")
        assert TOKEN.search(response.content.decode()), "the page shows a form with this visitor's token"
        assert {"private", "no-cache"} <= _directives(response) and "public" not in _directives(response)
        assert "X-Cache" not in response and "X-Accel-Expires" not in response and "ETag" not in response


def _form_page(request):
    return HttpResponse(engines["django"].from_string("<form method=post>{% csrf_token %}</form>").render({}, request))


urlpatterns = [*warta_urls.urlpatterns, path("formulir-uji/", _form_page)]


def test_signed_in_staff_get_private_pages_with_a_working_sign_out_form(world, staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff["pengolah"])
    page = client.get("/dip/")
    assert {"private", "no-store"} <= _directives(page)
    token = TOKEN.search(page.content.decode())
    assert token, "the sign-out form carries the CSRF token"
    assert client.post("/keluar/", {"csrfmiddlewaretoken": token.group(1)}).status_code == 302
    assert "sessionid" not in client.cookies or not client.cookies["sessionid"].value


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
    assert client.get("/")["X-Accel-Expires"] == "1"  # public pages too: nothing in them is the visitor's
    client.force_login(staff["pengolah"])
    assert "X-Accel-Expires" not in client.get("/api/v1/entries")
