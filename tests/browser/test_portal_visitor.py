"""A visitor on the public portal: finds an entry by search, opens it, previews and downloads its document;
the same site with JavaScript off; the listen control; contrast and text size; the CSP and JSON-LD.

Set WARTA_SCREENSHOTS=1 to write the screenshots in docs/screenshots/.
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser.conftest import assert_accessible
from tests.portal import conftest as portal
from tests.portal import world as w
from warta.registry.models import Category

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CSP_PROBE = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""
pytestmark = pytest.mark.django_db(transaction=True)
# The portal tests' fixtures: the world of public and hidden content, documents (tests/conftest.py empties the cache).
world, doc, capture = portal.world, portal.doc, portal.capture


@pytest.fixture
def urgent(staff):
    return w.announcement(
        staff, "banjir-kota-bengkulu", title="Peringatan banjir di Kota Bengkulu", category=Category.SERTA_MERTA,
        summary="Hujan deras sejak dini hari membuat Sungai Bengkulu meluap.",
        danger="Banjir setinggi 1 meter di bantaran Sungai Bengkulu.", affected="Warga Kelurahan Sukamerindu.",
        evacuation="Menuju SD Negeri 5 melalui Jalan Sudirman.", avoidance="Jauhi aliran sungai; matikan listrik.",
        help_contact="Posko BPBD, telepon 112.", urgent_until=timezone.now() + timedelta(days=1),
    )


def _shot(page, name: str) -> None:
    if os.environ.get("WARTA_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def test_a_visitor_finds_opens_previews_and_downloads(page, world, urgent):
    page.goto("/")
    _shot(page, "portal-home.png")
    page.get_by_label("Cari informasi publik", exact=True).fill("keuangan")
    page.get_by_label("Cari informasi publik", exact=True).press("Enter")
    assert page.get_by_role("heading", name="Hasil pencarian untuk “keuangan”").is_visible()
    first = page.locator("ol.results > li").first
    assert first.locator("mark").count() >= 1
    _shot(page, "portal-search.png")
    assert_accessible(page)

    first.get_by_role("link").click()
    assert page.get_by_role("heading", level=1).inner_text() == world.visible_entry.title
    document = world.visible_documents[0]
    frame = page.locator(f'iframe[src="/dokumen/{document.pk}/lihat/"]')
    assert frame.count() == 1 and frame.get_attribute("title").startswith("Pratinjau dokumen")
    preview = page.request.get(f"/dokumen/{document.pk}/lihat/")
    assert preview.ok and preview.headers["content-type"] == "application/pdf"
    assert preview.headers["content-disposition"].startswith("inline;")
    assert preview.headers["x-content-type-options"] == "nosniff"
    _shot(page, "portal-entry.png")
    with page.expect_download() as caught:
        page.get_by_role("link", name=re.compile(r"^Unduh")).first.click()
    download = caught.value
    assert download.suggested_filename == "laporan-keuangan-2025.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF")


def test_the_dip_reflows_into_cards_on_a_phone(phone, world):
    phone.goto("/dip/")
    row = phone.locator("table.register tbody tr").first
    assert row.evaluate("row => getComputedStyle(row).display") == "block"
    label = row.locator("td").nth(2).evaluate("cell => getComputedStyle(cell, '::before').content")
    assert "Pejabat atau Unit" in label
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    _shot(phone, "portal-dip-phone.png")
    assert_accessible(phone)


def test_everything_works_with_javascript_off(browser, live_server, world, urgent):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto("/")
        assert page.get_by_role("heading", name="Peringatan banjir di Kota Bengkulu").is_visible()
        assert page.locator("[data-listen]").is_hidden()  # nothing to press without speech synthesis
        page.get_by_label("Cari informasi publik", exact=True).fill("anggar")
        page.get_by_role("button", name="Cari").nth(1).click()
        assert page.locator("h1").inner_text() == "Hasil pencarian untuk “anggar”"
        page.goto("/dip/")
        page.get_by_label("Kategori").select_option("setiap-saat")
        page.get_by_role("button", name="Terapkan").click()
        assert "kategori=setiap-saat" in page.url
        assert page.locator("table.register tbody tr").count() == 1
        page.get_by_role("button", name="Kontras tinggi").click()
        assert "kontras-tinggi" in page.locator("html").get_attribute("class")
        assert "kategori=setiap-saat" in page.url  # back where the visitor was
        page.get_by_role("button", name=re.compile(r"^A\+\+")).click()
        assert "teks-sangat-besar" in page.locator("html").get_attribute("class")
        page.goto(f"/dip/{world.visible_entry.pk}/")
        assert page.locator("details.preview[open] iframe").count() == 1
        assert "kontras-tinggi" in page.locator("html").get_attribute("class")  # kept across pages
        # (axe needs JavaScript in the page; the same HTML is checked with it on in the other tests.)
    finally:
        context.close()


def test_listen_reads_the_main_content_in_indonesian(browser, live_server, world):
    context = browser.new_context(base_url=live_server.url, locale="id-ID")
    context.add_init_script("""
        window.__spoken = [];
        const fake = {speak: u => window.__spoken.push({text: u.text, lang: u.lang}), cancel: () => {},
                      getVoices: () => [], speaking: false};
        Object.defineProperty(window, 'speechSynthesis', {value: fake, configurable: true});
        window.SpeechSynthesisUtterance = function (text) { this.text = text; };
    """)
    page = context.new_page()
    try:
        page.goto(f"/dip/{world.visible_entry.pk}/")
        listen = page.get_by_role("button", name="Dengarkan")
        assert listen.is_visible()
        listen.click()
        spoken = page.evaluate("window.__spoken")
        assert spoken and all(item["lang"] == "id-ID" for item in spoken)
        text = " ".join(item["text"] for item in spoken)
        assert text.startswith("Informasi Berkala " + world.visible_entry.title)  # no breadcrumb, no menus
        assert "Riwayat perubahan" in text and "Pratinjau" not in text
        assert page.get_by_role("button", name="Berhenti").get_attribute("aria-pressed") == "true"
    finally:
        context.close()
    quiet = browser.new_context(base_url=live_server.url)
    quiet.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;")
    page = quiet.new_page()
    try:
        page.goto("/")
        assert page.locator("[data-listen]").is_hidden()
    finally:
        quiet.close()


def test_contrast_and_text_size_persist_and_hold_at_200_percent(page, world):
    page.goto("/dip/")
    page.get_by_role("button", name="Kontras tinggi").click()
    assert "kontras-tinggi" in page.locator("html").get_attribute("class")
    page.get_by_role("button", name=re.compile(r"^A\+\+")).click()
    page.goto(f"/dip/{world.visible_entry.pk}/")  # a new page keeps both
    assert page.locator("html").get_attribute("class").split() == ["kontras-tinggi", "teks-sangat-besar"]
    assert page.get_by_role("button", name="Kontras tinggi").get_attribute("aria-pressed") == "true"
    _shot(page, "portal-kontras-tinggi.png")
    assert_accessible(page)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 800})
        for path in ("/", "/dip/", f"/dip/{world.visible_entry.pk}/", "/cari/?q=keuangan"):
            page.goto(path)
            page.evaluate("document.documentElement.style.fontSize = '200%'")
            wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
                .slice(0, 8)""")
            assert not wide, (width, path, wide)
            overlaps = page.evaluate("""() => {
                const groups = ['.toolbar .wrap > *, .display-form > *, .tool-group > *', '.header-row > *',
                                '.site-nav li', '.filters > *', '.categories > li', '.downloads > *'];
                const found = [];
                for (const selector of groups) {
                    const boxes = [...document.querySelectorAll(selector)]
                        .filter(e => e.offsetParent !== null).map(e => [e, e.getBoundingClientRect()]);
                    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                        const [a, ra] = boxes[i], [b, rb] = boxes[j];
                        if (a.contains(b) || b.contains(a)) continue;
                        const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
                        const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
                        if (x > 1 && y > 1) found.push(selector + ': ' + a.textContent.trim().slice(0, 20) +
                                                       ' / ' + b.textContent.trim().slice(0, 20));
                    }
                }
                return found;
            }""")
            assert not overlaps, (width, path, overlaps)


def test_json_ld_raises_no_csp_violation(browser, live_server, world, urgent):
    context = browser.new_context(base_url=live_server.url)
    context.add_init_script(CSP_PROBE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    try:
        for path in ("/", f"/dip/{world.visible_entry.pk}/", "/pengumuman/banjir-kota-bengkulu/"):
            response = page.goto(path)
            assert "script-src 'self'" in response.headers["content-security-policy"]
            assert page.locator('script[type="application/ld+json"]').count() >= 1
            page.wait_for_load_state("load")
            assert page.evaluate("window.__csp") == [], path
        assert not [text for text in messages if "Content Security Policy" in text]
    finally:
        context.close()
