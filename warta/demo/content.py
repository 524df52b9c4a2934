"""Demo content for the demo office: one finished run that published the register, one run waiting at step 2.

Everything goes through the same services as real work, so the demo's audit log, times and revisions are genuine.
"""

from datetime import date, datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from weasyprint import HTML

from warta.accounts.models import Office, User
from warta.announcements.services import create_announcement
from warta.documents.services import extract_document_text, upload_document
from warta.pos.services import PlanItemData, active_step, complete_step, issue_disposition, provide_input, verify
from warta.registry.models import Category
from warta.registry.services.editions import approve_edition, propose_edition, set_edition
from warta.registry.services.entries import attach_document, create_entry, publish_run

OFFICE_ROWS = {
    "holder": "Subbagian Umum BPMP Provinsi Bengkulu",
    "responsible": "Kepala Subbagian Umum",
    "made_where": "Bengkulu",
    "form_printed": True,
    "form_digital": True,
}
ENTRIES = [
    {"title": "Profil dan struktur organisasi BPMP Provinsi Bengkulu", "category": Category.BERKALA,
     "made_when": "Januari 2026", "year": 2026, "retention": "Selama berlaku",
     "legal_basis": "UU 14/2008 Pasal 9 ayat (2) huruf a"},
    {"title": "Laporan Keuangan BPMP Provinsi Bengkulu Tahun Anggaran 2025", "category": Category.BERKALA,
     "made_when": "Februari 2026", "year": 2025, "retention": "10 tahun",
     "legal_basis": "UU 14/2008 Pasal 9 ayat (2) huruf c", "document": "laporan-keuangan-2025.pdf"},
    {"title": "Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2025", "category": Category.BERKALA,
     "made_when": "Februari 2026", "year": 2025, "retention": "10 tahun",
     "legal_basis": "UU 14/2008 Pasal 9 ayat (2) huruf b"},
    {"title": "Rencana Strategis BPMP Provinsi Bengkulu 2025–2029", "category": Category.SETIAP_SAAT,
     "made_when": "Maret 2025", "year": 2025, "retention": "Selama berlaku ditambah 5 tahun",
     "legal_basis": "UU 14/2008 Pasal 11 ayat (1) huruf b"},
    {"title": "Daftar Isian Pelaksanaan Anggaran (DIPA) Tahun 2026", "category": Category.SETIAP_SAAT,
     "made_when": "Desember 2025", "year": 2026, "retention": "10 tahun",
     "legal_basis": "UU 14/2008 Pasal 11 ayat (1) huruf c"},
    {"title": "POS Pengumuman Informasi (PMP-07.01.CFM.01/55-2025)", "category": Category.SETIAP_SAAT,
     "made_when": "8 Oktober 2025", "year": 2025, "retention": "Selama berlaku",
     "legal_basis": "Perki 1/2021 Pasal 25", "document": "pos-pengumuman-informasi.pdf"},
    {"title": "Prosedur peringatan dini dan evakuasi keadaan darurat di lingkungan kantor",
     "category": Category.SERTA_MERTA, "made_when": "Juli 2025", "year": 2025, "retention": "Selama berlaku",
     "legal_basis": "UU 14/2008 Pasal 10"},
]


def _pdf(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return HTML(string=f"<html lang='id'><body><h1>{title}</h1>{body}</body></html>").write_pdf()


DOCUMENTS = {
    "laporan-keuangan-2025.pdf": ("Laporan Keuangan Tahun Anggaran 2025", [
        "Laporan keuangan ini menyajikan realisasi anggaran BPMP Provinsi Bengkulu tahun anggaran 2025.",
        "Realisasi belanja pegawai, belanja barang dan belanja modal disajikan per program dan kegiatan.",
    ]),
    "pos-pengumuman-informasi.pdf": ("POS Pengumuman Informasi", [
        "Prosedur operasional standar ini mengatur pengumuman informasi publik pada situs BPMP Provinsi Bengkulu.",
        "Langkah: disposisi PPID, penyusunan Daftar Informasi Publik, verifikasi, unggah, dan pemeliharaan situs.",
    ]),
}


def _working_morning(days_ago: int) -> datetime:
    """08:00 in the office's zone on a weekday at least ``days_ago`` days back."""
    day = timezone.localdate() - timedelta(days=days_ago)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time(8, 0)))


