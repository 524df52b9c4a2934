"""Writes the portal owns: the public pages staff edit (maklumat, profil PPID). Each change is audited."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from warta.accounts.models import Role
from warta.core.errors import ErrorCode
from warta.records.audit import record

from .models import Page, PageSlug

TITLE_REQUIRED = ErrorCode("portal.page_title_required", _("Judul halaman wajib diisi. Tulis judulnya, lalu simpan."))
BODY_REQUIRED = ErrorCode("portal.page_body_required", _("Isi halaman masih kosong. Tulis isinya, lalu simpan."))
UNKNOWN_PAGE = ErrorCode(
    "portal.page_unknown", _("Halaman ini tidak dikenal. Pilih Maklumat Pelayanan atau Profil PPID.")
)
NOT_ALLOWED = ErrorCode("portal.page_not_allowed", _("Anda tidak berwenang mengubah halaman publik."))

EDITOR_ROLES = frozenset({Role.PPID, Role.ADMIN})
DEFAULT_TEMPLATES = {
    PageSlug.MAKLUMAT: "portal/defaults/maklumat.md",
    PageSlug.PROFIL_PPID: "portal/defaults/profil.md",
}


@dataclass(frozen=True)
class PageText:
    slug: str
    title: str
    body: str  # markup, see warta.portal.markup
    page: Page | None  # None while the page still shows its default text


def page_text(slug: str, request=None) -> PageText:
    """What the public reads at ``slug``: the staff-written page, or the default text until there is one."""
    stored = Page.objects.select_related("updated_by").filter(slug=slug).first()
    if stored is not None:
        return PageText(slug, stored.title, stored.body, stored)
    return PageText(slug, str(PageSlug(slug).label), render_to_string(DEFAULT_TEMPLATES[slug], request=request), None)


def can_edit_pages(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.role_set() & EDITOR_ROLES)


def _check_actor(actor) -> None:
    if not can_edit_pages(actor):
        raise NOT_ALLOWED.error()


@transaction.atomic
def save_page(actor, slug: str, *, title: str, body: str, now: datetime | None = None) -> Page:
    """Create or change a public page; the audit record keeps the text before and after."""
    _check_actor(actor)
    if slug not in PageSlug.values:
        raise UNKNOWN_PAGE.error(field="slug")
    title, body = (title or "").strip(), (body or "").strip()
    if not title:
        raise TITLE_REQUIRED.error(field="title")
    if not body:
        raise BODY_REQUIRED.error(field="body")
    now = now or timezone.now()
    page = Page.objects.select_for_update().filter(slug=slug).first()
    before = {"title": page.title, "body": page.body} if page else None
    if page is None:
        page = Page(slug=slug)
    elif (page.title, page.body) == (title, body):
        return page
    page.title, page.body, page.updated_at, page.updated_by = title, body, now, actor
    page.save()
    record(actor, "portal.page.saved", page, at=now, before=before, after={"title": title, "body": body})
    return page


@transaction.atomic
def delete_page(actor, page: Page, *, now: datetime | None = None) -> None:
    _check_actor(actor)
    now = now or timezone.now()
    record(actor, "portal.page.deleted", page, at=now, before={"title": page.title, "body": page.body})
    page.delete()
