"""The public site in English for a visitor who chose it; Indonesian for everyone else; data stays Indonesian."""

from functools import partial

import pytest
from django.conf import settings

from tests import helpers
from tests.portal import world as w
from tests.portal.conftest import LAPORAN

pytestmark = pytest.mark.django_db

# Words of the page chrome that must not be left in Indonesian on an English page.
INDONESIAN_CHROME = ["Cari", "Beranda", "Masuk", "Simpan", "Unduh", "Lewati ke isi utama", "Kontras tinggi"]


@pytest.fixture
def content(staff):
    entry = w.published(staff, LAPORAN)
    w.announcement(
        staff,
        "jadwal-layanan",
        title="Jadwal Layanan Informasi Publik",
        summary="Layanan informasi buka Senin sampai Jumat.",
    )
    return entry


@pytest.fixture
def visitor(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


english_page = partial(helpers.english_page, chrome=INDONESIAN_CHROME)


def test_the_home_page(visitor, content):
    english_page(
        visitor.get("/"),
        "Public Information Service",
        "Search public information",
        "Home",
        "Public Information List",
        "Periodic information",
        "Immediate (serta-merta) information",
        "Information available at any time",
        "Exempt information",
        "Latest announcements",
        "Skip to main content",
        "Sign in",
    )


def test_the_dip_list_and_an_entry(visitor, content):
    english_page(
        visitor.get("/dip/"),
        "Public Information List (DIP)",
        "Summary of the information",
        "Official or unit holding the information",
        "Retention period",
        "Sort by",
        "Apply",
        "Printed and Recorded/online",
        "1 item",
    )
    html = english_page(
        visitor.get(f"/dip/{content.pk}/"),
        "Information details",
        "Change history",
        "Legal basis",
        "This information has no digital document yet.",
    )
    assert "23 November 2026, 10:00 WIB</time> — <strong>Published</strong>" in html  # history in English
    assert LAPORAN["title"] in html  # the register's data is shown as written


def test_search(visitor, content):
    english_page(visitor.get("/cari/", {"q": "laporan"}), "Search results for “laporan”", "1 results")
    english_page(visitor.get("/cari/", {"q": "%%%"}), "Type words made of letters or digits.")


def test_announcements(visitor, content):
    english_page(visitor.get("/pengumuman/"), "Announcements", "All", "Jadwal Layanan Informasi Publik")
    english_page(visitor.get("/pengumuman/jadwal-layanan/"), "Last updated", "Layanan informasi buka Senin")


def test_the_pos_page_translates_its_frame_but_not_the_procedure(visitor, procedure):
    html = english_page(
        visitor.get("/prosedur/"),
        "Procedures in force",
        "POS number",
        "Activity",
        "Executor",
        "Quality standard",
        "Requirements",
        "Legal basis",
        "Executor qualifications",
    )
    assert "Menyiapkan Daftar Informasi Publik" in html  # the signed text of the POS itself stays as signed


def test_a_missing_page(visitor):
    english_page(visitor.get("/tidak-ada/"), "Page not found", "Back to Home", status=404)


def test_the_open_data_api_page(visitor):
    english_page(visitor.get("/api/"), "Open Data API", "Paging", "Machine-readable descriptions")


def test_without_a_choice_the_site_is_indonesian_whatever_the_browser_prefers(client, content):
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    html = response.content.decode()
    assert response["Content-Language"] == "id" and '<html lang="id"' in html
    assert all(word in html for word in ("Beranda", "Cari", "Daftar Informasi Publik", "Informasi Berkala"))
    assert "Public Information List" not in html


def test_each_language_gets_its_own_kept_page(client, content, settings):
    settings.WARTA_PAGE_CACHE_SECONDS = 60
    assert "Beranda" in client.get("/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Beranda" not in client.get("/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    assert "Beranda" in client.get("/").content.decode()


def test_downloads_and_feeds_keep_indonesian_data_for_an_english_visitor(visitor, content):
    response = visitor.get("/dip/unduh/csv/")
    data = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Ringkasan Isi Informasi" in data and "Informasi Berkala" in data and "Periodic" not in data
    rows = visitor.get("/dip/unduh/json/")
    assert '"category_label": "Informasi Berkala"' in b"".join(rows.streaming_content).decode()
