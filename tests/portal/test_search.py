"""Search over the real corpus documents: Indonesian words, prefixes, snippets, noise, OCR'd scans.

Runs on SQLite (FTS5) and, with DATABASE_URL pointing at PostgreSQL, on the stemmed + unstemmed tsvectors.
"""

import io

import pytest
from django.db import connection
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from tests.portal import world as w
from warta.documents.models import TextStatus
from warta.documents.services import clear_finding
from warta.portal.models import SearchDocument, SearchKind
from warta.portal.search import engine, search
from warta.portal.search.indexing import rebuild
from warta.registry.models import Category

pytestmark = pytest.mark.django_db

CORPUS_ENTRIES = [
    ("05_sk_sekda_sumedang_standar_biaya_2022.pdf",
     {"title": "Standar Biaya Pelayanan Informasi Kabupaten Sumedang", "category": Category.SETIAP_SAAT,
      "year": 2022, "summary": "Keputusan Sekretaris Daerah tentang biaya salinan informasi publik."}),
    ("06_perki_1_2021_standar_layanan_informasi_publik.pdf",
     {"title": "Peraturan Komisi Informasi Nomor 1 Tahun 2021", "category": Category.SETIAP_SAAT, "year": 2021,
      "summary": "Standar layanan informasi publik."}),
    ("08_lra_pemprov_sumut_2022.pdf",
     {"title": "Laporan Realisasi Anggaran Tahun 2022", "category": Category.BERKALA, "year": 2022,
      "summary": "Realisasi pendapatan dan belanja daerah.", "legal_basis": "Permendagri Nomor 77 Tahun 2020"}),
    ("01_dip_kab_sumedang_2024.pdf",
     {"title": "Daftar Informasi Publik Pemerintah Daerah 2024", "category": Category.SETIAP_SAAT, "year": 2024,
      "summary": "Keputusan PPID Utama tentang Daftar Informasi Publik."}),
]


def _clear_findings(staff, document):
    for finding in document.findings_open():
        clear_finding(staff["penelaah"], finding, "Data pejabat publik dalam dokumen resmi; aman diumumkan.")


@pytest.fixture
def corpus_entries(corpus, staff, capture):
    entries = {}
    for name, values in CORPUS_ENTRIES:
        document = w.upload(staff["pengolah"], name, (corpus / name).read_bytes(), capture)
        assert document.text_status == TextStatus.DONE, (name, document.text_error)
        _clear_findings(staff, document)
        document.refresh_from_db()
        entries[name[:2]] = w.published(staff, values, [document])
    return entries


def _titles(query, **kwargs):
    return [str(hit.title) for hit in search(query, **kwargs).hits]


def _plain(html) -> str:
    return str(html).replace("<mark>", "").replace("</mark>", "")


