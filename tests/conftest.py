import pytest

from tests.helpers import CORPUS


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Each test stores its files in a fresh folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Kept pages, values kept per content version (two tests' rolled-back databases can reach the same version)
    rate-limit counters and the layout's cached fragments live in the caches: each test starts and ends with them
    empty."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def procedure(db):
    """The seed's POS, loaded from its data file."""
    from warta.pos.services import load_procedure_file

    procedure, _ = load_procedure_file()
    return procedure


@pytest.fixture
def office(procedure):
    """The demo office (BPMP Provinsi Bengkulu) with one user per role."""
    from warta.accounts.demo import create_demo_office

    office, _ = create_demo_office(sorted(procedure.qualification_codes()))
    return office


@pytest.fixture
def staff(office):
    """The demo users by username: ppid, pengolah, pengolah2, penelaah, atasan, admin."""
    from warta.accounts.models import User

    return {user.username: user for user in User.objects.filter(unit__office=office)}


@pytest.fixture
def corpus():
    if not CORPUS.is_dir():
        pytest.skip(f"CORPUS TESTS SKIPPED: the shared test corpus is not at {CORPUS} (set WARTA_TEST_CORPUS)")
    return CORPUS
