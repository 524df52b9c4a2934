"""Exports of the register: CSV, JSON and XLSX round-trip through the importer and stream in flat memory;
the PDF is the official table with its kop, category sections in order and the PPID's signature block."""

import io
import json
import tracemalloc
from datetime import date
from types import SimpleNamespace

import pytest
from django.utils import translation
from pypdf import PdfReader

from warta.registry.exporting import CSV_HEADER, export_csv, export_json, export_pdf, export_xlsx
from warta.registry.importing import parse_register
from warta.registry.models import REGISTER_FIELDS, Category, Entry

SEVEN_COLUMNS = ["number", "title", "holder", "responsible", "made_when", "made_where", "form_printed",
                 "form_digital", "retention"]
ROUND_TRIP = [*SEVEN_COLUMNS, "category", "year", "legal_basis", "links"]

SAMPLES = [
    {"number": 1, "title": "Profil BPMP Provinsi Bengkulu", "holder": "Subbagian Umum",
     "responsible": "Kepala Subbagian Umum", "made_when": "Januari 2024", "made_where": "Kota Bengkulu",
     "form_printed": True, "form_digital": True, "retention": "Selama berlaku", "category": Category.BERKALA,
     "year": 2024, "legal_basis": "UU 14/2008 Pasal 9\nPerki 1/2021 Pasal 11",
     "links": [{"url": "https://bpmp.example.id/profil", "label": "Profil"}]},
    {"number": 2, "title": "Laporan “Keuangan”, Semester I; 2024", "holder": "Subbagian Umum, Keuangan",
     "responsible": "Kepala Balai", "made_when": "12 Maret 2024", "made_where": "", "form_printed": False,
     "form_digital": True, "retention": "10 tahun", "category": Category.BERKALA, "year": 2024, "legal_basis": "",
     "links": [{"url": "https://bpmp.example.id/lk.pdf", "label": ""},
               {"url": "https://arsip.example.id/lk-2024", "label": "Arsip"}]},
    {"number": 1, "title": "=HYPERLINK(\"https://jahat.example\")", "holder": "PPID", "responsible": "PPID",
     "made_when": "Setiap tahun", "made_where": "Bengkulu", "form_printed": True, "form_digital": False,
     "retention": "1 tahun", "category": Category.SERTA_MERTA, "year": None, "legal_basis": "", "links": []},
    {"number": 3, "title": "Rencana Strategis 2025–2029", "holder": "Seksi Pemetaan Mutu",
     "responsible": "Kepala Balai", "made_when": "2025", "made_where": "Bengkulu", "form_printed": True,
     "form_digital": True, "retention": "Permanen", "category": Category.SETIAP_SAAT, "year": 2025,
     "legal_basis": "Permendikbudristek 13/2022", "links": []},
    {"number": 4, "title": "Hasil penyelidikan internal", "holder": "Inspektorat", "responsible": "Kepala Balai",
     "made_when": "Mei 2024", "made_where": "Bengkulu", "form_printed": True, "form_digital": False,
     "retention": "5 tahun", "category": Category.DIKECUALIKAN, "year": 2024, "legal_basis": "UU 14/2008 Pasal 17",
     "links": []},
]


def _entry(values: dict, **extra) -> Entry:
    return Entry(**{"summary": "", "tags": [], **values, **extra})


def _lazy_entries(count: int):
    """Entries made one at a time, as a queryset iterator gives them: nothing is kept between rows."""
    for number in range(1, count + 1):
        yield SimpleNamespace(**{**SAMPLES[number % 4], "summary": "", "tags": [], "number": number,
                                 "title": f"Informasi ke-{number} tentang layanan publik balai"})


@pytest.fixture
def saved(office):
    unit = office.units.get()
    return [Entry.objects.create(unit=unit, **{"summary": "", "tags": [], **values}) for values in SAMPLES]


def _picked(values: dict) -> dict:
    return {name: values[name] for name in ROUND_TRIP}


@pytest.mark.django_db
def test_csv_export_streams_and_reads_back_the_same_register(saved):
    chunks = list(export_csv(Entry.objects.order_by("pk"), chunk_size=256))
    assert len(chunks) > 1 and all(isinstance(chunk, bytes) for chunk in chunks)
    data = b"".join(chunks)
    assert data.startswith("\ufeff".encode()) and data.decode("utf-8-sig").splitlines()[0] == ",".join(CSV_HEADER)
    assert "'=HYPERLINK" in data.decode()  # a formula-looking cell is defused for spreadsheet users

    result = parse_register(data, "dip.csv")
    assert result.ok and not result.warnings and not result.renumbered
    assert [_picked(row.values) for row in result.rows()] == [_picked(values) for values in SAMPLES]


