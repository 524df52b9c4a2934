"""Staff-written text rendered for the public: plain paragraphs or a small, safe Markdown subset.

Headings, paragraphs, lists, emphasis, block quotes, code and links. Raw HTML in the text is shown as text,
never interpreted; images are off (everything on a page is served by us); links may only go to http(s),
mailto and tel addresses or to paths on this site.
"""

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_SCHEMES = ("http://", "https://", "mailto:", "tel:", "/", "#")


def _validate_link(url: str) -> bool:
    url = url.strip().lower()
    return url.startswith(ALLOWED_SCHEMES) and not url.startswith("//")


def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["image", "html_block", "html_inline"])
    md.validateLink = _validate_link
    return md


_MD = _renderer()


def render(text: str) -> SafeString:
    """HTML for ``text``; the renderer escapes everything it does not itself produce."""
    return mark_safe(_MD.render(text or ""))  # safe: markdown-it with html off escapes all input
