from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tests.api import builders
from warta.registry.models import Category
from warta.registry.services.entries import withdraw_entry
from warta.registry.services.exemptions import ConsequenceTest, decide_exemption

# Titles of things the public must never see through the API.
HIDDEN = {
    "withdrawn": "Daftar hadir rapat internal",
    "exempt": "Nota dinas penyidikan",
    "scheduled": "Jadwal seleksi pegawai 2027",
    "draft": "Konsep rencana kerja 2027",
}


@pytest.fixture
def world(staff, django_capture_on_commit_callbacks):
    """Two public entries (one with a document), one withdrawn, one exempted after publication, one scheduled
    for later and one draft (the last three with documents of their own)."""
    with django_capture_on_commit_callbacks(execute=True):
        report_pdf = builders.upload(staff, "laporan-keuangan.pdf", "Laporan Keuangan 2025")
        attendance_pdf = builders.upload(staff, "daftar-hadir.pdf", "Daftar hadir")
        draft_pdf = builders.upload(staff, "konsep-renja.pdf", "Konsep Renja")
    with django_capture_on_commit_callbacks(execute=True):
        report, plan, withdrawn, exempt = builders.published(staff, [
            builders.values("Laporan Keuangan BPMP Provinsi Bengkulu Tahun 2025", category=Category.BERKALA,
                            tags=["keuangan"], links=[{"label": "Portal", "url": "https://example.org/lk"}]),
            builders.values("Rencana Strategis 2025–2029", year=2024),
            builders.values(HIDDEN["withdrawn"]),
            builders.values(HIDDEN["exempt"]),
        ], documents={0: [report_pdf], 2: [attendance_pdf]})
        withdraw_entry(staff["ppid"], withdrawn, reason="Salah unggah")
        decide_exemption(staff["ppid"], ConsequenceTest(
            information=HIDDEN["exempt"], consequence_if_opened="Menghambat penyidikan",
            benefit_if_closed="Penyidikan berjalan", public_interest="Penegakan hukum lebih utama",
            period="5 tahun", place="Bengkulu", decided_on=date(2026, 11, 20), grounds=["a"],
            participants=[{"name": "Rahmawati", "role": "PPID"}],
        ), entry=exempt)
        (scheduled,) = builders.published(staff, [builders.values(HIDDEN["scheduled"])],
                                          publish_at=timezone.now() + timedelta(days=2))
        _, (draft,) = builders.drafted(staff, [builders.values(HIDDEN["draft"])], documents={0: [draft_pdf]})
    for entry in (report, plan, withdrawn, exempt, scheduled, draft):
        entry.refresh_from_db()
    return SimpleNamespace(report=report, plan=plan, withdrawn=withdrawn, exempt=exempt, scheduled=scheduled,
                           draft=draft, report_pdf=report_pdf, attendance_pdf=attendance_pdf, draft_pdf=draft_pdf)
