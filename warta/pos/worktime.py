"""Working-time arithmetic: office time between two instants, and when a step's standard time runs out.

Pure and timezone-aware (no Django, no database). The POS "Pengumuman Informasi" gives every step a
standard time ("waktu baku") counted in working time, not wall-clock time (docs/domain.md, "Times are
working time"), so a step's deadline is found by walking the office's working windows day by day.

Each day's window is built from the office's local wall-clock hours and converted to UTC; all arithmetic
then happens on UTC instants. A local day is therefore never assumed to last 24 hours: Indonesian zones
have no daylight saving, but the calendar is configurable and must stay right in any IANA zone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

ONE_SECOND = timedelta(seconds=1)
ONE_DAY = timedelta(days=1)

# A deadline search that meets this many closed days in a row has a calendar with no working day left
# (for example every day marked off): stop with an error instead of looping forever.
MAX_CLOSED_DAYS = 400


def _never_day_off(day: date) -> bool:
    return False


@dataclass(frozen=True)
class WorkCalendar:
    """When an office works, in its own time zone.

    Source of each rule:
    - office hours and work days: Indonesian civil-service hours, Monday–Friday 07:30–16:00 by default
      (settings WARTA_OFFICE_HOURS and WARTA_WORK_DAYS), configurable per office (docs/domain.md);
    - is_day_off: national holidays and cuti bersama (joint leave set each year by joint ministerial
      decree) plus the office's own extra days off do not count (docs/domain.md); see calendars.py.
    """

    time_zone: str
    work_start: time
    work_end: time
    work_weekdays: frozenset[int]
    is_day_off: Callable[[date], bool] = field(default=_never_day_off)

    def __post_init__(self) -> None:
        ZoneInfo(self.time_zone)  # an unknown zone fails here, not at the first deadline
        if self.work_start.tzinfo is not None or self.work_end.tzinfo is not None:
            raise ValueError("office hours are wall-clock times in time_zone; give them without tzinfo")
        if not self.work_start < self.work_end:
            raise ValueError(f"office hours must start before they end: {self.work_start}–{self.work_end}")
        weekdays = frozenset(self.work_weekdays)
        if not weekdays or not weekdays <= frozenset(range(7)):
            raise ValueError(f"work_weekdays must be a non-empty set of 0 (Monday) … 6 (Sunday): {weekdays}")
        object.__setattr__(self, "work_weekdays", weekdays)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


Window = tuple[datetime, datetime]


def working_seconds_between(cal: WorkCalendar, start: datetime, end: datetime) -> int:
    """Whole seconds of office time in [start, end); 0 when end <= start.

    Sub-second parts count exactly and only the total is rounded down, so for inputs in whole seconds the
    result is exactly additive: ws(a, c) == ws(a, b) + ws(b, c).
    """
    _require_aware(start, "start")
    _require_aware(end, "end")
    if end <= start:
        return 0
    zone = cal.zone
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    total = timedelta()
    for opens, closes in _windows(cal, zone, _local_date(start, zone), _local_date(end, zone)):
        overlap = min(closes, end) - max(opens, start)
        if overlap > timedelta():
            total += overlap
    return total // ONE_SECOND


def add_working_seconds(cal: WorkCalendar, start: datetime, seconds: int) -> datetime:
    """The earliest moment t >= start with working_seconds_between(cal, start, t) == seconds.

    This is a step's deadline: a step started at `start` with a standard time of `seconds`. When the time
    runs out exactly at closing, the deadline is that closing moment, not the next opening. The result is
    in the calendar's zone; for seconds == 0 the start is returned unchanged.
    """
    _require_aware(start, "start")
    if seconds < 0:
        raise ValueError(f"seconds must not be negative: {seconds}")
    if seconds == 0:
        return start
    origin = start.astimezone(UTC)
    remaining = timedelta(seconds=seconds)
    for opens, closes in _windows(cal, cal.zone, _local_date(origin, cal.zone)):
        begin = max(opens, origin)
        if closes <= begin:
            continue  # the start's own day, already closed when the step started
        available = closes - begin
        if remaining <= available:
            return (begin + remaining).astimezone(cal.zone)
        remaining -= available
    raise AssertionError("unreachable: _windows without an end either yields or raises")


def is_working_moment(cal: WorkCalendar, moment: datetime) -> bool:
    """Whether the office is working at this instant (opening included, closing excluded)."""
    _require_aware(moment, "moment")
    zone = cal.zone
    instant = moment.astimezone(UTC)
    window = _window(cal, zone, _local_date(instant, zone))
    return window is not None and window[0] <= instant < window[1]


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware: {value!r}")


def _local_date(instant: datetime, zone: ZoneInfo) -> date:
    return instant.astimezone(zone).date()


def _windows(cal: WorkCalendar, zone: ZoneInfo, first: date, last: date | None = None) -> Iterator[Window]:
    """The office's working windows on the local days first … last (no end when last is None), in order."""
    day = first
    closed_days = 0
    while last is None or day <= last:
        window = _window(cal, zone, day)
        if window:
            closed_days = 0
            yield window
        else:
            closed_days += 1
            if last is None and closed_days >= MAX_CLOSED_DAYS:
                raise ValueError(
                    f"no working day in the {MAX_CLOSED_DAYS} days up to {day}: check the calendar"
                )
        day += ONE_DAY


def _window(cal: WorkCalendar, zone: ZoneInfo, day: date) -> Window | None:
    """The office hours of one local day as UTC instants, or None when the office is closed all day.

    The window's length is measured between real instants, so a day with a clock change gets the hours
    that really elapse. A wall-clock time that occurs twice or not at all resolves as Python does by
    default (fold=0, PEP 495); no Indonesian zone has such times.
    """
    # Work days are checked first: it is cheap and spares the holiday lookup on weekends.
    if day.weekday() not in cal.work_weekdays or cal.is_day_off(day):
        return None
    opens = datetime.combine(day, cal.work_start, zone).astimezone(UTC)
    closes = datetime.combine(day, cal.work_end, zone).astimezone(UTC)
    return (opens, closes) if closes > opens else None
