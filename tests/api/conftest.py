from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tests.api import builders
from warta.announcements.services import create_announcement, withdraw_announcement
from warta.registry.models import Category
from warta.registry.services.entries import withdraw_entry
from warta.registry.services.exemptions import ConsequenceTest, decide_exemption

# Titles of things the public must never see through the API.
HIDDEN = {
    "withdrawn": "Daftar hadir rapat internal",
    "exempt": "Nota dinas penyidikan",
    "scheduled": "Jadwal seleksi pegawai 2027",
    "draft": "Konsep rencana kerja 2027",
    "announcement_withdrawn": "Pengumuman rapat yang dibatalkan",
    "announcement_scheduled": "Pengumuman seleksi pegawai yang dijadwalkan",
    "announcement_draft": "Konsep pengumuman libur akhir tahun",
}
FLOOD = {
    "title": "Peringatan dini banjir di Kota Bengkulu",
    "summary": "Curah hujan tinggi: warga bantaran Sungai Bengkulu bersiap mengungsi.",
    "body": "BMKG memperkirakan hujan lebat selama tiga hari.",
    "danger": "Banjir dan longsor di bantaran sungai.",
    "affected": "Warga Kelurahan Tanjung Agung dan Tanjung Jaya.",
    "evacuation": "Mengungsi ke Gedung Serbaguna Kota Bengkulu lewat Jalan Sudirman.",
    "avoidance": "Jauhi aliran sungai; amankan dokumen penting dalam kantong kedap air.",
    "help_contact": "BPBD Kota Bengkulu, telepon 112.",
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


def notice(title: str, **changes) -> dict:
    return {"title": title, "summary": f"Ringkasan: {title}", "body": f"Isi lengkap: {title}.",
            "category": Category.BERKALA, **changes}


@pytest.fixture
def news(staff, django_capture_on_commit_callbacks):
    """Published announcements (one with a document, one serta merta in force, one whose time on top has passed),
    and beside them a withdrawn one, a scheduled one and a draft (each of the last with a document of its own)."""
    with django_capture_on_commit_callbacks(execute=True):
        schedule_pdf = builders.upload(staff, "jadwal-layanan.pdf", "Jadwal layanan")
        hidden_pdf = builders.upload(staff, "rapat-batal.pdf", "Rapat batal")
        draft_pdf = builders.upload(staff, "libur.pdf", "Libur akhir tahun")
    with django_capture_on_commit_callbacks(execute=True):
        (service, withdrawn) = builders.announced(staff, [
            notice("Jadwal layanan informasi akhir tahun"), notice(HIDDEN["announcement_withdrawn"]),
        ], documents={0: [schedule_pdf], 1: [hidden_pdf]})
        withdraw_announcement(staff["ppid"], withdrawn, reason="Rapat dibatalkan")
        (flood, drought) = builders.announced(staff, [
            {**FLOOD, "urgent_until": timezone.now() + timedelta(days=3)},
            {**FLOOD, "title": "Kekeringan di Kabupaten Seluma", "urgent_until": timezone.now() - timedelta(hours=1)},
        ], urgent=True)
        (scheduled,) = builders.announced(staff, [notice(HIDDEN["announcement_scheduled"])],
                                          publish_at=timezone.now() + timedelta(days=2))
        run = builders.drafted(staff, [])[0]
        draft = create_announcement(staff["pengolah"], run, notice(HIDDEN["announcement_draft"]))
        draft.documents.set([draft_pdf])
    for item in (service, withdrawn, flood, drought, scheduled):
        item.refresh_from_db()
    return SimpleNamespace(service=service, withdrawn=withdrawn, flood=flood, drought=drought, scheduled=scheduled,
                           draft=draft, schedule_pdf=schedule_pdf, hidden_pdf=hidden_pdf, draft_pdf=draft_pdf)
