"""Signing staff in through the real pages, for every browser test of the staff workspace.

    from tests.browser.staff import login_as

    @pytest.mark.django_db(transaction=True)
    def test_something(page, staff):
        login_as(page, staff["ppid"])           # now on /kelola/ (Tugas Saya), fully signed in
        page.goto("/kelola/...")

``login_as(page, user, password=DEMO_PASSWORD)`` fills /masuk/ (user name + password), then the second step
(/masuk/verifikasi/) with the code the user's authenticator would show. A user without an authenticator gets a
confirmed TOTP device in the database first, so the enrolment page is skipped (tests of enrolment itself drive
/masuk/pasang-2fa/ by hand: tests/browser/test_accounts_signin.py). It works on the `page` and `phone`
fixtures alike and can sign the same user in again within one 30-second step. Keep the signature stable.
"""

from tests.accounts.helpers import confirmed_device, current_code
from warta.accounts.demo import DEMO_PASSWORD

__all__ = ["DEMO_PASSWORD", "login_as"]


def login_as(page, user, password: str = DEMO_PASSWORD) -> None:
    device = confirmed_device(user)
    page.goto("/masuk/")
    page.get_by_label("Nama pengguna").fill(user.get_username())
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_url("**/masuk/verifikasi/**")
    page.get_by_label("Kode verifikasi").fill(current_code(device))
    page.get_by_role("button", name="Verifikasi", exact=True).click()
    page.wait_for_url(lambda url: "/masuk/" not in url)
