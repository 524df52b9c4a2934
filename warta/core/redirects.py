"""Where a visitor may be sent back to: only a page of this site (never an address someone else slipped in)."""

from django.utils.http import url_has_allowed_host_and_scheme


def local_target(request, target: str | None, default: str = "/") -> str:
    """``target`` when it is a page of this site (same host, no scheme change), else ``default``."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
