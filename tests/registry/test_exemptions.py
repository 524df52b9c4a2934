"""The exemption register: a complete consequence test closes information; its end brings it back for review."""

from datetime import date

import pytest

from tests.helpers import refusal_code, wib
from tests.registry.test_lifecycle import RENSTRA, _disposition, _published_entry
from warta.core.errors import ServiceError
from warta.pos.services import active_step, complete_step, provide_input, verify
from warta.records.models import AuditRecord
from warta.registry.models import Category, EntryStatus, ExemptionStatus, PublicEntry
from warta.registry.services.entries import create_entry, publish_run, update_entry
from warta.registry.services.exemptions import (
    ConsequenceTest,
    decide_exemption,
    lift_exemption,
    review_expired_exemptions,
)

pytestmark = pytest.mark.django_db


def _test(**overrides) -> ConsequenceTest:
    values = {
        "information": "Identitas pelapor pengaduan pungutan liar",
        "consequence_if_opened": "Pelapor dapat diintimidasi dan pengaduan berikutnya tidak akan masuk.",
        "benefit_if_closed": "Pelapor terlindungi dan pengawasan berjalan.",
        "public_interest": "Kepentingan publik atas pengawasan lebih besar bila identitas pelapor ditutup.",
        "period": "Sampai pemeriksaan selesai",
        "place": "Bengkulu",
        "decided_on": date(2026, 11, 23),
        "grounds": ["a", "h"],
        "expires_on": date(2027, 5, 31),
        "participants": [{"name": "Rahmawati, S.Sos.", "position": "PPID"},
                         {"name": "Agus Prasetyo, S.H.", "position": "Penelaah Teknis Kebijakan"}],
    }
    return ConsequenceTest(**{**values, **overrides})


def test_an_incomplete_consequence_test_is_refused(staff):
    ppid = staff["ppid"]
    with pytest.raises(ServiceError) as error:
        decide_exemption(ppid, _test(benefit_if_closed="", participants=[]))
    assert error.value.code == "registry.exemption_incomplete"
    assert "Manfaat bila informasi ditutup" in error.value.message and "Peserta" in error.value.message
    assert refusal_code(decide_exemption, ppid, _test(grounds=[], other_law="")) == "registry.exemption_no_ground"
    assert refusal_code(decide_exemption, ppid, _test(grounds=["z"])) == "registry.exemption_no_ground"
    assert refusal_code(decide_exemption, staff["pengolah"], _test()) == "pos.role_required"
    assert not AuditRecord.objects.filter(action="registry.exemption.decided").exists()


def test_exempting_a_published_entry_takes_it_down_and_keeps_it_down(staff):
    entry = _published_entry(staff)
    assert PublicEntry.objects.filter(entry=entry).exists()
    exemption = decide_exemption(staff["ppid"], _test(), entry=entry, now=wib(24, 9))
    entry.refresh_from_db()
    assert entry.category == Category.DIKECUALIKAN and entry.status == EntryStatus.WITHDRAWN
    assert not PublicEntry.objects.filter(entry=entry).exists()
    assert exemption.participants[1]["position"] == "Penelaah Teknis Kebijakan"

    # Even if a later run verifies it again, publishing never opens an entry under a standing exemption.
    run = _disposition(staff, day=25)
    create_entry(staff["pengolah"], run, {**RENSTRA, "title": "Materi lain"}, now=wib(25, 8, 30))
    update_entry(staff["pengolah"], run, entry, {"category": Category.SETIAP_SAAT}, reason="Dikira informasi terbuka")
    provide_input(staff["pengolah"], run, "konsep-bahan", reference="Arsip", now=wib(25, 9))
    complete_step(staff["pengolah"], active_step(run, 2), now=wib(25, 9, 30))
    verify(staff["penelaah"], active_step(run, 3), approve=True, now=wib(25, 9, 40))
    assert publish_run(staff["pengolah"], run, now=wib(25, 10)) == 1
    assert not PublicEntry.objects.filter(entry=entry).exists()


def test_an_expired_exemption_comes_back_for_review_and_can_be_lifted(staff):
    entry = _published_entry(staff)
    exemption = decide_exemption(staff["ppid"], _test(expires_on=date(2027, 1, 31)), entry=entry)
    assert review_expired_exemptions(today=date(2027, 1, 31)) == 0  # the last day still counts
    assert review_expired_exemptions(today=date(2027, 2, 1)) == 1
    exemption.refresh_from_db()
    assert exemption.status == ExemptionStatus.REVIEW
    assert review_expired_exemptions(today=date(2027, 2, 2)) == 0
    assert not PublicEntry.objects.filter(entry=entry).exists()  # under review is still closed

    assert refusal_code(lift_exemption, staff["ppid"], exemption, reason="") == "registry.reason_required"
    lift_exemption(staff["ppid"], exemption, reason="Pemeriksaan selesai; identitas disamarkan.")
    entry.refresh_from_db()
    assert entry.category == Category.SETIAP_SAAT and entry.status == EntryStatus.DRAFT
    assert not PublicEntry.objects.filter(entry=entry).exists()  # opening needs a run to verify and publish
    assert refusal_code(lift_exemption, staff["ppid"], exemption, reason="lagi") == "registry.exemption_not_standing"


def test_permanent_exemptions_never_expire(staff):
    decide_exemption(staff["ppid"], _test(expires_on=None, period="Permanen"))
    assert review_expired_exemptions(today=date(2099, 1, 1)) == 0
