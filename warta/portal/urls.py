from django.urls import path, register_converter

from .models import PageSlug
from .views import announcements, display, documents, feeds, home, meta, pages, register, search, statistics


class PageSlugConverter:
    regex = "|".join(PageSlug.values)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(PageSlugConverter, "pageslug")

app_name = "portal"
urlpatterns = [
    path("", home.home, name="home"),
    path("dip/", register.register, name="register"),
    path("dip/<int:entry_id>/", register.entry, name="entry"),
    path("dip/unduh/<str:fmt>/", register.download, name="download"),
    path("dip/edisi/<int:pk>/pdf/", register.edition_pdf, name="edition-pdf"),
    path("dip/rss/", feeds.EntryFeed(), name="feed-entries"),
    path("dip/atom/", feeds.EntryAtomFeed(), name="feed-entries-atom"),
    path("dokumen/<int:document_id>/", documents.document, name="document"),
    path("dokumen/<int:document_id>/lihat/", documents.document, {"inline": True}, name="document-inline"),
    path("dokumen/<int:document_id>/ocr/", documents.searchable_copy, name="document-ocr"),
    path("pengumuman/", announcements.announcement_list, name="announcements"),
    path("pengumuman/rss/", feeds.AnnouncementFeed(), name="feed-announcements"),
    path("pengumuman/atom/", feeds.AnnouncementAtomFeed(), name="feed-announcements-atom"),
    path("pengumuman/kategori/<str:category>/rss/", feeds.AnnouncementFeed(), name="feed-category"),
    path("pengumuman/kategori/<str:category>/atom/", feeds.AnnouncementAtomFeed(), name="feed-category-atom"),
    path("pengumuman/<slug:slug>/", announcements.announcement, name="announcement"),
    path("prosedur/", pages.procedures, name="procedures"),
    path("statistik/", statistics.statistics, name="statistics"),
    path("<pageslug:slug>/", pages.page, name="page"),
    path("cari/", search.search, name="search"),
    path("tampilan/", display.display, name="display"),
    path("tampilan/aksen.css", display.accent_css, name="accent-css"),
    path("kantor/logo/", meta.logo, name="logo"),
    path("robots.txt", meta.robots_txt, name="robots"),
    path("sitemap.xml", meta.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>-<int:number>.xml", meta.sitemap_section, name="sitemap-section"),
]
