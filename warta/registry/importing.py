"""Reading a register (DIP) from the spreadsheets offices really keep: XLSX or CSV.

Real files put a title above the table, leave column A empty, merge two-row headers ("Bentuk Informasi" over
"Softcopy | Hardcopy"), group rows under section rows ("A. Informasi Berkala") and write dates as "Januari 2024".
This module finds the header in the first rows, maps each column to a register field and turns every data row
into an ``ImportRow``; what blocks a row is an ``ImportProblem`` with the spreadsheet's own row number.

Pure: no database. ``parse_register`` reads the file once to learn its layout and every problem, keeping only
counts and problems; ``ImportResult.rows()`` reads it again lazily, so a 100,000-row file never sits in memory
as Python objects (only its bytes do).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from warta.core.errors import join_labels
from warta.core.formats import MONTHS, indonesian_date

from . import import_errors as errors
from .models import REGISTER_FIELDS, Category, EntryFields

HEADER_SEARCH_ROWS = 30
MAX_STORED_PROBLEMS = 1000  # a file broken on every row still gives a readable report; the total is kept
MAX_STORED_WARNINGS = 200
SECTION_LABEL_MAX = 150

TEXT_LIMITS = {
    name: EntryFields._meta.get_field(name).max_length
    for name in ("title", "holder", "responsible", "made_when", "made_where", "retention")
}
FIELD_LABELS = {name: EntryFields._meta.get_field(name).verbose_name for name in REGISTER_FIELDS}  # lazy
# Column kinds beyond the register fields: a combined "waktu dan tempat" column and a "bentuk informasi" text.
MADE, FORM = "made", "form"
SUB_HEADER_KINDS = {"form_digital", "form_printed", "made_when", "made_where"}
PERKI_KINDS = {  # the seven Perki columns, each satisfied by any of these kinds
    "number": {"number"}, "title": {"title"}, "holder": {"holder"}, "responsible": {"responsible"},
    "made_when": {MADE, "made_when"}, "form": {FORM, "form_printed", "form_digital"}, "retention": {"retention"},
}  # fmt: skip
PERKI_LABELS = {
    "number": gettext_lazy("nomor"), "title": gettext_lazy("ringkasan isi informasi"),
    "holder": gettext_lazy("pejabat/unit yang menguasai informasi"),
    "responsible": gettext_lazy("penanggung jawab pembuatan/penerbitan"),
    "made_when": gettext_lazy("waktu dan tempat pembuatan"), "form": gettext_lazy("bentuk informasi"),
    "retention": gettext_lazy("jangka waktu penyimpanan"),
}  # fmt: skip


# --------------------------------------------------------------------------------------------- results


@dataclass(frozen=True)
class ImportProblem:
    """Something that blocks a row (or the file, when ``row_number`` is None)."""

    row_number: int | None
    column: str  # the column as the file names it, else the field's Indonesian label
    message: str
    code: str
    field: str = ""

    def __str__(self) -> str:
        if self.row_number:
            return _("baris %(row)s, kolom “%(column)s”: %(message)s") % {
                "row": self.row_number, "column": self.column, "message": self.message,
            }
        return _("berkas, kolom “%(column)s”: %(message)s") % {"column": self.column, "message": self.message}


@dataclass
class ImportRow:
    row_number: int
    values: dict[str, Any]
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    filename: str
    sha256: str
    file_format: str  # "xlsx" or "csv"
    sheet: str
    header_row: int
    columns: dict[str, str]  # column kind -> the header as written in the file
    row_count: int
    problems: list[ImportProblem]
    problem_count: int
    warnings: list[str]
    renumbered: bool  # the file's own numbers are not used: missing, incomplete or duplicated
    _reread: Callable[[], Iterator[ImportRow]] = field(repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def rows(self) -> Iterator[ImportRow]:
        """Every data row in file order, read again from the file (constant memory)."""
        return self._reread()


# --------------------------------------------------------------------------------------------- text helpers


def normalise_label(value: Any) -> str:
    """'Pejabat/Unit/Satker yang\nMenguasai Informasi' -> 'pejabat unit satker yang menguasai informasi'."""
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _has(label: str, *phrases: str) -> bool:
    padded = f" {label} "
    return any(f" {phrase} " in padded for phrase in phrases)


def _single_line(value: Any) -> str:
    return " ".join(_cell_text(value).split())


def _multi_line(value: Any) -> str:
    lines = (" ".join(line.split()) for line in _cell_text(value).splitlines())
    return "\n".join(line for line in lines if line)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return indonesian_date(value.date())
    if isinstance(value, date):
        return indonesian_date(value)
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] in ("=", "+", "@"):  # our CSV export's guard against formula injection
        return text[1:]
    return text


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --------------------------------------------------------------------------------------------- header words


_HEADER_RULES: list[tuple[str, Callable[[str], bool]]] = [
    ("number", lambda t: t in {"no", "nomor", "no urut", "nomor urut", "nmr", "no no"}),
    ("form_digital", lambda t: _has(t, "softcopy", "soft copy", "softfile", "soft file", "online", "daring",
                                    "elektronik", "digital", "terekam")),
    ("form_printed", lambda t: _has(t, "hardcopy", "hard copy", "cetak", "tercetak", "print", "fisik")),
    ("retention", lambda t: _has(t, "retensi", "penyimpanan", "jangka waktu")),
    (MADE, lambda t: _has(t, "waktu") and _has(t, "tempat")),
    ("made_when", lambda t: _has(t, "waktu", "tanggal", "tgl", "waktu pembuatan")),
    ("made_where", lambda t: _has(t, "tempat", "lokasi")),
    (FORM, lambda t: _has(t, "bentuk", "format", "media")),
    ("responsible", lambda t: "penanggung" in t or _has(t, "penerbit", "penerbitan")),
    ("holder", lambda t: _has(t, "menguasai", "pejabat", "satker", "satuan kerja", "unit kerja", "penguasa")),
    ("legal_basis", lambda t: _has(t, "dasar hukum", "regulasi", "landasan hukum")),
    ("category", lambda t: _has(t, "kategori", "klasifikasi", "golongan", "sifat informasi")),
    ("year", lambda t: t.startswith("tahun")),
    ("links", lambda t: _has(t, "link", "tautan", "url", "laman", "alamat web", "hyperlink")),
    ("tags", lambda t: _has(t, "label", "tag", "tags", "kata kunci")),
    ("summary", lambda t: _has(t, "uraian", "keterangan", "deskripsi", "penjelasan")),
    ("title", lambda t: _has(t, "ringkasan", "judul", "informasi", "dokumen", "nama informasi", "jenis informasi")),
]


def column_kind(label: Any) -> str | None:
    """Which register field a header cell names, or None."""
    if not isinstance(label, str):
        return None
    text = normalise_label(label)
    if not text:
        return None
    return next((kind for kind, matches in _HEADER_RULES if matches(text)), None)


# --------------------------------------------------------------------------------------------- value parsing


_MONTH_WORDS = {
    **{name.lower(): index for index, name in enumerate(MONTHS, start=1)},
    "jan": 1, "feb": 2, "pebruari": 2, "mar": 3, "march": 3, "apr": 4, "may": 5, "jun": 6, "june": 6, "jul": 7,
    "july": 7, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10,
    "october": 10, "nov": 11, "nopember": 11, "des": 12, "dec": 12, "december": 12, "january": 1, "february": 2,
}  # fmt: skip
_MONTH = r"(?P<month>[A-Za-z]+)\.?"
_DAY_MONTH_YEAR = re.compile(rf"^(?P<day>\d{{1,2}})[\s\-/.]*{_MONTH}[\s\-/.,]*(?P<year>\d{{4}})$")
_MONTH_YEAR = re.compile(rf"^{_MONTH}[\s\-/.,]*(?P<year>\d{{4}})$")
_NUMERIC_DATE = re.compile(r"^(?P<day>\d{1,2})[/\-.](?P<month>\d{1,2})[/\-.](?P<year>\d{4})$")
_ISO_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:[ T].*)?$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def parse_when(value: Any) -> tuple[str, int | None]:
    """'12 Maret 2024', 'Januari 2024', '2024' or free text ('Setiap tahun'), with the year when there is one.

    Recognised dates come back in the Indonesian form ('12/03/2024' -> '12 Maret 2024'); other text is kept.
    """
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        return indonesian_date(day), day.year
    text = _single_line(value)
    if not text:
        return "", None
    for pattern in (_DAY_MONTH_YEAR, _NUMERIC_DATE, _ISO_DATE):
        match = pattern.match(text)
        if match:
            day = _safe_date(match["year"], match["month"], match["day"])
            if day:
                return indonesian_date(day), day.year
    match = _MONTH_YEAR.match(text)
    if match and match["month"].lower() in _MONTH_WORDS:
        return f"{MONTHS[_MONTH_WORDS[match['month'].lower()] - 1]} {match['year']}", int(match["year"])
    year = _YEAR.search(text)
    return text, int(year.group(1)) if year else None


def _safe_date(year: str, month: str, day: str) -> date | None:
    month_number = int(month) if month.isdigit() else _MONTH_WORDS.get(month.lower())
    if not month_number:
        return None
    try:
        return date(int(year), month_number, int(day))
    except ValueError:
        return None


_ENUMERATOR = re.compile(r"^\s*(?:[A-Za-z]|[IVXLCivxlc]+|\d{1,3})\s*[.)]\s*|^\s*\(?[A-Za-z]\)\s*")


def parse_category(value: Any) -> str | None:
    """'Informasi Berkala', 'berkala', 'Tersedia Setiap Saat', 'serta-merta', … -> a Category value, else None."""
    text = normalise_label(value)
    if not text:
        return None
    if "dikecualikan" in text:
        return Category.DIKECUALIKAN.value
    if _has(text, "serta merta", "sertamerta"):
        return Category.SERTA_MERTA.value
    if _has(text, "setiap saat", "setiapsaat", "tersedia setiap saat"):
        return Category.SETIAP_SAAT.value
    if _has(text, "berkala"):
        return Category.BERKALA.value
    return None


def section_category(label: str) -> str | None:
    """A section row's label ('A. Informasi Berkala', 'II. Informasi yang wajib tersedia setiap saat')."""
    if len(label) > SECTION_LABEL_MAX:
        return None
    text = normalise_label(_ENUMERATOR.sub("", label, count=1))
    text = re.sub(r"^(daftar )?", "", text)
    if not (text.startswith("informasi") or (parse_category(text) and len(text.split()) <= 3)):
        return None
    return parse_category(text)


