"""One whole run of the seed's POS through the service layer, by three people, with every record checked."""

import pytest

from tests.helpers import wib
from warta.pos.models import RunStatus, StepStatus
from warta.pos.services import PlanItemData, active_step, complete_step, issue_disposition, provide_input, verify
from warta.records.audit import verify_chain
from warta.records.models import AuditRecord

pytestmark = pytest.mark.django_db


def test_full_run_records_every_time_input_and_output(staff):
    ppid, pengolah, penelaah = staff["ppid"], staff["pengolah"], staff["penelaah"]
    run = issue_disposition(
        ppid, title="Pemutakhiran DIP Semester II 2026", instructions="Siapkan DIP dan unggah laporan keuangan.",
        addressee=pengolah, verifier=penelaah,
        plan=[PlanItemData("Laporan Keuangan 2025", wib(30, 0).date()),
              PlanItemData("Rencana Strategis 2025–2029", wib(4, 0, month=12).date(), action="mutakhirkan")],
        opened_at=wib(23, 8, 0), now=wib(23, 8, 4),
    )
    assert run.number.startswith("DISP-2026-BPMP-BENGKULU-")
    assert run.plan_items.count() == 2

    step2 = active_step(run, 2)
    assert step2.assignee == pengolah and step2.started_at == wib(23, 8, 4)
    provide_input(pengolah, run, "konsep-dip", reference="Konsep DIP 2026-II (berkas arsip 12/PPID)", now=wib(23, 9))
    provide_input(pengolah, run, "konsep-bahan", reference="Bahan: LK 2025, Renstra", now=wib(23, 9, 30))
    complete_step(pengolah, step2, output_note="DIP 2026-II, 48 butir", now=wib(23, 10, 34))

    step3 = active_step(run, 3)
    assert step3.assignee == penelaah
    verify(penelaah, step3, approve=True, reason="Sesuai, tidak ada informasi dikecualikan", now=wib(23, 10, 54))

    step4 = active_step(run, 4)
    assert step4.assignee == pengolah  # the disposition's addressee gets every Pengolah step
    provide_input(pengolah, run, "bahan-terverifikasi", reference="Hasil verifikasi langkah 3", now=wib(23, 11))
    complete_step(pengolah, step4, output_note="Terbit di situs: /dip/2026-ii", now=wib(23, 13, 4))

    step5 = active_step(run, 5)
    provide_input(pengolah, run, "bahan-terbit", reference="/dip/2026-ii", now=wib(23, 13, 10))
    complete_step(pengolah, step5, output_note="Tautan dan sertifikat TLS diperiksa", now=wib(23, 13, 50))

    run.refresh_from_db()
    assert run.status == RunStatus.DONE and run.finished_at == wib(23, 13, 50)
    steps = list(run.step_runs.order_by("started_at", "pk"))
    assert [(s.step.number, s.status, s.finished_by.username, s.working_seconds) for s in steps] == [
        (1, StepStatus.DONE, "ppid", 4 * 60),
        (2, StepStatus.DONE, "pengolah", (2 * 60 + 30) * 60),
        (3, StepStatus.DONE, "penelaah", 20 * 60),
        (4, StepStatus.DONE, "pengolah", (2 * 60 + 10) * 60),
        (5, StepStatus.DONE, "pengolah", 46 * 60),
    ]
    assert steps[0].inputs_checked == {"disposisi": True, "rencana-pengembangan-informasi": True}
    assert steps[2].inputs_checked == {"konsep-bahan": True, "konsep-dip": True}
    assert [s.output_note for s in steps] == [
        f"Disposisi {run.number} dan Rencana Pengembangan Informasi (2 butir)", "DIP 2026-II, 48 butir",
        "Sesuai, tidak ada informasi dikecualikan", "Terbit di situs: /dip/2026-ii",
        "Tautan dan sertifikat TLS diperiksa",
    ]
    assert not any(s.breaches.exists() for s in steps) and run.return_count == 0

    actions = list(AuditRecord.objects.values_list("action", flat=True))
    assert actions.count("pos.step.selesai") == 5 and actions.count("pos.input.recorded") == 4
    assert "pos.run.started" in actions and actions[-1] == "pos.run.finished"
    assert verify_chain().ok


def test_the_procedure_version_is_kept_by_a_running_run(staff, procedure):
    from warta.pos.services import SEED_FILE, load_procedure

    run = issue_disposition(staff["ppid"], title="DIP", instructions="Siapkan", addressee=staff["pengolah"],
                            plan=[PlanItemData("DIP", wib(30, 0).date())], now=wib(23, 8))
    text = SEED_FILE.read_text().replace('standard_time: "3 jam"', 'standard_time: "2 jam"', 1)
    newer, created = load_procedure(text, "revisi.yaml")
    assert created and newer.version == 2
    step = active_step(run, 2)
    assert step.step.procedure == procedure and step.step.standard_minutes == 180