def test_real_queries_find_the_right_documents(corpus_entries):
    # "Sumedang": in two titles (head matches first), and in the text of the annual report.
    titles = [_plain(t) for t in _titles("Sumedang")]
    assert titles[0] == "Standar Biaya Pelayanan Informasi Kabupaten Sumedang"
    assert "Daftar Informasi Publik Pemerintah Daerah 2024" in titles  # "Sumedang" only in its text
    # "retensi": in the Perki's text (jangka waktu penyimpanan atau retensi arsip) and the DIP's column heading.
    results = search("retensi")
    assert {_plain(hit.title) for hit in results.hits} == {"Peraturan Komisi Informasi Nomor 1 Tahun 2021",
                                                           "Daftar Informasi Publik Pemerintah Daerah 2024"}
    assert all("<mark>retensi</mark>" in str(hit.snippet).lower() for hit in results.hits)
    # "keuangan": the Perki, the LRA and the DIP speak of finance; the standard-cost decree does not.
    keuangan = {_plain(t) for t in _titles("keuangan")}
    assert keuangan == {"Peraturan Komisi Informasi Nomor 1 Tahun 2021", "Laporan Realisasi Anggaran Tahun 2022",
                        "Daftar Informasi Publik Pemerintah Daerah 2024"}
    # A prefix finds the whole word: "anggar" → "anggaran" (a head match ranks first).
    anggar = search("anggar")
    assert _plain(anggar.hits[0].title) == "Laporan Realisasi Anggaran Tahun 2022"
    assert "<mark>Anggaran</mark>" in str(anggar.hits[0].title)
    assert _plain(search("realisasi anggar").hits[0].title) == "Laporan Realisasi Anggaran Tahun 2022"
    # Two words must both match.
    biaya = [_plain(t) for t in _titles("biaya salinan")]
    assert biaya[0] == "Standar Biaya Pelayanan Informasi Kabupaten Sumedang"  # both words in its head
    # A snippet shows the passage where most of the words meet, even deep in a document.
    belanja = search("belanja pegawai").hits[0]
    assert _plain(belanja.title) == "Laporan Realisasi Anggaran Tahun 2022"
    assert "<mark>Belanja</mark> <mark>Pegawai</mark>" in str(belanja.snippet)
    # Words may be split between the register's fields and the document's text ("Permendagri" is the entry's
    # legal basis only, "pegawai" is in the report only).
    assert _plain(search("permendagri pegawai").hits[0].title) == "Laporan Realisasi Anggaran Tahun 2022"
    # Nothing for a word in no document.
    assert search("kerupuk").total == 0

    # "pengadaan": every hit shows where it matched; the first snippet shows the exact word, not an
    # over-stemmed "ada" (PostgreSQL's Indonesian stemmer reduces "pengadaan" to "ada").
    results = search("pengadaan")
    assert results.total >= 1
    for hit in results.hits:
        snippet = str(hit.snippet).lower()
        assert "<mark>" in snippet, hit.title
    assert "<mark>pengadaan" in str(results.hits[0].snippet).lower()

    # The Perki's running footer and watermark do not reach the index or the snippets.
    row = SearchDocument.objects.get(kind=SearchKind.ENTRY, object_id=corpus_entries["06"].pk)
    assert "*Komisi Informasi Pusat*" not in row.body  # the running footer of every page is gone
    hit = next(hit for hit in search("retensi arsip").hits if "Peraturan" in str(hit.title))
    snippet = _plain(hit.snippet)
    words = snippet.replace("…", " ").split()
    short = [word for word in words if len(word) <= 2 and word.isalpha()]
    assert len(short) <= len(words) // 5, snippet  # no runs of watermark fragments
    assert len(snippet) <= 260

    # What visitors type is only ever words: no query syntax reaches the engine.
    for raw in ['"', "retensi OR", "NEAR(a b)", "ret*", "{title}: retensi", "'; DROP TABLE x; --", "a & b | !c"]:
        search(raw)
    assert search("   ").total == 0 and not search("   ").query
    assert search("retensi)").total == 2

    # A lost index comes back whole.
    SearchDocument.objects.all().delete()
    assert search("retensi").total == 0
    assert rebuild() == {"dip": 4, "pengumuman": 0}
    assert search("retensi").total == 2
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO portal_search_fts(portal_search_fts, rank) VALUES('integrity-check', 1)")


def test_ocr_text_of_a_scan_is_searchable(staff, capture):
    image = Image.new("L", (1240, 800), 255)
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 44)
    except OSError:
        pytest.skip("DejaVu fonts are missing")
    for line, text in enumerate(["PENGUMUMAN HASIL SELEKSI", "Calon Pegawai Pemerintah", "Kabupaten Rejanglebong"]):
        draw.text((80, 100 + line * 90), text, fill=0, font=font)
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=150)
    document = w.upload(staff["pengolah"], "pindaian.pdf", buffer.getvalue(), capture)
    if document.text_status != TextStatus.OCR_DONE:
        pytest.skip(f"OCR is not available here: {document.text_error}")
    w.published(staff, {"title": "Hasil seleksi (pindaian)"}, [document])
    results = search("rejanglebong")
    assert [_plain(hit.title) for hit in results.hits] == ["Hasil seleksi (pindaian)"]
    assert "<mark>" in str(results.hits[0].snippet)


def test_common_words_are_capped_and_shown_as_1000_plus(staff, monkeypatch):
    entry = w.published(staff, {"title": "Informasi kalender kegiatan"})
    template = SearchDocument.objects.get(kind=SearchKind.ENTRY, object_id=entry.pk)
    SearchDocument.objects.bulk_create([
        SearchDocument(kind=SearchKind.ENTRY, object_id=10_000 + n, category=template.category, year=2026,
                       published_at=template.published_at, title=f"Kalender {n}", summary="kalender kegiatan")
        for n in range(30)
    ])
    monkeypatch.setattr(engine, "CANDIDATES", 10)
    results = search("kalender")
    assert results.capped and results.total_label == "10+"
    # The ten ranked are the newest ten matches, on either database (never whichever the table holds first).
    newest = set(SearchDocument.objects.order_by("-pk").values_list("pk", flat=True)[:10])
    assert set(engine.candidates(results.query, timezone.now()).ids) == newest
    # Rows no public entry stands behind never become hits.
    assert [_plain(hit.title) for hit in results.hits] in ([], ["Informasi kalender kegiatan"])


