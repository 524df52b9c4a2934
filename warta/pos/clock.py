"""How much working time a step has used against its standard, and when it breaches."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from django.conf import settings
from django.utils import timezone

from .calendars import calendar_for_office
from .models import StepRun
from .worktime import WorkCalendar, add_working_seconds, working_seconds_between


class TimeState(StrEnum):
    OK = "tepat"
    WARNING = "hampir"
    OVERDUE = "terlambat"


@dataclass(frozen=True)
class TimeStatus:
    used_seconds: int
    standard_seconds: int
    deadline: datetime
    state: TimeState

    @property
    def left_seconds(self) -> int:
        return max(self.standard_seconds - self.used_seconds, 0)

    @property
    def ratio(self) -> float:
        return self.used_seconds / self.standard_seconds if self.standard_seconds else 0.0


def calendar_for(step_run: StepRun) -> WorkCalendar:
    return calendar_for_office(step_run.run.unit.office)


def state_for(used_seconds: int, standard_seconds: int) -> TimeState:
    if used_seconds > standard_seconds:
        return TimeState.OVERDUE
    if used_seconds >= standard_seconds * settings.WARTA_WARN_RATIO:
        return TimeState.WARNING
    return TimeState.OK


def time_status(step_run: StepRun, now: datetime | None = None, calendar: WorkCalendar | None = None) -> TimeStatus:
    """Working time used so far (or in total, for a finished step) against the step's standard time."""
    calendar = calendar or calendar_for(step_run)
    end = step_run.finished_at or now or timezone.now()
    used = working_seconds_between(calendar, step_run.started_at, end)
    standard = step_run.step.standard_seconds
    return TimeStatus(
        used_seconds=used,
        standard_seconds=standard,
        deadline=add_working_seconds(calendar, step_run.started_at, standard),
        state=state_for(used, standard),
    )
