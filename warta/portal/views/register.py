"""The Daftar Informasi Publik: the list with filters, each entry's page, and the register as open data."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from warta.accounts.models import Unit
from warta.accounts.services import shown_office
from warta.core.public_version import remember
from warta.registry.exporting import export_csv, export_json, export_xlsx
from warta.registry.models import Category, Edition, EditionStatus, PublicEntry, Revision

from ..access import attach_public_files, public_entries, public_entry_or_404
from ..structured import entry_jsonld

PAGE_SIZE = 25
PUBLIC_CATEGORIES = (Category.BERKALA, Category.SERTA_MERTA, Category.SETIAP_SAAT)
SORTS = {
    "nomor": (_("Nomor"), ["number", "pk"]),
    "judul": (_("Ringkasan (A–Z)"), ["title", "pk"]),
    "terbaru": (_("Terbaru terbit"), ["-first_published_at", "-pk"]),
    "tahun": (_("Tahun (terbaru)"), ["-year", "number", "pk"]),
}
DOWNLOAD_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
XLSX_SPOOL_BYTES = 8 * 1024 * 1024  # larger workbooks go to a temporary file, never all into memory
REVISION_LABELS = {
    "dibuat": _("Dibuat"), "diubah": _("Diubah"), "impor": _("Diimpor dari berkas"),
    "lampiran ditambah": _("Lampiran ditambah"), "lampiran dilepas": _("Lampiran dilepas"),
    "diverifikasi": _("Diverifikasi"), "terbit": _("Terbit"), "ditarik": _("Ditarik"),
    "dikecualikan": _("Dikecualikan"), "pengecualian dicabut": _("Pengecualian dicabut"),
}
PUBLIC_REVISION_ACTION = "terbit"
RELATED_POOL = 60  # the newest entries of a category that "related entries" chooses from
# What a row of the list shows: the seven columns, the category and year under the title, the link.
LIST_FIELDS = ("entry_id", "number", "title", "category", "year", "holder", "responsible", "made_when", "made_where",
               "form_printed", "form_digital", "retention")


@dataclass
class Filters:
    category: str = ""
    year: int | None = None
    unit: str = ""
    sort: str = "nomor"

    @classmethod
    def from_request(cls, request) -> Filters:
        category = request.GET.get("kategori", "")
        year = request.GET.get("tahun", "")
        sort = request.GET.get("urut", "nomor")
        return cls(
            category=category if category in PUBLIC_CATEGORIES else "",
            year=int(year) if year.isdigit() and len(year) == 4 else None,
            unit=request.GET.get("unit", "")[:40],
            sort=sort if sort in SORTS else "nomor",
        )

    def apply(self, entries: QuerySet[PublicEntry]) -> QuerySet[PublicEntry]:
        if self.category:
            entries = entries.filter(category=self.category)
        if self.year:
            entries = entries.filter(year=self.year)
        if self.unit:
            entries = entries.filter(unit__code=self.unit)
        return entries.order_by(*SORTS[self.sort][1])

    @property
    def active(self) -> bool:
        return bool(self.category or self.year or self.unit)


def _years() -> list[int]:
    return remember("dip-years", lambda: sorted(
        {year for year in public_entries().order_by().values_list("year", flat=True).distinct() if year},
        reverse=True))


def _units() -> list[tuple[str, str]]:
    def compute():
        ids = set(public_entries().order_by().values_list("unit_id", flat=True).distinct())
        return [(unit.code, unit.name) for unit in Unit.objects.filter(pk__in=ids).order_by("name")]

    return remember("dip-units", compute)


def _paginator(entries: QuerySet[PublicEntry], filters: Filters) -> Paginator:
    """The total is the same for every page and order of the same filters: counted once per content version."""
    paginator = Paginator(entries, PAGE_SIZE)
    key = f"dip-count|{filters.category}|{filters.year}|{filters.unit}"
    paginator.count = remember(key, entries.count)  # Paginator.count is a cached_property: this fills it
    return paginator


def _still_public(edition: Edition) -> bool:
    ids = {row.get("entry_id") for row in edition.snapshot}
    return len(ids) == public_entries().filter(entry_id__in=ids).count()


def servable_edition(pk: int | None = None) -> Edition | None:
    """The newest DIP set by decree (or the one asked for) whose every entry is still public.

    A set edition is a frozen snapshot. When an entry in it has since been withdrawn or exempted, its PDF would
    show what the public must no longer see; such an edition is not offered until a new one is set.
    """
    editions = Edition.objects.filter(status=EditionStatus.SET).exclude(pdf="").order_by("-decree_date", "-pk")
    if pk is not None:
        editions = editions.filter(pk=pk)
    return next((edition for edition in editions[:10] if _still_public(edition)), None)


@require_safe
def register(request):
    filters = Filters.from_request(request)
    entries = filters.apply(public_entries().only(*LIST_FIELDS))
    page = _paginator(entries, filters).get_page(request.GET.get("halaman"))
    return render(request, "portal/register.html", {
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
        "filters": filters,
        "categories": [(value, Category(value).label) for value in PUBLIC_CATEGORIES],
        "years": _years(),
        "units": _units(),
        "sorts": [(key, label) for key, (label, _order) in SORTS.items()],
        "edition": remember("dip-edition", servable_edition),
        "download_query": request.GET.urlencode() if filters.active else "",
    })


def _history(public: PublicEntry) -> list[dict]:
    """The entry's changes up to its latest publication: date, action and reason only, never the values."""
    revisions = list(Revision.objects.filter(entry_id=public.entry_id).only("number", "at", "action", "reason")
                     .order_by("-number"))
    latest = next((revision.number for revision in revisions if revision.action == PUBLIC_REVISION_ACTION), None)
    if latest is None:
        return []
    return [
        {"at": revision.at, "action": REVISION_LABELS.get(revision.action, revision.action.capitalize()),
         "reason": revision.reason}
        for revision in revisions if revision.number <= latest
    ]


