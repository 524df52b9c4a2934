"""The long lists of the public pages, their items joined from strings in Python: the DIP table's rows and the
search results.

A DIP page is 25 rows of seven cells, each cell also naming its column for the narrow-screen layout: some 500
values through the template engine, a third of the whole request. The same markup built here costs a fifth of
that. Every value is escaped as the templates' autoescaping would (``html.escape``, as Django's ``escape`` does);
what is already safe HTML (a highlighted title or snippet) is kept as it is.
"""

from html import escape

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from warta.core import formats, routes

# The seven columns of Perki 1/2021 Ps 21(2), in their order.
COLUMNS = (
    _("Nomor"),
    _("Ringkasan Isi Informasi"),
    _("Pejabat atau Unit yang Menguasai Informasi"),
    _("Penanggung Jawab Pembuatan atau Penerbitan Informasi"),
    _("Waktu dan Tempat Pembuatan Informasi"),
    _("Bentuk Informasi yang Tersedia"),
    _("Jangka Waktu Penyimpanan atau Retensi Arsip"),
)


def register_header() -> SafeString:
    return mark_safe("".join(f'<th scope="col">{escape(label)}</th>' for label in COLUMNS))


def register_rows(entries) -> SafeString:
    """One <tr> per public entry (with the fields of ``LIST_FIELDS``), its title linking to the entry's page."""
    number, title, holder, responsible, made, form, retention = (escape(label) for label in COLUMNS)
    rows = []
    for public in entries:
        year = f" · {public.year}" if public.year else ""
        link = routes.path("portal:entry", public.entry_id)
        rows.append(
            f'<tr><td class="number" data-label="{number}">{public.number}</td>'
            f'<td data-label="{title}"><a class="title-link" href="{link}">{escape(public.title)}</a><br>'
            f'<span class="muted small">{escape(public.category_label)}{year}</span></td>'
            f'<td data-label="{holder}">{escape(public.holder)}</td>'
            f'<td data-label="{responsible}">{escape(public.responsible)}</td>'
            f'<td data-label="{made}">{escape(public.made_label)}</td>'
            f'<td data-label="{form}">{escape(public.form_label)}</td>'
            f'<td data-label="{retention}">{escape(public.retention or "-")}</td></tr>\n'
        )
    return mark_safe("".join(rows))


def search_hits(hits) -> SafeString:
    """One <li> per search hit (``search.Hit``): what it is, its category and date, the highlighted title and
    snippet."""
    zone = timezone.get_current_timezone()
    items = []
    for hit in hits:
        published = timezone.localtime(hit.published_at, zone)
        snippet = f'<p class="snippet">{hit.snippet}</p>' if hit.snippet else ""
        items.append(
            f'<li><p class="meta"><span class="badge">{escape(hit.kind_label)}</span> {escape(hit.category_label)} · '
            f'<time datetime="{published.isoformat()}">{formats.format_date(published.date())}</time></p>'
            f'<h2><a href="{escape(hit.url)}">{hit.title}</a></h2>{snippet}</li>\n'
        )
    return mark_safe("".join(items))
