"""Beranda: urgent (serta-merta) announcements first, then the register by category, news and search."""

from django.db.models import Count
from django.shortcuts import render
from django.views.decorators.http import require_safe

from warta.accounts.services import shown_office
from warta.announcements.models import SERTA_MERTA_PARTS, Announcement
from warta.core.public_version import remember
from warta.registry.models import Category, Exemption

from ..access import public_announcements, public_entries
from ..structured import organization, website

LATEST = 5
NEW_ENTRY_FIELDS = ("entry_id", "title", "category", "first_published_at")  # what the list of new entries shows
CATEGORIES = (Category.BERKALA, Category.SERTA_MERTA, Category.SETIAP_SAAT, Category.DIKECUALIKAN)


def category_counts() -> list[dict]:
    """The four categories of UU 14/2008. Open ones count public register entries; the exempt one counts the
    standing exemption register (the items themselves are never listed publicly). The numbers are counted once
    per content version; the labels follow the visitor's language."""
    def compute() -> dict[str, int]:
        counts = dict(public_entries().order_by().values_list("category").annotate(count=Count("pk")))
        return {**counts, Category.DIKECUALIKAN: Exemption.objects.standing().count()}

    counts = remember("category-counts", compute)
    return [{"value": value, "label": Category(value).label, "count": counts.get(value, 0),
             "open": value != Category.DIKECUALIKAN} for value in CATEGORIES]


def urgent_parts(announcement) -> list[tuple[str, str]]:
    return [(label, getattr(announcement, name)) for name, label in SERTA_MERTA_PARTS.items()]


@require_safe
def home(request):
    office = shown_office()
    urgent = [(item, urgent_parts(item))
              for item in Announcement.objects.active_urgent().order_by("-published_at")[:3]]
    context = {
        "urgent": urgent,
        "announcements": list(public_announcements().exclude(pk__in=[item.pk for item, _parts in urgent])
                              .order_by("-published_at")[:LATEST]),
        "categories": category_counts(),
        "new_entries": list(public_entries().only(*NEW_ENTRY_FIELDS).order_by("-first_published_at", "-pk")[:LATEST]),
        "jsonld": [data for data in (organization(request, office), website(request, office)) if data],
    }
    return render(request, "portal/home.html", context)
