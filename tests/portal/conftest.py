from datetime import timedelta

import pytest
from django.utils import timezone

from warta.registry.models import Category, EntryStatus

from . import world as w


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture
def doc(staff, capture):
    """Upload a small PDF with the given text: doc("name.pdf", "text")."""
    def make(name: str, text: str, title: str = "Dokumen"):
        return w.upload(staff["pengolah"], name, w.pdf_bytes(text, title), capture)

    return make


LAPORAN = {
    "title": "Laporan Keuangan BPMP Provinsi Bengkulu Tahun 2025",
    "summary": "Laporan realisasi anggaran dan neraca tahun 2025.",
    "category": Category.BERKALA,
    "year": 2025,
    "tags": ["keuangan", "anggaran"],
}
RENSTRA = {
    "title": "Rencana Strategis BPMP Provinsi Bengkulu 2025–2029",
    "summary": "Arah kebijakan dan sasaran strategis lima tahun.",
    "category": Category.SETIAP_SAAT,
    "year": 2025,
    "tags": ["perencanaan"],
}


@pytest.fixture
def world(staff, doc):
    """Public content and, beside it, every kind of content the public must never see."""
    laporan_pdf = doc("laporan-keuangan-2025.pdf",
                      "Laporan keuangan memuat realisasi anggaran belanja pegawai dan belanja barang.\n"
                      "Pengadaan barang dan jasa dilaksanakan sesuai ketentuan. Dokumen ini kuncitampil.",
                      "Laporan Keuangan 2025")
    visible = w.published(staff, LAPORAN, [laporan_pdf])
    changed = w.published(staff, RENSTRA)
    w.changed_after_publication(staff, changed, {"title": "Renstra zperubahan", "summary": "zringkasbaru"},
                                reason="Alasan zalasanrahasia")
    hidden_docs = {state: doc(f"{state}.pdf", f"Dokumen {state} berisi kata z{state}dok.")
                   for state in ("konsep", "verif", "jadwal", "tarik", "kecuali", "umumkonsep")}
    hidden = {
        "konsep": w.draft(staff, {"title": "Informasi zkonsep", "summary": "zkonsepringkas"},
                          [hidden_docs["konsep"]])[1],
        "verif": w.verified(staff, {"title": "Informasi zverif", "summary": "zverifringkas"},
                            [hidden_docs["verif"]])[1],
        "jadwal": w.published(staff, {"title": "Informasi zjadwal", "summary": "zjadwalringkas",
                                      "category": Category.BERKALA, "year": 2027},
                              [hidden_docs["jadwal"]], publish_at=timezone.now() + timedelta(days=30)),
        "tarik": w.withdrawn(staff, {"title": "Informasi ztarik", "summary": "ztarikringkas", "year": 2024},
                             [hidden_docs["tarik"]]),
        "kecuali": w.exempted(staff, {"title": "Informasi zkecuali", "summary": "zkecualiringkas",
                                      "category": Category.BERKALA, "year": 2023}, [hidden_docs["kecuali"]]),
    }
    news = w.announcement(staff, "jadwal-layanan", title="Jadwal Layanan Informasi Publik",
                          summary="Layanan informasi buka Senin sampai Jumat.")
    hidden_news = {
        "umumkonsep": w.announcement(staff, "zumumkonsep", title="Pengumuman zumumkonsep",
                                     status=EntryStatus.DRAFT, documents=[hidden_docs["umumkonsep"]]),
        "umumtarik": w.announcement(staff, "zumumtarik", title="Pengumuman zumumtarik",
                                    status=EntryStatus.WITHDRAWN),
        "umumjadwal": w.announcement(staff, "zumumjadwal", title="Pengumuman zumumjadwal",
                                     published_ago=-timedelta(days=3)),
    }
    tokens = ["zperubahan", "zringkasbaru", "zalasanrahasia", "zumumkonsep", "zumumtarik", "zumumjadwal"]
    for state in hidden:
        tokens += [f"z{state}", f"z{state}dok", f"z{state}ringkas"]
    tokens.append("zumumkonsepdok")
    return w.World(visible_entry=visible, changed_entry=changed, visible_announcement=news,
                   hidden_entries=hidden, hidden_announcements=hidden_news, hidden_documents=hidden_docs,
                   visible_documents=[laporan_pdf], tokens=tokens)
