"""Statistik: the public register counted by category, unit and year, as charts with their numbers written out."""

from django.db.models import Count
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from warta.core.charts import bar_chart
from warta.core.public_version import remember

from ..access import public_entries
from .home import category_counts


def _counts(field: str) -> list[tuple[str, int]]:
    return list(public_entries().order_by().values_list(field).annotate(count=Count("pk")).order_by(field))


def unit_counts() -> list[tuple[str, int]]:
    return remember("unit-counts", lambda: sorted(_counts("unit__name"), key=lambda row: (-row[1], row[0])))


def year_counts() -> list[tuple[int, int]]:
    return remember("year-counts", lambda: [(year, count) for year, count in _counts("year") if year])


@require_safe
def statistics(request):
    categories = category_counts()
    units = unit_counts()
    years = year_counts()
    return render(request, "portal/statistics.html", {
        "total": sum(row["count"] for row in categories if row["open"]),
        "by_category": bar_chart(_("Informasi publik menurut kategori"),
                                 [(row["label"], row["count"]) for row in categories]),
        "by_unit": bar_chart(_("Informasi publik menurut unit"), units),
        "by_year": bar_chart(_("Informasi publik menurut tahun informasi"), [(str(year), n) for year, n in years]),
    })
