"""File names: what the uploader sees stays readable; what the storage gets is always safe."""

from hypothesis import given
from hypothesis import strategies as st

from warta.documents import names


def test_folders_and_control_characters_are_removed_from_the_display_name():
    assert names.display_name("C:\\Users\\sari\\Desktop\\SK DIP 2024.pdf") == "SK DIP 2024.pdf"
    assert names.display_name("../../etc/passwd") == "passwd"
    assert names.display_name("laporan\x00\x1b[31m.pdf") == "laporan[31m.pdf"
    assert names.display_name("foto\u202egpj.exe") == "fotogpj.exe"  # right-to-left override dropped
    assert names.display_name("   ") == "dokumen"


def test_long_display_names_keep_their_extension():
    name = names.display_name("a" * 500 + ".pdf")
    assert len(name) == names.DISPLAY_MAX and name.endswith(".pdf")


def test_storage_name_is_an_ascii_slug_with_the_extension_decided_by_content():
    assert names.storage_name("SK Penetapan DIP (Final) 2024.PDF", "pdf") == "sk-penetapan-dip-final-2024.pdf"
    assert names.storage_name("Laporan Keuangan — Triwulan Ⅱ.docx", "docx") == "laporan-keuangan-triwulan-ii.docx"
    assert names.storage_name("سند.pdf", "pdf") == "dokumen.pdf"
    assert names.storage_name("laporan.pdf.exe", "pdf") == "laporanpdf.pdf"


@given(st.text(max_size=400), st.sampled_from(["pdf", "docx", "png", "txt"]))
def test_any_name_becomes_a_short_safe_storage_name(raw, extension):
    stored = names.storage_name(raw, extension)
    stem, _, ext = stored.rpartition(".")
    assert ext == extension
    assert stem and len(stem) <= names.STORAGE_STEM_MAX
    assert all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in stem)
