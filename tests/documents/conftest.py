import shutil
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.helpers import CORPUS
from warta.accounts.models import Role, RoleGrant, User

# The EICAR anti-virus test string, in two halves so this file itself never matches a signature.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"CORPUS TESTS SKIPPED: {CORPUS / name} not found (set WARTA_TEST_CORPUS)")
    return path


def upload_of(path: Path, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="application/octet-stream")


@pytest.fixture
def uploader(db):
    return User.objects.create_user("pengolah", password="rahasia-sekali-123", full_name="Sari Pengolah")


@pytest.fixture
def reviewer(db):
    user = User.objects.create_user("penelaah", password="rahasia-sekali-123", full_name="Budi Penelaah")
    RoleGrant.objects.create(user=user, role=Role.PENELAAH)
    return user


@pytest.fixture
def run_jobs(django_capture_on_commit_callbacks):
    """Run what services schedule on commit (extraction, then OCR) before the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def scanner_off(settings):
    settings.WARTA_CLAMAV = ""


@pytest.fixture
def eicar_database(tmp_path, settings):
    """A signature folder that knows only EICAR; clamscan is pointed at it. No freshclam, no network."""
    if not shutil.which("clamscan"):
        pytest.skip("clamscan is not installed (Debian package clamav): the virus-scan tests cannot run")
    folder = tmp_path / "clamav-db"
    folder.mkdir()
    (folder / "eicar.ndb").write_text(f"Warta.Test.EICAR:0:*:{EICAR[28:62].hex()}\n")
    settings.WARTA_CLAMAV = str(folder)
    return folder
