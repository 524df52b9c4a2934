"""The API's fixed-window rate limit per client IP: 429, Retry-After and a stable Indonesian error."""

import pytest
from django.test import RequestFactory

from warta.core import rate_limit

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit(settings):
    settings.WARTA_API_RATE_LIMIT = 3
    return 3


def _spend(client, count: int, **extra) -> list:
    return [client.get("/api/v1/entries", **extra) for _ in range(count)]


def test_over_the_limit_gets_429_with_retry_after_and_a_coded_message(client, limit):
    assert [r.status_code for r in _spend(client, limit)] == [200] * limit
    refused = client.get("/api/v1/entries")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= rate_limit.WINDOW_SECONDS
    error = refused.json()["error"]
    assert error["code"] == "api.rate_limited"
    assert error["message"].startswith("Terlalu banyak permintaan") and "3 permintaan per menit" in error["message"]
    assert "no-store" in refused["Cache-Control"]
    assert client.get("/api/v1/openapi.json").status_code == 429  # the budget covers the whole API


def test_conditional_and_kept_answers_count_too(client, limit):
    etag = client.get("/api/v1/entries")["ETag"]
    assert [client.get("/api/v1/entries", HTTP_IF_NONE_MATCH=etag).status_code for _ in range(2)] == [304, 304]
    assert client.get("/api/v1/entries", HTTP_IF_NONE_MATCH=etag).status_code == 429


def test_each_address_has_its_own_budget_and_pages_are_not_limited(client, limit):
    _spend(client, limit + 1, REMOTE_ADDR="192.0.2.1")
    assert client.get("/api/v1/entries", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/v1/entries", REMOTE_ADDR="192.0.2.2").status_code == 200
    assert client.get("/prosedur/", REMOTE_ADDR="192.0.2.1").status_code == 200


def test_a_forwarded_address_counts_only_behind_a_trusted_proxy(client, limit, settings):
    spoofed = {"REMOTE_ADDR": "192.0.2.9", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    _spend(client, limit, **spoofed)
    assert client.get("/api/v1/entries", REMOTE_ADDR="192.0.2.9",
                      HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429  # the header is ignored
    settings.WARTA_BEHIND_PROXY = True
    proxied = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.50, 198.51.100.7"}
    assert [r.status_code for r in _spend(client, limit + 1, **proxied)] == [200] * limit + [429]
    assert client.get("/api/v1/entries", REMOTE_ADDR="127.0.0.1",
                      HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 200


def test_the_window_is_fixed_and_a_new_one_starts_afresh(limit):
    request = RequestFactory().get("/api/v1/entries", REMOTE_ADDR="192.0.2.77")
    start = 1_000_000 * rate_limit.WINDOW_SECONDS + 10  # 10 s into a window
    assert [rate_limit.seconds_blocked(request, now=start + i) for i in range(limit)] == [0] * limit
    assert rate_limit.seconds_blocked(request, now=start + 5) == rate_limit.WINDOW_SECONDS - 15
    assert rate_limit.seconds_blocked(request, now=start + rate_limit.WINDOW_SECONDS) == 0


def test_a_limit_of_zero_turns_it_off(client, settings):
    settings.WARTA_API_RATE_LIMIT = 0
    assert {r.status_code for r in _spend(client, 5)} == {200}
