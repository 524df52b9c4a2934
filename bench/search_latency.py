"""Search latency on the seeded bench database: ~50 realistic queries through the portal's own search.

    WARTA_DATA_DIR=bench/var/sqlite .venv/bin/python bench/search_latency.py
    WARTA_DATA_DIR=bench/var/postgres DATABASE_URL=postgres://postgres@127.0.0.1:5432/warta_bench \
        .venv/bin/python bench/search_latency.py

One warm-up pass over every query, then ROUNDS timed passes twice: each query ranked afresh (what a query nobody
asked before costs), then with its ranked list kept (what the same words cost the next visitor). Prints p50, p95
and the slowest queries, and a Markdown line each for bench/README.md. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROUNDS = int(os.environ.get("ROUNDS", "3"))
QUERIES = [
    # common words: in a large share of the rows (the expensive case)
    "laporan", "pendidikan", "sekolah", "informasi", "tahun", "kabupaten", "rencana", "kegiatan", "data", "guru",
    # phrases people type
    "laporan keuangan", "rencana strategis", "laporan kinerja", "standar pelayanan", "surat keputusan",
    "bantuan operasional sekolah", "kurikulum merdeka", "asesmen nasional", "pengadaan barang dan jasa",
    "laporan realisasi anggaran", "daftar aset tetap", "zona integritas", "rapor pendidikan",
    "pelatihan kepala sekolah", "sarana dan prasarana", "laporan layanan informasi publik",
    # with a year or a place
    "laporan keuangan 2024", "rencana kerja 2025", "profil pendidikan kaur", "data statistik mukomuko",
    "rejang lebong", "bengkulu selatan", "kepahiang 2019", "seluma 2023",
    # prefixes and stems (Indonesian affixes)
    "pengad", "keuang", "pelaksana", "penjaminan mutu", "akreditasi", "pengawas",
    # words found only in documents' text (the corpus)
    "retribusi", "anggaran pendapatan", "belanja pegawai", "peraturan komisi informasi", "keberatan",
    "standar biaya", "penetapan", "sumedang", "pejabat pengelola informasi",
    # rare or absent
    "literasi numerasi", "xylofon",
]


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.settings")
    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from warta.portal.search import search
    from warta.registry.models import PublicEntry

    entries = PublicEntry.objects.count()
    for query in QUERIES:  # warm-up: the database's pages in memory, as on a live site; each ranked list kept
        search(query)
    print(f"{connection.vendor}: {entries} entries, {len(QUERIES)} queries x {ROUNDS} rounds")
    # A search for a given moment is never kept: every query is ranked afresh, as when nobody asked it before.
    for label, moment in (("ranked afresh", timezone.now), ("ranked list kept", lambda: None)):
        timings: dict[str, list[float]] = {query: [] for query in QUERIES}
        for _ in range(ROUNDS):
            for query in QUERIES:
                start = time.perf_counter()
                results = search(query, now=moment())
                list(results.hits)
                timings[query].append((time.perf_counter() - start) * 1000)
        every = sorted(ms for values in timings.values() for ms in values)
        p50 = statistics.median(every)
        p95 = every[int(len(every) * 0.95) - 1]
        print(f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {every[-1]:.1f} ms")
        print("  slowest:", ", ".join(f"{q!r} {max(v):.0f} ms" for q, v in sorted(
            timings.items(), key=lambda item: -max(item[1]))[:5]))
        print(f"| {connection.vendor}, {label} | {entries} | {len(QUERIES)} x {ROUNDS} | {p50:.1f} ms | "
              f"{p95:.1f} ms | {every[-1]:.1f} ms |")

if __name__ == "__main__":
    main()
