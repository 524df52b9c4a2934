"""Who may be on a staff page: a live session (its epoch is current) and, for staff, a second factor.

Placed after AuthenticationMiddleware, OTPMiddleware and MessageMiddleware.

- A session whose stored epoch differs from the user's ``session_epoch`` was ended elsewhere ("Keluar dari
  semua perangkat", a password change, deactivation, a 2FA reset): it is logged out on its next request.
- Every page under /kelola/ needs a signed-in user; anonymous visitors go to /masuk/?next=….
- Staff (is_staff, or holding any role) also need an OTP-verified session; a session signed in by password
  alone (the admin's own login, a test client's force_login) is sent to the second-factor step.

Requests without a session cookie (most public visitors) are not touched, so public pages stay cacheable.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .signin import EPOCH_KEY

STAFF_PREFIX = "/kelola/"


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.refusal(request) or self.get_response(request)

    def refusal(self, request):
        staff_page = request.path.startswith(STAFF_PREFIX)
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            user = request.user
            if user.is_authenticated and request.session.get(EPOCH_KEY) != user.session_epoch:
                logout(request)
                messages.info(request, _("Sesi Anda telah diakhiri. Silakan masuk lagi."))
        if not staff_page:
            return None
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if user.is_staff_member and not user.is_verified():
            return redirect(f"{reverse('login_verify')}?{urlencode({'next': request.get_full_path()})}")
        return None
