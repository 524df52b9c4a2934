"""Cari: one search box over register entries, their documents and announcements."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..models import SearchKind
from ..search import search as run_search


@require_safe
def search(request):
    raw = request.GET.get("q", "")
    kind = request.GET.get("jenis", "")
    page = request.GET.get("halaman", "1")
    results = run_search(raw, kind=kind or None, page=int(page) if page.isdigit() else 1)
    response = render(request, "portal/search.html", {
        "results": results, "q": raw.strip(), "kind": kind if kind in SearchKind.values else "",
        "kinds": SearchKind.choices,
    })
    response["X-Robots-Tag"] = "noindex"
    return response
