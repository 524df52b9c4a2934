"""File names: the one people see, and the one the storage keeps."""

import re
import unicodedata

from django.utils.text import slugify

DISPLAY_MAX = 200
STORAGE_STEM_MAX = 80
FALLBACK_STEM = "dokumen"


def _without_path(name: str) -> str:
    return re.split(r"[/\\]", name)[-1]


def display_name(raw: str | None) -> str:
    """The uploader's name for the file, minus folders and invisible or control characters.

    Format characters (category Cf) go too: a right-to-left override can make ``cod.exe`` read as ``exe.doc``.
    """
    name = unicodedata.normalize("NFC", _without_path(raw or ""))
    name = "".join(ch for ch in name if unicodedata.category(ch) not in {"Cc", "Cf", "Zl", "Zp"})
    name = re.sub(r"\s+", " ", name).strip(" .")
    if not name:
        return FALLBACK_STEM
    if len(name) > DISPLAY_MAX:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            name = stem[: DISPLAY_MAX - len(ext) - 1].rstrip(" .") + "." + ext
        else:
            name = name[:DISPLAY_MAX]
    return name


def extension_of(name: str | None) -> str:
    """Lower-case extension without the dot; '' when the name has none."""
    name = display_name(name)
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        return ""
    return ext.lower()


def storage_name(name: str | None, extension: str | None = None) -> str:
    """An ASCII slug plus extension, safe on every file system and object store: 'SK DIP (final).pdf' →
    'sk-dip-final.pdf'. ``extension`` (decided from the content) replaces whatever the name claimed."""
    name = display_name(name)
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    ext = re.sub(r"[^a-z0-9]", "", (extension if extension is not None else ext).lower())[:10]
    slug = slugify(stem)[:STORAGE_STEM_MAX].strip("-_") or FALLBACK_STEM
    return f"{slug}.{ext}" if ext else slug
