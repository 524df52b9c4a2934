"""The register out of Warta: CSV, JSON and XLSX for machines (Perki 1/2021 Ps 46), PDF for the signed DIP.

``entries`` is any iterable of objects with the register fields (``Entry`` or ``PublicEntry``, a list or a
queryset); a queryset is read with ``.iterator()``. CSV, JSON and XLSX stream: memory stays flat however many
entries there are, so a view can hand the generators to ``StreamingHttpResponse``. The PDF is the official
table, grouped by category, and is meant for one office's DIP (hundreds of rows, not 100,000).

Column order and headings follow Perki 1/2021 Ps 21(2). Two of the seven columns hold two facts each, so the
machine formats give them two sub-columns: "waktu dan tempat" (Waktu | Tempat) and "bentuk informasi"
(Tercetak | Terekam/Daring). The XLSX shows this as the usual merged two-row header; CSV has one header row.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from copy import copy
from datetime import date
from functools import cache
from typing import IO, Any

from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation

from warta.core.formats import format_date

from .models import REGISTER_FIELDS, Category, form_text

CHUNK_SIZE = 64 * 1024
ITERATOR_CHUNK = 2000
PDF_CATEGORIES = (Category.BERKALA, Category.SERTA_MERTA, Category.SETIAP_SAAT)
SECTION_LETTERS = "ABCDEFGH"

YES, NO = "Ya", "Tidak"
MADE_GROUP, FORM_GROUP = "Waktu dan Tempat Pembuatan Informasi", "Bentuk Informasi yang Tersedia"
# (group heading or None, heading under it, heading in the one-row CSV header): the seven Perki columns, two of
# them split, then the common additions.
COLUMNS = [
    (None, "Nomor", "Nomor"),
    (None, "Ringkasan Isi Informasi", "Ringkasan Isi Informasi"),
    (None, "Pejabat atau Unit/Satuan Kerja yang Menguasai Informasi",
     "Pejabat atau Unit/Satuan Kerja yang Menguasai Informasi"),
    (None, "Penanggung Jawab Pembuatan atau Penerbitan Informasi",
     "Penanggung Jawab Pembuatan atau Penerbitan Informasi"),
    (MADE_GROUP, "Waktu", "Waktu Pembuatan Informasi"),
    (MADE_GROUP, "Tempat", "Tempat Pembuatan Informasi"),
    (FORM_GROUP, "Tercetak (Hardcopy)", "Bentuk Informasi Tercetak (Hardcopy)"),
    (FORM_GROUP, "Terekam/Daring (Softcopy)", "Bentuk Informasi Terekam/Daring (Softcopy)"),
    (None, "Jangka Waktu Penyimpanan atau Retensi Arsip", "Jangka Waktu Penyimpanan atau Retensi Arsip"),
    (None, "Kategori", "Kategori"),
    (None, "Tahun", "Tahun"),
    (None, "Dasar Hukum", "Dasar Hukum"),
    (None, "Tautan", "Tautan"),
]
CSV_HEADER = [csv_heading for _, _, csv_heading in COLUMNS]
_FORMULA_START = ("=", "+", "@", "\t", "\r")


def _entries(entries: Iterable) -> Iterator:
    if isinstance(entries, QuerySet):
        return entries.iterator(chunk_size=ITERATOR_CHUNK)
    return iter(entries)


def category_label(value: str) -> str:
    """The category's Indonesian name: open data reads the same whatever the language of the page it came from."""
    return _indonesian_category_labels().get(value, value)


@cache
def _indonesian_category_labels() -> dict[str, str]:
    with translation.override("id"):
        return {value: str(label) for value, label in Category.choices}


@cache
def form_label(printed: bool, digital: bool) -> str:
    """Column 6 in Indonesian, as ``category_label``: 'Tercetak dan Terekam/daring'."""
    with translation.override("id"):
        return form_text(printed, digital)


def links_text(links: list[dict]) -> str:
    """One link a line: 'label: url' (the importer reads this back)."""
    return "\n".join(f"{link.get('label')}: {link['url']}" if link.get("label") else link["url"]
                     for link in links or [] if link.get("url"))


def row_values(entry) -> list[Any]:
    """One entry as the export columns, in order."""
    return [
        entry.number, entry.title, entry.holder, entry.responsible, entry.made_when, entry.made_where,
        YES if entry.form_printed else NO, YES if entry.form_digital else NO, entry.retention,
        category_label(entry.category), entry.year, entry.legal_basis, links_text(entry.links),
    ]


def _chunked(pieces: Iterable[str], chunk_size: int) -> Iterator[bytes]:
    buffer, size = [], 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= chunk_size:
            yield "".join(buffer).encode()
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer).encode()


# --------------------------------------------------------------------------------------------- CSV


class _Line:
    """A file-like that hands back what csv.writer writes, so each row becomes a string to stream."""

    def write(self, value: str) -> str:
        return value


