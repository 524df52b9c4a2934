"""The POS data file: a faithful transcription, strict validation with line and field, idempotent versions."""

import pytest

from warta.core.errors import ServiceError
from warta.pos.loader import parse_procedure
from warta.pos.models import Procedure, StepDefinition
from warta.pos.services import SEED_FILE, load_procedure

SEED = SEED_FILE.read_text(encoding="utf-8")


def test_seed_is_transcribed_faithfully():
    data = parse_procedure(SEED)
    assert data["code"] == "PMP-07.01.CFM.01/55-2025"
    assert data["name"] == "Pengumuman Informasi"
    assert data["approved_by"]["nip"] == "197302022006041025"
    assert data["effective_on"] == "2025-10-08"
    assert len(data["legal_basis"]) == 7 and len(data["qualifications"]) == 7
    assert [(s["number"], s["role"], s["standard_minutes"]) for s in data["steps"]] == [
        (1, "ppid", 5), (2, "pengolah", 180), (3, "penelaah", 30), (4, "pengolah", 180), (5, "pengolah", 60),
    ]
    assert data["steps"][2]["verification"] is True and data["steps"][2]["returns_to"] == 2


def _error(text: str) -> ServiceError:
    with pytest.raises(ServiceError) as caught:
        parse_procedure(text)
    assert caught.value.code == "pos.file_invalid"
    return caught.value


def _line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_unknown_role_names_its_line_and_field():
    broken = SEED.replace("role: penelaah", "role: verifikator")
    error = _error(broken)
    assert error.params["line"] == _line_of(broken, "role: verifikator")
    assert error.field == "steps.2.role"
    assert "verifikator" in error.message and "baris" in error.message


@pytest.mark.parametrize(
    ("old", "new", "field", "needle"),
    [
        ('standard_time: "30 menit"', 'standard_time: "setengah jam"', "steps.2.standard_time", "setengah jam"),
        ("  - number: 4", "  - number: 7", "steps.3.number", "number: 7"),
        ('    output: "Daftar Informasi Publik"', '    ouptut: "Daftar Informasi Publik"', "steps.1.ouptut", "ouptut"),
        ("format: 1", "format: 2", "format", "format: 2"),
    ],
)
def test_malformed_files_point_at_the_fault(old, new, field, needle):
    broken = SEED.replace(old, new, 1)
    error = _error(broken)
    assert error.field == field
    assert error.params["line"] == _line_of(broken, needle)


def test_missing_required_field_is_named():
    broken = SEED.replace('    activity: "Mengunggah bahan/materi"\n', "")
    assert _error(broken).field == "steps.3.activity"


def test_broken_yaml_names_the_line():
    broken = SEED.replace('name: "Pengumuman Informasi"', 'name: "Pengumuman Informasi\n  oops: [')
    error = _error(broken)
    assert "YAML" in error.message and error.params["line"] > 1


@pytest.mark.django_db
def test_loading_is_idempotent_and_versioned():
    first, created = load_procedure(SEED, "seed.yaml")
    assert created and first.version == 1
    again, created = load_procedure(SEED.replace("# POS", "# Catatan baru.\n# POS"), "seed.yaml")
    assert not created and again.pk == first.pk  # comments do not make a new version
    changed, created = load_procedure(SEED.replace('standard_time: "3 jam"', 'standard_time: "4 jam"', 1), "x.yaml")
    assert created and changed.version == 2 and changed.is_current
    first.refresh_from_db()
    assert not first.is_current
    assert StepDefinition.objects.get(procedure=first, number=2).standard_minutes == 180
    assert StepDefinition.objects.get(procedure=changed, number=2).standard_minutes == 240
    assert list(Procedure.objects.in_force()) == [changed]


@pytest.mark.django_db
def test_a_bad_file_changes_nothing():
    with pytest.raises(ServiceError):
        load_procedure(SEED.replace("role: ppid", "role: kepala"), "bad.yaml")
    assert not Procedure.objects.exists()
