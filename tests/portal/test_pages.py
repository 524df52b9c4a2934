"""The public pages as a visitor's browser gets them: content, formats, headers, downloads, feeds, metadata."""

import csv
import io
import json
import re
from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from tests.portal import world as w
from tests.portal.conftest import LAPORAN, RENSTRA
from warta.accounts.models import Office
from warta.announcements.models import SERTA_MERTA_PARTS
from warta.registry.models import Category
from warta.registry.services.exemptions import ConsequenceTest, decide_exemption

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _jsonld(html: str) -> list[dict]:
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html,
                                                       re.S)]


@pytest.fixture
def urgent(staff):
    return w.announcement(
        staff, "banjir-kota-bengkulu", title="Peringatan banjir di Kota Bengkulu", category=Category.SERTA_MERTA,
        danger="Banjir setinggi 1 meter di bantaran Sungai Bengkulu.", affected="Warga Kelurahan Sukamerindu.",
        evacuation="Menuju SD Negeri 5 melalui Jalan Sudirman.", avoidance="Jauhi aliran sungai; matikan listrik.",
        help_contact="Posko BPBD, telepon 112.", urgent_until=timezone.now() + timedelta(days=1),
    )


def test_home_puts_the_urgent_announcement_first_with_its_five_parts(client, world, urgent):
    html = client.get("/").content.decode()
    main = html[html.index('id="isi"'):]
    assert main.index("Peringatan banjir") < main.index("Layanan Informasi Publik")
    for label in SERTA_MERTA_PARTS.values():
        assert f"<dt>{label}</dt>" in main
    assert "Menuju SD Negeri 5 melalui Jalan Sudirman." in main
    assert "Jadwal Layanan Informasi Publik" in main  # latest announcements
    assert 'action="/cari/"' in main
    assert "Balai Penjaminan Mutu Pendidikan Provinsi Bengkulu" in html
    kinds = {item["@type"] for item in _jsonld(html)}
    assert kinds == {"GovernmentOrganization", "WebSite"}


def test_an_urgent_announcement_past_its_time_leaves_the_top(client, world, urgent):
    urgent.urgent_until = timezone.now() - timedelta(minutes=1)
    urgent.save()
    main = client.get("/").content.decode().split('id="isi"')[1]
    assert 'class="urgent"' not in main


def _category_counts(html: str) -> dict[str, int]:
    found = re.findall(r'category-count">([\d.]+)</span>\s*<span class="category-name">([^<]+)<', html)
    return {label: int(count.replace(".", "")) for count, label in found}


def test_counts_follow_publication_withdrawal_and_exemption_at_once(client, world, staff):
    assert _category_counts(client.get("/").content.decode()) == {
        "Informasi Berkala": 1, "Informasi Serta Merta": 0, "Informasi Tersedia Setiap Saat": 1,
        "Informasi yang Dikecualikan": 1,
    }
    assert "1 informasi" in client.get("/dip/?kategori=berkala").content.decode()
    w.published(staff, {**LAPORAN, "title": "Neraca 2025"})
    w.withdrawn(staff, {"title": "Daftar hadir rapat", "category": Category.SETIAP_SAAT})
    w.exempted(staff, {"title": "Nota dinas penyidikan", "category": Category.BERKALA})
    assert _category_counts(client.get("/").content.decode())["Informasi yang Dikecualikan"] == 2
    decide_exemption(staff["ppid"], ConsequenceTest(  # closed before it was ever in the register
        information="Berkas perkara", consequence_if_opened="Mengganggu penyidikan.", benefit_if_closed="Aman.",
        public_interest="Terlindungi.", period="Sampai putusan", place="Bengkulu", decided_on=date(2026, 11, 24),
        grounds=["a"], participants=[{"name": "Rahmawati, S.Sos.", "position": "PPID"}]))
    assert _category_counts(client.get("/").content.decode()) == {
        "Informasi Berkala": 2, "Informasi Serta Merta": 0, "Informasi Tersedia Setiap Saat": 1,
        "Informasi yang Dikecualikan": 3,
    }
    assert "2 informasi" in client.get("/dip/?kategori=berkala").content.decode()
    assert "3 informasi" in client.get("/dip/").content.decode()


