"""The authenticator set-up code: a QR code drawn on the server as inline SVG (segno), plus the secret as text."""

from base64 import b32encode
from urllib.parse import quote, urlencode

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django_otp.oath import TOTP


def qr_svg(data: str, label: str) -> SafeString:
    """An inline <svg> (no script, no style attribute: fine under the strict CSP), named for screen readers."""
    svg = segno.make(data, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", border=4, svgclass="qr-code", lineclass=None
    )
    named = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" focusable="false" ', 1)
    return mark_safe(named)


def secret_for_typing(key_hex: str) -> str:
    """The secret in base32 as authenticator apps ask for it, in groups of four: 'ABCD EFGH …'."""
    secret = b32encode(bytes.fromhex(key_hex)).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def totp_url(key_hex: str, account: str, issuer: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    secret = b32encode(bytes.fromhex(key_hex)).decode().rstrip("=")
    issuer = issuer.replace(":", "")
    params = urlencode({"secret": secret, "algorithm": "SHA1", "digits": 6, "period": 30})
    return f"otpauth://totp/{quote(issuer)}:{quote(account)}?{params}&issuer={quote(issuer)}"


def current_token(key_hex: str) -> str:
    """The code an authenticator would show now (tests and the demo only)."""
    return f"{TOTP(bytes.fromhex(key_hex)).token():06d}"
