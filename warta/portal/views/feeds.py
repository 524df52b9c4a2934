"""RSS and Atom: all announcements, announcements per category, and new register entries."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from warta.accounts.services import shown_office
from warta.registry.models import Category

from ..access import public_announcements, public_entries

ITEMS = 30
FEED_CATEGORIES = (Category.BERKALA, Category.SERTA_MERTA, Category.SETIAP_SAAT)


def _office_name() -> str:
    office = shown_office()
    return office.name if office else "Warta"


class AnnouncementFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "id"

    def get_object(self, request, category: str | None = None):
        if category is not None and category not in FEED_CATEGORIES:
            raise Http404
        return category

    def title(self, category):
        suffix = f" — {Category(category).label}" if category else ""
        return f"Pengumuman {_office_name()}{suffix}"

    def link(self, category):
        url = reverse("portal:announcements")
        return f"{url}?kategori={category}" if category else url

    def description(self, category):
        return f"Pengumuman terbaru dari {_office_name()}."

    def items(self, category):
        items = public_announcements().order_by("-published_at", "-pk")
        if category:
            items = items.filter(category=category)
        return items[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return reverse("portal:announcement", kwargs={"slug": item.slug})

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_category_display()]


class AnnouncementAtomFeed(AnnouncementFeed):
    feed_type = Atom1Feed
    subtitle = AnnouncementFeed.description


class EntryFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "id"

    def title(self):
        return f"Daftar Informasi Publik {_office_name()}: informasi baru"

    def link(self):
        return reverse("portal:register")

    def description(self):
        return "Informasi publik yang baru terbit atau diperbarui."

    def items(self):
        return public_entries().order_by("-published_at", "-pk")[:ITEMS]

    def item_title(self, item):
        return f"{item.number}. {item.title}"

    def item_description(self, item):
        return item.summary or f"{item.get_category_display()} · {item.holder}"

    def item_link(self, item):
        return reverse("portal:entry", kwargs={"entry_id": item.entry_id})

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.get_category_display()]


class EntryAtomFeed(EntryFeed):
    feed_type = Atom1Feed
    subtitle = EntryFeed.description
