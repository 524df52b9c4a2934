"""Breaches and their explanations, a return from verification, and a delegation with its letter PDF."""

import io

import pytest
from django.utils import translation
from pypdf import PdfReader

from tests.helpers import refusal_code, wib
from warta.core.errors import ServiceError
from warta.pos.models import BreachKind, StepStatus
from warta.pos.services import (
    PlanItemData,
    active_step,
    complete_step,
    delegate_step,
    explain_breach,
    issue_disposition,
    provide_input,
    verify,
)

pytestmark = pytest.mark.django_db


def test_breach_return_and_delegation(staff):
    ppid, pengolah, pengolah2, penelaah = staff["ppid"], staff["pengolah"], staff["pengolah2"], staff["penelaah"]
    run = issue_disposition(ppid, title="Informasi berkala", instructions="Mutakhirkan informasi berkala.",
                            addressee=pengolah, verifier=penelaah,
                            plan=[PlanItemData("Laporan kinerja", wib(4, 0, month=12).date())], now=wib(27, 15))
    step2 = active_step(run, 2)
    provide_input(pengolah, run, "konsep-dip", reference="Konsep DIP", now=wib(27, 15, 30))
    provide_input(pengolah, run, "konsep-bahan", reference="Konsep bahan", now=wib(27, 15, 40))

    # Friday 15:00 → Monday 11:30 WIB is 1 h on Friday + 4 h on Monday: over the 3-hour standard.
    complete_step(pengolah, step2, now=wib(30, 11, 30))
    breach = step2.breaches.get()
    assert breach.kind == BreachKind.OVERTIME and breach.detail == "5 jam dari 3 jam"
    assert breach.responsible == pengolah
    assert run.current_step() is None  # the run waits for the explanation
    assert refusal_code(active_step, run, 3) == "pos.breach_unexplained"
    assert refusal_code(explain_breach, pengolah, breach, "Sibuk.") == "pos.explanation_too_short"
    assert refusal_code(explain_breach, penelaah, breach, "Bukan saya yang terlambat di sini.") == "pos.not_responsible"
    explain_breach(pengolah, breach, "Bahan dari bagian keuangan baru diterima Senin pagi.", now=wib(30, 12))
    second = "Penjelasan kedua yang tidak perlu."
    assert refusal_code(explain_breach, pengolah, breach, second) == "pos.breach_already_explained"

    step3 = active_step(run, 3)
    assert step3.started_at == wib(30, 12)  # the clock of step 3 starts once the run may go on
    assert refusal_code(verify, penelaah, step3, approve=False, reason=" ") == "pos.return_reason_required"
    verify(penelaah, step3, approve=False, reason="Kolom retensi arsip kosong pada 6 butir.", now=wib(30, 12, 20))
    run.refresh_from_db()
    assert run.return_count == 1
    step3.refresh_from_db()
    assert step3.status == StepStatus.RETURNED and step3.return_reason.startswith("Kolom retensi")
    returned = step2.breaches.get(kind=BreachKind.RETURNED)
    assert returned.responsible == pengolah and returned.explained_at is None
    redo = active_step(run, 2)
    assert redo.attempt == 2 and redo.assignee == pengolah and redo.started_at == wib(30, 12, 20)

    # The drafter falls ill. Dewi holds the role but lacks two POS qualifications: confirm, and it is recorded.
    assert refusal_code(delegate_step, penelaah, redo, pengolah2, "Sakit") == "pos.delegation_not_allowed"
    assert refusal_code(delegate_step, pengolah, redo, penelaah, "Sakit") == "pos.role_required"
    assert refusal_code(delegate_step, pengolah, redo, pengolah2, "Sakit", now=wib(30, 13)) == (
        "pos.qualification_confirm"
    )
    letter = delegate_step(pengolah, redo, pengolah2, "Sakit (surat keterangan dokter)", confirm_unqualified=True,
                           now=wib(30, 13))
    redo.refresh_from_db()
    assert redo.assignee == pengolah2 and redo.started_at == wib(30, 12, 20)  # the clock does not reset
    assert letter.from_user == pengolah and letter.missing_qualifications
    pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(letter.pdf.read())).pages)
    for expected in ("SURAT PENUGASAN", letter.number, "Dewi Lestari", "Budi Santoso", "Sakit (surat keterangan",
                     "Menyiapkan Daftar Informasi Publik", "30 November 2026", "belum memiliki kualifikasi"):
        assert expected in pdf_text, expected
    assert refusal_code(complete_step, pengolah, redo) == "pos.not_assignee"

    provide_input(pengolah2, run, "konsep-dip", reference="Konsep DIP revisi", now=wib(30, 14))
    assert refusal_code(complete_step, pengolah2, redo, now=wib(30, 14, 30)) == "pos.breach_unexplained"
    explain_breach(pengolah, returned, "Kolom retensi terlewat; daftar periksa ditambah.", now=wib(30, 14, 35))
    complete_step(pengolah2, redo, now=wib(30, 14, 40))
    redo.refresh_from_db()
    assert redo.finished_by == pengolah2 and redo.working_seconds == (2 * 60 + 20) * 60
    verify(penelaah, active_step(run, 3), approve=True, now=wib(30, 15))
    assert active_step(run, 4).assignee == pengolah  # the letter covered step 2 only


