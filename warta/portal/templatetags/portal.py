"""Template helpers for the public pages: {% load portal %}."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from warta.core import routes
from warta.documents.validation import type_label
from warta.portal import rows

register = template.Library()

# Characters that could end the <script> block or start markup inside it, as JSON escapes.
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028",
                 0x2029: "\\u2029"}


@register.filter
def jsonld(data) -> str:
    """<script type="application/ld+json">…</script> for one object or a list (empty for nothing).

    Data, not code: browsers do not execute this type, so the CSP's script-src does not apply to it."""
    if not data:
        return ""
    items = data if isinstance(data, list) else [data]
    blocks = []
    for item in items:
        text = json.dumps(item, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
        blocks.append(f'<script type="application/ld+json">{text}</script>')
    return mark_safe("\n".join(blocks))  # safe: JSON with <, > and & escaped cannot leave the block


@register.filter
def jenis_berkas(media_type: str) -> str:
    """'PDF', 'XLSX (Excel)', … from a stored media type."""
    return type_label(media_type or "")


@register.filter
def ya_tidak(value: bool) -> str:
    return gettext("Ya") if value else gettext("Tidak")


@register.filter
def path_to(object_id: int, route: str) -> str:
    """{{ public.entry_id|path_to:"portal:entry" }}: the address of a route taking one id, reversed once per
    process (``core.routes``) instead of on every use as {% url %} does."""
    return routes.path(route, object_id)


register.simple_tag(rows.register_header, name="register_header")
register.simple_tag(rows.register_rows, name="register_rows")
register.simple_tag(rows.search_hits, name="search_hits")
