"""Working time: the arithmetic behind every step's standard time, deadline and breach.

Concrete examples first (what a PPID sees on the screen), then properties checked by hypothesis, then the
office calendars built from the database.
"""

import time as clock
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.accounts.models import ExtraDayOff, Office
from warta.pos.calendars import OfficeDaysOff, calendar_for_office, national_days_off
from warta.pos.worktime import WorkCalendar, add_working_seconds, is_working_moment, working_seconds_between

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
MINUTE = 60
HOUR = 3600
MON_FRI = frozenset(range(5))

# Civil-service hours in Bengkulu (WIB) without holidays, and with Indonesia's national calendar.
PLAIN = WorkCalendar("Asia/Jakarta", time(7, 30), time(16, 0), MON_FRI)
NATIONAL = WorkCalendar("Asia/Jakarta", time(7, 30), time(16, 0), MON_FRI, OfficeDaysOff("ID", frozenset()))


def wib(*args: int) -> datetime:
    return datetime(*args, tzinfo=WIB)


def wita(*args: int) -> datetime:
    return datetime(*args, tzinfo=WITA)


# --- Concrete examples -------------------------------------------------------------------------------------


def test_friday_afternoon_plus_three_working_hours_lands_on_monday_morning():
    # Step 2 (3 hours) disposed on Friday 20 Nov 2026 at 15:00: 1 hour on Friday, 2 hours from 07:30 Monday.
    deadline = add_working_seconds(PLAIN, wib(2026, 11, 20, 15, 0), 3 * HOUR)
    assert deadline == wib(2026, 11, 23, 9, 30)
    assert deadline.tzinfo == WIB
    assert working_seconds_between(PLAIN, wib(2026, 11, 20, 15, 0), wib(2026, 11, 23, 9, 30)) == 3 * HOUR


def test_time_that_runs_out_at_closing_is_due_at_closing_not_next_morning():
    assert add_working_seconds(PLAIN, wib(2026, 11, 20, 15, 0), HOUR) == wib(2026, 11, 20, 16, 0)


def test_step_started_before_opening_or_on_a_weekend_starts_counting_at_opening():
    assert add_working_seconds(PLAIN, wib(2026, 11, 23, 6, 0), 5 * MINUTE) == wib(2026, 11, 23, 7, 35)
    assert add_working_seconds(PLAIN, wib(2026, 11, 21, 10, 0), 30 * MINUTE) == wib(2026, 11, 23, 8, 0)
    assert add_working_seconds(PLAIN, wib(2026, 11, 23, 18, 0), 30 * MINUTE) == wib(2026, 11, 24, 8, 0)


def test_weekend_and_night_count_nothing():
    assert working_seconds_between(PLAIN, wib(2026, 11, 20, 16, 0), wib(2026, 11, 23, 7, 30)) == 0


def test_whole_working_day_is_eight_and_a_half_hours():
    assert working_seconds_between(PLAIN, wib(2026, 11, 23), wib(2026, 11, 24)) == 8 * HOUR + 30 * MINUTE


def test_independence_day_does_not_count():
    # 17 August 2026 is a Monday: Friday 15:00 + 3 hours runs into Tuesday.
    assert not is_working_moment(NATIONAL, wib(2026, 8, 17, 10, 0))
    assert add_working_seconds(NATIONAL, wib(2026, 8, 14, 15, 0), 3 * HOUR) == wib(2026, 8, 18, 9, 30)
    assert working_seconds_between(NATIONAL, wib(2026, 8, 17), wib(2026, 8, 18)) == 0


def test_cuti_bersama_from_the_holiday_library_does_not_count():
    # 24 Dec 2026 (Thursday) is cuti bersama for Christmas, 25 Dec (Friday) Christmas itself.
    assert (date(2026, 12, 24), "Cuti Bersama Hari Raya Natal") in national_days_off("ID", 2026)
    assert not is_working_moment(NATIONAL, wib(2026, 12, 24, 10, 0))
    assert add_working_seconds(NATIONAL, wib(2026, 12, 23, 15, 0), 3 * HOUR) == wib(2026, 12, 28, 9, 30)


def test_a_month_of_working_time_leaves_out_weekends_and_holidays():
    # January 2026: 22 weekdays, less New Year's Day (Thu 1) and Isra Mikraj (Fri 16) = 20 days of 8.5 hours.
    assert working_seconds_between(NATIONAL, wib(2026, 1, 1), wib(2026, 2, 1)) == 170 * HOUR