def test_finishing_without_kelengkapan_is_refused_or_recorded(staff):
    run = issue_disposition(staff["ppid"], title="DIP", instructions="Siapkan", addressee=staff["pengolah"],
                            plan=[PlanItemData("DIP", wib(30, 0).date())], now=wib(23, 8))
    step2 = active_step(run, 2)
    with pytest.raises(ServiceError) as caught:
        complete_step(staff["pengolah"], step2, now=wib(23, 9))
    assert caught.value.code == "pos.inputs_missing"
    assert "Konsep Daftar Informasi Publik" in caught.value.message
    step2.refresh_from_db()
    assert step2.status == StepStatus.ACTIVE  # nothing changed

    complete_step(staff["pengolah"], step2, accept_missing=True, now=wib(23, 9))
    breach = step2.breaches.get()
    assert breach.kind == BreachKind.MISSING_INPUT and "Konsep Daftar Informasi Publik" in breach.detail
    assert run.current_step() is None


def test_records_and_letters_stay_indonesian_when_the_actor_reads_english(staff):
    ppid, pengolah, pengolah2 = staff["ppid"], staff["pengolah"], staff["pengolah2"]
    with translation.override("en"):
        run = issue_disposition(ppid, title="Informasi berkala", instructions="Mutakhirkan.", addressee=pengolah,
                                verifier=staff["penelaah"], plan=[PlanItemData("Laporan", wib(4, 0, month=12).date())],
                                now=wib(27, 15))
        step2 = active_step(run, 2)
        with pytest.raises(ServiceError) as caught:
            complete_step(pengolah, step2, now=wib(27, 15, 30))
        assert caught.value.message.startswith("This step cannot be finished yet")  # a refusal: the reader's
        letter = delegate_step(pengolah, step2, pengolah2, "Sakit", confirm_unqualified=True, now=wib(30, 9))
        complete_step(pengolah2, step2, accept_missing=True, now=wib(30, 13))
    # Friday 15:00 → Monday 13:00 WIB: 1 h + 5 h 30 min of working time against the 3-hour standard.
    assert sorted(step2.breaches.values_list("detail", flat=True)) == [
        "6 jam 30 menit dari 3 jam", "Diselesaikan tanpa kelengkapan: Konsep Daftar Informasi Publik",
    ]
    pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(letter.pdf.read())).pages)
    assert "SURAT PENUGASAN" in pdf_text and "30 November 2026" in pdf_text and "belum memiliki kualifikasi" in pdf_text
