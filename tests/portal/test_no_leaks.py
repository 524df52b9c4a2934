"""The non-negotiable: only published, non-exempt material ever reaches the public.

A draft, a verified-but-unpublished entry, a scheduled publication, a withdrawn entry, an exempt entry, an
unpublished change to a published entry, and draft / verified / withdrawn / scheduled announcements — each with
a document — and the unverified new file of a published announcement's document are tried by every public
route: pages with every filter, guessed ids, document URLs by id and by storage path, search, feeds, sitemap,
every download format, and the open-data API (every list with its filters, followed page by page, and guessed
ids). Each must be absent or 404.
"""

import csv
import io
import json
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.helpers import wib
from tests.portal import world as w
from warta.announcements.models import Announcement
from warta.documents.models import Document
from warta.documents.services import replace_document_file
from warta.registry.models import Category, Entry
from warta.registry.services.entries import withdraw_entry

pytestmark = pytest.mark.django_db

FILTERS = [
    "", "?kategori=berkala", "?kategori=serta-merta", "?kategori=setiap-saat", "?kategori=dikecualikan",
    *[f"?tahun={year}" for year in range(2022, 2029)], "?unit=bpmp-bengkulu", "?unit=tidak-ada",
    "?urut=judul", "?urut=terbaru", "?urut=tahun", "?halaman=2", "?halaman=999",
    "?kategori=berkala&tahun=2027&urut=terbaru", "?kategori=berkala&tahun=2023",
]
FEEDS = ["/pengumuman/rss/", "/pengumuman/atom/", "/dip/rss/", "/dip/atom/",
         *[f"/pengumuman/kategori/{c}/{kind}/" for c in ("berkala", "serta-merta", "setiap-saat") for kind in
           ("rss", "atom")]]


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _assert_clean(world, url: str, text: str) -> None:
    lowered = text.lower()
    leaked = [token for token in world.tokens if token in lowered]
    assert not leaked, f"{url} shows {leaked}"


