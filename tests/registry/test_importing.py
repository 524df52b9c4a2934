"""Importing a register from the files offices really keep: a real messy XLSX, a hand-built worse one, a cp1252 CSV.

The parser is checked row by row against what a person reads in the file; the service is checked for its
promises: a dry run writes nothing, problems refuse the import, a clean import writes everything in one go.
"""

import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from tests.helpers import wib
from warta.core.errors import ServiceError
from warta.pos.services import PlanItemData, issue_disposition
from warta.records.audit import verify_chain
from warta.records.models import AuditRecord
from warta.registry.importing import (
    column_kind,
    parse_category,
    parse_mark,
    parse_register,
    parse_when,
    section_category,
)
from warta.registry.models import Category, Entry, EntryStatus, Revision
from warta.registry.services.entries import create_entry
from warta.registry.services.importing import import_register

FOOD_STATION = "11_informasi_berkala_pt_food_station.xlsx"


# ----------------------------------------------------------------------------------------------- fixtures


def messy_workbook() -> bytes:
    """A DIP as offices type it: title rows, empty column A, a merged two-row header, sections, a blank row.

    Rows (1-based, as Excel shows them):
      1-2 title, 4-5 header ("Bentuk Informasi" over Softcopy | Hardcopy), 6 section A, 7-8 berkala,
      9 blank, 10 section B, 11-13 serta merta (13 repeats number 2), 14 no title, 15 category cell "Setiap Saat".
    """
    book = Workbook()
    sheet = book.active
    sheet.title = "DIP 2024"
    sheet["B1"] = "DAFTAR INFORMASI PUBLIK"
    sheet["B2"] = "BALAI PENJAMINAN MUTU PENDIDIKAN PROVINSI BENGKULU TAHUN 2024"
    sheet.merge_cells("B1:K1")
    sheet.merge_cells("B2:K2")
    top = ["No", "Ringkasan Isi\nInformasi", "Pejabat/Unit/Satker yang Menguasai Informasi",
           "Penanggungjawab Pembuatan/ Penerbitan", "Waktu Pembuatan", "Bentuk Informasi", None,
           "Jangka Waktu Penyimpanan/ Retensi Arsip", "Kategori", "Catatan Internal"]
    for column, label in enumerate(top, start=2):
        if label:
            sheet.cell(row=4, column=column, value=label).font = Font(bold=True)
    sheet.cell(row=5, column=7, value="Softcopy")
    sheet.cell(row=5, column=8, value="Hardcopy")
    sheet.merge_cells("G4:H4")
    for column in "BCDEFIJK":
        sheet.merge_cells(f"{column}4:{column}5")
    sheet["B6"] = "A. Informasi Berkala"
    sheet.merge_cells("B6:K6")
    rows = {
        7: [1, "Profil BPMP Provinsi Bengkulu", "Subbagian Umum", "Kepala Subbagian Umum", "Januari 2024", "✓", None,
            "Selama berlaku", None, "cek ulang"],
        8: [2, "Laporan Keuangan Tahun 2023", "Subbagian Umum", "Kepala Balai", datetime(2024, 3, 12), "v", "v",
            "10 tahun", None, None],
        11: [1, "Peringatan dini banjir dan jalur evakuasi", "Tim Kebencanaan", "Kepala Balai", "2024", "ya", "x",
             "1 tahun", None, None],
        12: [2, "Gangguan layanan listrik di kantor", "Subbagian Umum", "Kepala Subbagian Umum", "Setiap tahun",
             "v", "-", "1 tahun", None, None],
        13: [2, "Wabah penyakit di lingkungan sekolah", "Seksi Pemetaan Mutu", "Kepala Balai", "12 Maret 2024", "v",
             None, "2 tahun", None, None],
        14: [3, None, "Subbagian Umum", "Kepala Balai", "Mei 2024", "v", None, "5 tahun", None, None],
        15: [4, "Daftar Informasi Publik", "PPID", "PPID", "Juni 2024", "v", "v", "Permanen", "Setiap Saat", None],
    }
    for row, values in rows.items():
        for column, value in enumerate(values, start=2):
            sheet.cell(row=row, column=column, value=value)
    sheet["B10"] = "B. Informasi Serta Merta"
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


