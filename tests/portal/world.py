"""Building public and non-public content for the portal tests through the real services.

Register entries go through a POS run (disposition → drafting → verification → upload), withdrawal, exemption
and scheduling exactly as staff do it, and so do announcements that carry documents (``announced``). The quick
``announcement`` helper writes plain announcements with the ORM — a shortcut that only ever sets fields a service
would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.helpers import OFFICE_COLUMNS, wib
from warta.announcements.models import Announcement
from warta.documents.services import upload_document
from warta.pos.services import PlanItemData, active_step, complete_step, issue_disposition, provide_input, verify
from warta.registry.models import Category, EntryStatus
from warta.registry.services.editions import approve_edition, propose_edition, set_edition
from warta.registry.services.entries import attach_document, create_entry, publish_run, update_entry, withdraw_entry
from warta.registry.services.exemptions import ConsequenceTest, decide_exemption

BASE = {
    **OFFICE_COLUMNS,
    "category": Category.SETIAP_SAAT,
    "year": 2026,
    "legal_basis": "UU 14/2008 Pasal 11",
}


def pdf_bytes(text: str, title: str = "Dokumen") -> bytes:
    from weasyprint import HTML

    paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip())
    return HTML(string=f"<html lang='id'><body><h1>{title}</h1>{paragraphs}</body></html>").write_pdf()


def upload(user, name: str, data: bytes, capture):
    """Upload a file and run its text extraction and personal-data scan (jobs that run after commit)."""
    with capture(execute=True):
        document = upload_document(user, SimpleUploadedFile(name, data))
    document.refresh_from_db()
    return document


def disposition(staff, title="Pemutakhiran DIP", day=23, hour=8):
    return issue_disposition(staff["ppid"], title=title, instructions="Siapkan DIP semester II",
                             addressee=staff["pengolah"], verifier=staff["penelaah"],
                             plan=[PlanItemData(title, date(2026, 12, 1))], now=wib(day, hour))


def draft(staff, values: dict, documents=(), run=None, day=23):
    """A run in its drafting step with one entry (and its documents); returns (run, entry)."""
    run = run or disposition(staff, day=day)
    entry = create_entry(staff["pengolah"], run, {**BASE, **values}, now=wib(day, 9))
    for document in documents:
        attach_document(staff["pengolah"], run, entry, document, now=wib(day, 9, 5))
    return run, entry


def verified(staff, values: dict, documents=(), day=23):
    run, entry = draft(staff, values, documents, day=day)
    provide_input(staff["pengolah"], run, "konsep-bahan", reference="Bahan di arsip", now=wib(day, 9, 20))
    complete_step(staff["pengolah"], active_step(run, 2), now=wib(day, 9, 30))
    verify(staff["penelaah"], active_step(run, 3), approve=True, now=wib(day, 9, 40))
    entry.refresh_from_db()
    return run, entry


def published(staff, values: dict, documents=(), publish_at=None, day=23):
    run, entry = verified(staff, values, documents, day=day)
    publish_run(staff["pengolah"], run, publish_at=publish_at, now=wib(day, 10))
    entry.refresh_from_db()
    return entry


def withdrawn(staff, values: dict, documents=()):
    entry = published(staff, values, documents)
    withdraw_entry(staff["ppid"], entry, reason="Salah unggah", now=wib(23, 11))
    entry.refresh_from_db()
    return entry


def exempted(staff, values: dict, documents=()):
    entry = published(staff, values, documents)
    test = ConsequenceTest(
        information=values["title"], consequence_if_opened="Mengganggu penegakan hukum.",
        benefit_if_closed="Proses hukum berjalan.", public_interest="Kepentingan publik lebih terlindungi.",
        period="Sampai putusan berkekuatan hukum tetap", place="Bengkulu", decided_on=date(2026, 11, 23),
        grounds=["a"], participants=[{"name": "Rahmawati, S.Sos.", "position": "PPID"}],
    )
    decide_exemption(staff["ppid"], test, entry=entry, now=wib(23, 11, 30))
    entry.refresh_from_db()
    return entry


def changed_after_publication(staff, entry, values: dict, reason: str):
    """A change to a published entry that is drafted but not yet published: the public keeps the old copy."""
    run = disposition(staff, title="Revisi", day=24)
    update_entry(staff["pengolah"], run, entry, values, reason=reason, now=wib(24, 9))
    entry.refresh_from_db()
    return entry


def announced(staff, values: dict, files: dict, capture, *, stage="published", publish_at=None):
    """An announcement made through the services, carrying uploaded files (name -> bytes), taken to ``stage``:
    "draft", "verified" or "published" (at ``publish_at`` when given)."""
    from warta.announcements.services import attach_upload, create_announcement

    run = disposition(staff, title=f"Pengumuman {values['title']}")
    item = create_announcement(staff["pengolah"], run, {"summary": f"Ringkas: {values['title']}",
                                                         "body": f"Isi pengumuman {values['title']}.", **values},
                               now=wib(23, 9))
    for name, data in files.items():
        with capture(execute=True):
            attach_upload(staff["pengolah"], run, item, SimpleUploadedFile(name, data), now=wib(23, 9, 1))
    if stage in ("verified", "published"):
        provide_input(staff["pengolah"], run, "konsep-dip", reference="Pengumuman", now=wib(23, 9, 20))
        complete_step(staff["pengolah"], active_step(run, 2), now=wib(23, 9, 30))
        verify(staff["penelaah"], active_step(run, 3), approve=True, now=wib(23, 9, 40))
    if stage == "published":
        publish_run(staff["pengolah"], run, publish_at=publish_at, now=wib(23, 10))
    item.refresh_from_db()
    return item


def set_dip_edition(staff, decree_number="800/123/BPMP/2026"):
    edition = propose_edition(staff["ppid"], title="Daftar Informasi Publik Tahun 2026", now=wib(23, 13))
    approve_edition(staff["atasan"], edition, now=wib(23, 14))
    return set_edition(staff["ppid"], edition, decree_number=decree_number, decree_date=date(2026, 11, 23),
                       now=wib(23, 15))


def announcement(staff, slug: str, *, title: str, status=EntryStatus.PUBLISHED, category=Category.BERKALA,
                 documents=(), published_ago=timedelta(hours=2), **fields) -> Announcement:
    run = disposition(staff, title=f"Pengumuman {title}")
    published_at = timezone.now() - published_ago if status == EntryStatus.PUBLISHED else None
    item = Announcement.objects.create(
        unit=staff["ppid"].unit, run=run, slug=slug, title=title, summary=fields.pop("summary", f"Ringkas: {title}"),
        body=fields.pop("body", f"Isi pengumuman {title}."), category=category, status=status,
        created_by=staff["pengolah"], published_at=published_at, **fields,
    )
    if documents:
        item.documents.set(documents)
    return item


@dataclass
class World:
    """Everything the leak test needs: what must be visible and what must never be."""

    visible_entry: object
    changed_entry: object
    visible_announcement: object
    hidden_entries: dict = field(default_factory=dict)  # state -> Entry
    hidden_announcements: dict = field(default_factory=dict)
    hidden_documents: dict = field(default_factory=dict)  # state -> Document
    visible_documents: list = field(default_factory=list)
    tokens: list = field(default_factory=list)  # words that appear only in hidden content