def test_dip_lists_the_seven_columns_and_filters(client, world):
    html = client.get("/dip/").content.decode()
    headers = re.findall(r'<th scope="col">(.*?)</th>', html)
    assert headers == [
        "Nomor", "Ringkasan Isi Informasi", "Pejabat atau Unit yang Menguasai Informasi",
        "Penanggung Jawab Pembuatan atau Penerbitan Informasi", "Waktu dan Tempat Pembuatan Informasi",
        "Bentuk Informasi yang Tersedia", "Jangka Waktu Penyimpanan atau Retensi Arsip",
    ]
    assert "Januari 2026, Bengkulu" in html and "Tercetak dan Terekam/daring" in html
    berkala = client.get("/dip/?kategori=berkala").content.decode()
    assert LAPORAN["title"] in berkala and RENSTRA["title"] not in berkala
    assert RENSTRA["title"] not in client.get("/dip/?tahun=2024").content.decode()
    by_title = client.get("/dip/?urut=judul").content.decode()
    assert by_title.index(LAPORAN["title"]) < by_title.index(RENSTRA["title"])
    assert 'href="/dip/unduh/csv/?kategori=berkala"' in berkala  # downloads follow the filter


def test_list_rows_and_search_results_show_text_as_text_and_link_to_their_pages(client, staff):
    """The DIP rows and the search results are built outside the template engine: markup a clerk typed into a
    title or a column must still arrive escaped, and every row must still link to its entry."""
    entry = w.published(staff, {"title": 'Laporan <b>"Keuangan"</b> & Aset', "holder": "Sub <i>Bagian</i> Umum",
                                "retention": ""})
    html = client.get("/dip/").content.decode()
    row = re.search(r"<tr><td class=\"number\".*?</tr>", html, re.S).group(0)
    title = "Laporan &lt;b&gt;&quot;Keuangan&quot;&lt;/b&gt; &amp; "
    assert f'<a class="title-link" href="/dip/{entry.pk}/">{title}Aset</a>' in row
    assert '<td data-label="Pejabat atau Unit yang Menguasai Informasi">Sub &lt;i&gt;Bagian&lt;/i&gt; Umum</td>' in row
    assert '<td data-label="Jangka Waktu Penyimpanan atau Retensi Arsip">-</td>' in row  # empty column
    assert "<b>" not in row and "<i>" not in row

    found = client.get("/cari/?q=aset").content.decode()
    item = re.search(r'<ol class="results">(.*?)</ol>', found, re.S).group(1)
    assert f'<a href="/dip/{entry.pk}/">{title}<mark>Aset</mark></a>' in item
    assert '<time datetime="2026-11-23T10:00:00+07:00">23 November 2026</time>' in item  # published, in WIB
    assert '<span class="badge">Daftar Informasi Publik</span> Informasi Tersedia Setiap Saat' in item


def test_dip_paginates(client, staff):
    for number in range(27):
        w.published(staff, {"title": f"Informasi nomor {number:02d}"})
    first = client.get("/dip/").content.decode()
    assert "27 informasi" in first and "halaman 1 dari 2" in first
    assert 'href="?halaman=2"' in first
    second = client.get("/dip/?halaman=2").content.decode()
    assert "Informasi nomor 26" in second and "Informasi nomor 00" not in second


def _queries(client, url: str) -> int:
    client.get(url)  # totals and filter choices are counted once per content version: measure the next visit
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_pages_queries_do_not_grow_with_its_rows(client, world, staff, settings):
    settings.WARTA_PAGE_CACHE_SECONDS = 0  # every visit renders
    urls = ["/", "/dip/", "/dip/?kategori=berkala", f"/dip/{world.visible_entry.pk}/", "/pengumuman/"]
    before = {url: _queries(client, url) for url in urls}
    for number in range(4):
        w.published(staff, {**LAPORAN, "title": f"Neraca {number}", "tags": ["keuangan"]})
    assert {url: _queries(client, url) for url in urls} == before
    assert before["/dip/"] <= 2 and before[f"/dip/{world.visible_entry.pk}/"] <= 5


