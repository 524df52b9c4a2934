"""`warta bench_seed`: fill an EMPTY register with a large synthetic DIP for the benchmark in bench/.

100,000 published entries and 200,000 document rows by default (metadata only: no files on disk), a few
thousand of them carrying real Indonesian text taken from the PDFs of the shared test corpus (or generated
sentences when the corpus is absent), then the portal's search index. Rows go in with bulk_create, batch by
batch, with a progress bar; nothing goes through the services, so nothing is audited: never run this on an
office's real database (it refuses a register that already has public entries).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from warta.accounts.models import Unit
from warta.documents.models import Document, DocumentVersion, MalwareStatus, PIIStatus, TextStatus
from warta.registry.models import Category, Entry, EntryStatus, PublicEntry

BATCH = 1000
CATEGORIES = [Category.BERKALA] * 5 + [Category.SETIAP_SAAT] * 4 + [Category.SERTA_MERTA]
KINDS = [
    "Laporan Keuangan", "Laporan Realisasi Anggaran", "Laporan Kinerja Instansi Pemerintah", "Rencana Strategis",
    "Rencana Kerja", "Daftar Isian Pelaksanaan Anggaran", "Standar Pelayanan", "Surat Keputusan", "Surat Edaran",
    "Notulen Rapat Koordinasi", "Laporan Pengadaan Barang dan Jasa", "Daftar Aset Tetap", "Profil Pendidikan",
    "Rapor Pendidikan", "Laporan Layanan Informasi Publik", "Pedoman Teknis", "Petunjuk Pelaksanaan",
    "Laporan Hasil Pemantauan", "Laporan Kegiatan", "Kerangka Acuan Kerja", "Data Statistik",
]
SUBJECTS = [
    "penjaminan mutu pendidikan", "pendidikan anak usia dini", "sekolah dasar", "sekolah menengah pertama",
    "sekolah menengah atas", "sekolah menengah kejuruan", "pendidikan khusus", "guru dan tenaga kependidikan",
    "asesmen nasional", "kurikulum merdeka", "bantuan operasional sekolah", "sarana dan prasarana sekolah",
    "pelatihan kepala sekolah", "literasi dan numerasi", "pengawas sekolah", "akreditasi satuan pendidikan",
    "zona integritas", "pelayanan publik", "pengelolaan keuangan negara", "barang milik negara",
]
PLACES = ["Kota Bengkulu", "Kabupaten Rejang Lebong", "Kabupaten Kaur", "Kabupaten Mukomuko", "Kabupaten Seluma",
          "Kabupaten Lebong", "Kabupaten Kepahiang", "Kabupaten Bengkulu Utara", "Kabupaten Bengkulu Selatan"]
HOLDERS = ["Subbagian Umum", "Tim Kerja Penjaminan Mutu", "Tim Kerja Fasilitasi", "Tim Kerja Data dan Informasi",
           "Kepala Balai"]
RETENTIONS = ["2 tahun", "5 tahun", "10 tahun", "Permanen"]
FALLBACK_WORDS = [
    "informasi", "publik", "badan", "layanan", "pendidikan", "sekolah", "guru", "anggaran", "laporan", "kegiatan",
    "pelaksanaan", "program", "evaluasi", "data", "mutu", "kinerja", "keuangan", "pengadaan", "peraturan",
    "keputusan", "daerah", "provinsi", "kabupaten", "kota", "masyarakat", "peserta", "didik", "kurikulum",
    "asesmen", "pelatihan", "pengawasan", "pembinaan", "fasilitasi", "koordinasi",
]


def corpus_pages(folder: Path, limit: int = 4000) -> list[str]:
    """Pages of real Indonesian text from the corpus PDFs, read by pdftotext (poppler-utils); scans without a
    text layer give nothing."""
    if not shutil.which("pdftotext"):
        return []
    pages: list[str] = []
    for path in sorted(folder.glob("*.pdf")):
        result = subprocess.run(["pdftotext", "-q", str(path), "-"], capture_output=True, text=True,  # noqa: S603, S607
                                timeout=120, check=False)
        for page in result.stdout.split("\f"):
            text = " ".join(page.split())
            if len(text) > 300:
                pages.append(text[:4000])
        if len(pages) >= limit:
            break
    return pages[:limit]


def generated_pages(rng: random.Random, count: int) -> list[str]:
    return [" ".join(rng.choice(FALLBACK_WORDS) for _ in range(rng.randint(150, 400))) for _ in range(count)]


def at_least(minimum: int):
    """An argparse type: a whole number no smaller than ``minimum``, refused before anything is written."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < minimum:
            raise argparse.ArgumentTypeError(f"isi bilangan bulat paling sedikit {minimum}, bukan “{text}” "
                                             "[bench.count_invalid]")
        return value

    return parse


