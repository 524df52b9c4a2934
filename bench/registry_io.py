"""Register import and export at scale: time and memory for 100,000 rows (see bench/README.md).

    .venv/bin/python bench/registry_io.py [--rows 100000] [--pdf-rows 1000] [--database-url URL] [--no-tracemalloc]

Sets up Django itself (warta.settings, or DJANGO_SETTINGS_MODULE) on a throwaway database: SQLite in a temporary
folder by default; with --database-url postgres://…/NAME it creates NAME_bench_<random> on that server and drops
it afterwards, so an existing database is never touched. It generates a realistic XLSX (title rows, empty
column A, merged two-row header, category section rows, Indonesian dates, tick marks) and a semicolon CSV with
the same rows, then measures each phase twice: once for time, once under tracemalloc for the Python heap peak
(tracemalloc slows Python down several times, so its times are not reported). ru_maxrss is the process's
resident high-water mark after the phase (it never goes down, so it bounds every phase before it too).

The PDF is measured for --pdf-rows entries only: a DIP of 100,000 rows would be thousands of landscape pages,
which no office signs or publishes; the PDF path is not a streaming one.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import resource
import secrets
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MIB = 1024 * 1024
SECTIONS = [("A. Informasi Berkala", "berkala", 0.5), ("B. Informasi Serta Merta", "serta-merta", 0.1),
            ("C. Informasi yang Wajib Tersedia Setiap Saat", "setiap-saat", 0.4)]
UNITS = ["Subbagian Umum", "Seksi Pemetaan Mutu", "Seksi Fasilitasi Peningkatan Mutu", "Tim Kerja Kehumasan",
         "Tim Kerja Perencanaan dan Anggaran", "PPID BPMP Provinsi Bengkulu"]
RESPONSIBLE = ["Kepala Balai", "Kepala Subbagian Umum", "Ketua Tim Kerja", "PPID"]
SUBJECTS = ["Laporan Keuangan", "Laporan Kinerja Instansi Pemerintah", "Rencana Kerja Anggaran", "Daftar Aset",
            "Hasil Pemetaan Mutu Pendidikan", "Notulen Rapat Koordinasi", "Surat Keputusan Kepala Balai",
            "Standar Pelayanan", "Laporan Pengadaan Barang dan Jasa", "Data Satuan Pendidikan Binaan"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
RETENTION = ["1 tahun", "2 tahun", "5 tahun", "10 tahun", "Permanen", "Selama berlaku"]


# ----------------------------------------------------------------------------------------------- data


def fake_rows(count: int):
    """(section label, row) in file order: each section's rows together, numbered from 1 within it."""
    produced = 0
    for index, (label, _, share) in enumerate(SECTIONS):
        size = count - produced if index == len(SECTIONS) - 1 else int(count * share)
        yield label, None
        for number in range(1, size + 1):
            serial = produced + number
            year = 2015 + serial % 11
            when = (f"{serial % 28 + 1} {MONTHS[serial % 12]} {year}" if serial % 3 == 0
                    else f"{MONTHS[serial % 12]} {year}" if serial % 3 == 1 else datetime(year, serial % 12 + 1, 1))
            yield label, [
                number, f"{SUBJECTS[serial % len(SUBJECTS)]} nomor {serial} Tahun {year}", UNITS[serial % len(UNITS)],
                RESPONSIBLE[serial % len(RESPONSIBLE)], when, "Kota Bengkulu", "✓", "✓" if serial % 2 else "",
                RETENTION[serial % len(RETENTION)], "", year, "UU 14/2008 Pasal 9" if serial % 5 == 0 else "",
                f"https://bpmp-bengkulu.example.id/dip/{serial}",
            ]
        produced += size


HEADER_TOP = ["No", "Ringkasan Isi Informasi", "Pejabat/Unit/Satker yang Menguasai Informasi",
              "Penanggungjawab Pembuatan/Penerbitan", "Waktu Pembuatan", "Tempat Pembuatan", "Bentuk Informasi", None,
              "Jangka Waktu Penyimpanan/Retensi Arsip", "Kategori", "Tahun", "Dasar Hukum", "Link"]
HEADER_SUB = [None] * 6 + ["Softcopy", "Hardcopy"] + [None] * 5


