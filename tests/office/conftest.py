"""Fixtures for the staff workspace: signed-in clients (password + second factor) and runs at each step."""

import functools
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.accounts.helpers import login_verified
from tests.helpers import OFFICE_COLUMNS
from warta.pos.services import PlanItemData, active_step, complete_step, issue_disposition, verify

ENTRY = {
    "title": "Laporan Keuangan BPMP Provinsi Bengkulu Tahun 2025",
    **OFFICE_COLUMNS,
    "category": "berkala",
    "year": 2025,
    "legal_basis": "UU 14/2008 Pasal 9",
}


@pytest.fixture
def login():
    """login(user) -> a Django test client with an OTP-verified session for that user."""

    def make(user) -> Client:
        client = Client()
        login_verified(client, user)
        return client

    return make


@pytest.fixture
def clients(staff, login):
    return {name: login(user) for name, user in staff.items()}


def start_run(staff, title="Pemutakhiran DIP Semester II 2026", **kwargs):
    return issue_disposition(
        staff["ppid"], title=title, instructions="Siapkan DIP dan unggah laporan keuangan.",
        addressee=staff["pengolah"], verifier=staff["penelaah"],
        plan=[PlanItemData("Laporan Keuangan 2025", date(2026, 12, 1))], **kwargs,
    )


@pytest.fixture
def run(staff):
    """A run at step 2 (drafting), assigned to pengolah, verified by penelaah."""
    return start_run(staff)


@functools.cache
def clean_pdf(text="Laporan keuangan tahun 2025. Tidak memuat data pribadi.") -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<h1>Dokumen</h1><p>{text}</p>").write_pdf()


def pdf_with_nik() -> bytes:
    """An annex that still carries a recipient's NIK: the personal-data scan finds it."""
    return clean_pdf("Daftar penerima bantuan: Siti Aminah, NIK 3201011503900003, Kota Bengkulu.")


def upload(user, name="laporan.pdf", data=None):
    """Upload through the service and read its text at once (the job runs after commit, which a test lacks)."""
    from warta.documents.models import TextStatus
    from warta.documents.services import extract_document_text, upload_document

    document = upload_document(user, SimpleUploadedFile(name, data or clean_pdf()))
    document.refresh_from_db()
    if document.text_status == TextStatus.PENDING:
        extract_document_text(document.pk)
        document.refresh_from_db()
    return document


def drafted(staff, run):
    """Give the run one entry with a ready document and finish drafting."""
    from warta.registry.services.entries import attach_document, create_entry

    entry = create_entry(staff["pengolah"], run, ENTRY)
    document = upload(staff["pengolah"])
    attach_document(staff["pengolah"], run, entry, document, label="Salinan laporan")
    complete_step(staff["pengolah"], active_step(run, 2), output_note="DIP 1 butir")
    return entry, document


def verified(staff, run):
    entry, document = drafted(staff, run)
    verify(staff["penelaah"], active_step(run, 3), approve=True, reason="Sesuai")
    return entry, document


def published(staff, run):
    from warta.registry.services.entries import publish_run

    entry, document = verified(staff, run)
    publish_run(staff["pengolah"], run)
    complete_step(staff["pengolah"], active_step(run, 4))
    return entry, document
