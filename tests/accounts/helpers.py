"""Signing staff in from tests, second factor included, as warta.accounts.middleware requires on /kelola/.

    from tests.accounts.helpers import login_verified
    login_verified(client, staff["ppid"])      # Django test client: a session with password + OTP
    client.get("/kelola/")                      # 200, not a redirect to /masuk/verifikasi/

A plain ``client.force_login(user)`` gives a password-only session: staff pages refuse it on purpose.
"""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_device(user) -> TOTPDevice:
    """The user's confirmed authenticator, created if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Aplikasi autentikator (uji)", confirmed=True)
    return device


def current_code(device: TOTPDevice) -> str:
    """The code the authenticator shows now. Resets the device's replay guard and throttle first, so a test can
    sign the same user in twice within one 30-second step."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        last_t=-1, throttling_failure_count=0, throttling_failure_timestamp=None
    )
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def login_verified(client, user) -> TOTPDevice:
    """Log the test client in as ``user`` with an OTP-verified session (no pages involved)."""
    client.force_login(user)
    device = confirmed_device(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
