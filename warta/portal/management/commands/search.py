"""`warta search rebuild` and `warta search query TEXT`: the public search index, from the command line."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from warta.core.database import tidy_after_rewrite
from warta.core.formats import format_number
from warta.portal.models import SearchDocument
from warta.portal.search import search
from warta.portal.search.indexing import items_to_index, rebuild


class Command(BaseCommand):
    help = "Bangun ulang atau coba indeks pencarian portal publik."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        commands.add_parser("rebuild", help="Indeks ulang semua informasi dan pengumuman yang terbit.")
        query = commands.add_parser("query", help="Cari seperti di /cari/ dan tampilkan hasilnya.")
        query.add_argument("text")
        query.add_argument("--jenis", choices=["dip", "pengumuman"])

    def handle(self, *args, action, **options):
        if action == "rebuild":
            total = items_to_index()
            with tqdm(total=total, unit="butir", desc="Indeks pencarian", disable=options["verbosity"] == 0) as bar:
                counts = rebuild(progress=bar.update)
            tidy_after_rewrite(SearchDocument._meta.db_table)
            self.stdout.write(self.style.SUCCESS(
                f"Indeks pencarian selesai: {format_number(counts['dip'])} informasi publik dan "
                f"{format_number(counts['pengumuman'])} pengumuman."
            ))
        elif action == "query":
            results = search(options["text"], kind=options.get("jenis"))
            if not results.query:
                raise CommandError("Tulis kata yang terdiri atas huruf atau angka. [portal.search_empty]")
            self.stdout.write(f"{results.total_label} hasil ({results.elapsed_ms:.1f} ms)")
            for hit in results.hits:
                self.stdout.write(f"- [{hit.kind_label}] {hit.title} — {hit.url}\n  {hit.snippet}")
