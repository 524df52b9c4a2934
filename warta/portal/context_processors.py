"""What the page layout (``base.html``) needs on every page, worked out in Python once rather than by dozens of
template tags per request: the site's fixed addresses, which menu item is the current page, the visitor's display
preferences (validated, so they can name a cached fragment), the language links and the public content version.

The layout keeps its fixed parts (header, menu, footer) as fragments cached per language, display preference and
content version (``{% cache %}``); only the parts that name this request's address are rendered each time.
"""

from functools import cache
from urllib.parse import quote

from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language, get_language_info

from warta.core import public_version

from .views.display import CONTRAST_COOKIE, CONTRASTS, SIZE_COOKIE, SIZES

# The main menu, in order: (key, URL name, URL kwargs).
MENU = (
    ("home", "portal:home", {}),
    ("register", "portal:register", {}),
    ("announcements", "portal:announcements", {}),
    ("procedures", "portal:procedures", {}),
    ("maklumat", "portal:page", {"slug": "maklumat"}),
    ("profile", "portal:page", {"slug": "profil-ppid"}),
)
OTHER_LINKS = {
    "search": "portal:search",
    "display": "portal:display",
    "accent_css": "portal:accent-css",
    "logo": "portal:logo",
    "statistics": "portal:statistics",
    "feed_announcements": "portal:feed-announcements",
    "feed_entries": "portal:feed-entries",
    "feed_entries_atom": "portal:feed-entries-atom",
    "login": "login",
    "logout": "logout",
    "inbox": "office:inbox",
    "set_language": "set_language",
}
DOWNLOADS = ("csv", "json", "xlsx")


@cache
def site_links(script_prefix: str) -> dict[str, str]:
    """The layout's fixed addresses, reversed once per process (and script prefix, which they start with)."""
    links = {key: reverse(name, kwargs=kwargs) for key, name, kwargs in MENU}
    links.update({key: reverse(name) for key, name in OTHER_LINKS.items()})
    links.update({f"download_{fmt}": reverse("portal:download", kwargs={"fmt": fmt}) for fmt in DOWNLOADS})
    return links


def display_preferences(request) -> dict[str, str]:
    """High contrast and text size from their cookies; anything else a visitor sends counts as the default."""
    contrast = request.COOKIES.get(CONTRAST_COOKIE, "")
    size = request.COOKIES.get(SIZE_COOKIE, "")
    contrast = contrast if contrast in CONTRASTS else "biasa"
    size = size if size in SIZES else "biasa"
    classes = (["kontras-tinggi"] if contrast == "tinggi" else []) + ([f"teks-{size}"] if size != "biasa" else [])
    return {"contrast": contrast, "size": size, "html_class": " ".join(classes)}


def language_links(current: str, next_path: str, set_language_url: str) -> list[dict]:
    """Each language named in itself; the current one has no address."""
    back = quote(next_path, safe="/")  # as the urlencode filter did
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": None if code == current else f"{set_language_url}?language={code}&next={back}",
        }
        for code, _name in settings.LANGUAGES
    ]


def layout(request) -> dict:
    links = site_links(get_script_prefix())
    current_menu = next((key for key, _name, _kwargs in MENU if links[key] == request.path), "")
    language = get_language()
    return {
        "links": links,
        "current_menu": current_menu,
        "display": display_preferences(request),
        "language_links": language_links(language, request.get_full_path(), links["set_language"]),
        "public_token": public_version.current().token,
    }
