"""Indonesian display formats (docs/ui.md, "Formats") and the template filters that show them."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import timezone

from warta.core.formats import (
    format_against_standard,
    format_date,
    format_datetime,
    format_duration,
    format_filesize,
    format_money,
    format_number,
    parse_duration,
)

# 23 November 2026, 14.05 WIB
MOMENT = datetime(2026, 11, 23, 7, 5, tzinfo=UTC)


def test_dates_use_indonesian_month_names():
    assert format_date(date(2026, 11, 23)) == "23 November 2026"
    assert format_date(date(2026, 1, 5)) == "5 Januari 2026"
    assert format_date(date(2026, 8, 17)) == "17 Agustus 2026"
    assert format_date(date(2026, 12, 31)) == "31 Desember 2026"


def test_a_datetime_shows_the_date_in_the_office_zone():
    late_evening_utc = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # already 24 November in Indonesia
    assert format_date(late_evening_utc) == "24 November 2026"
    assert format_date(late_evening_utc, "UTC") == "23 November 2026"


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Asia/Jakarta", "23 November 2026, 14.05 WIB"),
        ("Asia/Pontianak", "23 November 2026, 14.05 WIB"),
        ("Asia/Makassar", "23 November 2026, 15.05 WITA"),
        ("Asia/Jayapura", "23 November 2026, 16.05 WIT"),
    ],
)
def test_datetimes_show_the_time_with_a_dot_and_the_zone(zone, expected):
    assert format_datetime(MOMENT, zone) == expected


def test_datetime_defaults_to_wib():
    assert format_datetime(MOMENT) == "23 November 2026, 14.05 WIB"


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        format_datetime(datetime(2026, 11, 23, 14, 5))


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, 1, "1.234,5"),
        (1234.5, 0, "1.235"),
        (1234567, 0, "1.234.567"),
        (999, 0, "999"),
        (Decimal("0.125"), 2, "0,13"),
        (-1234.5, 1, "-1.234,5"),
        (-0.01, 1, "0,0"),
    ],
)
def test_numbers_use_a_dot_for_thousands_and_a_comma_for_decimals(value, decimals, expected):
    assert format_number(value, decimals=decimals) == expected


def test_money_is_whole_rupiah():
    assert format_money(1250000) == "Rp1.250.000"
    assert format_money(0) == "Rp0"
    assert format_money(-5000) == "-Rp5.000"


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (0, "0 B"),
        (512, "512 B"),
        (1023, "1.023 B"),
        (1024, "1,0 KB"),
        (1536, "1,5 KB"),
        (1887437, "1,8 MB"),
        (1048575, "1,0 MB"),  # not "1.024,0 KB"
        (3 * 1024**3, "3,0 GB"),
        (5 * 1024**4, "5.120,0 GB"),
    ],
)
def test_file_sizes(size, expected):
    assert format_filesize(size) == expected


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("5 menit", 5),
        ("30 menit", 30),
        ("3 jam", 180),
        ("1 jam 30 menit", 90),
        ("  1   JAM   30  Menit ", 90),
        ("1 Jam", 60),
    ],
)
def test_standard_times_are_read_as_written_in_the_pos(text, minutes):
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["1 hari", "", "jam", "30", "30 menit 1 jam", "1,5 jam", "lima menit"])
def test_unreadable_standard_times_are_refused_in_indonesian(text):
    with pytest.raises(ValueError, match="tidak dikenali") as refused:
        parse_duration(text)
    assert f"“{text}”" in str(refused.value)


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0, "0 menit"),
        (59, "0 menit"),
        (60, "1 menit"),
        (45 * 60 + 59, "45 menit"),
        (3 * 3600, "3 jam"),
        (2 * 3600 + 15 * 60, "2 jam 15 menit"),
        (27 * 3600, "27 jam"),
        (timedelta(hours=1, minutes=5), "1 jam 5 menit"),
    ],
)
def test_durations_in_hours_and_whole_minutes(seconds, expected):
    assert format_duration(seconds) == expected


def test_negative_durations_are_refused():
    with pytest.raises(ValueError):
        format_duration(-1)


def test_time_used_against_the_standard():
    assert format_against_standard(2 * 3600 + 15 * 60, 3 * 3600) == "2 jam 15 menit dari 3 jam"
    assert format_against_standard(10, 5 * 60) == "0 menit dari 5 menit"


def render(text: str, **context) -> str:
    return Template("{% load warta_format %}" + text).render(Context(context))


def test_template_filters():
    assert render("{{ d|tanggal }}", d=date(2026, 11, 23)) == "23 November 2026"
    assert render("{{ n|angka }} {{ n|angka:1 }}", n=1234.5) == "1.235 1.234,5"
    assert render("{{ n|rupiah }}", n=1250000) == "Rp1.250.000"
    assert render("{{ n|ukuran_berkas }}", n=1887437) == "1,8 MB"
    assert render("{{ s|durasi }}", s=8100) == "2 jam 15 menit"
    assert (
        render("[{{ x|tanggal }}{{ x|tanggal_waktu }}{{ x|angka }}{{ x|rupiah }}{{ x|durasi }}]", x=None)
        == "[]"
    )


def test_datetime_filters_use_the_active_time_zone(settings):
    settings.TIME_ZONE = "Asia/Jakarta"
    assert render("{{ t|tanggal_waktu }}", t=MOMENT) == "23 November 2026, 14.05 WIB"
    with timezone.override("Asia/Makassar"):
        assert render("{{ t|tanggal_waktu }}", t=MOMENT) == "23 November 2026, 15.05 WITA"
        assert render("{{ t|tanggal }}", t=datetime(2026, 11, 23, 16, 30, tzinfo=UTC)) == "24 November 2026"
