"""Pengumuman: news-style list and pages; serta-merta ones show their five required parts."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from warta.accounts.services import shown_office
from warta.registry.models import Category

from ..access import attach_public_files, public_announcements
from ..structured import announcement_jsonld
from .home import urgent_parts

PAGE_SIZE = 10
CATEGORIES = (Category.BERKALA, Category.SERTA_MERTA, Category.SETIAP_SAAT)


@require_safe
def announcement_list(request):
    category = request.GET.get("kategori", "")
    category = category if category in CATEGORIES else ""
    items = public_announcements().order_by("-published_at", "-pk")
    if category:
        items = items.filter(category=category)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("halaman"))
    return render(request, "portal/announcements.html", {
        "page": page, "category": category,
        "categories": [(value, Category(value).label) for value in CATEGORIES],
    })


@require_safe
def announcement(request, slug: str):
    from django.http import Http404

    item = public_announcements().filter(slug=slug).first()
    if item is None:
        raise Http404
    office = shown_office()
    attach_public_files([item])
    return render(request, "portal/announcement.html", {
        "item": item,
        "parts": urgent_parts(item) if item.category == Category.SERTA_MERTA else [],
        "documents": item.public_file_list,
        "jsonld": announcement_jsonld(request, item, office),
    })