def _related(public: PublicEntry, limit: int = 5) -> list[dict]:
    """Entries sharing its tags first, then its category; newest first among equals. The newest of each category
    are read once per content version: every entry page of that category starts from the same ones."""
    def newest() -> list[dict]:
        rows = (public_entries().filter(category=public.category).order_by("-first_published_at")
                .values("pk", "entry_id", "title", "year", "tags")[:RELATED_POOL + 1])
        return [{**row, "tags": {str(tag).lower() for tag in row["tags"] or []}} for row in rows]

    pool = [row for row in remember(f"related-pool|{public.category}", newest) if row["pk"] != public.pk]
    tags = {str(tag).lower() for tag in public.tags or []}
    if tags:
        pool.sort(key=lambda other: -len(tags & other["tags"]))
    label = public.category_label
    return [{**other, "category_label": label} for other in pool[:limit]]


@require_safe
def entry(request, entry_id: int):
    public = public_entry_or_404(entry_id)
    attach_public_files([public])
    documents = public.public_file_list
    return render(request, "portal/entry.html", {
        "public": public,
        "documents": documents,
        "history": _history(public),
        "related": _related(public),
        "jsonld": entry_jsonld(request, public, documents, shown_office()),
    })


def download_name(extension: str, day: date | None = None) -> str:
    """dip-bpmp-bengkulu-2026-11-24.csv: the office's short name and the date (today in the office's zone)."""
    office = shown_office()
    name = slugify((office.short_name or office.name) if office else "") or "warta"
    return f"dip-{name}-{day or timezone.localdate():%Y-%m-%d}.{extension}"


def _xlsx_response(entries: QuerySet[PublicEntry], filename: str) -> FileResponse:
    spool = tempfile.SpooledTemporaryFile(max_size=XLSX_SPOOL_BYTES)  # noqa: SIM115 - FileResponse closes it
    export_xlsx(entries, spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=DOWNLOAD_TYPES["xlsx"])


@require_safe
def download(request, fmt: str):
    """The register (filtered as on the list) as open data. CSV and JSON stream row by row."""
    if fmt == "pdf":
        return edition_pdf(request, None)
    if fmt not in DOWNLOAD_TYPES:
        raise Http404
    filters = Filters.from_request(request)
    entries = filters.apply(public_entries())
    filename = download_name(fmt)
    if fmt == "xlsx":
        response = _xlsx_response(entries, filename)
    else:
        generator = export_csv(entries) if fmt == "csv" else export_json(entries)
        response = StreamingHttpResponse(generator, content_type=DOWNLOAD_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def edition_pdf(request, pk: int | None):
    """A set edition's signed PDF, only while everything in it is still public (see ``servable_edition``)."""
    edition = servable_edition(pk)
    if edition is None:
        raise Http404
    try:
        handle = edition.pdf.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    filename = download_name("pdf", edition.decree_date)
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type="application/pdf")
    response["X-Content-Type-Options"] = "nosniff"
    return response
