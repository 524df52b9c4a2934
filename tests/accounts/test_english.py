"""Signing in and the account and administrator screens in English, for a visitor who chose English."""

from functools import partial

import pytest
from django.conf import settings

from tests.accounts.helpers import confirmed_device, login_verified
from tests.helpers import english_page
from warta.accounts.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

# Words of the page chrome that must not be left in Indonesian on an English page.
INDONESIAN_CHROME = ["Cari", "Beranda", "Masuk", "Simpan", "Kata sandi", "Nama pengguna", "Keluar"]


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


assert_english = partial(english_page, chrome=INDONESIAN_CHROME)


def test_the_sign_in_page_and_its_refusal_are_in_english(client, staff):
    english(client)
    assert_english(client.get("/masuk/"), "Sign in", "User name", "Password", "Step 1 of 2")
    refused = client.post("/masuk/", {"username": "ppid", "password": "salah-sekali"})
    assert_english(refused, "The user name or password does not match. Check both, then try again.")
    assert 'value="ppid"' in refused.content.decode()


def test_the_second_factor_page_is_in_english(client, staff):
    confirmed_device(staff["ppid"])
    english(client).post("/masuk/", {"username": "ppid", "password": DEMO_PASSWORD})
    page = client.get("/masuk/verifikasi/")
    assert_english(
        page, "Enter the verification code", "Verification code", "Step 2 of 2", "Verify", "Don't have your phone?"
    )
    wrong = client.post("/masuk/verifikasi/", {"code": "000000"})
    assert "The code does not match." in wrong.content.decode()


def test_the_account_page_is_in_english(client, staff):
    login_verified(english(client), staff["ppid"])
    assert_english(
        client.get("/kelola/akun/"),
        "My account",
        "Roles",
        "Change password",
        "Two-step verification",
        "Sign out of all devices",
    )


def test_the_administrators_list_of_users_is_in_english(client, staff):
    login_verified(english(client), staff["admin"])
    page = client.get("/kelola/akun/pengguna/")
    assert_english(
        page,
        "Users",
        "Add a user",
        "Users, their roles and account status",
        "Data and Information Processor",
        "PPID Supervisor",
        "Active",
    )


def test_a_message_after_saving_is_in_english(client, staff):
    login_verified(english(client), staff["admin"])
    response = client.post(
        "/kelola/akun/unit/", {"name": "PPID Pelaksana Bagian Umum", "code": "ppid-umum"}, follow=True
    )
    assert "The unit PPID Pelaksana Bagian Umum has been created." in response.content.decode()


def test_without_a_choice_the_pages_stay_indonesian_whatever_the_browser_prefers(client, staff):
    page = client.get("/masuk/", headers={"accept-language": "en-US,en;q=0.9"})
    html = page.content.decode()
    assert page["Content-Language"] == "id" and '<html lang="id"' in html
    assert "Nama pengguna" in html and "Kata sandi" in html and "User name" not in html
