"""Public content for the API tests, made the way staff make it: through POS runs and the register services."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.helpers import OFFICE_COLUMNS
from warta.announcements.services import create_announcement
from warta.documents.services import upload_document
from warta.pos.services import PlanItemData, active_step, complete_step, issue_disposition, provide_input, verify
from warta.registry.models import Category
from warta.registry.services.editions import approve_edition, propose_edition, set_edition
from warta.registry.services.entries import attach_document, create_entry, publish_run

BASE = {
    **OFFICE_COLUMNS,
    "category": Category.SETIAP_SAAT,
    "year": 2025,
    "legal_basis": "UU 14/2008 Pasal 11",
}


def values(title: str, **changes) -> dict:
    return {**BASE, "title": title, **changes}


@lru_cache
def pdf_bytes(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<h1>{text}</h1><p>Dokumen uji untuk API data terbuka.</p>").write_pdf()


def upload(staff, name: str, text: str) -> object:
    """Run inside ``django_capture_on_commit_callbacks(execute=True)`` so the text is read and scanned."""
    return upload_document(staff["pengolah"], SimpleUploadedFile(name, pdf_bytes(text)))


def drafted(staff, rows: list[dict], documents: dict[int, list] | None = None):
    """A run in its drafting step with these entries (and attachments by row index)."""
    run = issue_disposition(staff["ppid"], title="Pemutakhiran DIP", instructions="Siapkan DIP",
                            addressee=staff["pengolah"], verifier=staff["penelaah"],
                            plan=[PlanItemData("Pemutakhiran", timezone.localdate() + timedelta(days=30))])
    entries = [create_entry(staff["pengolah"], run, row) for row in rows]
    for index, attached in (documents or {}).items():
        for document in attached:
            attach_document(staff["pengolah"], run, entries[index], document, label=document.original_name)
    return run, entries


def published(staff, rows: list[dict], documents: dict[int, list] | None = None, publish_at=None) -> list:
    run, entries = drafted(staff, rows, documents)
    _verify_and_publish(staff, run, publish_at)
    for entry in entries:
        entry.refresh_from_db()
    return entries


def announced(staff, announcements: list[dict], documents: dict[int, list] | None = None, publish_at=None,
              urgent: bool = False) -> list:
    """Announcements drafted in one run (documents by index), verified and published (or scheduled) with it."""
    run = issue_disposition(staff["ppid"], title="Pengumuman", instructions="Umumkan", addressee=staff["pengolah"],
                            verifier=staff["penelaah"], urgent=urgent,
                            plan=[PlanItemData("Pengumuman", timezone.localdate() + timedelta(days=30))])
    items = [create_announcement(staff["pengolah"], run, values) for values in announcements]
    for index, attached in (documents or {}).items():
        items[index].documents.set(attached)  # the announcement services attach no documents yet
    provide_input(staff["pengolah"], run, "konsep-dip", reference="Konsep pengumuman")
    _verify_and_publish(staff, run, publish_at)
    for item in items:
        item.refresh_from_db()
    return items


def _verify_and_publish(staff, run, publish_at) -> None:
    provide_input(staff["pengolah"], run, "konsep-bahan", reference="Bahan cetak di arsip")
    complete_step(staff["pengolah"], active_step(run, 2))
    verify(staff["penelaah"], active_step(run, 3), approve=True)
    publish_run(staff["pengolah"], run, publish_at=publish_at)


def set_edition_now(staff, decree_number: str = "800/123/BPMP/2026", decree_date: date | None = None):
    edition = propose_edition(staff["ppid"], title="Daftar Informasi Publik 2026")
    approve_edition(staff["atasan"], edition)
    return set_edition(staff["ppid"], edition, decree_number=decree_number,
                       decree_date=decree_date or timezone.localdate())