def test_a_run_left_open_for_years_is_measured_quickly():
    began = clock.perf_counter()
    used = working_seconds_between(NATIONAL, wib(2025, 1, 1, 9, 0), wib(2030, 1, 1, 9, 0))
    deadline = add_working_seconds(NATIONAL, wib(2025, 1, 1, 9, 0), used)
    assert clock.perf_counter() - began < 1.0
    assert deadline == wib(2029, 12, 31, 16, 0)  # the last working moment before 1 Jan 2030 (a holiday)


def test_offices_in_different_zones_keep_their_own_hours():
    makassar = WorkCalendar("Asia/Makassar", time(7, 30), time(16, 0), MON_FRI)
    # 07:00 WIB is 08:00 WITA: Makassar is at work, Bengkulu not yet.
    assert is_working_moment(makassar, wib(2026, 11, 23, 7, 0))
    assert not is_working_moment(PLAIN, wib(2026, 11, 23, 7, 0))
    # Disposed at 15:30 WIB (16:30 WITA, Makassar already closed), 3 working hours:
    assert add_working_seconds(PLAIN, wib(2026, 11, 23, 15, 30), 3 * HOUR) == wib(2026, 11, 24, 10, 0)
    deadline = add_working_seconds(makassar, wib(2026, 11, 23, 15, 30), 3 * HOUR)
    assert deadline == wita(2026, 11, 24, 10, 30)
    assert deadline.tzinfo == WITA


def test_a_day_with_a_clock_change_gets_the_hours_that_really_pass():
    # No Indonesian zone has DST, but the calendar must not assume 24-hour days: a night office in Berlin
    # working 01:00–05:00 works 3 hours when clocks go forward and 5 when they go back.
    night = WorkCalendar("Europe/Berlin", time(1, 0), time(5, 0), frozenset(range(7)))
    berlin = ZoneInfo("Europe/Berlin")

    def day(d: date) -> int:
        return working_seconds_between(
            night,
            datetime.combine(d, time(0), berlin),
            datetime.combine(d + timedelta(days=1), time(0), berlin),
        )

    assert day(date(2026, 3, 28)) == 4 * HOUR
    assert day(date(2026, 3, 29)) == 3 * HOUR
    assert day(date(2026, 10, 25)) == 5 * HOUR


def test_zero_standard_time_is_due_at_once_and_negative_is_refused():
    start = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)  # a Saturday
    assert add_working_seconds(PLAIN, start, 0) is start
    with pytest.raises(ValueError, match="negative"):
        add_working_seconds(PLAIN, start, -1)


