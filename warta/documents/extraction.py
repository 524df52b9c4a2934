"""Reading the text out of a stored file, one reader per family of formats.

PDF pages stay apart (joined with form feeds) so a finding can name its page. A PDF page with an image
and (almost) no text is a scan: it is listed in ``pages_needing_ocr``; so is every page of a PDF with no
text at all.
"""

import codecs
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl
import pypdf
from odf import teletype
from odf.namespaces import TABLENS, TEXTNS
from odf.opendocument import load as load_odf

from . import errors
from .errors import TextProblem

# A page with fewer letters and digits than this, and an image on it, is taken to be a scan.
MIN_PAGE_CHARACTERS = 10
# Refuse to inflate archive members beyond this (a 50 MB DOCX does not hold 500 MB of XML).
MAX_MEMBER_BYTES = 500 * 1024 * 1024
PAGE_BREAK = "\f"


class ExtractionError(TextProblem):
    """The file could not be read."""


@dataclass
class Extraction:
    pages: list[str]
    paged: bool = False
    pages_needing_ocr: list[int] = field(default_factory=list)  # 1-based

    @property
    def text(self) -> str:
        return PAGE_BREAK.join(self.pages) if self.paged else "\n".join(self.pages)

    @property
    def needs_ocr(self) -> bool:
        return bool(self.pages_needing_ocr)


def clean(text: str) -> str:
    """PostgreSQL refuses NUL in text, and a stray form feed would shift every page number after it."""
    return text.replace("\x00", "").replace(PAGE_BREAK, "\n")


def _page_has_image(page) -> bool:
    try:
        return len(page.images) > 0
    except Exception:  # a damaged image dictionary: assume there is something to OCR
        return True


def read_pdf(path: Path) -> Extraction:
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        pages, scans = [], []
        for number, page in enumerate(reader.pages, start=1):
            try:
                text = clean(page.extract_text() or "")
            except Exception:  # one unreadable page should not lose the others
                text = ""
            pages.append(text)
            if sum(ch.isalnum() for ch in text) < MIN_PAGE_CHARACTERS and _page_has_image(page):
                scans.append(number)
        if pages and all(sum(ch.isalnum() for ch in text) < MIN_PAGE_CHARACTERS for text in pages):
            # No text anywhere: a scan, or lettering drawn as outlines. OCR reads both.
            scans = list(range(1, len(pages) + 1))
    except (pypdf.errors.PdfReadError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise ExtractionError(errors.TEXT_PDF_UNREADABLE.error()) from exc
    return Extraction(pages=pages, paged=True, pages_needing_ocr=scans)


def _check_archive(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        if any(info.file_size > MAX_MEMBER_BYTES for info in archive.infolist()):
            raise ExtractionError(errors.TEXT_ARCHIVE_TOO_LARGE.error())


def read_docx(path: Path) -> Extraction:
    _check_archive(path)
    document = docx.Document(str(path))
    lines: list[str] = []

    def add_blocks(container) -> None:
        for block in container.iter_inner_content():
            if isinstance(block, docx.table.Table):
                for row in block.rows:
                    cells: list[str] = []
                    for cell in row.cells:  # a merged cell appears once per grid column it spans
                        if not cells or cells[-1] != cell.text:
                            cells.append(cell.text)
                    lines.append("\t".join(c for c in cells if c.strip()))
            else:
                lines.append(block.text)

    for section in document.sections:
        add_blocks(section.header)
    add_blocks(document)
    for section in document.sections:
        add_blocks(section.footer)
    return Extraction(pages=[clean("\n".join(line for line in lines if line.strip()))])


def _cell_text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


def read_xlsx(path: Path) -> Extraction:
    _check_archive(path)
    workbook = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    lines: list[str] = []
    try:
        for sheet in workbook.worksheets:
            lines.append(f"[{sheet.title}]")
            for row in sheet.iter_rows(values_only=True):
                cells = [text for text in map(_cell_text, row) if text]
                if cells:
                    lines.append("\t".join(cells))
    finally:
        workbook.close()
    return Extraction(pages=[clean("\n".join(lines))])


def read_odf(path: Path) -> Extraction:
    """ODT and ODS: paragraphs and headings in order; a spreadsheet row becomes one tab-separated line."""
    _check_archive(path)
    document = load_odf(str(path))
    lines: list[str] = []

    def walk(node) -> None:
        for child in node.childNodes:
            if child.nodeType != child.ELEMENT_NODE:
                continue
            if child.qname == (TABLENS, "table-row"):
                cells = [teletype.extractText(cell).strip() for cell in child.childNodes if cell.nodeType == 1]
                if any(cells):
                    lines.append("\t".join(cell for cell in cells if cell))
            elif child.qname in {(TEXTNS, "p"), (TEXTNS, "h")}:
                lines.append(teletype.extractText(child))
            elif child.qname == (TABLENS, "table"):
                lines.append(f"[{child.getAttribute('name')}]")
                walk(child)
            else:
                walk(child)

    walk(document.body)
    return Extraction(pages=[clean("\n".join(line for line in lines if line.strip()))])


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 when it says so with a BOM, otherwise Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text(path: Path) -> Extraction:
    return Extraction(pages=[clean(decode_text(Path(path).read_bytes()))])


def read_image(path: Path) -> Extraction:
    """An image has no text of its own: all of it goes to OCR."""
    return Extraction(pages=[""], paged=True, pages_needing_ocr=[1])


READERS = {
    "pdf": read_pdf,
    "docx": read_docx,
    "xlsx": read_xlsx,
    "odf": read_odf,
    "text": read_text,
    "image": read_image,
}


def extract(path: Path, family: str) -> Extraction:
    try:
        return READERS[family](Path(path))
    except ExtractionError:
        raise
    except Exception as exc:  # every reader fails in its own way on a damaged file
        raise ExtractionError(errors.TEXT_UNREADABLE.error(kind=type(exc).__name__)) from exc
