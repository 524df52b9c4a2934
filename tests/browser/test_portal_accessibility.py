"""Every public page passes axe-core (WCAG 2.1 A/AA, no serious or critical violation) on a desktop and a
phone, in the normal look and in high contrast."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.conftest import assert_accessible
from tests.portal import conftest as portal
from tests.portal import world as w
from warta.registry.models import Category

pytestmark = pytest.mark.django_db(transaction=True)
# The portal tests' fixtures: the world of public and hidden content, documents (tests/conftest.py empties the cache).
world, doc, capture = portal.world, portal.doc, portal.capture


@pytest.fixture
def public_paths(world, staff):
    w.announcement(staff, "banjir-kota-bengkulu", title="Peringatan banjir di Kota Bengkulu",
                   category=Category.SERTA_MERTA, danger="Banjir setinggi 1 meter.", affected="Warga Sukamerindu.",
                   evacuation="Menuju SD Negeri 5.", avoidance="Jauhi sungai.", help_contact="Posko BPBD, 112.",
                   urgent_until=timezone.now() + timedelta(days=1))
    for number in range(26):  # a second page of the DIP, so pagination is on screen
        w.published(staff, {"title": f"Informasi berkala nomor {number}", "category": Category.BERKALA})
    return [
        "/", "/dip/", "/dip/?kategori=berkala&halaman=2", f"/dip/{world.visible_entry.pk}/", "/pengumuman/",
        "/pengumuman/banjir-kota-bengkulu/", "/pengumuman/jadwal-layanan/", "/prosedur/", "/maklumat/",
        "/profil-ppid/", "/cari/", "/cari/?q=keuangan", "/cari/?q=kerupuk", "/halaman-yang-tidak-ada/",
    ]


def _check_all(page, paths):
    for path in paths:
        response = page.goto(path)
        assert response.status == (404 if "tidak-ada" in path else 200), path
        assert_accessible(page)


def test_every_public_page_is_accessible_on_a_desktop(page, public_paths, procedure):
    _check_all(page, public_paths)


def test_every_public_page_is_accessible_on_a_phone(phone, public_paths, procedure):
    _check_all(phone, public_paths)


def test_high_contrast_pages_are_accessible(page, public_paths, procedure, live_server):
    page.context.add_cookies([{"name": "warta_kontras", "value": "tinggi", "url": live_server.url},
                              {"name": "warta_teks", "value": "besar", "url": live_server.url}])
    _check_all(page, public_paths[:6])
