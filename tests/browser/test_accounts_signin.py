"""Signing in through the real pages: a brand-new user enrols an authenticator, then signs in again with it.

Set WARTA_SCREENSHOTS=1 to write the pages' screenshots into docs/screenshots/.
"""

import os
import re
import time
from base64 import b32decode
from pathlib import Path

import pytest
from django_otp.oath import TOTP

from tests.browser.conftest import assert_accessible
from tests.browser.staff import login_as
from warta.accounts import services
from warta.accounts.models import Role

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PASSWORD = "Sandi-petugas-baru-2026"


def shot(page, name: str) -> None:
    if os.environ.get("WARTA_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def code_for(secret: str, steps_ahead: int = 0) -> str:
    key = b32decode(secret + "=" * (-len(secret) % 8))
    totp = TOTP(key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


@pytest.mark.django_db(transaction=True)
def test_a_new_user_enrols_two_factor_through_the_pages(page, office):
    services.create_user(
        None,
        username="rina",
        password=PASSWORD,
        full_name="Rina Marlina, S.Kom.",
        unit=office.units.first(),
        roles=[Role.PENGOLAH],
    )

    page.goto("/kelola/")
    assert "/masuk/?next=" in page.url
    assert page.get_by_role("heading", name="Masuk", exact=True).is_visible()
    assert_accessible(page)
    shot(page, "masuk.png")

    page.get_by_label("Nama pengguna").fill("rina")
    page.get_by_label("Kata sandi").fill("salah-sandi")
    page.get_by_role("button", name="Masuk", exact=True).click()
    alert = page.get_by_role("alert")
    assert "Nama pengguna atau kata sandi tidak cocok" in alert.inner_text()
    assert page.get_by_label("Nama pengguna").input_value() == "rina"
    assert page.title().startswith("Kesalahan:")
    assert_accessible(page)
    shot(page, "masuk-salah.png")

    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_url("**/masuk/pasang-2fa/")
    assert page.get_by_role("img", name=re.compile("Kode QR")).is_visible()
    assert_accessible(page)
    shot(page, "2fa.png")

    secret = page.locator("#kunci").inner_text().replace(" ", "")
    page.get_by_label("Masukkan kode 6 angka yang tampil di aplikasi").fill(
        "000000" if code_for(secret) != "000000" else "111111"
    )
    page.get_by_role("button", name="Aktifkan").click()
    assert "Kode tidak cocok" in page.get_by_role("alert").inner_text()
    field = page.get_by_label("Masukkan kode 6 angka yang tampil di aplikasi")
    assert field.get_attribute("aria-invalid") == "true"
    assert "id_code_error" in field.get_attribute("aria-describedby")
    assert_accessible(page)

    field.fill(code_for(secret))
    page.get_by_role("button", name="Aktifkan").click()
    page.wait_for_url("**/kelola/akun/kode-cadangan/**")
    codes = page.locator("ol.codes li").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{8}", code) for code in codes)
    assert_accessible(page)
    shot(page, "kode-cadangan.png")

    page.get_by_role("link", name="Saya sudah menyimpannya, lanjutkan").click()
    page.wait_for_url("**/kelola/")
    page.get_by_role("button", name="Keluar", exact=True).first.click()
    page.wait_for_url("**/masuk/")
    assert "Anda telah keluar" in page.content()

    # Second sign-in: the code step, no enrolment.
    page.get_by_label("Nama pengguna").fill("rina")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_url("**/masuk/verifikasi/")
    assert_accessible(page)
    shot(page, "verifikasi.png")
    page.get_by_label("Kode verifikasi").fill(code_for(secret, steps_ahead=1))  # the next code the app shows
    page.get_by_role("button", name="Verifikasi", exact=True).click()
    page.wait_for_url("**/kelola/")


@pytest.mark.django_db(transaction=True)
def test_the_sign_in_pages_fit_a_phone(phone, staff):
    phone.goto("/masuk/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    assert_accessible(phone)
    shot(phone, "masuk-ponsel.png")


@pytest.mark.django_db(transaction=True)
def test_login_as_signs_staff_in_and_account_pages_are_accessible(page, staff):
    login_as(page, staff["ppid"])
    assert page.url.endswith("/kelola/")
    page.goto("/kelola/akun/")
    assert page.get_by_role("heading", name="Akun Saya").is_visible()
    assert_accessible(page)
    shot(page, "akun-saya.png")

    page.get_by_role("link", name="Ubah kata sandi").click()
    page.get_by_role("button", name="Simpan kata sandi baru").click()
    assert page.get_by_role("alert").is_visible()
    assert_accessible(page)

    page.goto("/kelola/akun/")
    page.get_by_role("button", name="Buat kode cadangan baru").click()
    assert page.locator("ol.codes li").count() == 10
    assert_accessible(page)

    page.goto("/keluar/")
    assert_accessible(page)
    page.get_by_role("button", name="Keluar dari semua perangkat").click()
    page.wait_for_url("**/masuk/")
    page.goto("/kelola/")
    assert "/masuk/" in page.url

    # The same user again within the same 30 seconds: login_as copes.
    login_as(page, staff["ppid"])
    assert page.url.endswith("/kelola/")
