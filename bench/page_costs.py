"""What one uncached request costs, in-process: each benchmarked page through Django's test client, with the page
cache off, on the seeded bench database. One process, one request at a time, so the machine's load matters far
less than under wrk.

    WARTA_DATA_DIR=bench/var/sqlite python bench/page_costs.py
    WARTA_DATA_DIR=bench/var/postgres DATABASE_URL=postgres://postgres@127.0.0.1:5432/warta_bench \
        python bench/page_costs.py [--profile PAGE]

For each page: median and p95 milliseconds over ROUNDS requests (after a warm-up), the median CPU time of this
process (what a busy machine inflates far less than wall time; PostgreSQL's own work is in its server process and
not counted there), and the database queries per request. ``--profile home`` prints cProfile's top functions for
that page instead (SORT=tottime to sort by own time, MATCH=warta/ for
this project's functions only).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROUNDS = int(os.environ.get("ROUNDS", "40"))


# Words of the register's titles and documents, for searches nobody asked before (each one ranked afresh).
WORDS = ("laporan", "keuangan", "kinerja", "rencana", "strategis", "anggaran", "realisasi", "sekolah", "pendidikan",
         "guru", "kurikulum", "data", "statistik", "profil", "program", "kegiatan", "pengadaan", "barang", "jasa",
         "standar", "pelayanan", "informasi", "publik", "keputusan", "peraturan", "akreditasi", "asesmen", "mutu",
         "penjaminan", "pengawas", "bantuan", "operasional", "sarana", "prasarana")


def new_query(rng: random.Random) -> str:
    """As bench/new_search.lua asks: two words and a year (a number is matched whole)."""
    first, second = rng.sample(WORDS, 2)
    return f"{first}+{second}+{rng.randint(2010, 2026)}"


def new_words(rng: random.Random) -> str:
    """A year and two words, the last one cut short as if unfinished: a prefix, the costlier match."""
    first, second = rng.sample(WORDS, 2)
    return f"{rng.randint(2010, 2026)}+{first}+{second[:max(4, len(second) - 2)]}"


def pages(first_id: int, last_id: int) -> dict[str, object]:
    rng = random.Random(7)  # noqa: S311 - which entries to ask for, not a secret
    middle = (first_id + last_id) // 2
    return {
        "home": "/",
        "dip-filter": "/dip/?kategori=berkala",
        "dip-page-40": "/dip/?kategori=berkala&halaman=40",
        "entry": f"/dip/{middle}/",
        "entry-random": lambda: f"/dip/{rng.randint(first_id, last_id)}/",
        "search": "/cari/?q=laporan+keuangan",
        "search-new": lambda: "/cari/?q=" + new_query(rng),
        "search-new-prefix": lambda: "/cari/?q=" + new_words(rng),
        "api-list": "/api/v1/entries?category=berkala&limit=20",
        "announcements": "/pengumuman/",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", help="print cProfile's top functions for this page")
    parser.add_argument("--only", help="comma-separated page names")
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.settings")
    os.environ["WARTA_PAGE_CACHE_SECONDS"] = "0"
    os.environ["WARTA_API_RATE_LIMIT"] = "0"
    hosts = os.environ.get("WARTA_ALLOWED_HOSTS", "127.0.0.1,localhost")
    os.environ["WARTA_ALLOWED_HOSTS"] = f"{hosts},testserver"  # the test client's host, beside portal_wrk.sh's
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Max, Min
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    import warta.wsgi  # noqa: F401 - as granian loads it (views imported, start-up objects frozen for the GC)
    from warta.registry.models import PublicEntry

    span = PublicEntry.objects.aggregate(lo=Min("entry_id"), hi=Max("entry_id"))
    client = Client()
    chosen = pages(span["lo"], span["hi"])
    if args.only:
        chosen = {name: url for name, url in chosen.items() if name in args.only.split(",")}

    def url_of(page):
        return page() if callable(page) else page

    if args.profile:
        import cProfile
        import pstats

        page = chosen[args.profile]
        for _ in range(3):
            client.get(url_of(page))
        import gc

        gc.disable()  # a collection would be charged to whichever function happened to allocate
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(ROUNDS):
            client.get(url_of(page))
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative"))
        restrictions = [os.environ["MATCH"]] if os.environ.get("MATCH") else []  # e.g. MATCH=warta/ for our code
        stats.print_stats(*restrictions, int(os.environ.get("LINES", "45")))
        return

    print(f"{connection.vendor}, {PublicEntry.objects.count()} public entries; {ROUNDS} requests per page")
    print("| page | median ms | p95 ms | CPU ms (median) | queries |")
    print("|---|---:|---:|---:|---:|")
    for name, page in chosen.items():
        for _ in range(3):  # warm-up: connection open, templates loaded, database pages in memory
            assert client.get(url_of(page)).status_code == 200, name
        timings, cpu, queries = [], [], []
        for _ in range(ROUNDS):
            url = url_of(page)
            with CaptureQueriesContext(connection) as captured:
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                cpu.append((time.process_time() - start_cpu) * 1000)
                timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, name
            queries.append(len(captured.captured_queries))
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        print(
            f"| {name} | {statistics.median(timings):.1f} | {p95:.1f} | {statistics.median(cpu):.1f} | {max(queries)} |"
        )


if __name__ == "__main__":
    main()
