"""Template helpers of the workspace: the role-aware menu with the unread count, and small labels."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from warta.accounts.models import Role

from ..models import Notification

register = template.Library()

# (url name, label, roles that see it; None = everyone on staff)
MENU = [
    ("office:inbox", _("Tugas Saya"), None),
    ("office:runs", _("Disposisi"), {Role.PPID, Role.PENGOLAH, Role.PENELAAH, Role.ATASAN}),
    ("office:disposition_new", _("Tulis disposisi"), {Role.PPID}),
    ("office:register", _("Daftar Informasi Publik"), {Role.PPID, Role.PENGOLAH, Role.PENELAAH, Role.ATASAN}),
    ("office:announcements", _("Pengumuman"), {Role.PPID, Role.PENGOLAH, Role.PENELAAH, Role.ATASAN}),
    ("office:editions", _("Edisi DIP"), {Role.PPID, Role.ATASAN}),
    ("office:exemptions", _("Informasi yang Dikecualikan"), {Role.PPID, Role.PENELAAH, Role.ATASAN}),
    ("office:routine", _("Pemeliharaan situs"), {Role.PPID, Role.PENGOLAH}),
    ("office:pages", _("Halaman publik"), {Role.PPID, Role.ADMIN}),
    ("office:oversight", _("Pengawasan"), {Role.ATASAN}),
    ("office:breaches", _("Penyimpangan"), {Role.ATASAN, Role.PPID}),
    ("office:audit", _("Jejak audit"), {Role.ATASAN, Role.ADMIN}),
    ("office:notifications", _("Pemberitahuan"), None),
    ("accounts:account", _("Akun Saya"), None),
    ("accounts:users", _("Pengguna"), {Role.ADMIN}),
    # "Unit" alone is also a column heading elsewhere (one unit); in the menu it names the list of units.
    ("accounts:units", pgettext_lazy("menu", "Unit"), {Role.ADMIN}),
    ("accounts:office", _("Profil Kantor"), {Role.ADMIN}),
    ("accounts:procedures", _("Prosedur (POS)"), {Role.ADMIN}),
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
