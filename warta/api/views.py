"""The read-only open-data API (v1): plain Django views answering JSON.

Caching, conditional GET and the rate limit are not here: ``warta.core.http_cache`` does them for every
public response. Anything not public answers 404 exactly like an id that never existed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.shortcuts import render
from django.utils.translation import pgettext
from django.views.decorators.http import require_safe

from warta.core.errors import ServiceError
from warta.portal.access import attach_public_files

from . import dcat, licence, links, openapi, paging, params, queries, representations, versioned
from .errors import NOT_FOUND
from .responses import error_response, json_response

# Only orderings an index serves: a page costs a few milliseconds however deep it is. (The register's own
# number has no index: sorting 100,000 rows for each page would cost half a second.)
ENTRY_ORDERINGS = paging.orderings(
    ("id", "entry_id", None, False),
    ("published_at", "published_at", "entry_id", True),
)
ID_ORDERINGS = paging.orderings(("id", "pk", None, False))
ANNOUNCEMENT_ORDERINGS = paging.orderings(
    ("id", "pk", None, False),
    ("published_at", "published_at", "pk", True),  # served by the (status, published_at) index
)
DOCUMENT_ORDERINGS = paging.orderings(("id", "document_id", None, False))  # a public file, by its document's id


def api_view(view):
    """GET/HEAD only; a refused parameter answers 400 with its code."""

    @require_safe
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ServiceError as error:
            return error_response(error, status=400)

    return wrapper


def _not_found(what: str, pk: int):
    return error_response(NOT_FOUND.error(what=what, id=pk), status=404)


def _listing(request, name: str, queryset, orderings: dict, default: str,
             represent: Callable[[list], list[dict]]) -> dict:
    """One page of a list: its count, the next page's address and the page's rows as ``represent`` gives them."""
    ordering = orderings[params.choice(request.GET, "ordering", list(orderings), default=default)]
    limit = params.limit(request.GET)
    count = versioned.count(queryset, name, request.GET)
    page = paging.page(queryset, ordering, limit, request.GET.get("cursor", "").strip() or None)
    next_url = None
    if page.next_cursor:
        query = request.GET.copy()
        query["cursor"] = page.next_cursor
        next_url = links.api(name, query=query)
    return {"count": count, "next": next_url, "results": represent(page.rows)}


def _each(represent):
    return lambda rows: [represent(row) for row in rows]


def _with_files(represent):
    """For entries and announcements: their public files are read for the whole page in one query."""
    def represent_all(rows):
        attach_public_files(rows)
        return [represent(row) for row in rows]

    return represent_all


def _published_filters(get, items):
    """The filters the entry and announcement lists share: category, unit code, a word in the title, and
    published since a moment."""
    if category := params.choice(get, "category", queries.PUBLIC_CATEGORIES):
        items = items.filter(category=category)
    if unit := params.text(get, "unit"):
        items = items.filter(unit__code=unit)
    if q := params.text(get, "q"):
        items = items.filter(title__icontains=q)
    if since := params.moment(get, "updated_since"):
        items = items.filter(published_at__gte=since)
    return items


@api_view
def entry_list(request):
    get = request.GET
    entries = _published_filters(get, queries.entries())
    if (year := params.integer(get, "year", low=1900, high=2100)) is not None:
        entries = entries.filter(year=year)
    return json_response(_listing(request, "entries", entries, ENTRY_ORDERINGS, "id",
                                  _with_files(representations.entry)))


@api_view
def entry_detail(request, entry_id: int):
    entry = queries.entries().filter(entry_id=entry_id).first()
    if entry is None:
        return _not_found(pgettext("not found", "Informasi publik"), entry_id)
    attach_public_files([entry])
    return json_response(representations.entry(entry))


@api_view
def announcement_list(request):
    items = _published_filters(request.GET, queries.announcements())
    return json_response(_listing(request, "announcements", items, ANNOUNCEMENT_ORDERINGS, "-published_at",
                                  _with_files(representations.announcement)))


@api_view
def announcement_detail(request, announcement_id: int):
    item = queries.announcements().filter(pk=announcement_id).first()
    if item is None:
        return _not_found(pgettext("not found", "Pengumuman"), announcement_id)
    attach_public_files([item])
    return json_response(representations.announcement(item))


def _document_with_entries(document) -> dict:
    return representations.document(document, entry_ids=sorted(p.entry_id for p in document.document.public_copies))


@api_view
def document_list(request):
    get = request.GET
    documents = queries.documents()
    if media_type := params.text(get, "media_type"):
        documents = documents.filter(media_type=media_type)
    if (entry := params.integer(get, "entry", low=1, high=2**62)) is not None:
        documents = documents.filter(document_id__in=queries.entries().filter(entry_id=entry).values("documents"))
    return json_response(_listing(request, "documents", documents, DOCUMENT_ORDERINGS, "id",
                                  _each(_document_with_entries)))


@api_view
def document_detail(request, document_id: int):
    document = queries.documents().filter(document_id=document_id).first()
    if document is None:
        return _not_found(pgettext("not found", "Dokumen"), document_id)
    return json_response(_document_with_entries(document))


def _edition(edition) -> dict:
    return representations.edition(edition, withheld=queries.still_public_rows(edition)[1])


@api_view
def edition_list(request):
    return json_response(_listing(request, "editions", queries.editions(), ID_ORDERINGS, "-id", _each(_edition)))


@api_view
def edition_detail(request, edition_id: int):
    edition = queries.editions().filter(pk=edition_id).first()
    if edition is None:
        return _not_found(pgettext("not found", "Edisi DIP"), edition_id)
    return json_response(_edition(edition))


@api_view
def edition_snapshot(request, edition_id: int):
    edition = queries.editions().filter(pk=edition_id).first()
    if edition is None:
        return _not_found(pgettext("not found", "Edisi DIP"), edition_id)
    rows, withheld = queries.still_public_rows(edition)
    return json_response({"edition": representations.edition(edition, withheld=withheld), "entries": rows})


@api_view
def openapi_document(request):
    return json_response(openapi.document())


@api_view
def dcat_catalogue(request):
    return json_response(dcat.catalogue(), content_type="application/ld+json")


@require_safe
def index(request):
    return render(request, "api/index.html", {
        "openapi_url": links.api("openapi"), "dcat_url": links.api("dcat"), "base_url": links.absolute("/api/v1"),
        "categories": queries.PUBLIC_CATEGORIES, "licence": licence.current(),
    })
