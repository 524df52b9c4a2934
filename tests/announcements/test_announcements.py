"""Announcements go through the same run as the register; serta-merta ones must carry their five parts."""

from datetime import date

import pytest

from tests.helpers import wib
from warta.announcements.models import Announcement
from warta.announcements.services import create_announcement, update_announcement, withdraw_announcement
from warta.core.errors import ServiceError
from warta.pos.services import PlanItemData, active_step, complete_step, issue_disposition, provide_input, verify
from warta.registry.models import Category, EntryStatus
from warta.registry.services.entries import publish_run

pytestmark = pytest.mark.django_db

FLOOD = {
    "title": "Banjir di Kelurahan Sumur Dewa: kantor layanan dipindah sementara",
    "summary": "Air setinggi 60 cm menggenangi Jalan Zainul Arifin sejak pukul 05.00 WIB.",
    "body": "Layanan tatap muka dipindahkan ke Aula Dinas Pendidikan Provinsi sampai banjir surut.",
    "category": Category.SERTA_MERTA,
    "danger": "Genangan air dan arus deras di Jalan Zainul Arifin; risiko sengatan listrik.",
    "affected": "Warga Kelurahan Sumur Dewa dan pengunjung kantor.",
    "evacuation": "Titik kumpul di halaman Masjid Raya Baitul Izzah; jalur melalui Jalan Pembangunan.",
    "avoidance": "Hindari Jalan Zainul Arifin; matikan listrik rumah yang tergenang.",
    "help_contact": "BPBD Kota Bengkulu 112; posko kantor (0736) 123456.",
}


def _urgent_run(staff):
    return issue_disposition(staff["ppid"], title="Informasi serta merta: banjir", instructions="Umumkan segera.",
                             addressee=staff["pengolah"], verifier=staff["penelaah"], urgent=True,
                             plan=[PlanItemData("Pengumuman banjir", date(2026, 11, 23))], now=wib(23, 8))


def test_a_serta_merta_announcement_needs_its_five_parts(staff):
    run = _urgent_run(staff)
    with pytest.raises(ServiceError) as caught:
        create_announcement(staff["pengolah"], run, {**FLOOD, "evacuation": "", "help_contact": " "})
    assert caught.value.code == "announcements.serta_merta_incomplete"
    assert caught.value.field == "evacuation"
    assert "prosedur dan tempat evakuasi" in caught.value.message and "tempat meminta bantuan" in caught.value.message
    assert not Announcement.objects.exists()


def test_the_urgent_path_publishes_the_announcement_in_one_sitting(staff):
    run = _urgent_run(staff)
    assert run.urgent
    announcement = create_announcement(staff["pengolah"], run, FLOOD, now=wib(23, 8, 5))
    assert announcement.slug.startswith("banjir-di-kelurahan-sumur-dewa")
    provide_input(staff["pengolah"], run, "konsep-dip", reference="Informasi serta merta (pengumuman)",
                  now=wib(23, 8, 6))
    complete_step(staff["pengolah"], active_step(run, 2), now=wib(23, 8, 10))
    assert not Announcement.objects.public().exists()
    verify(staff["penelaah"], active_step(run, 3), approve=True, now=wib(23, 8, 15))
    announcement.refresh_from_db()
    assert announcement.status == EntryStatus.VERIFIED
    publish_run(staff["pengolah"], run, now=wib(23, 8, 20))
    assert list(Announcement.objects.active_urgent()) == [announcement]
    step4 = complete_step(staff["pengolah"], active_step(run, 4), now=wib(23, 8, 25))
    assert step4.inputs_checked == {"bahan-terverifikasi": True}
    assert not step4.breaches.exists()

    withdraw_announcement(staff["ppid"], announcement, reason="Banjir sudah surut; layanan kembali normal.")
    assert not Announcement.objects.public().exists()


def test_editing_returns_a_published_announcement_to_draft_only_in_its_own_run(staff):
    run = _urgent_run(staff)
    announcement = create_announcement(staff["pengolah"], run, FLOOD, now=wib(23, 8, 5))
    update_announcement(staff["pengolah"], run, announcement, {"summary": "Air setinggi 80 cm."}, now=wib(23, 8, 7))
    announcement.refresh_from_db()
    assert announcement.summary == "Air setinggi 80 cm." and announcement.status == EntryStatus.DRAFT
    with pytest.raises(ServiceError) as caught:
        update_announcement(staff["pengolah"], run, announcement, {"danger": ""})
    assert caught.value.code == "announcements.serta_merta_incomplete"
