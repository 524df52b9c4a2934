"""Loading procedure files as versioned data."""

from pathlib import Path

from django.db import transaction
from django.db.models import Max

from warta.records.audit import record

from .. import errors
from ..loader import content_hash, parse_procedure
from ..models import Procedure, StepDefinition

SEED_FILE = Path(__file__).resolve().parent.parent / "procedures" / "pengumuman-informasi.yaml"


def load_procedure(text: str, source_name: str, actor=None) -> tuple[Procedure, bool]:
    """Store a procedure file. Loading the same content again changes nothing; changed content is a new version.

    Runs keep the version they started with, so old versions stay; only the newest is current.
    """
    parsed = parse_procedure(text)
    fingerprint = content_hash(parsed)
    with transaction.atomic():
        versions = Procedure.objects.select_for_update().filter(code=parsed["code"])
        current = versions.filter(is_current=True).first()
        if current and current.content_hash == fingerprint:
            return current, False
        version = (versions.aggregate(latest=Max("version"))["latest"] or 0) + 1
        versions.update(is_current=False)
        procedure = Procedure.objects.create(
            code=parsed["code"], name=parsed["name"], version=version, content_hash=fingerprint,
            source_name=source_name, source_text=text, data=parsed, is_current=True,
        )
        StepDefinition.objects.bulk_create(
            StepDefinition(
                procedure=procedure, number=step["number"], activity=step["activity"], role=step["role"],
                kelengkapan=step["kelengkapan"], inputs=step["inputs"], standard_minutes=step["standard_minutes"],
                standard_label=step["standard_time"], output=step["output"], note=step["note"],
                is_verification=step["verification"], returns_to=step["returns_to"],
            )
            for step in parsed["steps"]
        )
        record(actor, "pos.procedure.loaded", procedure,
               after={"code": procedure.code, "version": version, "hash": fingerprint, "source": source_name})
        return procedure, True


def load_procedure_file(path: Path | str = SEED_FILE, actor=None) -> tuple[Procedure, bool]:
    path = Path(path)
    return load_procedure(path.read_text(encoding="utf-8"), path.name, actor=actor)


def procedure_in_force(code: str | None = None) -> Procedure:
    """The current version of the procedure with this code, or the only one in force."""
    current = Procedure.objects.in_force()
    if code:
        procedure = current.filter(code=code).first()
        if procedure is None:
            raise errors.PROCEDURE_UNKNOWN.error(code=code)
        return procedure
    procedures = list(current[:2])
    if not procedures:
        raise errors.PROCEDURE_NOT_LOADED.error()
    if len(procedures) > 1:
        raise errors.PROCEDURE_AMBIGUOUS.error()
    return procedures[0]