def test_entry_page_shows_fields_documents_history_and_related(client, world, staff):
    related = w.published(staff, {**LAPORAN, "title": "Neraca 2025", "tags": ["keuangan"]})
    html = client.get(f"/dip/{world.visible_entry.pk}/").content.decode()
    for label in ("Ringkasan Isi Informasi", "Pejabat atau Unit yang Menguasai Informasi",
                  "Penanggung Jawab Pembuatan atau Penerbitan Informasi", "Waktu dan Tempat Pembuatan Informasi",
                  "Bentuk Informasi yang Tersedia", "Jangka Waktu Penyimpanan atau Retensi Arsip"):
        assert f"<dt>{label}</dt>" in html
    document = world.visible_documents[0]
    assert document.sha256 in html
    assert f'href="/dokumen/{document.pk}/"' in html
    assert f'<iframe src="/dokumen/{document.pk}/lihat/"' in html
    assert re.search(r"<dd>\d+,\d (KB|MB)", html)  # "12,3 KB"
    assert "<dd>PDF</dd>" in html
    assert "Terbit</strong>" in html and "Dibuat</strong>" in html
    assert f'href="/dip/{related.pk}/"' in html
    (data,) = _jsonld(html)
    assert data["@type"] == "DigitalDocument" and data["hasPart"][0]["identifier"] == f"sha256:{document.sha256}"


def test_history_stops_at_the_latest_publication(client, world):
    html = client.get(f"/dip/{world.changed_entry.pk}/").content.decode()
    history = html.split('id="riwayat"')[1].split("</section>")[0]
    assert "Terbit" in history and "Diubah" not in history and "zalasanrahasia" not in history


def test_documents_are_served_inline_or_as_attachments_with_safe_headers(client, world):
    document = world.visible_documents[0]
    download = client.get(f"/dokumen/{document.pk}/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment;")
    assert 'filename="laporan-keuangan-2025.pdf"' in download["Content-Disposition"]
    assert _body(download).startswith(b"%PDF")
    preview = client.get(f"/dokumen/{document.pk}/lihat/")
    assert preview["Content-Disposition"].startswith("inline;")
    assert preview["ETag"] == f'"{document.sha256}"'
    again = client.get(f"/dokumen/{document.pk}/", HTTP_IF_NONE_MATCH=f'"{document.sha256}"')
    assert again.status_code == 304


def test_a_hostile_file_name_becomes_a_safe_header(client, staff, capture):
    document = w.upload(staff["pengolah"], 'la"por\nan\u202egpj.pdf', w.pdf_bytes("isi"), capture)
    w.published(staff, {"title": "Nama berkas aneh"}, [document])
    disposition = client.get(f"/dokumen/{document.pk}/")["Content-Disposition"]
    assert "\n" not in disposition and "\u202e" not in disposition
    assert disposition.startswith("attachment;")


def test_downloads_stream_with_dated_file_names(client, world):
    today = timezone.localdate().isoformat()
    for fmt in ("csv", "json", "xlsx"):
        response = client.get(f"/dip/unduh/{fmt}/")
        assert response.status_code == 200
        assert f'filename="dip-bpmp-bengkulu-{today}.{fmt}"' in response["Content-Disposition"]
        assert response.streaming
    rows = list(csv.reader(io.StringIO(_body(client.get("/dip/unduh/csv/")).decode("utf-8-sig"))))
    assert rows[0][:2] == ["Nomor", "Ringkasan Isi Informasi"] and len(rows) == 3
    records = json.loads(_body(client.get("/dip/unduh/json/?kategori=berkala")))
    assert [record["title"] for record in records] == [LAPORAN["title"]]
    sheet = load_workbook(io.BytesIO(_body(client.get("/dip/unduh/xlsx/"))), read_only=True).active
    assert sum(1 for _ in sheet.iter_rows()) == 4  # two header rows, two entries
    assert client.get("/dip/unduh/exe/").status_code == 404