_INTEGER = re.compile(r"^\s*(\d{1,9})\s*[.)]?\s*$")
_MARKER = re.compile(r"^\s*\(?(?:[A-Za-z]|[IVXLCivxlc]{1,6})\s*[.)]?\s*$")


def parse_number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value > 0 else None
    match = _INTEGER.match(str(value or ""))
    return (int(match.group(1)) or None) if match else None


def _is_marker(value: Any) -> bool:
    return isinstance(value, str) and bool(_MARKER.match(value))


_NEGATIVE_MARKS = {"", "-", "–", "—", "tidak", "tidak ada", "tdk", "no", "n", "t", "0", "false", "✗", "×", "belum"}


def parse_mark(value: Any) -> bool:
    """A tick in a 'Softcopy'/'Hardcopy' column: ✓, √, v, x, ya, ada, 1 … are yes; blank, -, tidak are no."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    return " ".join(str(value or "").lower().split()) not in _NEGATIVE_MARKS


_DIGITAL_WORDS = ("softcopy", "soft copy", "soft file", "softfile", "online", "daring", "elektronik", "digital",
                  "terekam", "website", "situs", "pdf", "web")
_PRINTED_WORDS = ("hardcopy", "hard copy", "cetak", "tercetak", "print", "fisik", "kertas", "buku")


def parse_form_text(value: Any) -> tuple[bool, bool] | None:
    """'Softcopy dan Hardcopy', 'Cetak, Online' -> (printed, digital); None when no form word is found."""
    text = normalise_label(value)
    if not text:
        return False, False
    printed, digital = _has(text, *_PRINTED_WORDS), _has(text, *_DIGITAL_WORDS)
    return (printed, digital) if printed or digital else None


_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)


def parse_links(value: Any) -> tuple[list[dict], str]:
    """Every URL in the cell with the text before it on its line as the label; and leftover text, if any."""
    links, leftover = [], []
    for line in _cell_text(value).splitlines():
        matches = list(_URL.finditer(line))
        if not matches and line.strip():
            leftover.append(line.strip())
        start = 0
        for match in matches:
            url = match.group(0).rstrip(".,;:)]>")
            if url.lower().startswith("www."):
                url = f"https://{url}"
            label = line[start:match.start()].strip(" \t:-–—(<[|,;")
            links.append({"url": url, "label": label})
            start = match.end()
    return links, " ".join(leftover)


def parse_tags(value: Any) -> list[str]:
    return [tag for tag in (part.strip() for part in re.split(r"[,;\n]", _cell_text(value))) if tag]


def split_made(value: Any) -> tuple[str, str]:
    """A combined 'waktu dan tempat' cell: 'Januari 2024, Bengkulu' -> ('Januari 2024', 'Bengkulu')."""
    if isinstance(value, datetime | date):
        return _cell_text(value), ""
    text = _cell_text(value)
    for separator in ("\n", ";", ","):
        if separator in text:
            when, where = text.split(separator, 1)
            return " ".join(when.split()), " ".join(where.split())
    return " ".join(text.split()), ""


# --------------------------------------------------------------------------------------------- file sources


RowSource = Callable[[], Iterator[tuple[int, tuple]]]


def _detect_format(data: bytes, filename: str) -> str:
    name = filename.lower()
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise errors.LEGACY_XLS.error(name=filename)
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "csv"  # Excel's "Unicode Text": UTF-16, tab-separated
    if name.endswith((".xlsx", ".xlsm", ".xls", ".ods", ".pdf", ".docx")) or b"\x00" in data[:4096]:
        raise errors.UNSUPPORTED_FORMAT.error(name=filename)
    return "csv"


def _xlsx_sheets(data: bytes, filename: str) -> list[tuple[str, RowSource]]:
    """One read-only workbook for every pass: opening it costs a full scan of each sheet that lacks a <dimension>
    (openpyxl's write-only files, for one), so it is opened once and only its rows are streamed again."""
    from openpyxl import load_workbook

    try:
        # Over BytesIO the workbook holds no file handle, so it can live as long as the ImportResult.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # any parser failure on an uploaded file means "unreadable", never a crash
        raise errors.UNREADABLE.error(name=filename, detail=type(exc).__name__) from None

    def source_for(name: str) -> RowSource:
        sheet = workbook[name]
        sheet.reset_dimensions()  # some writers declare a wrong <dimension>; read what is really there

        def rows() -> Iterator[tuple[int, tuple]]:
            # read-only iter_rows pads missing rows, so enumerate gives the spreadsheet's row numbers
            try:
                yield from enumerate(sheet.iter_rows(values_only=True), start=1)
            except Exception as exc:  # a broken sheet part shows up only when it is read
                raise errors.UNREADABLE.error(name=filename, detail=type(exc).__name__) from None

        return rows

    sheets = [sheet for sheet in workbook.worksheets if hasattr(sheet, "iter_rows")]  # chartsheets have no rows
    sheets.sort(key=lambda sheet: sheet.sheet_state != "visible")  # a hidden helper sheet is read last
    return [(sheet.title, source_for(sheet.title)) for sheet in sheets]


def _csv_encoding(data: bytes) -> str:
    """utf-8-sig when the whole file decodes as UTF-8, else cp1252 (Excel on Windows), else latin-1."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    for encoding in ("utf-8-sig", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            for start in range(0, len(data), 1 << 16):  # check in chunks: no second copy of the text
                decoder.decode(data[start:start + (1 << 16)])
            decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError:
            continue
    return "latin-1"


def _csv_dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t|")
    except csv.Error:
        first_lines = "\n".join(sample.splitlines()[:5])
        delimiter = max(";,\t", key=first_lines.count)

        class Guessed(csv.excel):
            pass

        Guessed.delimiter = delimiter
        return Guessed


def _csv_source(data: bytes, filename: str) -> RowSource:
    encoding = _csv_encoding(data)
    head = data[:1 << 14].decode(encoding, errors="ignore")
    dialect = _csv_dialect(head)

    def rows() -> Iterator[tuple[int, tuple]]:
        text = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
        # rows, not physical lines: a quoted cell with a line break is still one row, as a spreadsheet shows it
        try:
            for number, row in enumerate(csv.reader(text, dialect), start=1):
                yield number, tuple(row)
        except csv.Error as exc:
            raise errors.UNREADABLE.error(name=filename, detail=str(exc)) from None

    return rows


# --------------------------------------------------------------------------------------------- layout


@dataclass(frozen=True)
class Layout:
    header_row: int
    data_start: int  # first row after the header block (header, sub-header, column-number row)
    kinds: dict[int, str]  # column index -> kind
    labels: dict[int, str]  # column index -> the header as written
    unknown: tuple[str, ...]
    duplicates: tuple[str, ...]
    header_texts: dict[int, str] = field(default_factory=dict)  # normalised, to spot the header repeated

    def index_of(self, kind: str) -> int | None:
        return next((index for index, value in self.kinds.items() if value == kind), None)

    def label_for(self, kind: str) -> str:
        index = self.index_of(kind)
        return self.labels[index] if index is not None else str(FIELD_LABELS.get(kind, kind))


def _row_kinds(cells: tuple) -> dict[int, str]:
    kinds = {}
    for index, value in enumerate(cells):
        kind = column_kind(value)
        if kind:
            kinds[index] = kind
    return kinds


def _header_score(kinds: dict[int, str]) -> int:
    found = set(kinds.values())
    if not ({"title", "summary"} & found) or len(found) < 2:
        return 0
    return len(found)


def _is_sub_header(cells: tuple, top: dict[int, str]) -> bool:
    """The second row of a merged header: short labels only, at least one naming a form or time sub-column."""
    number_index = next((index for index, kind in top.items() if kind == "number"), None)
    filled = [(index, value) for index, value in enumerate(cells) if not _is_blank(value)]
    if not filled or (number_index is not None and number_index < len(cells) and not _is_blank(cells[number_index])):
        return False
    if any(not isinstance(value, str) or len(value) > 40 for _, value in filled):
        return False
    return any(column_kind(value) in SUB_HEADER_KINDS for _, value in filled)


def _is_column_number_row(cells: tuple) -> bool:
    """'1 | 2 | 3 | … | 7' (or '(1) | (2) …') under the header, as printed DIP forms have."""
    expected = 1
    for value in cells:
        if _is_blank(value):
            continue
        if parse_number(value.strip("() ") if isinstance(value, str) else value) != expected:
            return False  # usually at the first cell: a data row's number is followed by text
        expected += 1
    return expected > 3


def _merge_sub_header(top_cells: tuple, sub_cells: tuple) -> tuple[dict[int, str], dict[int, str]]:
    width = max(len(top_cells), len(sub_cells))
    kinds, labels, spanning = {}, {}, ""
    for index in range(width):
        top = _single_line(top_cells[index]) if index < len(top_cells) else ""
        sub = _single_line(sub_cells[index]) if index < len(sub_cells) else ""
        spanning = top or (spanning if sub else "")  # a merged cell's value sits in its first column only
        kind = column_kind(sub) or column_kind(spanning)
        if kind:
            kinds[index] = kind
            labels[index] = f"{spanning} – {sub}" if spanning and sub else (sub or spanning)
    return kinds, labels


def _finalise_layout(header_row: int, data_start: int, kinds: dict[int, str], labels: dict[int, str],
                     cells: tuple) -> Layout:
    unique, duplicates = {}, []
    for index in sorted(kinds):
        if kinds[index] in unique.values():
            duplicates.append(labels[index])
        else:
            unique[index] = kinds[index]
    if "title" not in unique.values():
        summary = next((index for index, kind in unique.items() if kind == "summary"), None)
        if summary is not None:
            unique[summary] = "title"
    unknown = tuple(
        _single_line(value) for index, value in enumerate(cells)
        if not _is_blank(value) and index not in kinds and isinstance(value, str)
    )
    header_texts = {index: normalise_label(value) for index, value in enumerate(cells) if isinstance(value, str)}
    return Layout(header_row, data_start, unique, {i: labels[i] for i in unique}, unknown, tuple(duplicates),
                  {index: text for index, text in header_texts.items() if text})


def find_layout(first_rows: list[tuple[int, tuple]]) -> Layout | None:
    """The header row among the first rows: the one naming the most register fields, the title among them."""
    best, best_score = None, 0
    for position, (_row_number, cells) in enumerate(first_rows[:HEADER_SEARCH_ROWS]):
        score = _header_score(_row_kinds(cells))
        if score > best_score:
            best, best_score = position, score
    if best is None:
        return None
    header_number, header_cells = first_rows[best]
    kinds = _row_kinds(header_cells)
    labels = {index: _single_line(header_cells[index]) for index in kinds}
    data_start = header_number + 1
    following = first_rows[best + 1:best + 3]
    if following and _is_sub_header(following[0][1], kinds):
        kinds, labels = _merge_sub_header(header_cells, following[0][1])
        data_start += 1
        following = following[1:]
    if following and _is_column_number_row(following[0][1]):
        data_start += 1
    return _finalise_layout(header_number, data_start, kinds, labels, header_cells)


# --------------------------------------------------------------------------------------------- rows


@dataclass
class _Outcome:
    kind: str  # "entry", "section" or "skipped"
    row_number: int
    values: dict[str, Any] = field(default_factory=dict)
    raw_number: int | None = None
    warnings: list[str] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


class _RowReader:
    """Turns one spreadsheet row into an entry, a section (which sets the category of what follows) or nothing."""

    def __init__(self, layout: Layout, default_category: str | None = None):
        self.layout = layout
        self.section = default_category

    def read(self, row_number: int, cells: tuple) -> _Outcome | None:
        filled = [(index, value) for index, value in enumerate(cells) if not _is_blank(value)]
        if not filled or self._repeats_header(filled) or _is_column_number_row(cells):
            return None  # tables converted from Word or PDF repeat the header block on every page
        cell = {kind: cells[index] if index < len(cells) else None for index, kind in self.layout.kinds.items()}
        number_cell = cell.get("number")
        # A section label may sit in any column (often the merged "No" cell); a letter or roman numeral beside it
        # in the number column is its enumerator, not a row number.
        labels = [value for index, value in filled
                  if not (self.layout.kinds.get(index) == "number" and _is_marker(value))]
        if len(labels) == 1 and isinstance(labels[0], str) and parse_number(labels[0]) is None:
            category = section_category(labels[0])
            if category:
                self.section = category
                return _Outcome("section", row_number)
            if _is_marker(number_cell) or _is_blank(cell.get("title")):
                text = _single_line(labels[0])[:80]
                return _Outcome("skipped", row_number, warnings=[
                    _("Baris %(row)s (“%(text)s”) dibaca sebagai subjudul atau catatan, bukan informasi, "
                      "dan tidak diimpor.") % {"row": row_number, "text": text}
                ])
        return self._entry(row_number, cell)

    def _repeats_header(self, filled: list[tuple[int, Any]]) -> bool:
        texts, title = self.layout.header_texts, self.layout.index_of("title")
        title_value = next((value for index, value in filled if index == title), None)
        if not isinstance(title_value, str) or normalise_label(title_value) != texts.get(title):
            return False  # the cheap test first: most rows are not the header again
        same = [index for index, value in filled
                if isinstance(value, str) and texts.get(index) == normalise_label(value)]
        return len(same) >= 2

    def _entry(self, row_number: int, cell: dict[str, Any]) -> _Outcome:
        outcome = _Outcome("entry", row_number, raw_number=parse_number(cell.get("number")))
        values = outcome.values
        values["number"] = outcome.raw_number
        values["title"] = _single_line(cell.get("title"))
        values["summary"] = _multi_line(cell.get("summary"))
        values["holder"] = _single_line(cell.get("holder"))
        values["responsible"] = _single_line(cell.get("responsible"))
        year_from_when = self._read_made(cell, values)
        self._read_form(cell, outcome)
        values["retention"] = _single_line(cell.get("retention"))
        values["category"] = self._read_category(cell, outcome)
        values["year"] = self._read_year(cell, outcome, year_from_when)
        values["legal_basis"] = _multi_line(cell.get("legal_basis"))
        values["tags"] = parse_tags(cell.get("tags"))
        values["links"] = self._read_links(cell, outcome)
        if not _is_blank(cell.get("number")) and outcome.raw_number is None and not _is_marker(cell.get("number")):
            outcome.warnings.append(_("Nomor “%(value)s” bukan angka.") % {"value": _single_line(cell["number"])})
        if not values["title"]:
            self._problem(outcome, "title", errors.ROW_NO_TITLE)
        self._check_lengths(outcome)
        return outcome

    def _read_made(self, cell: dict[str, Any], values: dict[str, Any]) -> int | None:
        """Fill made_when/made_where; return the year the date names, if any."""
        when_cell, where = cell.get("made_when"), _single_line(cell.get("made_where"))
        if MADE in cell:
            when_cell, combined_where = split_made(cell[MADE])
            where = where or combined_where
        values["made_when"], year = parse_when(when_cell)
        values["made_where"] = where
        return year

    def _read_form(self, cell: dict[str, Any], outcome: _Outcome) -> None:
        kinds = set(self.layout.kinds.values())
        printed, digital = False, True  # the model's defaults, when the file says nothing about the form
        if kinds & {"form_printed", "form_digital"}:
            printed = parse_mark(cell.get("form_printed")) if "form_printed" in cell else False
            digital = parse_mark(cell.get("form_digital")) if "form_digital" in cell else False
        elif FORM in cell:
            parsed = parse_form_text(cell[FORM])
            if parsed is None:
                outcome.warnings.append(
                    _("Bentuk informasi “%(value)s” tidak dikenali; dianggap tersedia terekam/daring.")
                    % {"value": _single_line(cell[FORM])}
                )
            else:
                printed, digital = parsed
        outcome.values["form_printed"], outcome.values["form_digital"] = printed, digital

    def _read_category(self, cell: dict[str, Any], outcome: _Outcome) -> str:
        raw = cell.get("category")
        category = parse_category(raw)
        if category:
            return category
        if not _is_blank(raw):
            if self.section:
                outcome.warnings.append(
                    _("Kategori “%(value)s” tidak dikenal; dipakai kategori bagiannya (%(section)s).")
                    % {"value": _single_line(raw), "section": Category(self.section).label}
                )
                return self.section
            self._problem(outcome, "category", errors.ROW_UNKNOWN_CATEGORY, value=_single_line(raw))
            return ""
        if self.section:
            return self.section
        self._problem(outcome, "category", errors.ROW_NO_CATEGORY)
        return ""

    def _read_year(self, cell: dict[str, Any], outcome: _Outcome, from_when: int | None) -> int | None:
        raw = cell.get("year")
        if _is_blank(raw):
            return from_when
        if isinstance(raw, datetime | date):
            return raw.year
        match = _YEAR.search(_cell_text(raw))
        if match:
            return int(match.group(1))
        outcome.warnings.append(
            _("Tahun “%(value)s” tidak dikenali; isi kolom tahun diabaikan.") % {"value": _single_line(raw)}
        )
        return from_when

    def _read_links(self, cell: dict[str, Any], outcome: _Outcome) -> list[dict]:
        links, leftover = parse_links(cell.get("links"))
        if leftover:
            outcome.warnings.append(
                _("Tautan “%(value)s” bukan alamat web dan tidak disimpan.") % {"value": leftover[:80]}
            )
        return links

    def _check_lengths(self, outcome: _Outcome) -> None:
        for name, limit in TEXT_LIMITS.items():
            length = len(outcome.values[name])
            if length > limit:
                self._problem(outcome, name, errors.ROW_TOO_LONG, column=str(FIELD_LABELS[name]), length=length,
                              limit=limit)

    def _problem(self, outcome: _Outcome, name: str, code, **params) -> None:
        kind = {"made_when": MADE if MADE in self.layout.kinds.values() else "made_when"}.get(name, name)
        message = code.error(**params).message
        outcome.problems.append(ImportProblem(outcome.row_number, self.layout.label_for(kind), message, code.code,
                                              field=name))


def _outcomes(source: RowSource, layout: Layout, default_category: str | None) -> Iterator[_Outcome]:
    reader = _RowReader(layout, default_category)
    for row_number, cells in source():
        if row_number < layout.data_start:
            continue
        outcome = reader.read(row_number, cells)
        if outcome is not None:
            yield outcome


# --------------------------------------------------------------------------------------------- the two passes


class _SeenNumbers:
    """The numbers seen in one category and the row of each: two flat arrays while the numbers ascend (as they
    do in real registers, about 8 bytes a row), a dict only for the ones that come out of order."""

    def __init__(self):
        self.numbers, self.rows = array("I"), array("I")
        self.out_of_order: dict[int, int] = {}

    def row_of(self, number: int) -> int | None:
        if self.numbers and number <= self.numbers[-1]:
            position = bisect_left(self.numbers, number)
            if self.numbers[position] == number:
                return self.rows[position]
        return self.out_of_order.get(number)

    def add(self, number: int, row: int) -> None:
        if not self.numbers or number > self.numbers[-1]:
            self.numbers.append(number)
            self.rows.append(row)
        else:
            self.out_of_order[number] = row


@dataclass
class _Numbering:
    """Whether the file's own numbers can be kept: present on every row, unique within each category."""

    column: bool
    seen: dict[str, _SeenNumbers] = field(default_factory=dict)
    missing: list[int] = field(default_factory=list)  # the first rows without a number, for the report
    missing_count: int = 0
    duplicates: dict[int, int] = field(default_factory=dict)  # row -> the earlier row with the same number

    def note(self, outcome: _Outcome) -> None:
        if not self.column:
            return
        number = outcome.raw_number
        if number is None:
            self.missing_count += 1
            if len(self.missing) < MAX_STORED_PROBLEMS:
                self.missing.append(outcome.row_number)
            return
        seen = self.seen.setdefault(outcome.values["category"], _SeenNumbers())
        earlier = seen.row_of(number)
        if earlier is None:
            seen.add(number, outcome.row_number)
        elif len(self.duplicates) < MAX_STORED_PROBLEMS:
            self.duplicates[outcome.row_number] = earlier
        else:
            self.duplicates.setdefault(-1, 0)  # more than we list; still forces renumbering

    @property
    def renumber(self) -> bool:
        return not self.column or bool(self.missing or self.duplicates)

    def warnings(self) -> list[str]:
        if not self.column:
            return [_("Berkas tidak memiliki kolom nomor; informasi diberi nomor berurutan.")]
        notes = []
        if self.missing:
            rows = _row_list(self.missing, self.missing_count)
            notes.append(ngettext("%(count)s baris tidak bernomor (baris %(rows)s).",
                                  "%(count)s baris tidak bernomor (baris %(rows)s).",
                                  self.missing_count) % {"count": self.missing_count, "rows": rows})
        if self.duplicates:
            pairs = [_("baris %(row)s sama dengan baris %(earlier)s") % {"row": row, "earlier": earlier}
                     for row, earlier in list(self.duplicates.items())[:10] if row > 0]
            notes.append(_("Ada nomor ganda dalam satu kategori (%(pairs)s).") % {"pairs": join_labels(pairs)})
        if notes:
            notes.append(_("Semua informasi diberi nomor ulang berurutan sesuai urutan di berkas."))
            return [" ".join(notes)]
        return []


def _row_list(rows: list[int], total: int, limit: int = 10) -> str:
    if total <= limit:
        return join_labels(str(row) for row in rows)
    return _("%(listed)s, dan %(more)s lainnya") % {
        "listed": ", ".join(str(row) for row in rows[:limit]), "more": total - limit,
    }


def _layout_warnings(layout: Layout) -> list[str]:
    notes = []
    if layout.unknown:
        notes.append(_("Kolom berikut tidak dikenali dan diabaikan: %(columns)s.")
                     % {"columns": join_labels(f"“{u}”" for u in layout.unknown)})
    if layout.duplicates:
        notes.append(_("Kolom berikut sama artinya dengan kolom sebelumnya dan diabaikan: %(columns)s.")
                     % {"columns": join_labels(f"“{d}”" for d in layout.duplicates)})
    present = set(layout.kinds.values())
    missing = [PERKI_LABELS[name] for name, kinds in PERKI_KINDS.items() if name != "number" and not kinds & present]
    if missing:
        notes.append(_("Kolom wajib DIP (Perki 1/2021) yang tidak ada di berkas: %(columns)s. Lengkapi isinya "
                       "sebelum DIP diverifikasi.") % {"columns": join_labels(missing)})
    return notes


def _first_rows(source: RowSource) -> list[tuple[int, tuple]]:
    rows = []
    for row_number, cells in source():
        rows.append((row_number, cells))
        if len(rows) >= HEADER_SEARCH_ROWS + 2:
            break
    return rows


def _locate(data: bytes, filename: str) -> tuple[str, str, RowSource, Layout]:
    file_format = _detect_format(data, filename)
    sheets = _xlsx_sheets(data, filename) if file_format == "xlsx" else [("", _csv_source(data, filename))]
    for sheet, source in sheets:
        layout = find_layout(_first_rows(source))
        if layout is not None:
            if "title" not in layout.kinds.values():
                raise errors.NO_TITLE_COLUMN.error(row=layout.header_row)
            return file_format, sheet, source, layout
    raise errors.NO_HEADER.error(name=filename, rows=HEADER_SEARCH_ROWS)


def parse_register(data: bytes, filename: str, *, default_category: str | None = None) -> ImportResult:
    """Read a register file (XLSX or CSV) and check every row; raise a ServiceError if the file itself is unusable.

    ``default_category`` applies to rows that have neither a category cell nor a section row above them.
    """
    if not data or data.isspace():  # not data.strip(): that would copy the whole file
        raise errors.EMPTY_FILE.error(name=filename)
    file_format, sheet, source, layout = _locate(data, filename)
    numbering = _Numbering(column="number" in layout.kinds.values())
    problems, skipped_notes, problem_count, row_count = [], [], 0, 0
    for outcome in _outcomes(source, layout, default_category):
        if outcome.kind == "skipped":
            skipped_notes.extend(outcome.warnings)
        if outcome.kind != "entry":
            continue
        row_count += 1
        numbering.note(outcome)
        problem_count += len(outcome.problems)
        problems.extend(outcome.problems[:max(0, MAX_STORED_PROBLEMS - len(problems))])
    if row_count == 0:
        raise errors.NO_ROWS.error(name=filename)
    warnings = _layout_warnings(layout) + numbering.warnings() + skipped_notes
    if len(warnings) > MAX_STORED_WARNINGS:
        more = len(warnings) - MAX_STORED_WARNINGS
        warnings = [*warnings[:MAX_STORED_WARNINGS], _("… dan %(more)s catatan lain.") % {"more": more}]
    renumber, duplicate_rows = numbering.renumber, numbering.duplicates

    def reread() -> Iterator[ImportRow]:
        return _import_rows(_outcomes(source, layout, default_category), renumber, duplicate_rows)

    return ImportResult(
        filename=filename, sha256=hashlib.sha256(data).hexdigest(), file_format=file_format, sheet=sheet,
        header_row=layout.header_row, columns={kind: layout.labels[index] for index, kind in layout.kinds.items()},
        row_count=row_count, problems=problems, problem_count=problem_count, warnings=warnings, renumbered=renumber,
        _reread=reread,
    )


def _import_rows(outcomes: Iterable[_Outcome], renumber: bool, duplicate_rows: dict[int, int]) -> Iterator[ImportRow]:
    sequence = 0
    for outcome in outcomes:
        if outcome.kind != "entry":
            continue
        sequence += 1
        warnings = list(outcome.warnings)
        if outcome.row_number in duplicate_rows:
            warnings.append(_("Nomor %(number)s sudah dipakai di baris %(row)s.")
                            % {"number": outcome.raw_number, "row": duplicate_rows[outcome.row_number]})
        if renumber:
            outcome.values["number"] = sequence
        yield ImportRow(outcome.row_number, outcome.values, warnings)
