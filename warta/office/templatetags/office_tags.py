"""Template helpers of the workspace: the role-aware menu with the unread count, and small labels."""

from django import template
from django.urls import reverse

from warta.accounts.models import Role

from ..models import Notification

register = template.Library()

# (url name, label, roles that see it; None = everyone on staff)
MENU = [
    ("office:inbox", "Tugas Saya", None),
    ("office:runs", "Disposisi", {Role.PPID, Role.PENGOLAH, Role.PENELAAH, Role.ATASAN}),
    ("office:disposition_new", "Tulis disposisi", {Role.PPID}),
    ("office:register", "Daftar Informasi Publik", {Role.PPID, Role.PENGOLAH, Role.PENELAAH, Role.ATASAN}),
    ("office:announcements", "Pengumuman", {Role.PPID, Role.PENGOLAH, Role.PENELAAH, Role.ATASAN}),
    ("office:editions", "Edisi DIP", {Role.PPID, Role.ATASAN}),
    ("office:exemptions", "Informasi yang Dikecualikan", {Role.PPID, Role.PENELAAH, Role.ATASAN}),
    ("office:routine", "Pemeliharaan situs", {Role.PPID, Role.PENGOLAH}),
    ("office:pages", "Halaman publik", {Role.PPID, Role.ADMIN}),
    ("office:oversight", "Pengawasan", {Role.ATASAN}),
    ("office:breaches", "Penyimpangan", {Role.ATASAN, Role.PPID}),
    ("office:audit", "Jejak audit", {Role.ATASAN, Role.ADMIN}),
    ("office:notifications", "Pemberitahuan", None),
    ("accounts:account", "Akun Saya", None),
    ("accounts:users", "Pengguna", {Role.ADMIN}),
    ("accounts:units", "Unit", {Role.ADMIN}),
    ("accounts:office", "Profil Kantor", {Role.ADMIN}),
    ("accounts:procedures", "Prosedur (POS)", {Role.ADMIN}),
]


@register.inclusion_tag("office/_menu.html", takes_context=True)
def office_menu(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"items": []}
    roles = user.role_set()
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
    path = request.path
    items = []
    for name, label, allowed in MENU:
        if allowed is not None and not roles & allowed:
            continue
        url = reverse(name)
        current = path == url if name == "office:inbox" else path.startswith(url) and not (
            name == "office:runs" and path.startswith(reverse("office:disposition_new")))
        if name == "office:register" and path.startswith(reverse("office:editions")):
            current = False
        items.append({"url": url, "label": label, "current": current,
                      "badge": unread if name == "office:notifications" and unread else 0})
    return {"items": items}


@register.filter
def role_label(value: str) -> str:
    try:
        return Role(value).label
    except ValueError:
        return value


@register.filter
def get_item(mapping, key):
    """{{ forms|get_item:obj.pk }}: a dict lookup with a variable key (keys compared as text)."""
    if not mapping:
        return None
    return mapping.get(str(key), mapping.get(key))