def test_index_follows_publication_withdrawal_and_exemption(staff):
    from tests.helpers import wib
    from warta.registry.services.entries import withdraw_entry

    entry = w.published(staff, {"title": "Laporan kinerja triwulan"})
    assert search("triwulan").total == 1
    withdraw_entry(staff["ppid"], entry, reason="Diganti", now=wib(24, 8))
    assert search("triwulan").total == 0
    assert not SearchDocument.objects.filter(kind=SearchKind.ENTRY, object_id=entry.pk).exists()
    exempt = w.exempted(staff, {"title": "Berkas penyidikan triwulan"})
    assert search("penyidikan").total == 0
    assert not SearchDocument.objects.filter(object_id=exempt.pk, kind=SearchKind.ENTRY).exists()


@pytest.mark.django_db(transaction=True)  # the rebuild ends with VACUUM, which cannot run in a transaction
def test_the_search_command_rebuilds_and_queries(staff, capsys):
    from django.core.management import CommandError, call_command
    from django.test.utils import CaptureQueriesContext

    w.published(staff, {"title": "Laporan kinerja tahunan", "summary": "Capaian kinerja kantor."})
    SearchDocument.objects.all().delete()
    with CaptureQueriesContext(connection) as queries:
        call_command("search", "rebuild", verbosity=0)
    assert "Indeks pencarian selesai: 1 informasi publik dan 0 pengumuman." in capsys.readouterr().out
    tidy = "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
    assert queries.captured_queries[-1]["sql"] == f'{tidy} "portal_searchdocument"'  # the dead rows go at once
    call_command("search", "query", "kinerja")
    out = capsys.readouterr().out
    assert out.startswith("1 hasil") and "Laporan <mark>kinerja</mark> tahunan" in out
    with pytest.raises(CommandError, match=r"portal\.search_empty"):
        call_command("search", "query", "!!!")


def test_ranked_results_are_kept_until_the_public_content_or_the_index_changes(staff, monkeypatch):
    ranked = []
    rank = engine.candidates
    monkeypatch.setattr(engine, "candidates", lambda *args: ranked.append(args[0].terms) or rank(*args))
    w.published(staff, {"title": "Laporan kinerja triwulan pertama"})
    assert search("triwulan").total == 1
    assert search("Triwulan!").total == 1 and search("triwulan", page=2).total == 1  # same words, another page
    assert ranked == [("triwulan",)]

    w.published(staff, {"title": "Laporan kinerja triwulan kedua"})
    assert search("triwulan").total == 2  # a publication: ranked again
    rebuild()  # the index rewritten with the public content unchanged (a rebuild, a document's text read later)
    assert {_plain(hit.title) for hit in search("triwulan").hits} == {"Laporan kinerja triwulan kedua",
                                                                      "Laporan kinerja triwulan pertama"}
    assert len(ranked) == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN indexes are PostgreSQL's")
def test_postgresqls_search_indexes_take_each_write_at_once_so_no_search_reads_a_pending_list():
    with connection.cursor() as cursor:
        cursor.execute("SELECT c.relname, c.reloptions FROM pg_class c JOIN pg_am a ON a.oid = c.relam "
                       "WHERE a.amname = 'gin' AND c.relname LIKE 'portal_search%%'")
        options = dict(cursor.fetchall())
    assert set(options) == {"portal_search_head_stem", "portal_search_head_simple", "portal_search_whole_stem",
                            "portal_search_whole_simple"}
    assert all(value == ["fastupdate=off"] for value in options.values()), options


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_page_queries_are_prepared_once_but_searches_are_planned_for_their_own_words(staff, client):
    """A plan made once for any words reads the index wrongly for most of them (p95 71 ms instead of 19 ms at
    100,000 entries); the register's own queries gain from keeping theirs."""
    public = w.published(staff, {"title": "Laporan kinerja triwulan pertama"})
    for word in ("laporan", "kinerja", "triwulan", "pertama", "lapor", "kinerj", "triwul"):
        assert search(word, now=timezone.now()).total == 1  # asked at a given moment: ranked every time
        assert client.get(f"/dip/{public.pk}/").status_code == 200
    statements = _prepared_statements()
    assert any('FROM "registry_publicentry"' in statement for statement in statements), statements
    assert not any("to_tsquery" in statement for statement in statements), statements
