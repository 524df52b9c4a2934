"""The sign-in state kept in the session, between the password and the second factor, and after.

Sign-in has two steps. The password step only remembers who is *pending* (user, backend, time, where to go
next); nobody is logged in until the second factor is accepted, so a password alone never opens a session.
Then Django's ``login`` and django-otp's ``login`` run together and the session stores the user's
``session_epoch``, which the middleware compares on every request ("Keluar dari semua perangkat").
"""

import time

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import resolve_url
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from warta.core.redirects import local_target

from . import services

PENDING_KEY = "accounts_pending"
ENROL_KEY = "accounts_enrol"
EPOCH_KEY = "accounts_session_epoch"
BACKUP_CODES_KEY = "accounts_new_backup_codes"
# The second step must follow the first within this time; after it the password is asked again.
PENDING_SECONDS = 600


def safe_next(request, value: str | None = None) -> str:
    """The `next` page if it is on this site, else the staff inbox (settings.LOGIN_REDIRECT_URL)."""
    target = value if value is not None else request.POST.get("next") or request.GET.get("next") or ""
    return local_target(request, target, resolve_url(settings.LOGIN_REDIRECT_URL))


def start_pending(request, user, next_url: str) -> None:
    """The password was right: remember the user until the second factor is given."""
    request.session.cycle_key()
    request.session[PENDING_KEY] = {"user": user.pk, "backend": user.backend, "at": time.time(), "next": next_url}


def pending(request) -> dict | None:
    state = request.session.get(PENDING_KEY)
    if not state:
        return None
    if time.time() - state.get("at", 0) > PENDING_SECONDS:
        del request.session[PENDING_KEY]
        return None
    return state


def user_to_verify(request):
    """Whose second factor is asked: the pending user, or a signed-in user whose session lacks one."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return None if user.is_verified() else user
    state = pending(request)
    if state is None:
        return None
    return get_user_model().objects.filter(pk=state["user"], is_active=True).first()


def next_after(request) -> str:
    state = request.session.get(PENDING_KEY) or {}
    return safe_next(request, request.POST.get("next") or request.GET.get("next") or state.get("next") or "")


def has_authenticator(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def complete_sign_in(request, user, device) -> None:
    state = request.session.pop(PENDING_KEY, None) or {}
    if not request.user.is_authenticated:
        login(request, user, backend=state.get("backend") or settings.AUTHENTICATION_BACKENDS[-1])
    otp_login(request, device)
    request.session.pop(ENROL_KEY, None)
    services.note_sign_in(user, device)


def remember_epoch(request, user) -> None:
    request.session[EPOCH_KEY] = user.session_epoch


@receiver(user_logged_in, dispatch_uid="warta.accounts.remember_epoch")
def _remember_epoch_on_login(sender, request, user, **kwargs):
    """Every login (ours, the test client's force_login, the admin's) records the epoch it began under."""
    if request is None or not hasattr(request, "session"):
        return
    epoch = get_user_model().objects.filter(pk=user.pk).values_list("session_epoch", flat=True).first()
    request.session[EPOCH_KEY] = epoch or 0
