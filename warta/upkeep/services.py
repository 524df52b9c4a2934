"""Maintenance rounds (step 5 of the POS) and the routine schedule. Every write is audited.

A run's maintenance step is finished through ``finish_round``: the checklist must be fully ticked, then the
engine's ``complete_step`` measures the step against its standard like any other.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from warta.accounts.models import Role
from warta.core.errors import join_labels
from warta.core.formats import format_date
from warta.pos.models import StepRun
from warta.pos.services import complete_step
from warta.pos.services.guards import require_executor, require_role
from warta.records.audit import record

from . import errors
from .models import Check, CheckItem, Round, Schedule

DEFAULT_EVERY_DAYS = 7
MAX_EVERY_DAYS = 90
MAX_DOCUMENTS_CHECKED = 2000


def maintenance_step_number(procedure) -> int | None:
    """The step after the upload step (the one after verification), if the procedure has one."""
    verification = procedure.steps.filter(is_verification=True).first()
    if verification is None:
        return None
    number = verification.number + 2
    return number if procedure.steps.filter(number=number).exists() else None


def is_maintenance_step(step_run: StepRun) -> bool:
    return step_run.step.number == maintenance_step_number(step_run.run.procedure)


def _require_round_actor(actor, round_: Round) -> None:
    if round_.step_run_id:
        require_executor(actor, round_.step_run)
    else:
        require_role(actor, Role.PENGOLAH, round_.unit)
    if round_.finished_at is not None:
        raise errors.ROUND_FINISHED.error()


def _with_checks(round_: Round) -> Round:
    existing = set(round_.checks.values_list("item", flat=True))
    Check.objects.bulk_create(Check(round=round_, item=item) for item in CheckItem.values if item not in existing)
    return round_


@transaction.atomic
def round_for_step(actor, step_run: StepRun, *, now: datetime | None = None) -> Round:
    """The checklist of a run's maintenance step, started the first time its executor opens it."""
    now = now or timezone.now()
    if not is_maintenance_step(step_run):
        raise errors.NOT_MAINTENANCE_STEP.error(number=step_run.run.number, step=step_run.step.number)
    existing = Round.objects.filter(step_run=step_run).first()
    if existing is not None:
        return _with_checks(existing)
    require_executor(actor, step_run)
    round_ = Round.objects.create(unit=step_run.run.unit, run=step_run.run, step_run=step_run, started_by=actor,
                                  started_at=now)
    record(actor, "upkeep.round.started", round_, at=now, after={"run": step_run.run.number})
    return _with_checks(round_)


def open_routine_round(unit) -> Round | None:
    return Round.objects.filter(unit=unit, run__isnull=True, finished_at__isnull=True).first()


@transaction.atomic
def start_routine_round(actor, unit, *, now: datetime | None = None) -> Round:
    """A routine round between runs; an unfinished one is continued rather than doubled."""
    now = now or timezone.now()
    require_role(actor, Role.PENGOLAH, unit)
    existing = open_routine_round(unit)
    if existing is not None:
        return _with_checks(existing)
    round_ = Round.objects.create(unit=unit, started_by=actor, started_at=now)
    record(actor, "upkeep.round.started", round_, at=now, after={"routine": True})
    return _with_checks(round_)


@dataclass(frozen=True)
class CheckValue:
    done: bool
    note: str = ""


@transaction.atomic
def save_checks(actor, round_: Round, values: dict[str, CheckValue], *, now: datetime | None = None) -> Round:
    """Record which items were checked, with what was found or fixed."""
    now = now or timezone.now()
    _require_round_actor(actor, round_)
    changed = {}
    for check in round_.checks.select_for_update():
        value = values.get(check.item)
        if value is None or (check.done, check.note) == (value.done, value.note.strip()):
            continue
        check.done, check.note = value.done, value.note.strip()[:500]
        check.checked_by, check.checked_at = actor, now
        check.save()
        changed[check.item] = {"done": check.done, "note": check.note}
    if changed:
        record(actor, "upkeep.round.checked", round_, at=now, after=changed)
    return round_


def missing_items(round_: Round) -> list[str]:
    return [check.get_item_display() for check in sorted(round_.checks.all(), key=_order) if not check.done]


def _order(check: Check) -> int:
    return CheckItem.values.index(check.item)


@transaction.atomic
def finish_round(actor, round_: Round, *, note: str = "", now: datetime | None = None) -> Round:
    """Close a fully ticked round; a run's round also finishes its maintenance step in the engine."""
    now = now or timezone.now()
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    _require_round_actor(actor, round_)
    missing = missing_items(round_)
    if missing:
        raise errors.CHECKLIST_INCOMPLETE.error(missing=join_labels(missing))
    round_.finished_by, round_.finished_at, round_.note = actor, now, note.strip()
    round_.save()
    schedule = _schedule(round_.unit)
    schedule.next_due = timezone.localdate(now) + timedelta(days=schedule.every_days)
    schedule.save(update_fields=["next_due"])
    record(actor, "upkeep.round.finished", round_, at=now, after={
        "note": round_.note, "next_due": schedule.next_due,
        "checks": {check.item: check.note for check in round_.checks.all()},
    })
    if round_.step_run_id:
        with translation.override("id"):  # the step's output is a record, kept in Indonesian like the audit log
            notes = "; ".join(f"{c.get_item_display()}: {c.note}" for c in sorted(round_.checks.all(), key=_order)
                              if c.note)
        output = "Pemeliharaan situs selesai, semua butir diperiksa" + (f" ({notes})" if notes else "")
        complete_step(actor, round_.step_run, output_note=(round_.note or output), now=now)
    return round_


