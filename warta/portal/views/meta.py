"""What machines read: robots.txt, sitemap.xml (public pages only), the office logo, and feeds' helpers."""

import mimetypes

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from warta.accounts.services import shown_office

from ..access import public_announcements, public_entries
from ..models import Page, PageSlug

LOGO_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}  # raster only: no SVG (it can carry script)
SITEMAP_SIZE = 10_000  # URLs per sitemap file (the protocol allows 50,000)
SECTIONS = ("dip", "pengumuman")


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /kelola/",
        "Disallow: /masuk/",
        "Disallow: /cari/",
        "Disallow: /tampilan/",
        "Disallow: /i18n/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri(reverse('portal:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _section_query(section: str):
    if section == "dip":
        return public_entries().order_by("pk").values_list("entry_id", "published_at")
    return public_announcements().order_by("pk").values_list("slug", "updated_at")


@require_safe
def sitemap_index(request):
    files = [reverse("portal:sitemap-section", kwargs={"section": "halaman", "number": 1})]
    for section in SECTIONS:
        pages = Paginator(_section_query(section), SITEMAP_SIZE).num_pages
        files += [reverse("portal:sitemap-section", kwargs={"section": section, "number": number})
                  for number in range(1, pages + 1)]
    return render(request, "portal/sitemap_index.xml", {"files": [request.build_absolute_uri(f) for f in files]},
                  content_type="application/xml; charset=utf-8")


@require_safe
def sitemap_section(request, section: str, number: int):
    if section == "halaman":
        if number != 1:
            raise Http404
        names = ["portal:home", "portal:register", "portal:announcements", "portal:procedures"]
        urls = [(reverse(name), None) for name in names]
        written = dict(Page.objects.values_list("slug", "updated_at"))
        urls += [(reverse("portal:page", kwargs={"slug": slug}), written.get(slug)) for slug in PageSlug.values]
    elif section in SECTIONS:
        paginator = Paginator(_section_query(section), SITEMAP_SIZE)
        if number < 1 or number > paginator.num_pages:
            raise Http404
        if section == "dip":
            urls = [(reverse("portal:entry", kwargs={"entry_id": entry_id}), when)
                    for entry_id, when in paginator.page(number).object_list]
        else:
            urls = [(reverse("portal:announcement", kwargs={"slug": slug}), when)
                    for slug, when in paginator.page(number).object_list]
    else:
        raise Http404
    return render(request, "portal/sitemap.xml",
                  {"urls": [(request.build_absolute_uri(path), when) for path, when in urls]},
                  content_type="application/xml; charset=utf-8")


@require_safe
def logo(request):
    """The office logo, read through the storage API (MEDIA_ROOT is never served as such)."""
    office = shown_office()
    if office is None or not office.logo:
        raise Http404
    try:
        handle = office.logo.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    content_type, _encoding = mimetypes.guess_type(office.logo.name)
    if content_type not in LOGO_TYPES:
        raise Http404
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600"
    return response
