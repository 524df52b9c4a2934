"""The `warta pos` and `warta run` commands drive the procedure without a browser."""

import pytest
from django.core.management import CommandError, call_command

from warta.pos.models import Run, RunStatus

pytestmark = pytest.mark.django_db


def _out(capsys, *args) -> str:
    call_command(*args)
    return capsys.readouterr().out


def test_pos_show_prints_the_seed_table(office, capsys):
    out = _out(capsys, "pos", "show", "--width", "160")
    assert "Nomor POS         : PMP-07.01.CFM.01/55-2025" in out
    assert "Tanggal Efektif   : 8 Oktober 2025" in out
    table = out[out.index("POS Pengumuman Informasi\n"):]
    for text in ("Kegiatan", "Kelengkapan", "Waktu", "Output", "5 menit", "30 menit", "Menyiapkan Daftar"):
        assert text in table
    rows = [line for line in table.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert [row.split("|")[1].strip() for row in rows] == ["1", "2", "3", "4", "5"]
    marks = [[cell.strip() for cell in row.split("|")[3:6]] for row in rows]
    assert marks == [["✓", "", ""], ["", "✓", ""], ["", "", "✓"], ["", "✓", ""], ["", "✓", ""]]


def test_a_whole_run_from_the_command_line(office, capsys):
    call_command("run", "start", "--as", "ppid", "--title", "DIP 2026-II", "--instructions", "Siapkan DIP",
                 "--to", "pengolah", "--verifier", "penelaah", "--plan", "Laporan Keuangan 2025|2026-12-10")
    number = Run.objects.get().number
    for args in (
        ["2", "input", "--as", "pengolah", "--key", "konsep-dip", "--ref", "Konsep"],
        ["2", "input", "--as", "pengolah", "--key", "konsep-bahan", "--ref", "Bahan"],
        ["2", "complete", "--as", "pengolah", "--output", "DIP 40 butir"],
        ["3", "approve", "--as", "penelaah"],
        ["4", "input", "--as", "pengolah", "--key", "bahan-terverifikasi", "--ref", "Langkah 3"],
        ["4", "complete", "--as", "pengolah"],
        ["5", "input", "--as", "pengolah", "--key", "bahan-terbit", "--ref", "/dip"],
        ["5", "complete", "--as", "pengolah"],
    ):
        call_command("run", "step", number, *args)
    assert Run.objects.get().status == RunStatus.DONE
    out = _out(capsys, "run", "show", number)
    assert "status: Selesai" in out and "output: DIP 40 butir" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "start", "--as", "pengolah", "--title", "T", "--instructions", "I", "--to", "pengolah",
          "--plan", "A|2026-12-01"], "[pos.role_required]"),
        (["run", "start", "--as", "ppid", "--title", "T", "--instructions", "I", "--to", "pengolah",
          "--plan", "A|1 Desember"], "[pos.plan_item_invalid]"),
        (["run", "start", "--as", "siapa", "--title", "T", "--instructions", "I", "--to", "pengolah"],
         "[accounts.user_unknown]"),
        (["pos", "load", "/tidak/ada.yaml"], "[pos.file_missing]"),
    ],
)
def test_cli_refusals_print_message_and_code(office, args, message):
    with pytest.raises(CommandError) as caught:
        call_command(*args)
    assert message in str(caught.value)
    assert not Run.objects.exists()


def test_cli_names_the_line_of_a_malformed_file(office, tmp_path):
    from warta.pos.services import SEED_FILE

    bad = tmp_path / "pos.yaml"
    bad.write_text(SEED_FILE.read_text().replace("role: penelaah", "role: juri"))
    with pytest.raises(CommandError, match=r"baris \d+, isian “steps.2.role”.*\[pos.file_invalid\]"):
        call_command("pos", "load", str(bad))