def _schedule(unit) -> Schedule:
    schedule = Schedule.objects.filter(unit=unit).first()
    if schedule is None:
        schedule = Schedule.objects.create(unit=unit, every_days=DEFAULT_EVERY_DAYS,
                                           next_due=timezone.localdate() + timedelta(days=DEFAULT_EVERY_DAYS))
    return schedule


def schedule_for(unit) -> Schedule | None:
    return Schedule.objects.filter(unit=unit).first()


@transaction.atomic
def set_schedule(actor, unit, *, every_days: int, next_due: date | None = None,
                 now: datetime | None = None) -> Schedule:
    """The PPID sets how often routine maintenance is done (and, if needed, when the next round is due)."""
    now = now or timezone.now()
    require_role(actor, Role.PPID, unit)
    if not 1 <= int(every_days) <= MAX_EVERY_DAYS:
        raise errors.INTERVAL_INVALID.error(field="every_days")
    schedule = _schedule(unit)
    before = {"every_days": schedule.every_days, "next_due": schedule.next_due}
    schedule.every_days = int(every_days)
    schedule.next_due = next_due or timezone.localdate(now) + timedelta(days=schedule.every_days)
    schedule.updated_by, schedule.updated_at = actor, now
    schedule.save()
    record(actor, "upkeep.schedule.set", schedule, at=now, before=before,
           after={"every_days": schedule.every_days, "next_due": schedule.next_due})
    return schedule


def routine_due(unit, today: date | None = None) -> bool:
    schedule = schedule_for(unit)
    return schedule is not None and schedule.next_due <= (today or timezone.localdate())


def hints(unit, today: date | None = None) -> dict[str, str]:
    """What Warta can tell by itself for some items, shown beside the checklist (the person still ticks)."""
    from warta.registry.models import Category, Entry, PublicEntry
    from warta.registry.services.editions import next_edition_due

    today = today or timezone.localdate()
    found: dict[str, str] = {}
    public = PublicEntry.objects.filter(unit=unit).public()
    links = sum(len(links or []) for links in public.values_list("links", flat=True))
    found[CheckItem.LINKS] = (
        ngettext("Ada %(count)s tautan pada informasi yang terbit; coba setiap tautan.",
                 "Ada %(count)s tautan pada informasi yang terbit; coba setiap tautan.", links) % {"count": links}
        if links else _("Tidak ada tautan luar pada informasi yang terbit.")
    )
    missing, checked = [], 0
    for public_entry in public.prefetch_related("documents")[:MAX_DOCUMENTS_CHECKED]:
        for document in public_entry.documents.all():
            checked += 1
            if not document.file.storage.exists(document.file.name):
                missing.append(document.original_name)
    found[CheckItem.DOWNLOADS] = (
        ngettext("%(missing)s dari %(checked)s dokumen tidak ditemukan di penyimpanan: %(names)s.",
                 "%(missing)s dari %(checked)s dokumen tidak ditemukan di penyimpanan: %(names)s.", checked)
        % {"missing": len(missing), "checked": checked, "names": join_labels(missing[:5])}
        if missing else ngettext("%(checked)s dokumen terbit ada di penyimpanan.",
                                 "%(checked)s dokumen terbit ada di penyimpanan.", checked) % {"checked": checked}
    )
    site = settings.SITE_URL
    found[CheckItem.TLS] = (_("Periksa masa berlaku sertifikat %(site)s.") % {"site": site} if site.startswith("https://")
                            else _("Alamat situs (%(site)s) belum memakai HTTPS.") % {"site": site})
    due = next_edition_due(unit)
    overdue = Entry.objects.filter(unit=unit, category=Category.BERKALA, next_update_due__lt=today).count()
    parts = []
    if due is None:
        parts.append(_("Belum ada edisi DIP yang ditetapkan."))
    elif due < today:
        parts.append(_("Edisi DIP seharusnya dimutakhirkan paling lambat %(date)s.") % {"date": format_date(due)})
    else:
        parts.append(_("Edisi DIP berlaku sampai %(date)s.") % {"date": format_date(due)})
    if overdue:
        parts.append(ngettext("%(count)s informasi berkala melewati batas pemutakhiran 6 bulan.",
                              "%(count)s informasi berkala melewati batas pemutakhiran 6 bulan.", overdue)
                     % {"count": overdue})
    found[CheckItem.DIP_CURRENT] = " ".join(parts)
    return found