def test_naive_datetimes_are_refused():
    naive = datetime(2026, 11, 23, 9, 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        working_seconds_between(PLAIN, naive, wib(2026, 11, 24))
    with pytest.raises(ValueError, match="timezone-aware"):
        working_seconds_between(PLAIN, wib(2026, 11, 22), naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        add_working_seconds(PLAIN, naive, HOUR)
    with pytest.raises(ValueError, match="timezone-aware"):
        is_working_moment(PLAIN, naive)


def test_a_calendar_that_cannot_work_is_refused():
    with pytest.raises(ValueError):
        WorkCalendar("Asia/Jakarta", time(16, 0), time(7, 30), MON_FRI)
    with pytest.raises(ValueError):
        WorkCalendar("Asia/Jakarta", time(7, 30), time(16, 0), frozenset())
    with pytest.raises(ValueError):
        WorkCalendar("Asia/Jakarta", time(7, 30), time(16, 0), frozenset({7}))
    with pytest.raises(KeyError):  # ZoneInfoNotFoundError
        WorkCalendar("Asia/Bengkulu", time(7, 30), time(16, 0), MON_FRI)
    always_off = WorkCalendar("Asia/Jakarta", time(7, 30), time(16, 0), MON_FRI, lambda day: True)
    with pytest.raises(ValueError, match="no working day"):
        add_working_seconds(always_off, wib(2026, 1, 1), HOUR)


# --- Properties --------------------------------------------------------------------------------------------

SPAN_START = datetime(2025, 12, 1, tzinfo=UTC)
SPAN_END = datetime(2027, 2, 1, tzinfo=UTC)
INDONESIAN_ZONES = ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura")
DST_ZONES = ("Europe/Berlin", "America/New_York")
FOREIGN_ZONES = (*DST_ZONES, "UTC", "Asia/Tokyo", "Australia/Lord_Howe")

QUICK = settings(max_examples=120, deadline=None)
SLOW = settings(max_examples=40, deadline=None)

epoch_seconds = st.integers(int(SPAN_START.timestamp()), int(SPAN_END.timestamp()))
epoch_minutes = st.integers(int(SPAN_START.timestamp()) // 60, int(SPAN_END.timestamp()) // 60)
working_amounts = st.integers(0, 30 * HOUR)


def instant(seconds: int, zone: str = "UTC") -> datetime:
    return datetime.fromtimestamp(seconds, ZoneInfo(zone))


@st.composite
def calendars(draw: st.DrawFn) -> WorkCalendar:
    zone = draw(st.sampled_from(INDONESIAN_ZONES + DST_ZONES))
    # In DST zones keep office hours clear of the 01:00–03:00 clock changes, where a wall-clock time occurs
    # twice or never and "office hours" have no single meaning.
    earliest = 4 * 60 if zone in DST_ZONES else 0
    start = draw(st.integers(earliest, 23 * 60 - 1))
    end = draw(st.integers(start + 60, 24 * 60 - 1))
    weekdays = draw(st.frozensets(st.integers(0, 6), min_size=1))
    days_off = draw(
        st.one_of(
            st.just(OfficeDaysOff("ID", frozenset())),
            st.frozensets(st.dates(SPAN_START.date(), SPAN_END.date()), max_size=60).map(
                lambda days: OfficeDaysOff("", days)
            ),
        )
    )
    return WorkCalendar(zone, time(*divmod(start, 60)), time(*divmod(end, 60)), weekdays, days_off)


def working_by_wall_clock(cal: WorkCalendar, moment: datetime) -> bool:
    """Independent reading of the rules: look at the office's wall clock and calendar at that moment."""
    local = moment.astimezone(ZoneInfo(cal.time_zone))
    return (
        local.weekday() in cal.work_weekdays
        and not cal.is_day_off(local.date())
        and cal.work_start <= local.time() < cal.work_end
    )


@SLOW
@given(calendars(), epoch_minutes, st.integers(0, 3 * 24 * 60))
def test_working_time_is_the_count_of_working_minutes_on_the_wall_clock(cal, start_minute, length):
    start = instant(start_minute * 60)
    minutes = [start + timedelta(minutes=m) for m in range(length)]
    expected = MINUTE * sum(working_by_wall_clock(cal, m) for m in minutes)
    assert working_seconds_between(cal, start, start + timedelta(minutes=length)) == expected


@QUICK
@given(calendars(), epoch_seconds)
def test_is_working_moment_follows_the_wall_clock(cal, moment):
    assert is_working_moment(cal, instant(moment)) == working_by_wall_clock(cal, instant(moment))


@QUICK
@given(calendars(), st.lists(epoch_seconds, min_size=3, max_size=3).map(sorted))
def test_working_time_is_additive_and_monotonic(cal, points):
    a, b, c = (instant(p) for p in points)
    assert working_seconds_between(cal, a, c) == working_seconds_between(cal, a, b) + working_seconds_between(
        cal, b, c
    )
    assert working_seconds_between(cal, a, b) <= working_seconds_between(cal, a, c)


@QUICK
@given(calendars(), epoch_seconds, epoch_seconds)
def test_working_time_never_exceeds_the_clock_and_is_zero_backwards(cal, first, second):
    a, b = instant(min(first, second)), instant(max(first, second))
    assert 0 <= working_seconds_between(cal, a, b) <= (b - a).total_seconds()
    assert working_seconds_between(cal, b, a) == 0


@QUICK
@given(calendars(), st.dates(SPAN_START.date(), SPAN_END.date() - timedelta(days=1)))
def test_nights_weekends_and_days_off_count_nothing(cal, day):
    zone = ZoneInfo(cal.time_zone)
    midnight = datetime.combine(day, time(0), zone)
    next_midnight = datetime.combine(day + timedelta(days=1), time(0), zone)
    opens = datetime.combine(day, cal.work_start, zone)
    closes = datetime.combine(day, cal.work_end, zone)
    assert working_seconds_between(cal, midnight, opens) == 0
    assert working_seconds_between(cal, closes, next_midnight) == 0
    if day.weekday() not in cal.work_weekdays or cal.is_day_off(day):
        assert working_seconds_between(cal, midnight, next_midnight) == 0


@QUICK
@given(calendars(), epoch_seconds, working_amounts)
def test_deadline_is_the_earliest_moment_the_standard_time_is_used_up(cal, start_second, seconds):
    start = instant(start_second)
    deadline = add_working_seconds(cal, start, seconds)
    assert deadline >= start
    assert working_seconds_between(cal, start, deadline) == seconds
    if seconds:
        just_before = deadline - timedelta(microseconds=1)
        assert working_seconds_between(cal, start, just_before) == seconds - 1
        assert is_working_moment(cal, just_before)
        assert deadline.tzinfo == ZoneInfo(cal.time_zone)


@QUICK
@given(
    calendars(),
    epoch_seconds,
    epoch_seconds,
    st.sampled_from(FOREIGN_ZONES),
    st.sampled_from(FOREIGN_ZONES),
    working_amounts,
)
def test_the_zone_the_input_carries_does_not_matter(cal, first, second, zone_a, zone_b, seconds):
    a_utc, b_utc = instant(first), instant(second)
    a, b = instant(first, zone_a), instant(second, zone_b)
    assert working_seconds_between(cal, a, b) == working_seconds_between(cal, a_utc, b_utc)
    assert is_working_moment(cal, a) == is_working_moment(cal, a_utc)
    if seconds:
        assert add_working_seconds(cal, a, seconds) == add_working_seconds(cal, a_utc, seconds)


# --- Office calendars from the database --------------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_office_works_civil_service_hours_in_its_zone():
    cal = calendar_for_office(Office.objects.create(name="BPMP Provinsi Bengkulu"))
    assert (cal.time_zone, cal.work_start, cal.work_end, cal.work_weekdays) == (
        "Asia/Jakarta",
        time(7, 30),
        time(16, 0),
        MON_FRI,
    )
    assert cal.is_day_off(date(2026, 8, 17))  # national holiday
    assert cal.is_day_off(date(2026, 12, 24))  # cuti bersama
    assert not cal.is_day_off(date(2026, 11, 23))


@pytest.mark.django_db
def test_an_extra_day_off_of_the_office_does_not_count(django_assert_num_queries):
    office = Office.objects.create(name="BPMP Provinsi Bengkulu")
    ExtraDayOff.objects.create(
        office=office, date=date(2026, 11, 24), description="Hari jadi Provinsi Bengkulu"
    )
    with django_assert_num_queries(1):
        cal = calendar_for_office(office)
    with django_assert_num_queries(0):  # read once when built, not on every lookup
        deadline = add_working_seconds(cal, wib(2026, 11, 23, 15, 0), 3 * HOUR)
    assert deadline == wib(2026, 11, 25, 9, 30)  # Monday 1 hour, Tuesday off, Wednesday 2 hours
    other = calendar_for_office(Office.objects.create(name="BPMP Provinsi Sulawesi Selatan"))
    assert not other.is_day_off(date(2026, 11, 24))


@pytest.mark.django_db
def test_bengkulu_and_makassar_offices_count_in_their_own_zones():
    bengkulu = calendar_for_office(Office.objects.create(name="BPMP Provinsi Bengkulu"))
    makassar = calendar_for_office(
        Office.objects.create(name="BPMP Provinsi Sulawesi Selatan", time_zone="Asia/Makassar")
    )
    disposed = wib(2026, 11, 23, 15, 30)  # 16:30 WITA
    assert add_working_seconds(bengkulu, disposed, 3 * HOUR) == wib(2026, 11, 24, 10, 0)
    assert add_working_seconds(makassar, disposed, 3 * HOUR) == wita(2026, 11, 24, 10, 30)
    # The same national holidays hold in every zone.
    assert working_seconds_between(makassar, wita(2026, 8, 17), wita(2026, 8, 18)) == 0


@pytest.mark.django_db
def test_office_hours_and_work_days_are_configurable():
    office = Office.objects.create(
        name="UPT Layanan Sabtu", work_start=time(8, 0), work_end=time(12, 0), work_days="1,2,3,4,5,6"
    )
    cal = calendar_for_office(office)
    assert is_working_moment(cal, wib(2026, 11, 21, 9, 0))  # Saturday
    assert not is_working_moment(cal, wib(2026, 11, 23, 13, 0))
    assert add_working_seconds(cal, wib(2026, 11, 20, 11, 0), 3 * HOUR) == wib(2026, 11, 21, 10, 0)


def test_national_days_off_are_named_in_indonesian_and_sorted():
    days = national_days_off("ID", 2026)
    assert days == sorted(days)
    assert (date(2026, 8, 17), "Hari Kemerdekaan Republik Indonesia") in days
    assert (date(2026, 1, 1), "Tahun Baru Masehi") in days