def _document(user, name: str):
    title, paragraphs = DOCUMENTS[name]
    document = upload_document(user, SimpleUploadedFile(name, _pdf(title, paragraphs)))
    extract_document_text(document.pk)  # the worker is not running yet while the demo is loaded
    return document


def create_demo_content(office: Office) -> None:
    staff = {user.username: user for user in User.objects.filter(unit__office=office)}
    ppid, pengolah, penelaah = staff["ppid"], staff["pengolah"], staff["penelaah"]
    start = _working_morning(7)
    minute = timedelta(minutes=1)

    run = issue_disposition(
        ppid, title="Pemutakhiran Daftar Informasi Publik semester II 2026",
        instructions="Mohon susun dan unggah DIP semester II 2026 beserta laporan keuangan dan kinerja 2025.",
        addressee=pengolah, verifier=penelaah, opened_at=start, now=start + 4 * minute,
        plan=[PlanItemData("Laporan Keuangan 2025", start.date() + timedelta(days=7)),
              PlanItemData("LKjIP 2025", start.date() + timedelta(days=7)),
              PlanItemData("Rencana Strategis 2025–2029", start.date() + timedelta(days=14), action="mutakhirkan")],
    )
    at = start + 10 * minute
    for values in ENTRIES:
        values = {**OFFICE_ROWS, **values}
        document_name = values.pop("document", None)
        entry = create_entry(pengolah, run, values, now=at)
        if document_name:
            attach_document(pengolah, run, entry, _document(pengolah, document_name), now=at)
        at += 6 * minute
    create_announcement(pengolah, run, {
        "title": "Daftar Informasi Publik semester II 2026 telah terbit",
        "summary": "BPMP Provinsi Bengkulu memutakhirkan Daftar Informasi Publik untuk semester II 2026.",
        "body": "Masyarakat dapat melihat dan mengunduh Daftar Informasi Publik melalui situs ini.",
        "category": Category.BERKALA,
    }, now=at)
    complete_step(pengolah, active_step(run, 2), output_note="DIP 7 butir dan 1 pengumuman", now=at + 20 * minute)
    verify(penelaah, active_step(run, 3), approve=True, reason="Sesuai; tidak memuat informasi dikecualikan",
           now=at + 45 * minute)
    publish_run(pengolah, run, now=at + 80 * minute)
    complete_step(pengolah, active_step(run, 4), output_note="Terbit di situs", now=at + 90 * minute)
    provide_input(pengolah, run, "bahan-terbit", reference="/dip/", now=at + 100 * minute)
    complete_step(pengolah, active_step(run, 5), output_note="Tautan dan unduhan diperiksa", now=at + 140 * minute)
    edition = propose_edition(ppid, title="Daftar Informasi Publik Semester II Tahun 2026", now=at + 150 * minute)
    approve_edition(staff["atasan"], edition, now=at + 170 * minute)
    set_edition(ppid, edition, decree_number="188.4/021/BPMP.BKL/2026", decree_date=(at + 180 * minute).date(),
                now=at + 180 * minute)

    later = _working_morning(1)
    issue_disposition(
        ppid, title="Pengumuman jadwal layanan informasi akhir tahun",
        instructions="Siapkan pengumuman jadwal layanan selama cuti bersama akhir tahun.",
        addressee=pengolah, verifier=penelaah, opened_at=later, now=later + 3 * minute,
        plan=[PlanItemData("Jadwal layanan akhir tahun", date(later.year, 12, 20))],
    )