@pytest.mark.django_db
def test_xlsx_export_has_the_official_header_and_reimports_to_the_same_register(saved, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "dip.xlsx"
    export_xlsx(Entry.objects.order_by("pk"), path)
    sheet = load_workbook(path).active
    assert [cell.value for cell in sheet[1]][:9] == [
        "Nomor", "Ringkasan Isi Informasi", "Pejabat atau Unit/Satuan Kerja yang Menguasai Informasi",
        "Penanggung Jawab Pembuatan atau Penerbitan Informasi", "Waktu dan Tempat Pembuatan Informasi", None,
        "Bentuk Informasi yang Tersedia", None, "Jangka Waktu Penyimpanan atau Retensi Arsip",
    ]
    assert [cell.value for cell in sheet[2]][4:8] == ["Waktu", "Tempat", "Tercetak (Hardcopy)",
                                                      "Terekam/Daring (Softcopy)"]
    assert all(cell.font.b for cell in sheet[1] if cell.value) and "E1:F1" in sheet.merged_cells
    assert sheet["B5"].value.startswith("=HYPERLINK") and sheet["B5"].data_type == "s"  # text, not a formula
    assert sheet["B3"].alignment.wrap_text

    result = parse_register(path.read_bytes(), "dip.xlsx")
    assert result.ok and result.header_row == 1 and not result.warnings
    assert [_picked(row.values) for row in result.rows()] == [_picked(values) for values in SAMPLES]


@pytest.mark.django_db
def test_json_export_is_one_valid_array_written_item_by_item(saved):
    chunks = list(export_json(Entry.objects.order_by("pk"), chunk_size=300))
    assert len(chunks) > 2
    items = json.loads(b"".join(chunks))
    assert len(items) == len(SAMPLES)
    assert set(items[0]) == {*REGISTER_FIELDS, "category_label"}
    for item, values in zip(items, SAMPLES, strict=True):
        assert {name: item[name] for name in ROUND_TRIP} == _picked(values)
    assert items[2]["category_label"] == "Informasi Serta Merta" and items[2]["year"] is None
    assert items[1]["links"][1] == {"url": "https://arsip.example.id/lk-2024", "label": "Arsip"}


def test_json_of_an_empty_register_is_an_empty_array():
    assert json.loads(b"".join(export_json([]))) == []


def _peak(export, count: int) -> int:
    tracemalloc.start()
    try:
        export(_lazy_entries(count))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _xlsx_to_file(entries, folder):
    export_xlsx(entries, folder / "dip.xlsx")


@pytest.mark.parametrize("export, small", [
    (lambda entries, _: sum(len(chunk) for chunk in export_csv(entries)), 1000),
    (lambda entries, _: sum(len(chunk) for chunk in export_json(entries)), 1000),
    (_xlsx_to_file, 200),  # openpyxl is slow under tracemalloc: fewer rows, same ratio
], ids=["csv", "json", "xlsx"])
def test_streaming_exports_use_the_same_memory_for_ten_times_the_rows(export, small, tmp_path):
    peak_small = _peak(lambda entries: export(entries, tmp_path), small)
    peak_large = _peak(lambda entries: export(entries, tmp_path), small * 10)
    # Keeping 9 x more rows would cost megabytes; streaming adds at most a buffer's worth.
    assert peak_large - peak_small < 500_000, (peak_small, peak_large)


@pytest.mark.django_db
def test_the_pdf_is_the_official_table_grouped_by_category_and_signed(office, staff):
    entries = [_entry(values) for values in SAMPLES]
    ppid = staff["ppid"]
    pdf = export_pdf(entries, office, title="Daftar Informasi Publik Tahun 2026", decree_number="12/PPID/XI/2026",
                     decree_date=date(2026, 11, 23), signer=ppid)
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())

    assert office.name.upper() in text and "KEMENTERIAN PENDIDIKAN DASAR DAN MENENGAH" in text
    assert "DAFTAR INFORMASI PUBLIK TAHUN 2026" in text and "12/PPID/XI/2026" in text
    headings = ["Informasi Berkala", "Informasi Serta Merta", "Informasi Tersedia Setiap Saat"]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert text.index("Profil BPMP Provinsi Bengkulu") < positions[1] < text.index("=HYPERLINK") < positions[2]
    assert text.index("Rencana Strategis 2025–2029") > positions[2]
    assert "Hasil penyelidikan internal" not in text  # exempt information is not part of the DIP
    assert "Ringkasan Isi Informasi" in text and "Jangka Waktu Penyimpanan atau Retensi Arsip" in text
    assert "Bengkulu, 23 November 2026" in text
    assert ppid.full_name in text and f"NIP {ppid.nip}" in text
    assert f"Halaman 1 dari {len(reader.pages)}" in text


@pytest.mark.django_db
def test_the_signed_pdf_and_the_open_data_stay_indonesian_for_an_english_reader(office, staff, saved):
    with translation.override("en"):
        pdf = export_pdf([_entry(values) for values in SAMPLES], office, title="Daftar Informasi Publik",
                         decree_number="3/PPID/III/2026", decree_date=date(2026, 3, 23), signer=staff["ppid"])
        items = json.loads(b"".join(export_json(Entry.objects.order_by("pk"))))
        csv_text = b"".join(export_csv(Entry.objects.order_by("pk"))).decode("utf-8-sig")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Informasi Berkala" in text and "Bengkulu, 23 Maret 2026" in text and "Halaman 1 dari" in text
    assert "Periodic" not in text and "March" not in text
    assert items[2]["category_label"] == "Informasi Serta Merta"
    assert "Informasi Serta Merta" in csv_text and "Immediate" not in csv_text