def make_xlsx(count: int) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("DIP")
    sheet.append([None, "DAFTAR INFORMASI PUBLIK BALAI PENJAMINAN MUTU PENDIDIKAN PROVINSI BENGKULU"])
    sheet.append([])
    sheet.append([None, *HEADER_TOP])
    sheet.append([None, *HEADER_SUB])
    for label, row in tqdm(fake_rows(count), total=count + len(SECTIONS), desc="membuat XLSX", unit="baris",
                           leave=False):
        sheet.append([None, label] if row is None else [None, *row])
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def make_csv(count: int) -> bytes:
    header = [*HEADER_TOP[:6], "Softcopy", "Hardcopy", *HEADER_TOP[8:]]
    lines = ["Daftar Informasi Publik BPMP Provinsi Bengkulu", ";".join(header)]
    for label, row in tqdm(fake_rows(count), total=count + len(SECTIONS), desc="membuat CSV", unit="baris",
                           leave=False):
        if row is None:
            lines.append(label)
            continue
        cells = ["" if v is None else (f"{MONTHS[v.month - 1]} {v.year}" if isinstance(v, datetime) else str(v))
                 for v in row]
        lines.append(";".join(cell.replace(";", ",") for cell in cells))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


# ----------------------------------------------------------------------------------------------- setup


def database_url(argument: str | None, folder: Path) -> tuple[str, Callable[[], None]]:
    if not argument:
        return f"sqlite:///{folder / 'bench.sqlite3'}", lambda: None
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(argument)
    name = f"{config['NAME']}_bench_{secrets.token_hex(4)}"
    admin = dict(host=config["HOST"] or None, port=config["PORT"] or None, user=config["USER"] or None,
                 password=config["PASSWORD"] or None, dbname="postgres", autocommit=True)
    with psycopg.connect(**admin) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(**admin) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')

    return argument.rsplit("/", 1)[0] + "/" + name, drop


def setup_django(url: str, folder: Path) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["WARTA_DATA_DIR"] = str(folder / "data")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def drafting_run(label: str):
    from warta.accounts.demo import create_demo_office
    from warta.accounts.models import User
    from warta.pos.services import PlanItemData, issue_disposition, load_procedure_file

    procedure, _ = load_procedure_file()
    office, _ = create_demo_office(sorted(procedure.qualification_codes()))
    staff = {user.username: user for user in User.objects.filter(unit__office=office)}
    run = issue_disposition(staff["ppid"], title=f"Impor DIP ({label})", instructions="Impor DIP lama",
                            addressee=staff["pengolah"], verifier=staff["penelaah"],
                            plan=[PlanItemData("DIP", date(2030, 1, 1))])
    return office, staff, run


# ----------------------------------------------------------------------------------------------- measuring


@dataclass
class Figure:
    phase: str
    rows: int
    seconds: float
    peak: int | None
    maxrss: int


def maxrss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def measure(phase: str, rows: int, action: Callable[[], object], *, memory: bool,
            memory_action: Callable[[], object] | None = None) -> Figure:
    started = time.perf_counter()
    action()
    seconds = time.perf_counter() - started
    peak = None
    if memory:
        tracemalloc.start()
        try:
            (memory_action or action)()
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    return Figure(phase, rows, seconds, peak, maxrss_bytes())


def drain(chunks, path: Path) -> int:
    size = 0
    with path.open("wb") as out:
        for chunk in chunks:
            out.write(chunk)
            size += len(chunk)
    return size