def _analyze() -> None:
    """Planner statistics for every table, as PostgreSQL's autovacuum (or Warta's nightly job on SQLite) would
    gather them on a live site."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class Command(BaseCommand):
    help = "Isi register KOSONG dengan DIP sintetis besar untuk tolok ukur (bench/). Jangan pakai di data asli."

    def add_arguments(self, parser):
        parser.add_argument("--entries", type=at_least(1), default=100_000)
        parser.add_argument("--documents", type=at_least(0), default=200_000)
        parser.add_argument("--with-text", type=at_least(0), default=3_000, help="dokumen yang membawa teks asli")
        parser.add_argument("--units", type=at_least(1), default=5)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--corpus", default=str(Path(settings.BASE_DIR).parents[1] / "shared" / "corpus"))

    def handle(self, *args, entries, documents, with_text, units, seed, corpus, **options):
        if PublicEntry.objects.exists():
            raise CommandError("Register ini sudah berisi informasi terbit; bench_seed hanya untuk basis data kosong.")
        quiet = options["verbosity"] == 0
        rng = random.Random(seed)  # noqa: S311 - reproducible sample data, not secrets
        now = timezone.now()
        unit_list = self._units(units)
        self.stdout.write(f"Basis data: {connection.vendor}; {entries} informasi, {documents} dokumen.")

        public = self._entries(rng, now, unit_list, entries, quiet)
        pages = corpus_pages(Path(corpus)) if Path(corpus).is_dir() else []
        source = "korpus" if pages else "kalimat buatan"
        pages = pages or generated_pages(rng, 500)
        document_ids = self._documents(rng, now, documents, with_text, pages, quiet)
        self._attach(public, document_ids, quiet)

        from warta.api.public_state import record_change
        from warta.portal.search.indexing import items_to_index, rebuild

        record_change()
        _analyze()  # the index rebuild reads the register through the planner too
        with tqdm(total=items_to_index(), desc="Indeks pencarian", unit="butir", disable=quiet) as bar:
            rebuild(progress=bar.update)
        _analyze()  # now the search index's own statistics: without them PostgreSQL misjudges common words
        self.stdout.write(self.style.SUCCESS(
            f"Selesai: {len(public)} informasi terbit, {len(document_ids)} dokumen ({min(with_text, documents)} "
            f"berteks dari {source})."
        ))

    def _units(self, count: int) -> list[Unit]:
        from warta.accounts.demo import create_demo_office
        from warta.pos.services import load_procedure_file

        procedure, _ = load_procedure_file()
        office, _ = create_demo_office(sorted(procedure.qualification_codes()))
        units = list(office.units.order_by("pk"))
        for number in range(len(units), count):
            units.append(Unit.objects.create(office=office, name=f"PPID Pelaksana Wilayah {number}",
                                             code=f"ppid-wilayah-{number}"))
        return units[:count]

    def _entries(self, rng: random.Random, now, units, total: int, quiet: bool) -> list[PublicEntry]:
        public: list[PublicEntry] = []
        numbers = dict.fromkeys((unit.pk for unit in units), 0)
        with tqdm(total=total, desc="Informasi publik", unit="butir", disable=quiet) as bar:
            for start in range(0, total, BATCH):
                rows = []
                for _ in range(min(BATCH, total - start)):
                    unit = rng.choice(units)
                    numbers[unit.pk] += 1
                    rows.append((unit, self._values(rng, numbers[unit.pk]),
                                 now - timedelta(minutes=rng.randint(10, 5 * 365 * 24 * 60))))
                with transaction.atomic():
                    made = Entry.objects.bulk_create([
                        Entry(unit=unit, status=EntryStatus.PUBLISHED, created_at=at, updated_at=at, verified_at=at,
                              published_at=at, **values) for unit, values, at in rows])
                    public += PublicEntry.objects.bulk_create([
                        PublicEntry(entry=entry, unit=entry.unit, published_at=entry.published_at,
                                    first_published_at=entry.published_at, **entry.register_values())
                        for entry in made])
                bar.update(len(rows))
        return public

    @staticmethod
    def _values(rng: random.Random, number: int) -> dict:
        year = rng.randint(2015, 2026)
        kind, subject, place = rng.choice(KINDS), rng.choice(SUBJECTS), rng.choice(PLACES)
        holder = rng.choice(HOLDERS)
        return {
            "number": number, "title": f"{kind} {subject} {place} Tahun {year}",
            "summary": f"{kind} tentang {subject} di {place} untuk tahun {year}.",
            "holder": holder, "responsible": f"Kepala {holder}", "made_when": str(year), "made_where": "Bengkulu",
            "form_printed": rng.random() < 0.5, "form_digital": True, "retention": rng.choice(RETENTIONS),
            "category": rng.choice(CATEGORIES), "year": year, "legal_basis": "UU 14/2008 Pasal 9",
            "tags": [subject.split()[0]],
        }

    def _documents(self, rng: random.Random, now, total: int, with_text: int, pages: list[str],
                   quiet: bool) -> list[int]:
        ids: list[int] = []
        with tqdm(total=total, desc="Dokumen", unit="berkas", disable=quiet) as bar:
            for start in range(0, total, BATCH):
                rows = []
                for index in range(start, min(start + BATCH, total)):
                    text = "\f".join(rng.sample(pages, k=min(len(pages), rng.randint(1, 3)))) if index < with_text \
                        else ""
                    rows.append(Document(
                        file=f"bench/dokumen-{index}.pdf", original_name=f"lampiran-{index}.pdf",
                        media_type="application/pdf", size=rng.randint(20_000, 5_000_000),
                        sha256=hashlib.sha256(f"warta-bench-{index}".encode()).hexdigest(),
                        uploaded_at=now - timedelta(days=rng.randint(1, 1800)), page_count=rng.randint(1, 80),
                        text=text, text_status=TextStatus.DONE, has_text_layer=True, pii_status=PIIStatus.CLEAN,
                        malware_status=MalwareStatus.SKIPPED,
                    ))
                with transaction.atomic():
                    made = Document.objects.bulk_create(rows)
                    DocumentVersion.objects.bulk_create(  # each file verified and published as version 1
                        DocumentVersion(document=d, number=1, file=d.file.name, original_name=d.original_name,
                                        media_type=d.media_type, size=d.size, sha256=d.sha256,
                                        page_count=d.page_count, text=d.text, uploaded_at=d.uploaded_at,
                                        verified_at=d.uploaded_at, published_at=d.uploaded_at)
                        for d in made
                    )
                    ids += [document.pk for document in made]
                bar.update(len(rows))
        return ids

    def _attach(self, public: list[PublicEntry], document_ids: list[int], quiet: bool) -> None:
        """Documents go round the entries in turn (two each at the default sizes)."""
        through = PublicEntry.documents.through
        links = [through(publicentry_id=public[index % len(public)].pk, document_id=document_id)
                 for index, document_id in enumerate(document_ids)]
        with tqdm(total=len(links), desc="Lampiran", unit="tautan", disable=quiet) as bar:
            for start in range(0, len(links), BATCH * 5):
                batch = links[start:start + BATCH * 5]
                through.objects.bulk_create(batch)
                bar.update(len(batch))