def _csv_safe(value: Any) -> Any:
    # A cell starting like a formula runs as one when the file is opened in a spreadsheet (CSV injection).
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def export_csv(entries: Iterable, *, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """UTF-8 with BOM (so Excel reads the characters right), comma-separated, one header row."""
    writer = csv.writer(_Line())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(CSV_HEADER)
        for entry in _entries(entries):
            yield writer.writerow([_csv_safe(value) for value in row_values(entry)])

    return _chunked(lines(), chunk_size)


# --------------------------------------------------------------------------------------------- JSON


def entry_dict(entry) -> dict[str, Any]:
    data = {name: getattr(entry, name) for name in REGISTER_FIELDS}
    data["category_label"] = category_label(entry.category)
    return data


def export_json(entries: Iterable, *, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """A JSON array written item by item; field names as in the model, plus ``category_label``."""

    def pieces() -> Iterator[str]:
        yield "["
        for index, entry in enumerate(_entries(entries)):
            yield ("," if index else "") + "\n" + json.dumps(entry_dict(entry), ensure_ascii=False, default=str)
        yield "\n]\n"

    return _chunked(pieces(), chunk_size)


# --------------------------------------------------------------------------------------------- XLSX


XLSX_WIDTHS = [8, 48, 30, 30, 16, 16, 12, 14, 22, 26, 8, 30, 40]
TITLE_COLUMN = 1


def export_xlsx(entries: Iterable, path_or_stream: str | IO[bytes]) -> None:
    """A write-only workbook: rows go to disk as they come. Two-row header as on the official form."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("DIP")
    for index, width in enumerate(XLSX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C3"
    bold = Font(bold=True)

    def header_cell(value: str | None):
        cell = WriteOnlyCell(sheet, value=value)
        cell.font, cell.alignment = bold, Alignment(wrap_text=True, vertical="center", horizontal="center")
        return cell

    top, sub = [], []
    for index, (group, name, _) in enumerate(COLUMNS):
        first_of_group = group and (index == 0 or COLUMNS[index - 1][0] != group)
        top.append(header_cell(group if first_of_group else None if group else name))
        sub.append(header_cell(name if group else None))
        letter = get_column_letter(index + 1)
        if not group:
            sheet.merged_cells.add(f"{letter}1:{letter}2")
        elif first_of_group:
            sheet.merged_cells.add(f"{letter}1:{get_column_letter(index + 2)}1")
    sheet.append(top)
    sheet.append(sub)
    wrapped = WriteOnlyCell(sheet)
    wrapped.alignment = Alignment(wrap_text=True, vertical="top")
    for entry in _entries(entries):
        sheet.append(_xlsx_row(sheet, row_values(entry), wrapped._style, WriteOnlyCell))
    book.save(path_or_stream)


def _xlsx_row(sheet, values: list[Any], wrapped_style, cell_class) -> list[Any]:
    """Plain values (styling every cell triples the time); the title wraps; formula-looking text stays text."""
    row = list(values)
    for index, value in enumerate(row):
        if index == TITLE_COLUMN or (isinstance(value, str) and value.startswith("=")):
            cell = cell_class(sheet, value=value)
            cell.data_type = "s" if isinstance(value, str) else cell.data_type
            cell._style = copy(wrapped_style)  # a copied style array: no per-cell style lookup
            row[index] = cell
    return row


# --------------------------------------------------------------------------------------------- PDF


def _pdf_sections(entries: Iterable) -> list[dict]:
    """Open information only, grouped in the Perki order; exempt entries belong to their own register."""
    grouped: dict[str, list] = {category: [] for category in PDF_CATEGORIES}
    for entry in _entries(entries):
        if entry.category in grouped:
            grouped[entry.category].append(entry)
    return [
        {"letter": SECTION_LETTERS[index], "label": category.label,
         "rows": [_pdf_row(entry) for entry in sorted(grouped[category], key=lambda e: e.number)]}
        for index, category in enumerate(PDF_CATEGORIES)
    ]


def _pdf_row(entry) -> dict[str, Any]:
    return {
        "number": entry.number, "title": entry.title, "holder": entry.holder, "responsible": entry.responsible,
        "made": ", ".join(part for part in (entry.made_when, entry.made_where) if part) or "-",
        "printed": entry.form_printed, "digital": entry.form_digital, "retention": entry.retention or "-",
    }


def _signer_context(signer) -> dict[str, str] | None:
    if signer is None:
        return None
    name = getattr(signer, "display_name", None) or getattr(signer, "full_name", "") or str(signer)
    return {
        "name": name,
        "position": getattr(signer, "position", "") or "Pejabat Pengelola Informasi dan Dokumentasi",
        "nip": getattr(signer, "nip", ""),
    }


def export_pdf(entries: Iterable, office, *, title: str, decree_number: str | None = None,
               decree_date: date | None = None, signer=None) -> bytes:
    """The DIP as the office signs it: kop, title, the seven columns by category, the PPID's signature block."""
    from weasyprint import HTML

    time_zone = getattr(office, "time_zone", None) or timezone.get_default_timezone_name()
    signed_on = decree_date or timezone.localtime(timezone.now(), timezone=_zone(time_zone)).date()
    with translation.override("id"):  # a signed legal document: its wording is Indonesian whoever produces it
        html = render_to_string("registry/dip_pdf.html", {
            "office": office,
            "parent_lines": [line.strip() for line in (office.parent_lines or "").splitlines() if line.strip()],
            "title": title,
            "decree_number": decree_number,
            "decree_date": format_date(decree_date) if decree_date else "",
            "sections": _pdf_sections(entries),
            "place": getattr(office, "city", "") or "",
            "signed_on": format_date(signed_on),
            "signer": _signer_context(signer),
        })
    return HTML(string=html).write_pdf()


def _zone(name: str):
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)
