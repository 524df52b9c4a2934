"""Conditional GET, Cache-Control, kept public pages and the API rate limit: one middleware.

It sits right after the authentication and OTP middleware: it needs ``request.user`` and the language, and
every middleware below it (messages, the staff-session guard, X-Frame-Options) answers through it, so even a
redirect from /kelola/ to the sign-in page is marked private. A kept page holds the headers those added.

For every request, in this order:

1. Under ``WARTA_RATE_LIMITED_PATHS`` (the API), a client over its per-minute budget gets 429 with Retry-After
   and an Indonesian JSON error (``warta.core.rate_limit``).
2. Under ``WARTA_PRIVATE_PATHS`` (the workspace, sign-in), and for every signed-in user anywhere, the response
   is marked ``private, no-store``: no ETag is added, nothing is kept, nothing is answered 304 by us, so a
   staff view can never be stored by a shared cache or served to the public.
3. An anonymous GET or HEAD of a public page gets a weak ETag built from the public content version and the
   language, a Last-Modified from the latest public change, and ``public, max-age`` (plus ``X-Accel-Expires``
   for a reverse proxy when ``WARTA_PROXY_CACHE_SECONDS`` is set). A matching If-None-Match / If-Modified-Since
   gets 304; an If-None-Match naming the current version's ETag gets it before the view runs, so a reverse proxy
   revalidating its copy costs no rendering and no query of the page's own, whichever worker answers. The
   rendered page is kept in Django's cache under the version (``warta.core.page_cache``), so the next visitor
   is answered from memory until something is published. A response carrying something of this visitor's (a
   cookie, a CSRF token, messages) is ``private, no-cache`` instead, never kept and never shared.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import add_never_cache_headers, cc_delim_re, get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from . import page_cache, public_version, rate_limit

SAFE_METHODS = ("GET", "HEAD")
CACHE_STATUS_HEADER = "X-Cache"
VALIDATOR_HEADERS = {"etag", "last-modified", "cache-control", "x-accel-expires"}


def is_private_path(path: str) -> bool:
    return path.startswith(tuple(settings.WARTA_PRIVATE_PATHS))


def mark_private(response) -> None:
    add_never_cache_headers(response)


def directives(response) -> set[str]:
    return {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
        if part.strip()
    }


def etag_for(request, version: public_version.PublicVersion) -> str:
    """Weak: the same content version, language and display cookies give an equivalent page."""
    parts = [version.token, getattr(request, "LANGUAGE_CODE", ""), page_cache.variant(request)]
    return 'W/"' + "-".join(part for part in parts if part) + '"'


def stamp(response, request, version: public_version.PublicVersion) -> None:
    """Validators and freshness for a shareable anonymous public response; what the view set itself wins."""
    if "ETag" not in response:
        response["ETag"] = etag_for(request, version)
    if "Last-Modified" not in response:
        response["Last-Modified"] = http_date(version.timestamp)
    if "Cache-Control" not in response:
        patch_cache_control(response, public=True, max_age=settings.WARTA_PUBLIC_MAX_AGE)
    if settings.WARTA_PROXY_CACHE_SECONDS > 0 and not directives(response) & {"private", "no-store"}:
        # A reverse proxy (nginx) keeps it this long, then revalidates with If-None-Match: a publication shows
        # within that time although browsers keep their copy for max-age (deploy/nginx/warta.conf). nginx lets
        # X-Accel-Expires override Cache-Control, so a view that marked itself private never gets one.
        response.setdefault("X-Accel-Expires", str(settings.WARTA_PROXY_CACHE_SECONDS))


def names_current_version(request, version: public_version.PublicVersion) -> bool:
    """The request's If-None-Match holds the ETag this version gives the page: whoever sent it has the page as
    it is now. Only our own weak version tag counts; ``*`` and a view's own tags go through the view."""
    return etag_for(request, version) in parse_etags(request.headers.get("If-None-Match", ""))


def unchanged(request, version: public_version.PublicVersion) -> HttpResponseNotModified:
    response = HttpResponseNotModified()
    stamp(response, request, version)
    return response


def not_modified(request, response):
    """A 304 (or 412) answering the request's preconditions against these validators, else None."""
    result = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )
    if result is response:
        return None
    if "X-Accel-Expires" in response:  # a proxy revalidating must keep its copy just as briefly
        result["X-Accel-Expires"] = response["X-Accel-Expires"]
    return result


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if rate_limit.applies_to(request.path_info):
            seconds = rate_limit.seconds_blocked(request)
            if seconds:
                return rate_limit.too_many_requests(seconds)
        if is_private_path(request.path_info) or request.user.is_authenticated:
            response = self.get_response(request)
            mark_private(response)
            return response
        if request.method not in SAFE_METHODS:
            return self.get_response(request)
        return self.anonymous_read(request)

    def anonymous_read(self, request):
        version = public_version.current()
        if names_current_version(request, version):
            return unchanged(request, version)
        page = page_cache.load(request, version)
        if page is not None:
            validators = HttpResponse(
                headers={name: value for name, value in page.headers if name.lower() in VALIDATOR_HEADERS}
            )
            stamp(validators, request, version)
            answer = not_modified(request, validators)
            if answer is not None:
                return answer
            response = page.response()
            stamp(response, request, version)
            response[CACHE_STATUS_HEADER] = "hit"
            return response

        response = self.get_response(request)
        if response.status_code != 200:
            return response
        if response.streaming:
            if "Cache-Control" not in response:
                patch_cache_control(response, public=True, max_age=settings.WARTA_PUBLIC_MAX_AGE)
            return response
        if page_cache.is_personal(request, response):
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
            return response
        kept = page_cache.store(request, response, version)
        stamp(response, request, version)
        response[CACHE_STATUS_HEADER] = "miss" if kept else "bypass"
        return not_modified(request, response) or response