def run_benchmark(args, folder: Path) -> list[Figure]:
    from pypdf import PdfReader

    from warta.registry.exporting import export_csv, export_json, export_pdf, export_xlsx
    from warta.registry.importing import parse_register
    from warta.registry.models import Entry
    from warta.registry.services.importing import import_register

    rows, memory = args.rows, not args.no_tracemalloc
    xlsx, csv_data = make_xlsx(rows), make_csv(rows)
    office, staff, run = drafting_run("xlsx")
    pengolah = staff["pengolah"]
    figures = []
    phases = tqdm(total=11, desc="mengukur", unit="tahap")

    def step(figure: Figure) -> None:
        figures.append(figure)
        phases.set_postfix_str(figure.phase)
        phases.update()

    parsed = {}

    def parse_xlsx():
        parsed["xlsx"] = parse_register(xlsx, "dip.xlsx")
        return parsed["xlsx"]

    def parse_csv():
        parsed["csv"] = parse_register(csv_data, "dip.csv")
        return parsed["csv"]

    step(measure(f"parse XLSX ({len(xlsx) / MIB:.1f} MiB)", rows, parse_xlsx, memory=memory))
    step(measure(f"parse CSV ({len(csv_data) / MIB:.1f} MiB)", rows, parse_csv, memory=memory))
    assert parsed["xlsx"].ok and parsed["xlsx"].row_count == rows, parsed["xlsx"].problems[:3]
    assert parsed["csv"].ok and parsed["csv"].row_count == rows, parsed["csv"].problems[:3]
    step(measure("dry run XLSX (reads the file again)", rows,
                 lambda: import_register(pengolah, run, parsed["xlsx"]), memory=memory))
    step(measure("dry run CSV", rows, lambda: import_register(pengolah, run, parsed["csv"]), memory=memory))

    spare = {}

    def confirmed_again(kind: str):
        spare[kind] = drafting_run(f"{kind}, memori")[2]
        return import_register(pengolah, spare[kind], parsed[kind], confirm=True)

    step(measure("confirmed import XLSX (entries + revisions + audit)", rows,
                 lambda: import_register(pengolah, run, parsed["xlsx"], confirm=True), memory=memory,
                 memory_action=lambda: confirmed_again("xlsx")))
    _, _, csv_run = drafting_run("csv")
    step(measure("confirmed import CSV", rows,
                 lambda: import_register(pengolah, csv_run, parsed["csv"], confirm=True), memory=memory,
                 memory_action=lambda: confirmed_again("csv")))
    assert Entry.objects.filter(run=run).count() == rows

    def entries():
        return Entry.objects.filter(run=run).order_by("category", "number", "pk")

    step(measure("export CSV", rows, lambda: drain(export_csv(entries()), folder / "dip.csv"), memory=memory))
    step(measure("export JSON", rows, lambda: drain(export_json(entries()), folder / "dip.json"), memory=memory))
    step(measure("export XLSX", rows, lambda: export_xlsx(entries(), folder / "dip-export.xlsx"), memory=memory))
    pdf_rows = min(args.pdf_rows, rows)

    def pdf():
        data = export_pdf(entries()[:pdf_rows], office, title="Daftar Informasi Publik", signer=staff["ppid"])
        (folder / "dip.pdf").write_bytes(data)

    step(measure(f"export PDF ({pdf_rows} rows)", pdf_rows, pdf, memory=memory))
    step(measure("re-import the XLSX export (parse)", rows,
                 lambda: parse_register((folder / "dip-export.xlsx").read_bytes(), "dip-export.xlsx"),
                 memory=memory))
    phases.close()
    pages = len(PdfReader(folder / "dip.pdf").pages)
    figures[-2].phase += f", {pages} pages"
    return figures


# ----------------------------------------------------------------------------------------------- report


def machine(database: str) -> list[str]:
    from django.db import connection

    meminfo = Path("/proc/meminfo").read_text().split("\n", 1)[0].split()
    total = f"{int(meminfo[1]) / MIB:.1f} GiB" if len(meminfo) > 1 else "?"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            engine = f"PostgreSQL {cursor.fetchone()[0]}"
    else:
        engine = f"SQLite {sqlite3.sqlite_version}"
    return [
        f"- date: {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- machine: {os.cpu_count()} CPU (nproc), {total} RAM, {platform.platform()}",
        f"- Python {platform.python_version()}, {engine}",
        f"- load average (1, 5, 15 min) at the end: {', '.join(f'{load:.2f}' for load in os.getloadavg())}",
        f"- command: `{_shown(sys.executable)} {' '.join(sys.argv)}`",
    ]


def _shown(path: str) -> str:
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path


def table(figures: list[Figure]) -> list[str]:
    lines = ["| phase | rows | time (s) | rows/s | tracemalloc peak (MiB) | ru_maxrss after (MiB) |",
             "|---|---:|---:|---:|---:|---:|"]
    for figure in figures:
        peak = f"{figure.peak / MIB:.1f}" if figure.peak is not None else "–"
        lines.append(f"| {figure.phase} | {figure.rows:,} | {figure.seconds:.1f} | "
                     f"{figure.rows / figure.seconds:,.0f} | {peak} | {figure.maxrss / MIB:.0f} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--pdf-rows", type=int, default=1000)
    parser.add_argument("--database-url", help="postgres://user@host:port/NAME (a throwaway NAME_bench_* is used)")
    parser.add_argument("--no-tracemalloc", action="store_true", help="time only, skip the memory pass")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="warta-bench-") as temporary:
        folder = Path(temporary)
        url, drop = database_url(args.database_url, folder)
        try:
            setup_django(url, folder)
            figures = run_benchmark(args, folder)
            print("\n".join(["", *machine(url), "", *table(figures)]))
        finally:
            drop()


if __name__ == "__main__":
    main()
