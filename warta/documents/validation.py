"""What a file is, decided by its content (libmagic), never by its name or the browser's header.

A name may agree with the content or say nothing; a name that claims another type is refused, so a reader
who downloads ``laporan.pdf`` always gets a PDF.
"""

import zipfile
from dataclasses import dataclass
from pathlib import Path

import magic
import pypdf
from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image
from pypdf.errors import PdfReadError

from warta.core.errors import join_labels

from . import errors, names

DEFAULT_MAX_UPLOAD_MB = 50


@dataclass(frozen=True)
class FileType:
    key: str
    label: str | Promise
    media_types: tuple[str, ...]
    extensions: tuple[str, ...]  # the first is used when the name has none
    family: str  # which reader extracts its text: pdf, docx, xlsx, odf, image, text


ALLOWED_TYPES = (
    FileType("pdf", "PDF", ("application/pdf",), ("pdf",), "pdf"),
    FileType(
        "docx",
        "DOCX (Word)",
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
        ("docx",),
        "docx",
    ),
    FileType(
        "xlsx",
        "XLSX (Excel)",
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",),
        ("xlsx",),
        "xlsx",
    ),
    FileType("odt", _("ODT (teks OpenDocument)"), ("application/vnd.oasis.opendocument.text",), ("odt",), "odf"),
    FileType(
        "ods",
        _("ODS (lembar kerja OpenDocument)"),
        ("application/vnd.oasis.opendocument.spreadsheet",),
        ("ods",),
        "odf",
    ),
    FileType("png", _("gambar PNG"), ("image/png",), ("png",), "image"),
    FileType("jpeg", _("gambar JPEG"), ("image/jpeg",), ("jpg", "jpeg"), "image"),
    FileType("tiff", _("gambar TIFF"), ("image/tiff",), ("tif", "tiff"), "image"),
    FileType("text", _("teks biasa (TXT/CSV)"), ("text/plain", "text/csv"), ("txt", "csv", "tsv"), "text"),
)
_BY_MEDIA_TYPE = {media_type: ft for ft in ALLOWED_TYPES for media_type in ft.media_types}
_BY_EXTENSION = {ext: ft for ft in ALLOWED_TYPES for ext in ft.extensions}

# How a refused type is named to the uploader.
_REFUSED_LABELS = {
    "application/x-dosexec": _("program Windows (EXE)"),
    "application/x-executable": _("program"),
    "application/x-sharedlib": _("program"),
    "text/html": _("halaman web (HTML)"),
    "image/svg+xml": _("gambar SVG"),
    "application/zip": _("arsip ZIP"),
    "application/x-rar": _("arsip RAR"),
    "application/x-7z-compressed": _("arsip 7z"),
    "application/gzip": _("arsip GZIP"),
    "application/msword": _("dokumen Word lama (DOC)"),
    "application/vnd.ms-excel": _("lembar kerja Excel lama (XLS)"),
    "application/x-ole-storage": _("dokumen Office lama (DOC/XLS/PPT)"),
    "application/vnd.ms-powerpoint": _("presentasi PowerPoint lama (PPT)"),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": _("presentasi PowerPoint (PPTX)"),
    "application/vnd.ms-word.document.macroEnabled.12": _("dokumen Word bermakro (DOCM)"),
    "application/vnd.ms-excel.sheet.macroEnabled.12": _("lembar kerja Excel bermakro (XLSM)"),
    "application/javascript": _("skrip JavaScript"),
    "text/x-shellscript": _("skrip"),
    "text/x-php": _("skrip PHP"),
    "text/x-python": _("skrip Python"),
    "application/json": _("data JSON"),
    "text/xml": _("data XML"),
    "application/xml": _("data XML"),
    "image/gif": _("gambar GIF"),
    "image/webp": _("gambar WEBP"),
    "image/bmp": _("gambar BMP"),
    "application/x-empty": _("berkas kosong"),
    "application/octet-stream": _("data biner yang tidak dikenal"),
}


@dataclass(frozen=True)
class Inspection:
    file_type: FileType
    media_type: str
    extension: str  # the one the stored file gets
    page_count: int | None = None