CP1252_CSV = (
    "Daftar Informasi Publik Dinas Komunikasi dan Informatika\r\n"
    "\r\n"
    "No;Ringkasan Isi Informasi;Pejabat yang Menguasai Informasi;Penanggung Jawab;Waktu dan Tempat Pembuatan;"
    "Bentuk Informasi;Retensi;Kategori;Tahun;Dasar Hukum;Tautan\r\n"
    "1;Rencana Strategis 2025–2029;Bidang Perencanaan;Kepala Dinas;Januari 2025, Kota Bengkulu;Cetak dan Online;"
    "Permanen;Tersedia Setiap Saat;2025;Perki 1/2021;Unduh: https://dinas.example.id/renstra.pdf\r\n"
    "2;\"Laporan “Kinerja” Instansi; ringkas\";Sekretariat;Sekretaris;12/03/2024;Softcopy;5 tahun;Berkala;;"
    "\"UU 14/2008\nPerki 1/2021\";\r\n"
    "3;Informasi tarif retribusi daerah — Perda 2/2023;Bidang Pendapatan;Kepala Bidang;2023;Hardcopy;10 tahun;"
    "informasi berkala;;;www.dinas.example.id/tarif\r\n"
).encode("cp1252")


def clean_rows_csv(count: int, *, numbered: bool) -> bytes:
    header = ("No," if numbered else "") + "Ringkasan Isi Informasi,Pejabat yang Menguasai,Penanggung Jawab,Kategori"
    lines = [header] + [
        (f"{i}," if numbered else "") + f"Informasi nomor {i},Subbagian Umum,Kepala Balai,Berkala"
        for i in range(1, count + 1)
    ]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def run(staff):
    return issue_disposition(staff["ppid"], title="Pemutakhiran DIP", instructions="Impor DIP lama",
                             addressee=staff["pengolah"], verifier=staff["penelaah"],
                             plan=[PlanItemData("DIP 2026", date(2026, 12, 1))], now=wib(23, 8))


# ----------------------------------------------------------------------------------------------- the parser


def test_the_food_station_sheet_reads_as_ten_berkala_rows_with_their_links(corpus):
    result = parse_register((corpus / FOOD_STATION).read_bytes(), FOOD_STATION)
    assert (result.file_format, result.header_row) == ("xlsx", 5)
    assert result.columns == {"number": "No", "title": "Informasi Wajib Disediakan dan Diumumkan Secara Berkala",
                              "category": "Kategori", "links": "Link"}
    rows = list(result.rows())
    assert result.ok and result.row_count == len(rows) == 10
    assert [row.row_number for row in rows] == list(range(6, 16))
    assert [row.values["number"] for row in rows] == list(range(1, 11)) and not result.renumbered
    assert {row.values["category"] for row in rows} == {Category.BERKALA}
    assert rows[0].values["title"] == "Profil dan Sejarah Perusahaan"
    assert rows[0].values["links"] == [{"url": "https://foodstation.id/sejarah-perusahaan/", "label": ""}]
    assert rows[9].values["links"][0]["url"] == "https://foodstation.id/laporan-tahunan-fstj/"
    # The file lacks most Perki columns: said once, not as a blocking problem.
    (missing,) = [w for w in result.warnings if "Perki" in w]
    assert "pejabat/unit yang menguasai informasi" in missing and "jangka waktu penyimpanan" in missing


