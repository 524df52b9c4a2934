"""Importing a register file into a run's draft register: a dry run that writes nothing, then one transaction.

The file is parsed by ``warta.registry.importing``; this module only decides and writes. A confirmed import
creates every entry as a draft of the run, each with revision 1 ("impor"), and one audit record for the whole
file (its name and SHA-256), so the audit chain grows by one record, not by 100,000.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice

from django.db import transaction
from django.utils import timezone

from warta.accounts.models import Unit
from warta.pos.models import Run
from warta.records.audit import record

from .. import import_errors as errors
from ..importing import ImportProblem, ImportResult, ImportRow
from ..models import Entry, EntryStatus, Revision
from .entries import next_number, require_drafting

BATCH_SIZE = 2000
SUMMARY_LIMIT = 1000  # rows listed in a report; the counts always cover the whole file
PROBLEMS_IN_REFUSAL = 5
IMPORT_ACTION = "impor"


@dataclass(frozen=True)
class RowSummary:
    row_number: int
    number: int
    title: str
    category: str
    warnings: tuple[str, ...] = ()
    blocked: bool = False


@dataclass
class ImportReport:
    source_name: str
    sha256: str
    confirmed: bool
    count: int  # entries the file gives (a dry run) or that were created (confirmed)
    first_number: int | None
    last_number: int | None
    renumbered: bool
    rows: list[RowSummary]
    problems: list[ImportProblem]
    problem_count: int
    warnings: list[str]
    audit_record_id: int | None = None
    rows_truncated: bool = field(default=False)

    @property
    def ok(self) -> bool:
        return self.problem_count == 0


def import_register(actor, run: Run, result: ImportResult, *, confirm: bool = False, source_name: str = "",
                    now: datetime | None = None) -> ImportReport:
    """Report what the file would create (default), or create it when ``confirm`` and the file has no problems."""
    source_name = source_name or result.filename
    if not confirm:
        require_drafting(actor, run)
        return _report(result, source_name, offset=_offset(run, result), confirmed=False)
    if not result.ok:
        raise errors.HAS_PROBLEMS.error(
            count=result.problem_count, first="; ".join(str(p) for p in result.problems[:PROBLEMS_IN_REFUSAL])
        )
    now = now or timezone.now()
    with transaction.atomic():
        require_drafting(actor, run)
        Unit.objects.select_for_update().filter(pk=run.unit_id).first()  # one numbering at a time per unit
        offset = _offset(run, result)
        summaries, created, first, last = [], 0, None, None
        for batch in _batches(result.rows(), BATCH_SIZE):
            entries = _create_batch(actor, run, batch, offset, now, source_name)
            created += len(entries)
            first = entries[0].number if first is None else first
            last = entries[-1].number
            room = max(0, SUMMARY_LIMIT - len(summaries))
            summaries += [_summary(row, entry.number) for row, entry in zip(batch[:room], entries, strict=False)]
        audit = record(actor, "registry.import", run, at=now, after={
            "count": created, "source": source_name, "sha256": result.sha256, "format": result.file_format,
            "sheet": result.sheet, "first_number": first, "last_number": last, "renumbered": result.renumbered,
        })
    return ImportReport(
        source_name=source_name, sha256=result.sha256, confirmed=True, count=created, first_number=first,
        last_number=last, renumbered=result.renumbered, rows=summaries, problems=[], problem_count=0,
        warnings=list(result.warnings), audit_record_id=audit.pk, rows_truncated=created > len(summaries),
    )


def _offset(run: Run, result: ImportResult) -> int:
    """Numbers the file gives are kept; numbers we had to give continue after the unit's highest."""
    return next_number(run.unit) - 1 if result.renumbered else 0


def _batches(rows: Iterable[ImportRow], size: int) -> Iterator[list[ImportRow]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def _create_batch(actor, run: Run, rows: list[ImportRow], offset: int, now: datetime,
                  source_name: str) -> list[Entry]:
    entries = [
        Entry(**{**row.values, "number": row.values["number"] + offset}, unit_id=run.unit_id, run=run,
              status=EntryStatus.DRAFT, created_at=now, updated_at=now)
        for row in rows
    ]
    Entry.objects.bulk_create(entries, batch_size=BATCH_SIZE)  # primary keys come back (PostgreSQL, SQLite ≥ 3.35)
    Revision.objects.bulk_create([
        Revision(entry=entry, number=1, at=now, actor=actor, action=IMPORT_ACTION, run=run,
                 reason=f"Impor dari berkas {source_name}, baris {row.row_number}",
                 changes={name: [None, value] for name, value in entry.register_values().items()})
        for row, entry in zip(rows, entries, strict=True)
    ], batch_size=BATCH_SIZE)
    return entries


def _summary(row: ImportRow, number: int, blocked: bool = False) -> RowSummary:
    return RowSummary(row.row_number, number, row.values["title"], row.values["category"], tuple(row.warnings),
                      blocked)


def _report(result: ImportResult, source_name: str, *, offset: int, confirmed: bool) -> ImportReport:
    blocked_rows = {problem.row_number for problem in result.problems}
    summaries, first, last = [], None, None
    for row in result.rows():
        number = row.values["number"] + offset  # every row has a number: the file's own, or one we gave
        first = number if first is None else first
        last = number
        if len(summaries) < SUMMARY_LIMIT:
            summaries.append(_summary(row, number, row.row_number in blocked_rows))
    return ImportReport(
        source_name=source_name, sha256=result.sha256, confirmed=confirmed, count=result.row_count,
        first_number=first, last_number=last, renumbered=result.renumbered, rows=summaries,
        problems=list(result.problems), problem_count=result.problem_count, warnings=list(result.warnings),
        rows_truncated=result.row_count > len(summaries),
    )