def max_upload_bytes() -> int:
    return int(getattr(settings, "WARTA_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB)) * 1024 * 1024


def format_size(size: int) -> str:
    """'1,8 MB', '512 KB', '120 bita' — as ui.md writes file sizes."""
    if size >= 1024 * 1024:
        value, unit = size / (1024 * 1024), "MB"
    elif size >= 1024:
        value, unit = size / 1024, "KB"
    else:
        return gettext("%(size)s bita") % {"size": size}
    text = f"{value:.1f}".replace(".", ",")
    return f"{text.removesuffix(',0')} {unit}"


def allowed_labels() -> str:
    return join_labels(ft.label for ft in ALLOWED_TYPES)


def file_type_for(media_type: str) -> FileType | None:
    return _BY_MEDIA_TYPE.get(media_type)


def type_label(media_type: str) -> str:
    if media_type in _BY_MEDIA_TYPE:
        return str(_BY_MEDIA_TYPE[media_type].label)
    return str(_REFUSED_LABELS.get(media_type, media_type))


def check_size(size: int) -> None:
    if size <= 0:
        raise errors.EMPTY_FILE.error(field="file")
    limit = max_upload_bytes()
    if size > limit:
        raise errors.TOO_LARGE.error(field="file", size=format_size(size), limit=format_size(limit))


def _zip_media_type(path: Path) -> str | None:
    """OOXML/ODF files that libmagic only calls 'zip' (it looks at the first members only)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = set(archive.namelist())
            if "mimetype" in members:
                return archive.read("mimetype")[:100].decode("ascii", "replace").strip()
            if "[Content_Types].xml" in members:
                if "word/document.xml" in members:
                    return ALLOWED_TYPES[1].media_types[0]
                if "xl/workbook.xml" in members:
                    return ALLOWED_TYPES[2].media_types[0]
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def detect_media_type(path: Path) -> str:
    media_type = magic.from_file(str(path), mime=True)
    if media_type in {"application/zip", "application/octet-stream"}:
        media_type = _zip_media_type(path) or media_type
    return media_type


def _pdf_page_count(path: Path) -> int:
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise errors.PDF_ENCRYPTED.error(field="file")
        return len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        raise errors.PDF_BROKEN.error(field="file") from exc
    except NotImplementedError as exc:  # an encryption scheme pypdf cannot open
        raise errors.PDF_ENCRYPTED.error(field="file") from exc


def _check_structure(path: Path, file_type: FileType) -> None:
    broken = errors.FILE_BROKEN.error(field="file", detected=file_type.label)
    if file_type.family in {"docx", "xlsx", "odf"}:
        try:
            with zipfile.ZipFile(path) as archive:
                archive.infolist()
        except (zipfile.BadZipFile, OSError) as exc:
            raise broken from exc
    elif file_type.family == "image":
        try:
            with Image.open(path) as image:
                image.verify()
        except Exception as exc:  # Pillow raises many types for damaged or hostile images
            raise broken from exc


def inspect(path: Path, claimed_name: str, size: int) -> Inspection:
    """Check size, type by content, agreement with the name's extension and basic soundness."""
    check_size(size)
    media_type = detect_media_type(path)
    actual = _BY_MEDIA_TYPE.get(media_type)
    extension = names.extension_of(claimed_name)
    claimed = _BY_EXTENSION.get(extension)

    if claimed is not None and claimed is not actual:
        raise errors.CONTENT_MISMATCH.error(
            field="file", extension=extension, claimed=claimed.label, detected=type_label(media_type)
        )
    if actual is None:
        raise errors.TYPE_NOT_ALLOWED.error(field="file", detected=type_label(media_type), allowed=allowed_labels())
    if extension and claimed is None:
        raise errors.EXTENSION_NOT_ALLOWED.error(
            field="file", extension=extension, detected=actual.label, expected=actual.extensions[0]
        )

    page_count = None
    if actual.family == "pdf":
        page_count = _pdf_page_count(path)
    else:
        _check_structure(path, actual)
    return Inspection(actual, media_type, extension or actual.extensions[0], page_count)
