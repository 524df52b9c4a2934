"""Reading text out of real documents of each accepted kind."""

import io

import pytest

from warta.documents import extraction

from .conftest import corpus_file


def test_dip_pdf_gives_its_text_page_by_page():
    result = extraction.extract(corpus_file("01_dip_kab_sumedang_2024.pdf"), "pdf")
    assert len(result.pages) == 13 and result.text.count("\f") == 12
    assert "DAFTAR INFORMASI PUBLIK PEMERINTAH DAERAH KABUPATEN" in result.pages[0]
    assert not result.needs_ocr


def test_watermarked_regulation_still_yields_its_words():
    result = extraction.extract(corpus_file("06_perki_1_2021_standar_layanan_informasi_publik.pdf"), "pdf")
    assert len(result.pages) == 96 and not result.needs_ocr
    text = result.text.lower()
    assert "standar layanan informasi publik" in text
    assert "pejabat pengelola informasi dan dokumentasi" in text


def test_scans_are_recognised_page_by_page():
    mixed = extraction.extract(corpus_file("07_laporan_tahunan_ppid_sumedang_2021.pdf"), "pdf")
    assert mixed.pages_needing_ocr == [11]  # 10 of 11 pages have text (SOURCES.md)
    scan = extraction.extract(corpus_file("03_sk_penetapan_dip_sumedang_2022_scan.pdf"), "pdf")
    assert scan.pages_needing_ocr == list(range(1, 18))


def test_corpus_xlsx_rows_become_lines():
    result = extraction.extract(corpus_file("11_informasi_berkala_pt_food_station.xlsx"), "xlsx")
    assert "Informasi Wajib Disediakan dan Diumumkan Secara Berkala" in result.text
    assert "Profil dan Sejarah Perusahaan\tInformasi Berkala\thttps://foodstation.id/sejarah-perusahaan/" in result.text


def test_docx_paragraphs_tables_and_header_are_read(tmp_path):
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "RAHASIA"
    document.add_heading("Keputusan Kepala Dinas", level=1)
    document.add_paragraph("Menetapkan Daftar Informasi Publik tahun 2026.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Nama", "NIK"
    table.cell(1, 0).text, table.cell(1, 1).text = "Siti Aminah", "3273015103900003"
    path = tmp_path / "sk.docx"
    document.save(path)

    text = extraction.extract(path, "docx").text
    assert text.splitlines() == [
        "RAHASIA",
        "Keputusan Kepala Dinas",
        "Menetapkan Daftar Informasi Publik tahun 2026.",
        "Nama\tNIK",
        "Siti Aminah\t3273015103900003",
    ]


def test_odt_and_ods_are_read(tmp_path):
    from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
    from odf.table import Table, TableCell, TableRow
    from odf.text import H, P

    text_doc = OpenDocumentText()
    text_doc.text.addElement(H(outlinelevel=1, text="Pengumuman"))
    text_doc.text.addElement(P(text="Layanan informasi buka pukul 08.00."))
    text_doc.save(str(tmp_path / "a.odt"))
    assert extraction.extract(tmp_path / "a.odt", "odf").text == "Pengumuman\nLayanan informasi buka pukul 08.00."

    sheet_doc = OpenDocumentSpreadsheet()
    table = Table(name="DIP")
    for cells in (["No", "Ringkasan"], ["1", "Profil PPID"]):
        row = TableRow()
        for value in cells:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    sheet_doc.spreadsheet.addElement(table)
    sheet_doc.save(str(tmp_path / "b.ods"))
    assert extraction.extract(tmp_path / "b.ods", "odf").text == "[DIP]\nNo\tRingkasan\n1\tProfil PPID"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"Pengumuman: jalan ditutup.", "Pengumuman: jalan ditutup."),
        ("\ufeffCafé PPID".encode(), "Café PPID"),
        ("Café – PPID".encode("cp1252"), "Café – PPID"),
        ("Café".encode("utf-16"), "Café"),
    ],
)
def test_text_files_are_decoded_utf8_first_then_cp1252(tmp_path, raw, expected):
    path = tmp_path / "t.txt"
    path.write_bytes(raw)
    assert extraction.extract(path, "text").text == expected


def test_nul_characters_are_dropped_so_postgresql_can_store_the_text(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes(b"NIK\x00 tercatat\x0c di sini")
    assert extraction.extract(path, "text").text == "NIK tercatat\n di sini"


def test_a_damaged_docx_fails_with_a_readable_message(tmp_path):
    path = tmp_path / "rusak.docx"
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<not-word/>")
    path.write_bytes(buffer.getvalue())
    with pytest.raises(extraction.ExtractionError) as caught:
        extraction.extract(path, "docx")
    assert caught.value.problem.code == "documents.text_unreadable"
    assert "tidak dapat dibaca" in caught.value.problem.message


def test_a_pdf_with_no_text_at_all_goes_to_ocr_even_without_images(tmp_path):
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842)
    path = tmp_path / "kosong.pdf"
    with path.open("wb") as out:
        writer.write(out)
    assert extraction.extract(path, "pdf").pages_needing_ocr == [1, 2]