def test_the_signed_edition_pdf_downloads_under_its_decree_date(client, world, staff):
    w.set_dip_edition(staff)
    response = client.get("/dip/unduh/pdf/")
    assert response.status_code == 200
    assert 'filename="dip-bpmp-bengkulu-2026-11-23.pdf"' in response["Content-Disposition"]
    assert "SK 800/123/BPMP/2026" in client.get("/dip/").content.decode()


def test_announcements_list_page_and_feeds(client, world, urgent):
    listing = client.get("/pengumuman/").content.decode()
    assert "Peringatan banjir" in listing and "Jadwal Layanan" in listing
    assert "Jadwal Layanan" not in client.get("/pengumuman/?kategori=serta-merta").content.decode()
    page = client.get("/pengumuman/banjir-kota-bengkulu/").content.decode()
    assert "Prosedur dan tempat evakuasi" in page and 'class="urgent"' in page
    assert _jsonld(page)[0]["@type"] == "NewsArticle"
    rss = client.get("/pengumuman/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert b"Peringatan banjir" in rss.content and b"/pengumuman/banjir-kota-bengkulu/" in rss.content
    atom = client.get("/pengumuman/kategori/serta-merta/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert b"Peringatan banjir" in atom.content and b"Jadwal Layanan" not in atom.content
    entries = client.get("/dip/rss/").content
    assert LAPORAN["title"].encode() in entries


def test_sitemap_and_robots(client, world):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /kelola/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots
    index = client.get("/sitemap.xml")
    assert index["Content-Type"].startswith("application/xml")
    pages = client.get("/sitemap-halaman-1.xml").content.decode()
    assert "<loc>http://testserver/maklumat/</loc>" in pages and "<loc>http://testserver/prosedur/</loc>" in pages
    dip = client.get("/sitemap-dip-1.xml").content.decode()
    assert f"http://testserver/dip/{world.visible_entry.pk}/" in dip
    assert client.get("/sitemap-dip-2.xml").status_code == 404
    assert client.get("/sitemap-rahasia-1.xml").status_code == 404


def test_procedures_page_shows_the_pos_as_signed(client, procedure):
    html = client.get("/prosedur/").content.decode()
    for text in ("PMP-07.01.CFM.01/55-2025", "Tanggal Efektif", "8 Oktober 2025", "Sabura Soe&#x27;oad Putra",
                 "Dasar Hukum", "Kualifikasi Pelaksana", "Peringatan", "Mutu Baku", "Kelengkapan",
                 "Undang-Undang Nomor 14 Tahun 2008", "Memverifikasi materi/bahan informasi"):
        assert text in html, text
    assert html.count('<span aria-hidden="true">✓</span>') == 5  # one executor per step


def test_maklumat_and_profile_pages_have_defaults_and_take_staff_text(client, office, staff):
    from warta.portal.services import save_page
    from warta.records.models import AuditRecord

    assert "sanggup menyelenggarakan pelayanan informasi publik" in client.get("/maklumat/").content.decode()
    assert "Tugas PPID" in client.get("/profil-ppid/").content.decode()
    admin = staff["admin"]
    admin.is_staff = True
    save_page(admin, "profil-ppid", title="Profil PPID BPMP Bengkulu",
              body="## Struktur\n\nKetua: **Rahmawati**\n\n<script>alert(1)</script>\n\n[jahat](javascript:alert(1))")
    html = client.get("/profil-ppid/").content.decode()
    assert "<h2>Struktur</h2>" in html and "<strong>Rahmawati</strong>" in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
    assert "Terakhir diperbarui" in html
    record = AuditRecord.objects.filter(action="portal.page.saved").get()
    assert record.after["title"] == "Profil PPID BPMP Bengkulu"


def test_display_preferences_without_javascript(client, office):
    response = client.get("/tampilan/?kontras=tinggi&teks=besar&next=/dip/")
    assert response.status_code == 302 and response["Location"] == "/dip/"
    assert response.cookies["warta_kontras"].value == "tinggi"
    html = client.get("/dip/").content.decode()
    assert '<html lang="id" class="kontras-tinggi teks-besar">' in html
    assert client.get("/tampilan/?next=https://jahat.example/")["Location"] == "/"
    assert client.get("/tampilan/?teks=raksasa").cookies.get("warta_teks") is None


def test_accent_colour_is_a_stylesheet_kept_readable(client, office):
    office.accent_color = "#ffdd00"  # yellow: white text on it would be unreadable
    office.save()
    css = client.get("/tampilan/aksen.css")
    assert css["Content-Type"].startswith("text/css")
    from warta.portal.views.display import _luminance, readable_accent

    colour = readable_accent("#ffdd00")
    assert colour in css.content.decode()
    assert 1.05 / (_luminance(colour) + 0.05) >= 4.5


def test_logo_is_served_from_storage_not_media(client, office):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(buffer, "PNG")
    office.logo.save("logo.png", ContentFile(buffer.getvalue()))
    Office.objects.filter(pk=office.pk).update(logo=office.logo.name)
    response = client.get("/kantor/logo/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert client.get(f"/media/{office.logo.name}").status_code == 404
    assert 'src="/kantor/logo/"' in client.get("/").content.decode()


def test_search_page_heading_count_and_not_found(client, world):
    html = client.get("/cari/?q=keuangan").content.decode()
    assert "Hasil pencarian untuk “keuangan”" in html
    assert "<mark>" in html and "1 hasil" in html
    empty = client.get("/cari/?q=kerupuk").content.decode()
    assert "Tidak ada hasil" in empty
    assert client.get("/cari/?q=keuangan")["X-Robots-Tag"] == "noindex"


def test_unknown_pages_get_an_indonesian_404(client, office):
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def _language_link(html: str, code: str) -> str:
    (href,) = re.findall(rf'<a href="([^"]+)" lang="{code}" hreflang="{code}"', html)
    return href.replace("&amp;", "&")


def test_english_is_one_switch_away_and_indonesian_one_back(client, world):
    page = client.get("/dip/?kategori=berkala")
    assert "<form" not in page.content.decode().split('class="site-footer"')[1]  # a link, no form, no token
    assert 'hreflang="en" aria-describedby="bahasa">English</a>' in page.content.decode()  # each in its own tongue
    response = client.get(_language_link(page.content.decode(), "en"))
    assert response.status_code == 302 and response["Location"] == "/dip/?kategori=berkala"
    assert client.cookies["django_language"].value == "en"
    html = client.get("/dip/").content.decode()
    assert '<html lang="en"' in html
    assert "Public Information List (DIP)" in html and "Skip to main content" in html
    assert "2 items" in html and '<strong lang="en" aria-current="true">English</strong>' in html
    assert 'hreflang="id" aria-describedby="bahasa">Bahasa Indonesia</a>' in html
    back = client.get(_language_link(html, "id"))
    assert back.status_code == 302 and back["Location"] == "/dip/"
    html = client.get("/dip/").content.decode()
    assert '<html lang="id"' in html and "Daftar Informasi Publik (DIP)" in html


@pytest.mark.parametrize("target", ["https://contoh.invalid/dip/", "//contoh.invalid/", "javascript:alert(1)"])
def test_the_language_switch_never_sends_a_visitor_off_the_site(client, office, target):
    response = client.get("/i18n/setlang/", {"language": "en", "next": target})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.cookies["django_language"].value == "en"
    assert "no-store" in response["Cache-Control"]


def test_a_form_may_post_the_choice_without_a_token(office):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/pengumuman/"})
    assert response.status_code == 302 and response["Location"] == "/pengumuman/"
    assert '<html lang="en"' in client.get("/pengumuman/").content.decode()


def test_an_unknown_language_changes_nothing(client, office):
    response = client.get("/i18n/setlang/", {"language": "fr", "next": "/dip/"})
    assert response.status_code == 302 and response["Location"] == "/dip/"
    assert "django_language" not in client.cookies