def _get_clean(client, world, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    text = _body(response).decode("utf-8", errors="replace")
    _assert_clean(world, url, text)
    return text


API_LISTS = [
    "/api/v1/announcements", *[f"/api/v1/announcements?category={c}" for c in ("berkala", "serta-merta",
                                                                                "setiap-saat")],
    "/api/v1/announcements?q=pengumuman", "/api/v1/announcements?unit=bpmp-bengkulu",
    "/api/v1/announcements?updated_since=2020-01-01", "/api/v1/announcements?ordering=id",
    "/api/v1/entries", "/api/v1/entries?category=berkala", "/api/v1/entries?year=2027", "/api/v1/entries?q=informasi",
    "/api/v1/entries?ordering=-published_at", "/api/v1/documents", "/api/v1/editions",
]


def _api_walk(client, world, url: str) -> list[dict]:
    """Every row of an API list, one row per page so every page and cursor is tried."""
    rows, url = [], url + ("&" if "?" in url else "?") + "limit=1"
    while url:
        data = json.loads(_get_clean(client, world, url))
        rows += data["results"]
        url = "{0.path}?{0.query}".format(urlsplit(data["next"])) if data["next"] else None
    return rows


def _api_guesses(client, world, resource: str, visible: set[int], top: int) -> None:
    for guess in range(0, top):
        response = client.get(f"/api/v1/{resource}/{guess}")
        assert response.status_code == (200 if guess in visible else 404), (resource, guess)
        _assert_clean(world, f"/api/v1/{resource}/{guess}", response.content.decode())


@pytest.fixture
def announcement_documents(world, staff, capture):
    """Announcements carrying documents, through the services: one public, the others never."""
    from warta.announcements.services import withdraw_announcement
    from warta.documents.services import replace_document_file as replace

    def pdf(word):
        return w.pdf_bytes(f"Lampiran pengumuman berisi kata {word}.", "Lampiran")

    public = w.announced(staff, {"title": "Jadwal Pelayanan Akhir Tahun"}, {"jadwal.pdf": pdf("pelayanan")}, capture)
    hidden = {
        "pengkonsep": w.announced(staff, {"title": "Pengumuman zpengkonsep"}, {"a.pdf": pdf("zpengkonsepdok")},
                                  capture, stage="draft"),
        "pengverif": w.announced(staff, {"title": "Pengumuman zpengverif"}, {"b.pdf": pdf("zpengverifdok")},
                                 capture, stage="verified"),
        "pengjadwal": w.announced(staff, {"title": "Pengumuman zpengjadwal"}, {"c.pdf": pdf("zpengjadwaldok")},
                                  capture, publish_at=timezone.now() + timedelta(days=30)),
        "pengtarik": w.announced(staff, {"title": "Pengumuman zpengtarik"}, {"d.pdf": pdf("zpengtarikdok")},
                                 capture),
    }
    withdraw_announcement(staff["ppid"], hidden["pengtarik"], reason="Salah unggah")
    shown = public.documents.get()
    with capture(execute=True):  # a new file for the public announcement's document, not yet verified
        replace(staff["pengolah"], shown, SimpleUploadedFile("jadwal.pdf", pdf("zpengbarudok")))
    for state, item in hidden.items():
        world.hidden_announcements[item.slug] = item
        world.hidden_documents[state] = item.documents.get()
        world.tokens += [f"z{state}", f"z{state}dok"]
    world.tokens.append("zpengbarudok")
    world.visible_documents.append(shown)
    world.public_announcement = public
    return world


def test_no_route_shows_what_is_not_public(client, world, staff, settings, announcement_documents):
    settings.WARTA_API_RATE_LIMIT = 0  # hundreds of API requests here; the limit has its own tests
    visible_ids = {world.visible_entry.pk, world.changed_entry.pk}

    # Pages, with every filter the DIP offers.
    home = _get_clean(client, world, "/")
    assert world.visible_entry.title in home
    for query in FILTERS:
        _get_clean(client, world, "/dip/" + query)
    listing = _get_clean(client, world, "/dip/")
    assert "Laporan Keuangan BPMP" in listing and "Rencana Strategis BPMP" in listing
    for query in ("", "?kategori=berkala", "?kategori=serta-merta", "?halaman=2"):
        _get_clean(client, world, "/pengumuman/" + query)
    for url in ("/prosedur/", "/maklumat/", "/profil-ppid/", "/robots.txt", "/cari/"):
        _get_clean(client, world, url)

    # Entry pages: the hidden ones and every guessed id around them.
    for state, entry in world.hidden_entries.items():
        assert client.get(f"/dip/{entry.pk}/").status_code == 404, state
    top = max(Entry.objects.values_list("pk", flat=True)) + 5
    for entry_id in range(0, top):
        response = client.get(f"/dip/{entry_id}/")
        assert response.status_code == (200 if entry_id in visible_ids else 404), entry_id
        if response.status_code == 200:
            _assert_clean(world, f"/dip/{entry_id}/", response.content.decode())
    changed = client.get(f"/dip/{world.changed_entry.pk}/").content.decode()
    assert "Rencana Strategis BPMP" in changed  # the published copy, not the working copy

    # Announcements, and the documents a public one carries (its published file, never the new one).
    _get_clean(client, world, "/pengumuman/jadwal-layanan/")
    carried = _get_clean(client, world, f"/pengumuman/{world.public_announcement.slug}/")
    shown = world.public_announcement.documents.get()
    assert f'href="/dokumen/{shown.pk}/"' in carried and shown.versions.get(number=1).sha256 in carried
    assert shown.sha256 not in carried and b"zpengbarudok" not in _body(client.get(f"/dokumen/{shown.pk}/"))
    for slug in world.hidden_announcements:
        assert client.get(f"/pengumuman/{slug}/").status_code == 404, slug

    # Documents by id (download and preview), guessed ids, and storage paths.
    visible_docs = {document.pk for document in world.visible_documents}
    for state, document in world.hidden_documents.items():
        for suffix in ("", "lihat/", "ocr/"):
            assert client.get(f"/dokumen/{document.pk}/{suffix}").status_code == 404, state
            assert client.get(f"/dokumen/{document.pk}/{suffix}", HTTP_RANGE="bytes=0-9").status_code == 404, state
    top = max(Document.objects.values_list("pk", flat=True)) + 5
    for document_id in range(0, top):
        assert client.get(f"/dokumen/{document_id}/ocr/").status_code == 404  # no public scan has OCR here
        for suffix in ("", "lihat/"):
            expected = 200 if document_id in visible_docs else 404
            assert client.get(f"/dokumen/{document_id}/{suffix}").status_code == expected, (document_id, suffix)
    for document in Document.objects.all():  # MEDIA is never served, not even for public files
        for path in (f"/media/{document.file.name}", f"/{document.file.name}", f"/dokumen/{document.file.name}",
                     f"/static/../media/{document.file.name}", f"/media/%2e%2e/{document.file.name}"):
            assert client.get(path).status_code == 404, path

    # Search: the hidden words find nothing, and common words show nothing hidden.
    for token in world.tokens:
        for kind in ("", "&jenis=dip", "&jenis=pengumuman"):
            response = client.get(f"/cari/?q={token}{kind}")
            assert response.status_code == 200
            assert response.context["results"].total == 0, token
            assert not response.context["results"].hits
    for word in ("informasi", "dokumen", "berisi", "pengumuman", "kata", "ringkas", "z"):
        text = _get_clean(client, world, f"/cari/?q={word}")
        hidden_links = [f"/dip/{entry.pk}/" for entry in world.hidden_entries.values()]
        assert not any(f'href="{link}"' in text for link in hidden_links), word

    # Feeds and sitemap (every file the index lists).
    for url in FEEDS:
        _get_clean(client, world, url)
    assert client.get("/pengumuman/kategori/dikecualikan/rss/").status_code == 404
    index = _get_clean(client, world, "/sitemap.xml")
    files = re.findall(r"<loc>http://testserver(/[^<]+)</loc>", index)
    assert files
    listed = ""
    for url in files:
        listed += _get_clean(client, world, url)
    for entry in world.hidden_entries.values():
        assert f"/dip/{entry.pk}/" not in listed
    assert f"/dip/{world.visible_entry.pk}/" in listed

    # The open-data API: every list and filter, page by page, every guessed id, the catalogue and description.
    for url in API_LISTS:
        _api_walk(client, world, url)
    news = {row["id"]: row for row in _api_walk(client, world, "/api/v1/announcements")}
    assert set(news) == {world.visible_announcement.pk, world.public_announcement.pk}
    shown = world.public_announcement.documents.get()  # its new file is not verified: the API keeps version 1
    assert [d["sha256"] for d in news[world.public_announcement.pk]["documents"]] == [
        shown.versions.get(number=1).sha256]
    assert {row["id"] for row in _api_walk(client, world, "/api/v1/entries")} == visible_ids
    for url in ("/api/dcat.json", "/api/v1/openapi.json", "/api/"):
        _get_clean(client, world, url)
    _api_guesses(client, world, "announcements", set(news), max(Announcement.objects.values_list("pk", flat=True)) + 5)
    _api_guesses(client, world, "entries", visible_ids, max(Entry.objects.values_list("pk", flat=True)) + 5)
    _api_guesses(client, world, "documents", visible_docs, max(Document.objects.values_list("pk", flat=True)) + 5)

    # Downloads: CSV, JSON, XLSX (all and filtered) and the signed PDF edition.
    for query in ("", "?kategori=berkala", "?tahun=2027", "?tahun=2023", "?kategori=dikecualikan"):
        _get_clean(client, world, "/dip/unduh/csv/" + query)
        _get_clean(client, world, "/dip/unduh/json/" + query)
        workbook = load_workbook(io.BytesIO(_body(client.get("/dip/unduh/xlsx/" + query))), read_only=True)
        cells = " ".join(str(cell) for row in workbook.active.iter_rows(values_only=True) for cell in row)
        _assert_clean(world, "/dip/unduh/xlsx/" + query, cells)
    rows = list(csv.reader(io.StringIO(_body(client.get("/dip/unduh/csv/")).decode("utf-8-sig"))))
    assert sorted(row[1] for row in rows[1:]) == sorted([world.visible_entry.title, "Rencana Strategis BPMP "
                                                                                     "Provinsi Bengkulu 2025–2029"])
    assert len(json.loads(_body(client.get("/dip/unduh/json/")))) == 2
    assert client.get("/dip/unduh/pdf/").status_code == 404  # no edition set yet
    w.set_dip_edition(staff)
    pdf = client.get("/dip/unduh/pdf/")
    assert pdf.status_code == 200
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(_body(pdf))).pages)
    _assert_clean(world, "/dip/unduh/pdf/", text)
    assert "Laporan Keuangan BPMP" in text


