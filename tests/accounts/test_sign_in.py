"""Signing in: password, lockout, the second factor (enrolment, codes, backup codes) and ending sessions."""

import re
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.helpers import confirmed_device, current_code, login_verified
from warta.accounts import signin
from warta.accounts.demo import DEMO_PASSWORD
from warta.records.models import AuditRecord

pytestmark = pytest.mark.django_db

LOGIN = "/masuk/"
VERIFY = "/masuk/verifikasi/"
ENROL = "/masuk/pasang-2fa/"


def password_step(client, username, password=DEMO_PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_a_wrong_password_is_refused_in_indonesian(client, staff):
    response = password_step(client, "ppid", "salah-sekali")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Nama pengguna atau kata sandi tidak cocok" in text
    assert 'role="alert"' in text
    assert 'value="ppid"' in text  # what was typed stays
    assert signed_in_user_id(client) is None
    assert signin.PENDING_KEY not in client.session


def test_too_many_failures_lock_the_name_for_15_minutes(client, staff, settings):
    settings.AXES_FAILURE_LIMIT = 3
    responses = [password_step(client, "ppid", f"salah-{n}") for n in range(3)]
    assert [r.status_code for r in responses[:2]] == [200, 200]
    locked = responses[2]
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "dikunci selama 15 menit" in text
    assert "locked" not in text.lower() and "Traceback" not in text
    # Even the right password is refused while the lock lasts.
    again = password_step(client, "ppid", DEMO_PASSWORD)
    assert again.status_code == 429
    assert "dikunci selama 15 menit" in again.content.decode()
    assert signin.PENDING_KEY not in client.session


def test_the_password_alone_signs_nobody_in(client, staff):
    confirmed_device(staff["ppid"])
    response = password_step(client, "ppid")
    assert response.status_code == 302 and response.url == VERIFY
    assert signed_in_user_id(client) is None
    response = client.get("/kelola/")
    assert response.status_code == 302 and response.url.startswith("/masuk/?next=")


def test_staff_without_an_authenticator_must_enrol_first(client, staff):
    user = staff["pengolah"]
    assert not TOTPDevice.objects.filter(user=user).exists()
    response = password_step(client, "pengolah", next="/kelola/akun/")
    assert response.url == ENROL
    # The code page sends them back to enrolment too.
    assert client.get(VERIFY).url.startswith(ENROL)

    page = client.get(ENROL)
    text = page.content.decode()
    assert "<svg" in text and 'role="img"' in text  # the QR code, drawn on the server
    key = client.session[signin.ENROL_KEY]["key"]
    secret = re.search(r'<code class="secret" id="kunci">([A-Z2-7 ]+)</code>', text).group(1).replace(" ", "")
    assert b32decode(secret + "=" * (-len(secret) % 8)).hex() == key  # the secret to type is the same key

    wrong = client.post(ENROL, {"code": "000000" if TOTP(bytes.fromhex(key)).token() != 0 else "111111"})
    assert "Kode tidak cocok" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()

    code = f"{TOTP(bytes.fromhex(key)).token():06d}"
    response = client.post(ENROL, {"code": code})
    assert response.status_code == 302 and response.url.startswith("/kelola/akun/kode-cadangan/")
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
    assert signed_in_user_id(client) == str(user.pk)

    shown = client.get(response.url)
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", shown.content.decode())
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert 'href="/kelola/akun/"' in shown.content.decode()  # "lanjutkan" goes to the page asked for
    # Shown once: reloading the page does not show them again.
    assert not re.findall(r"<li><code>", client.get("/kelola/akun/kode-cadangan/").content.decode())
    assert client.get("/kelola/").status_code == 200
    assert AuditRecord.objects.filter(action="accounts.2fa.enrolled", object_id=str(user.pk)).exists()


def test_a_user_with_an_authenticator_gives_its_code(client, staff):
    device = confirmed_device(staff["ppid"])
    password_step(client, "ppid", next="/kelola/akun/")
    refused = client.post(VERIFY, {"code": "12345"})
    assert "Kode tidak cocok" in refused.content.decode()
    assert signed_in_user_id(client) is None
    time.sleep(1.1)  # django-otp's throttle after one wrong code
    response = client.post(VERIFY, {"code": current_code(device)})
    assert response.status_code == 302 and response.url == "/kelola/akun/"
    assert signed_in_user_id(client) == str(staff["ppid"].pk)
    assert client.get("/kelola/").status_code == 200
    assert AuditRecord.objects.filter(action="accounts.signed_in", object_id=str(staff["ppid"].pk)).exists()


def test_wrong_codes_slow_down_further_tries(client, staff, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 30
    device = confirmed_device(staff["ppid"])
    password_step(client, "ppid")
    client.post(VERIFY, {"code": "000001"})
    response = client.post(VERIFY, {"code": f"{TOTP(device.bin_key).token():06d}"})
    assert "Terlalu banyak kode yang salah. Tunggu" in response.content.decode()
    assert signed_in_user_id(client) is None


def test_a_backup_code_works_once(client, staff):
    user = staff["ppid"]
    login_verified(client, user)
    client.post("/kelola/akun/kode-cadangan/")
    codes = re.findall(
        r"<li><code>([a-z2-7]{8})</code></li>", client.get("/kelola/akun/kode-cadangan/").content.decode()
    )
    assert len(codes) == 10
    client.post("/keluar/")

    password_step(client, "ppid")
    response = client.post(VERIFY, {"code": codes[0].upper()[:4] + "-" + codes[0][4:]})  # as people type it
    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)
    assert StaticToken.objects.filter(device__user=user).count() == 9
    client.post("/keluar/")

    password_step(client, "ppid")
    again = client.post(VERIFY, {"code": codes[0]})
    assert "Kode tidak cocok" in again.content.decode()
    assert signed_in_user_id(client) is None


def test_signing_out_everywhere_ends_every_session(client, staff, django_user_model):
    from django.test import Client

    user = staff["ppid"]
    other = Client()
    login_verified(client, user)
    login_verified(other, user)
    assert other.get("/kelola/").status_code == 200

    response = client.post("/kelola/akun/keluar-semua/")
    assert response.status_code == 302 and response.url == LOGIN
    assert signed_in_user_id(client) is None
    refused = other.get("/kelola/")
    assert refused.status_code == 302 and refused.url.startswith("/masuk/?next=")
    assert signed_in_user_id(other) is None
    # Signing in again afterwards works.
    login_verified(other, user)
    assert other.get("/kelola/").status_code == 200


def test_staff_pages_refuse_a_password_only_session(client, staff):
    client.force_login(staff["ppid"])
    for path in ("/kelola/", "/kelola/akun/", "/kelola/admin/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.url == f"{VERIFY}?next={path.replace('/', '%2F')}"
    # The second step finishes that session.
    device = confirmed_device(staff["ppid"])
    response = client.post(VERIFY, {"code": current_code(device), "next": "/kelola/akun/"})
    assert response.url == "/kelola/akun/"
    assert client.get("/kelola/akun/").status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client, office):
    response = client.get("/kelola/akun/pengguna/?x=1")
    assert response.status_code == 302
    assert response.url == "/masuk/?next=/kelola/akun/pengguna/%3Fx%3D1"
    assert client.get("/").status_code == 200  # the public site stays open


def test_only_local_next_pages_are_followed(client, staff):
    device = confirmed_device(staff["ppid"])
    password_step(client, "ppid", next="https://contoh.example/curi")
    response = client.post(VERIFY, {"code": current_code(device)})
    assert response.url == "/kelola/"


def test_the_second_step_expires(client, staff):
    confirmed_device(staff["ppid"])
    password_step(client, "ppid")
    session = client.session
    session[signin.PENDING_KEY]["at"] -= signin.PENDING_SECONDS + 1
    session.save()
    response = client.get(VERIFY)
    assert response.status_code == 302 and response.url.startswith(LOGIN)


def test_changing_the_password_ends_other_sessions_only(client, staff):
    from django.test import Client

    user = staff["ppid"]
    other = Client()
    login_verified(client, user)
    login_verified(other, user)
    new = "Kata-sandi-baru-2026!"
    response = client.post(
        "/kelola/akun/kata-sandi/", {"old_password": DEMO_PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    assert client.get("/kelola/akun/").status_code == 200
    assert other.get("/kelola/").status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)


def test_a_wrong_old_password_keeps_the_form(client, staff):
    login_verified(client, staff["ppid"])
    response = client.post(
        "/kelola/akun/kata-sandi/", {"old_password": "bukan", "new_password1": "a", "new_password2": "a"}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert 'aria-invalid="true"' in text and "id_old_password_error" in text
    assert "<title>Kesalahan:" in text


def test_sign_out_asks_on_get_and_ends_on_post(client, staff):
    login_verified(client, staff["ppid"])
    page = client.get("/keluar/")
    assert page.status_code == 200 and "Keluar dari semua perangkat" in page.content.decode()
    assert signed_in_user_id(client) == str(staff["ppid"].pk)
    response = client.post("/keluar/")
    assert response.url == LOGIN and signed_in_user_id(client) is None


def test_a_stale_form_gets_an_indonesian_page(staff):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(LOGIN, {"username": "ppid", "password": DEMO_PASSWORD})
    assert response.status_code == 403
    assert "Formulir tidak dapat dikirim" in response.content.decode()


def test_pages_have_no_inline_style_or_script(client, staff):
    confirmed_device(staff["ppid"])
    pages = [client.get(LOGIN)]
    password_step(client, "pengolah")
    pages.append(client.get(ENROL))
    for response in pages:
        text = response.content.decode()
        assert " style=" not in text and "<style" not in text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text)  # scripts only from files


def test_a_new_password_step_replaces_a_half_finished_session(client, staff):
    client.force_login(staff["ppid"])  # password only, never verified
    confirmed_device(staff["pengolah"])
    password_step(client, "pengolah")
    assert signed_in_user_id(client) is None
    page = client.get(VERIFY).content.decode()
    assert "<strong>pengolah</strong>" in page
