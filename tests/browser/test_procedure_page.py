"""The public procedures page, read as a visitor would, on a desktop and a phone."""

import pytest

from tests.browser.conftest import assert_accessible


@pytest.mark.django_db(transaction=True)
def test_the_pos_is_announced_on_the_public_site(page, procedure):
    page.goto("/")
    page.get_by_role("link", name="Prosedur", exact=True).first.click()
    assert page.get_by_role("heading", name="POS Pengumuman Informasi").is_visible()
    rows = page.locator("table tbody tr")
    assert rows.count() == 5
    assert "Memverifikasi materi/bahan informasi" in rows.nth(2).inner_text()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_the_pos_table_reflows_on_a_phone(phone, procedure):
    phone.goto("/prosedur/")
    first_row = phone.locator("table tbody tr").first
    assert first_row.locator("td").first.evaluate("cell => getComputedStyle(cell).display") == "block"
    assert_accessible(phone)
