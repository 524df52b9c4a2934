"""Tampilan: high contrast and text size, kept in cookies so they hold on every page, with or without JS.

The controls are a plain GET form to this view; ``portal.js`` applies them at once and sets the same cookies.
The public layout reads the cookies (``base.html``) and puts the matching classes on <html>.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from warta.core.redirects import local_target

CONTRAST_COOKIE, SIZE_COOKIE = "warta_kontras", "warta_teks"
CONTRASTS = {"biasa", "tinggi"}
SIZES = {"biasa", "besar", "sangat-besar"}
ONE_YEAR = 365 * 24 * 3600
ACCENT_DEFAULT = "#0b5394"


@never_cache
@require_safe
def display(request):
    response = HttpResponseRedirect(local_target(request, request.GET.get("next")))
    for cookie, allowed, value in ((CONTRAST_COOKIE, CONTRASTS, request.GET.get("kontras")),
                                   (SIZE_COOKIE, SIZES, request.GET.get("teks"))):
        if value in allowed:
            response.set_cookie(cookie, value, max_age=ONE_YEAR, samesite="Lax",
                                secure=settings.SESSION_COOKIE_SECURE)
    return response


def _channel(hex_pair: str) -> float:
    value = int(hex_pair, 16) / 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def _luminance(colour: str) -> float:
    red, green, blue = (_channel(colour[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def readable_accent(colour: str) -> str:
    """The office's accent, darkened until white text on it reaches 4.5:1 (WCAG 2.1 AA)."""
    colour = colour if isinstance(colour, str) and len(colour) == 7 and colour.startswith("#") else ACCENT_DEFAULT
    try:
        int(colour[1:], 16)
    except ValueError:
        colour = ACCENT_DEFAULT
    for _ in range(40):
        if 1.05 / (_luminance(colour) + 0.05) >= 4.5:
            return colour.lower()
        colour = "#" + "".join(f"{int(int(colour[i:i + 2], 16) * 0.9):02x}" for i in (1, 3, 5))
    return ACCENT_DEFAULT


@require_safe
def accent_css(request):
    """The office's accent colour as a stylesheet (no inline styles under the CSP)."""
    from warta.accounts.services import shown_office

    office = shown_office()
    accent = readable_accent(office.accent_color if office else ACCENT_DEFAULT)
    response = HttpResponse(f":root {{ --accent: {accent}; }}\n", content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response
