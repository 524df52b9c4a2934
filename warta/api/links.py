"""Absolute links in API answers, built on WARTA_SITE_URL (one canonical address, whatever Host a request
used, so a kept answer is right for everyone). Portal pages and files are linked by route name; a route that
does not exist yet gives ``None`` instead of a guess.

A list of 100 entries holds several hundred links; each route is reversed once per process (with a stand-in
id) and then filled in by string replacement, which is what made the list ten times cheaper to build.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlencode

from django.conf import settings
from django.core.signals import setting_changed
from django.urls import NoReverseMatch, reverse

STAND_IN = 987654321


def absolute(path: str, query: dict | None = None) -> str:
    url = settings.SITE_URL + path
    return f"{url}?{urlencode(query)}" if query else url


@cache
def _template(name: str, with_id: bool) -> str | None:
    try:
        return reverse(name, args=[STAND_IN] if with_id else [])
    except NoReverseMatch:
        return None


def route(name: str, *args, query: dict | None = None) -> str | None:
    """The absolute URL of a named route taking no argument or one id; None when there is no such route."""
    template = _template(name, bool(args))
    if template is None:
        return None
    path = template.replace(str(STAND_IN), str(int(args[0]))) if args else template
    return absolute(path, query)


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


def _forget_routes(setting, **kwargs) -> None:
    if setting == "ROOT_URLCONF":
        _template.cache_clear()


setting_changed.connect(_forget_routes, dispatch_uid="warta.api.links.forget_routes")
