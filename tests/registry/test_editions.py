"""DIP editions: proposed by the PPID, approved by the Atasan PPID, set by decree, frozen for good."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from tests.helpers import refusal_code, wib
from tests.registry.test_lifecycle import RENSTRA, _disposition, _published_entry
from warta.registry.models import EditionStatus
from warta.registry.services.editions import (
    approve_edition,
    next_edition_due,
    propose_edition,
    set_edition,
    snapshot_hash,
)
from warta.registry.services.entries import update_entry

pytestmark = pytest.mark.django_db


def test_nothing_published_means_no_edition(staff):
    assert refusal_code(propose_edition, staff["ppid"], title="DIP 2026") == "registry.edition_empty"


def test_an_edition_is_approved_set_by_decree_and_stays_frozen(staff):
    entry = _published_entry(staff)
    ppid, atasan = staff["ppid"], staff["atasan"]
    assert refusal_code(propose_edition, staff["pengolah"], title="DIP") == "pos.role_required"
    edition = propose_edition(ppid, title="Daftar Informasi Publik Semester II 2026", now=wib(24, 9))
    assert edition.entry_count == 1 and edition.snapshot[0]["title"] == RENSTRA["title"]

    # Perki 1/2021 Ps 45: the PPID sets the DIP only with the Atasan PPID's approval.
    assert refusal_code(set_edition, ppid, edition, decree_number="1/2026", decree_date=date(2026, 11, 25)) == (
        "registry.edition_wrong_status"
    )
    assert refusal_code(approve_edition, ppid, edition) == "pos.role_required"
    approve_edition(atasan, edition, now=wib(24, 10))
    edition = set_edition(ppid, edition, decree_number="188.4/021/BPMP.BKL/2026", decree_date=date(2026, 11, 25),
                          now=wib(25, 9))
    assert edition.status == EditionStatus.SET
    assert edition.next_due == date(2027, 5, 25) == next_edition_due(edition.unit)

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(edition.pdf.read())).pages)
    for expected in ("188.4/021/BPMP.BKL/2026", RENSTRA["title"], "Rahmawati", "198103152006042001"):
        assert expected in text, expected

    frozen = (list(edition.snapshot), edition.content_hash)
    run = _disposition(staff, day=26)
    update_entry(staff["pengolah"], run, entry, {"title": "Judul baru"}, reason="Perbaikan judul", now=wib(26, 9))
    edition.refresh_from_db()
    assert (edition.snapshot, edition.content_hash) == frozen
    assert snapshot_hash(edition.snapshot) == edition.content_hash  # reproducible from the snapshot alone