def test_a_messy_workbook_gives_exactly_its_problems_and_reads_every_other_row():
    result = parse_register(messy_workbook(), "dip-2024.xlsx")
    assert result.header_row == 4 and result.sheet == "DIP 2024"
    assert result.columns["form_digital"] == "Bentuk Informasi – Softcopy"
    assert result.columns["form_printed"] == "Bentuk Informasi – Hardcopy"

    assert [(p.row_number, p.field, p.code) for p in result.problems] == [
        (14, "title", "registry.import_row_no_title"),
    ]
    assert result.problems[0].column == "Ringkasan Isi Informasi"
    assert result.problem_count == 1 and not result.ok

    rows = {row.row_number: row for row in result.rows()}
    assert sorted(rows) == [7, 8, 11, 12, 13, 14, 15]  # title rows, header, sections and the blank row skipped
    assert [rows[n].values["category"] for n in (7, 8, 11, 12, 13, 15)] == [
        Category.BERKALA, Category.BERKALA, Category.SERTA_MERTA, Category.SERTA_MERTA, Category.SERTA_MERTA,
        Category.SETIAP_SAAT,
    ]
    # Dates as written, normalised to the Indonesian form, with the year when there is one.
    assert [(rows[n].values["made_when"], rows[n].values["year"]) for n in (7, 8, 11, 12, 13)] == [
        ("Januari 2024", 2024), ("12 Maret 2024", 2024), ("2024", 2024), ("Setiap tahun", None),
        ("12 Maret 2024", 2024),
    ]
    # Tick marks under the merged "Bentuk Informasi" header.
    assert [(rows[n].values["form_digital"], rows[n].values["form_printed"]) for n in (7, 8, 11, 12)] == [
        (True, False), (True, True), (True, True), (True, False),
    ]
    assert rows[7].values["holder"] == "Subbagian Umum" and rows[7].values["retention"] == "Selama berlaku"

    # Number 2 twice in section B: the file's numbers are dropped and the rows numbered in file order.
    assert result.renumbered
    assert [rows[n].values["number"] for n in sorted(rows)] == [1, 2, 3, 4, 5, 6, 7]
    assert any("Nomor 2 sudah dipakai di baris 12" in w for w in rows[13].warnings)
    assert any("baris 13 sama dengan baris 12" in w for w in result.warnings)
    assert any("“Catatan Internal”" in w and "tidak dikenali" in w for w in result.warnings)


def test_a_semicolon_csv_in_windows_encoding_keeps_its_characters_and_splits_its_cells():
    result = parse_register(CP1252_CSV, "dip.csv")
    assert result.file_format == "csv" and result.header_row == 3 and result.ok
    first, second, third = result.rows()
    assert first.values["title"] == "Rencana Strategis 2025–2029"
    assert (first.values["made_when"], first.values["made_where"]) == ("Januari 2025", "Kota Bengkulu")
    assert (first.values["form_printed"], first.values["form_digital"]) == (True, True)
    assert first.values["category"] == Category.SETIAP_SAAT and first.values["year"] == 2025
    assert first.values["links"] == [{"url": "https://dinas.example.id/renstra.pdf", "label": "Unduh"}]
    assert second.values["title"] == "Laporan “Kinerja” Instansi; ringkas"  # quoted delimiter stays in the cell
    assert second.values["made_when"] == "12 Maret 2024" and second.values["year"] == 2024
    assert second.values["legal_basis"] == "UU 14/2008\nPerki 1/2021"
    assert (second.values["form_printed"], second.values["form_digital"]) == (False, True)
    assert third.values["title"] == "Informasi tarif retribusi daerah — Perda 2/2023"
    assert third.values["links"] == [{"url": "https://www.dinas.example.id/tarif", "label": ""}]
    assert third.row_number == 6 and third.values["category"] == Category.BERKALA


def test_a_table_pasted_from_word_repeats_its_header_on_every_page_and_is_still_read():
    lines = ["No\tRingkasan Isi Informasi\tKategori", "1\t2\t3", "1\tProfil\tBerkala", "2\tRenstra\tSetiap Saat",
             "No\tRingkasan Isi Informasi\tKategori", "1\t2\t3", "3\tLaporan Keuangan\tBerkala"]
    data = "\r\n".join(lines).encode("utf-16")  # Excel's "Unicode Text" export: UTF-16 with BOM, tabs
    result = parse_register(data, "dip.txt")
    assert result.ok and result.row_count == 3 and not result.renumbered
    assert [(row.row_number, row.values["number"], row.values["title"]) for row in result.rows()] == [
        (3, 1, "Profil"), (4, 2, "Renstra"), (7, 3, "Laporan Keuangan"),
    ]


def test_a_row_without_category_or_section_and_an_overlong_title_are_problems():
    data = ("Ringkasan Isi Informasi,Kategori\n"
            "Profil,Rutin\n"
            "Tanpa kategori,\n"
            f"{'x' * 501},Berkala\n").encode()
    result = parse_register(data, "dip.csv")
    assert [(p.row_number, p.code) for p in result.problems] == [
        (2, "registry.import_row_unknown_category"),
        (3, "registry.import_row_no_category"),
        (4, "registry.import_row_too_long"),
    ]
    assert "“Rutin”" in result.problems[0].message
    assert "501 karakter" in result.problems[-1].message and "500" in result.problems[-1].message
    assert "%(" not in result.problems[-1].message