def test_a_set_edition_is_withheld_once_an_entry_in_it_is_withdrawn(client, world, staff):
    edition = w.set_dip_edition(staff)
    assert client.get(f"/dip/edisi/{edition.pk}/pdf/").status_code == 200
    assert f"/dip/edisi/{edition.pk}/pdf/" in client.get("/dip/").content.decode()
    withdraw_entry(staff["ppid"], world.visible_entry, reason="Dokumen diganti", now=wib(24, 8))
    assert client.get(f"/dip/edisi/{edition.pk}/pdf/").status_code == 404
    assert client.get("/dip/unduh/pdf/").status_code == 404
    assert f"/dip/edisi/{edition.pk}/pdf/" not in client.get("/dip/").content.decode()


def test_a_public_file_replaced_with_unreviewed_personal_data_is_not_served(client, world, staff, capture):
    document = world.visible_documents[0]
    published = client.get(f"/dokumen/{document.pk}/")
    assert published.status_code == 200
    assert client.get("/cari/?q=kuncitampil").context["results"].total == 1
    data = w.pdf_bytes("Daftar penerima: Siti Aminah, NIK 3201011503900003, zbocor", "Lampiran")
    with capture(execute=True):
        replace_document_file(staff["pengolah"], document, SimpleUploadedFile("laporan.pdf", data))
    document.refresh_from_db()
    assert document.findings_open().exists() and document.version == 2
    for suffix in ("", "lihat/"):  # the public keeps the published version, never the new one
        response = client.get(f"/dokumen/{document.pk}/{suffix}")
        assert response.status_code == 200 and response["ETag"] == published["ETag"]
        assert b"zbocor" not in _body(response)
    assert client.get("/cari/?q=zbocor").context["results"].total == 0
    assert client.get("/cari/?q=kuncitampil").context["results"].total == 1
    assert "3201011503900003" not in client.get("/cari/?q=siti").content.decode()
    page = client.get(f"/dip/{world.visible_entry.pk}/").content.decode()
    assert f"/dokumen/{document.pk}/" in page and document.sha256 not in page


def test_exempt_register_count_is_the_only_trace_of_exempt_items(client, world):
    response = client.get("/")
    home = response.content.decode()
    assert "Informasi yang Dikecualikan" in home
    categories = {row["value"]: row["count"] for row in response.context["categories"]}
    assert categories == {Category.BERKALA: 1, Category.SERTA_MERTA: 0, Category.SETIAP_SAAT: 1,
                          Category.DIKECUALIKAN: 1}
    assert "?kategori=dikecualikan" not in home
