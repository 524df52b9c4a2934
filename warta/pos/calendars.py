"""An office's working calendar: hours, work days, national holidays, cuti bersama and its own days off.

Standard times in the POS count working time only; national holidays and cuti bersama do not count
(docs/domain.md). Both come from the `holidays` library: its "public" category holds the national holidays
and its "government" category Indonesia's cuti bersama (joint leave days set each year by joint decree of
the ministers). The office adds its own days off (ExtraDayOff): regional holidays, closures, or a cuti
bersama the library does not know yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

import holidays
from django.utils import translation

from warta.pos.worktime import WorkCalendar

if TYPE_CHECKING:
    from warta.accounts.models import Office

# National holidays, plus the civil service's days off where the country has them (Indonesia: cuti bersama).
WANTED_CATEGORIES = ("public", "government")
# The library's name for each language of the site, for naming the days.
DISPLAY_LANGUAGES = {"id": "id", "en": "en_US"}


def calendar_for_office(office: Office) -> WorkCalendar:
    """The office's WorkCalendar; its extra days off are read once, now (build a new one after edits)."""
    extra = frozenset(office.extra_days_off.values_list("date", flat=True)) if office.pk else frozenset()
    return WorkCalendar(
        time_zone=office.time_zone,
        work_start=office.work_start,
        work_end=office.work_end,
        work_weekdays=office.work_weekdays,
        is_day_off=OfficeDaysOff(country=office.holiday_country.strip().upper(), extra=extra),
    )


@dataclass(frozen=True)
class OfficeDaysOff:
    """is_day_off for an office: national holidays and cuti bersama of its country, plus its extra days."""

    country: str
    extra: frozenset[date]

    def __call__(self, day: date) -> bool:
        return day in self.extra or (bool(self.country) and day in _national_dates(self.country, day.year))


def national_days_off(country: str, year: int) -> list[tuple[date, str]]:
    """The country's national holidays and cuti bersama in a year, by date, named in the reader's language if
    the library has it (Indonesian, English), else in the library's default.

    A date with two holidays has both names joined by "; " (the library's own way).
    """
    names = _holidays(country, year, _display_language(country))
    return sorted(names.items())


@lru_cache(maxsize=256)
def _national_dates(country: str, year: int) -> frozenset[date]:
    # One immutable set per country and year: lookups are fast and safe to share between threads, unlike a
    # shared HolidayBase, which fills in new years on first lookup.
    return frozenset(_holidays(country, year, None))


def _holidays(country: str, year: int, language: str | None) -> holidays.HolidayBase:
    return holidays.country_holidays(country, years=year, categories=_categories(country), language=language)


@lru_cache(maxsize=64)
def _categories(country: str) -> tuple[str, ...]:
    supported = holidays.country_holidays(country).supported_categories
    return tuple(category for category in WANTED_CATEGORIES if category in supported)


def _display_language(country: str) -> str | None:
    supported = holidays.country_holidays(country).supported_languages
    wanted = DISPLAY_LANGUAGES.get(translation.get_language() or "", DISPLAY_LANGUAGES["id"])
    return wanted if wanted in supported else None
