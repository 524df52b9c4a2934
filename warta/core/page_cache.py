"""Rendered public pages kept in Django's cache, so a worker answers a repeated anonymous request from memory.

Only what an anonymous visitor was shown is kept, and only when nothing in it belongs to that visitor. Public
pages carry no form needing a CSRF token (the language switch is a link, ``warta.core.language``); a page that
does use one, sets a cookie of its own, changes the session or shows messages is personal and never kept.

Keys carry the public content version (``warta.core.public_version``), the host, the language, the full
path and the visitor's other cookies (display preferences change the page), so publishing makes every kept
page unreachable at once; stale entries simply age out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

from .public_version import PublicVersion

# Headers the outer middleware adds again on the way out; a kept page holds only what the view said.
_NOT_KEPT = {"vary", "content-length", "content-language", "set-cookie"}
# Vary values the key already covers (language) or that a kept anonymous page cannot depend on.
_HARMLESS_VARY = {"accept-language", "cookie", "accept-encoding"}
MESSAGES_COOKIE = "messages"


@dataclass(frozen=True)
class KeptPage:
    status: int
    content: bytes
    headers: tuple[tuple[str, str], ...]

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        return response


def enabled() -> bool:
    return settings.WARTA_PAGE_CACHE_SECONDS > 0


def variant(request) -> str:
    """What, besides the path and the language, may change a page for an anonymous visitor: their cookies (a
    display preference such as high contrast). Cookies that never change an anonymous page are left out."""
    ignored = {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    cookies = sorted((name, value) for name, value in request.COOKIES.items() if name not in ignored)
    return hashlib.sha256(repr(cookies).encode()).hexdigest()[:12] if cookies else ""


def key(request, version: PublicVersion) -> str:
    where = f"{request.get_host()}|{request.get_full_path()}|{variant(request)}"
    path = hashlib.sha256(where.encode()).hexdigest()[:32]
    return f"warta:page:{version.token}:{getattr(request, 'LANGUAGE_CODE', '')}:{path}"


def request_may_use(request) -> bool:
    """A visitor with pending messages must get a freshly rendered page (the messages are shown once)."""
    return enabled() and MESSAGES_COOKIE not in request.COOKIES


def load(request, version: PublicVersion) -> KeptPage | None:
    return cache.get(key(request, version)) if request_may_use(request) else None


def uses_csrf_token(request) -> bool:
    """The page asked for this visitor's CSRF token (a form that posts): the token is theirs alone."""
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def is_personal(request, response) -> bool:
    """The response carries something of this visitor's: a cookie, a session change, messages, a CSRF token."""
    session = getattr(request, "session", None)
    return (
        bool(response.cookies)
        or bool(session is not None and session.modified)
        or (MESSAGES_COOKIE in request.COOKIES)
        or uses_csrf_token(request)
    )


def store(request, response, version: PublicVersion) -> bool:
    """Keep a fresh anonymous 200 response if it is safe to show to anyone; say whether it was kept."""
    if not _keepable(request, response):
        return False
    headers = tuple((name, value) for name, value in response.headers.items() if name.lower() not in _NOT_KEPT)
    page = KeptPage(status=response.status_code, content=response.content, headers=headers)
    cache.set(key(request, version), page, settings.WARTA_PAGE_CACHE_SECONDS)
    return True


def _keepable(request, response) -> bool:
    if not request_may_use(request) or response.status_code != 200 or response.streaming:
        return False
    if is_personal(request, response) or len(response.content) > settings.WARTA_PAGE_CACHE_MAX_BYTES:
        return False
    vary = {value.strip().lower() for value in cc_delim_re.split(response.get("Vary", "")) if value.strip()}
    return vary <= _HARMLESS_VARY and "no-store" not in response.get("Cache-Control", "")
