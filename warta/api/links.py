"""Absolute links in API answers, built on WARTA_SITE_URL (one canonical address, whatever Host a request
used, so a kept answer is right for everyone). Portal pages and files are linked by route name; a route that
does not exist yet gives ``None`` instead of a guess.

A list of 100 entries holds several hundred links; each route is reversed once per process
(``warta.core.routes``), which is what made the list ten times cheaper to build.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from warta.core import routes


def absolute(path: str, query: dict | None = None) -> str:
    url = settings.SITE_URL + path
    return f"{url}?{urlencode(query)}" if query else url


def route(name: str, *args, query: dict | None = None) -> str | None:
    """The absolute URL of a named route taking no argument or one id; None when there is no such route."""
    path = routes.path(name, *args)
    return None if path is None else absolute(path, query)


def route_with(name: str, *args) -> str | None:
    """For routes with other arguments (not cached)."""
    try:
        return absolute(reverse(name, args=args))
    except NoReverseMatch:
        return None


def api(name: str, *args, query=None) -> str:
    url = route(f"api:{name}", *args)
    if query:
        url += "?" + (query.urlencode() if hasattr(query, "urlencode") else urlencode(query))
    return url


def entry_page(entry_id: int) -> str | None:
    return route("portal:entry", entry_id)


def announcement_page(slug: str) -> str | None:
    return route_with("portal:announcement", slug)


def document_download(document_id: int) -> str | None:
    return route("portal:document", document_id)


def searchable_copy(document_id: int) -> str | None:
    return route("portal:document-ocr", document_id)


def edition_pdf(edition_id: int) -> str | None:
    return route("portal:edition-pdf", edition_id)


def register_download(fmt: str) -> str | None:
    """The whole public register as csv, json or xlsx."""
    return route_with("portal:download", fmt)


def home() -> str:
    return route("portal:home") or absolute("/")
