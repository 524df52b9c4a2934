"""A fixed-window request counter per client IP, kept in Django's cache: the API's rate limit.

``WARTA_API_RATE_LIMIT`` requests per minute per address (0 turns it off). With Redis (``WARTA_CACHE_URL``) the
count is shared by every process; with the default local-memory cache each process counts on its own, so the
effective limit is the setting times the number of web workers.

Behind a reverse proxy (``WARTA_BEHIND_PROXY``) the client is the last address the proxy appended to
X-Forwarded-For; otherwise REMOTE_ADDR. Only one trusted proxy is assumed: addresses further left are
whatever the client claimed.
"""

from __future__ import annotations

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _

from .errors import ErrorCode

WINDOW_SECONDS = 60
RATE_LIMITED = ErrorCode(
    "api.rate_limited",
    _("Terlalu banyak permintaan dari alamat Anda: batasnya %(limit)s permintaan per menit. "
      "Coba lagi dalam %(seconds)s detik."),
)


def client_ip(request) -> str:
    if settings.WARTA_BEHIND_PROXY:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def applies_to(path: str) -> bool:
    return settings.WARTA_API_RATE_LIMIT > 0 and any(
        path.startswith(prefix) for prefix in settings.WARTA_RATE_LIMITED_PATHS
    )


def seconds_blocked(request, now: float | None = None) -> int:
    """Count this request; 0 when it may go on, else the seconds until the window ends."""
    now = time.time() if now is None else now
    window = int(now // WINDOW_SECONDS)
    key = f"warta:rate:{client_ip(request)}:{window}"
    cache.add(key, 0, WINDOW_SECONDS + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS + 1)
        count = 1
    if count <= settings.WARTA_API_RATE_LIMIT:
        return 0
    return max(1, math.ceil((window + 1) * WINDOW_SECONDS - now))


def too_many_requests(seconds: int) -> JsonResponse:
    error = RATE_LIMITED.error(limit=settings.WARTA_API_RATE_LIMIT, seconds=seconds)
    response = JsonResponse({"error": {"code": error.code, "message": error.message}}, status=429,
                            json_dumps_params={"ensure_ascii": False})
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response