def test_an_unknown_category_word_is_a_problem_but_a_section_default_rescues_it():
    data = b"No,Informasi,Kategori\n1,Profil,Rutin\nInformasi Serta Merta,,\n2,Banjir,Rutin\n"
    result = parse_register(data, "dip.csv")
    assert [(p.row_number, p.code) for p in result.problems] == [(2, "registry.import_row_unknown_category")]
    rows = list(result.rows())
    assert rows[1].values["category"] == Category.SERTA_MERTA
    assert any("Rutin" in w for w in rows[1].warnings)


@pytest.mark.parametrize("data, code", [
    (b"", "registry.import_empty_file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "registry.import_legacy_xls"),
    (b"PK\x03\x04 not really a zip", "registry.import_unreadable"),
    (b"id,nama_kabupaten_kota,produksi_sampah\n1,KABUPATEN BOGOR,1511.15\n", "registry.import_no_header"),
    (b"No,Ringkasan Isi Informasi,Kategori\n\n\n", "registry.import_no_rows"),
])
def test_files_that_are_not_a_register_are_refused_with_a_code(data, code):
    with pytest.raises(ServiceError) as refused:
        parse_register(data, "berkas.xlsx" if data.startswith(b"PK") else "berkas.csv")
    assert refused.value.code == code and "%(" not in refused.value.message


def test_the_open_data_csv_from_the_corpus_is_not_mistaken_for_a_register(corpus):
    with pytest.raises(ServiceError) as refused:
        parse_register((corpus / "12_opendata_jabar_produksi_sampah.csv").read_bytes(), "sampah.csv")
    assert refused.value.code == "registry.import_no_header"


@pytest.mark.parametrize("label, kind", [
    ("No.", "number"), ("NOMOR", "number"), ("Ringkasan Isi Informasi", "title"), ("Judul", "title"),
    ("Pejabat/Unit/Satker yang\nMenguasai Informasi", "holder"),
    ("Penanggungjawab Pembuatan/Penerbitan", "responsible"),
    ("Waktu dan Tempat Pembuatan Informasi", "made"), ("Waktu Pembuatan", "made_when"), ("Bentuk Informasi", "form"),
    ("Softcopy", "form_digital"), ("Hard Copy", "form_printed"), ("Cetak", "form_printed"), ("Online", "form_digital"),
    ("Jangka Waktu Penyimpanan / Retensi Arsip", "retention"), ("Kategori Informasi", "category"),
    ("Tahun", "year"), ("Dasar Hukum", "legal_basis"), ("Link", "links"), ("Tautan Dokumen", "links"),
    ("Sumber Dana", None), (2024, None),
])
def test_header_words_map_to_register_fields(label, kind):
    assert column_kind(label) == kind


def test_words_dates_and_marks():
    assert [parse_category(w) for w in ("Informasi Berkala", "berkala", "Setiap Saat", "Tersedia Setiap Saat",
                                        "Serta Merta", "serta-merta", "Dikecualikan", "Lainnya")] == [
        "berkala", "berkala", "setiap-saat", "setiap-saat", "serta-merta", "serta-merta", "dikecualikan", None,
    ]
    assert section_category("II. Informasi yang wajib tersedia setiap saat") == Category.SETIAP_SAAT
    assert section_category("INFORMASI YANG WAJIB DISEDIAKAN DAN DIUMUMKAN SECARA BERKALA") == Category.BERKALA
    assert section_category("Laporan Informasi Berkala Semester I") is None  # an entry's title, not a section
    assert parse_when("Januari 2024") == ("Januari 2024", 2024)
    assert parse_when("12 maret 2024") == ("12 Maret 2024", 2024)
    assert parse_when("2024-03-12") == ("12 Maret 2024", 2024)
    assert parse_when("Setiap tahun") == ("Setiap tahun", None)
    assert parse_when("Tahun Anggaran 2023") == ("Tahun Anggaran 2023", 2023)
    assert parse_when(date(2026, 11, 23)) == ("23 November 2026", 2026)
    assert [parse_mark(m) for m in ("✓", "v", "x", "ya", "Ada", 1, "", None, "-", "tidak")] == [
        True, True, True, True, True, True, False, False, False, False,
    ]


# ----------------------------------------------------------------------------------------------- the service


@pytest.mark.django_db
def test_a_dry_run_reports_every_row_and_problem_and_writes_nothing(staff, run):
    result = parse_register(messy_workbook(), "dip-2024.xlsx")
    audit_before = AuditRecord.objects.count()
    report = import_register(staff["pengolah"], run, result)
    assert not report.confirmed and not report.ok
    assert report.count == 7 and [r.row_number for r in report.rows] == [7, 8, 11, 12, 13, 14, 15]
    assert [r.row_number for r in report.rows if r.blocked] == [14]
    assert [(p.row_number, p.code) for p in report.problems] == [(14, "registry.import_row_no_title")]
    assert Entry.objects.count() == 0 and Revision.objects.count() == 0
    assert AuditRecord.objects.count() == audit_before


@pytest.mark.django_db
def test_confirming_a_file_with_problems_refuses_and_writes_nothing(staff, run):
    result = parse_register(messy_workbook(), "dip-2024.xlsx")
    audit_before = AuditRecord.objects.count()
    with pytest.raises(ServiceError) as refused:
        import_register(staff["pengolah"], run, result, confirm=True)
    assert refused.value.code == "registry.import_has_problems"
    assert "baris 14" in refused.value.message and "Ringkasan Isi Informasi" in refused.value.message
    assert Entry.objects.count() == 0 and Revision.objects.count() == 0
    assert AuditRecord.objects.count() == audit_before


@pytest.mark.django_db
def test_only_the_drafting_executor_may_import(staff, run):
    result = parse_register(clean_rows_csv(3, numbered=True), "dip.csv")
    with pytest.raises(ServiceError) as refused:
        import_register(staff["penelaah"], run, result, confirm=True)
    assert refused.value.code == "pos.role_required"
    assert Entry.objects.count() == 0


@pytest.mark.django_db
def test_a_clean_import_writes_entries_revisions_and_one_audit_record_and_numbers_continue(
    staff, run, django_assert_max_num_queries
):
    pengolah = staff["pengolah"]
    existing = create_entry(pengolah, run, {
        "title": "Profil Balai", "holder": "Subbagian Umum", "responsible": "Kepala Balai",
        "category": Category.BERKALA,
    }, now=wib(23, 9))
    assert existing.number == 1
    count = 4500  # three bulk batches
    result = parse_register(clean_rows_csv(count, numbered=False), "dip-lama.csv")
    assert result.ok and result.renumbered
    audit_before = AuditRecord.objects.count()
    # Batched inserts: row by row would be at least 2 queries a row. (SQLite caps a statement at 999 parameters,
    # so Django splits each 2,000-row batch further there; PostgreSQL takes it whole.)
    with django_assert_max_num_queries(count // 10):
        report = import_register(pengolah, run, result, confirm=True, source_name="DIP lama.csv", now=wib(23, 10))

    assert report.confirmed and report.count == count
    assert (report.first_number, report.last_number) == (2, count + 1)
    imported = Entry.objects.filter(run=run).exclude(pk=existing.pk).order_by("number")
    assert imported.count() == count
    assert list(imported.values_list("number", flat=True)) == list(range(2, count + 2))
    assert set(imported.values_list("status", "unit_id").distinct()) == {(EntryStatus.DRAFT, run.unit_id)}
    first = imported.first()
    assert first.title == "Informasi nomor 1" and first.holder == "Subbagian Umum"

    revisions = Revision.objects.filter(entry__in=imported)
    assert revisions.count() == count
    assert set(revisions.values_list("number", "action", "actor_id").distinct()) == {(1, "impor", pengolah.pk)}
    revision = first.revisions.get()
    assert revision.changes["title"] == [None, "Informasi nomor 1"] and revision.changes["number"] == [None, 2]
    assert revision.at == wib(23, 10) and revision.run == run

    (audit,) = AuditRecord.objects.all()[audit_before:]
    assert audit.action == "registry.import" and audit.pk == report.audit_record_id
    assert audit.after["count"] == count and audit.after["source"] == "DIP lama.csv"
    assert audit.after["sha256"] == result.sha256 and len(result.sha256) == 64
    assert verify_chain().ok


@pytest.mark.django_db
def test_a_file_with_its_own_numbers_keeps_them(staff, run):
    result = parse_register(clean_rows_csv(3, numbered=True).replace(b"\n3,", b"\n7,"), "dip.csv")
    report = import_register(staff["pengolah"], run, result, confirm=True)
    assert not report.renumbered
    assert sorted(Entry.objects.values_list("number", flat=True)) == [1, 2, 7]
