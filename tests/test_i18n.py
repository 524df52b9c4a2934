"""Bahasa Indonesia first, English through the catalogues: refusals, lists and formats in the reader's language."""

import importlib
import pkgutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.functional import Promise

import warta
from warta.accounts import errors as account_errors
from warta.core.errors import ErrorCode, join_labels
from warta.core.formats import format_against_standard, format_date, format_duration, indonesian_date

WARTA = Path(warta.__file__).parent


def _error_codes() -> list[tuple[str, str, ErrorCode]]:
    """(module, name, code) of every ErrorCode of the apps that have an English catalogue, each once."""
    translated = {path.parts[-5] for path in WARTA.glob("*/locale/en/LC_MESSAGES/django.po")}
    found: dict[int, tuple[str, str, ErrorCode]] = {}
    for module_info in pkgutil.walk_packages([str(WARTA)], prefix="warta."):
        parts = module_info.name.split(".")
        if len(parts) < 3 or parts[1] not in translated or "migrations" in parts or "management" in parts:
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if isinstance(value, ErrorCode) and value.code.split(".")[0] in translated:
                found.setdefault(id(value), (module.__name__, name, value))
    return list(found.values())


def test_a_refusal_reads_in_english_under_english_and_in_indonesian_by_default():
    error = account_errors.USERNAME_TAKEN.error(field="username", username="rahma")
    assert error.message == "Nama pengguna “rahma” sudah dipakai. Pilih nama lain."
    with translation.override("en"):
        assert error.message == "The user name “rahma” is already taken. Choose another one."
        assert str(error) == "[accounts.username_taken] The user name “rahma” is already taken. Choose another one."
    assert error.code == "accounts.username_taken"  # the code never changes with the language


def test_every_error_code_is_a_lazy_text_with_an_english_translation():
    codes = _error_codes()
    assert len({module for module, _name, _code in codes}) >= 9  # every app's errors.py, import_errors, rate_limit…
    not_lazy = [f"{module}.{name}" for module, name, code in codes if not isinstance(code.template, Promise)]
    assert not not_lazy, f"messages fixed at import time, never translated: {not_lazy}"
    untranslated = []
    for module, name, code in codes:
        indonesian = str(code.template)
        with translation.override("en"):
            if str(code.template) == indonesian:
                untranslated.append(f"{module}.{name}: {indonesian}")
    assert not untranslated, "no English for:\n" + "\n".join(untranslated)


def test_lists_and_formats_follow_the_language():
    assert join_labels(["PPID", "Atasan PPID", "Administrator"]) == "PPID, Atasan PPID, dan Administrator"
    assert format_date(date(2026, 3, 5)) == "5 Maret 2026"
    assert format_against_standard(timedelta(hours=5), timedelta(hours=3)) == "5 jam dari 3 jam"
    with translation.override("en"):
        assert join_labels(["a", "b"]) == "a and b"
        assert join_labels(["a", "b", "c"]) == "a, b, and c"
        assert format_date(date(2026, 3, 5)) == "5 March 2026"
        assert format_duration(timedelta(hours=1, minutes=1)) == "1 hour 1 minute"
        assert format_against_standard(timedelta(hours=2, minutes=15), timedelta(hours=3)) == (
            "2 hours 15 minutes of 3 hours"
        )
        assert indonesian_date(date(2026, 3, 5)) == "5 Maret 2026"  # data stays Indonesian


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_datetime_keeps_its_zone_in_both_languages(language):
    from datetime import UTC, datetime

    from warta.core.formats import format_datetime

    with translation.override(language):
        text = format_datetime(datetime(2026, 11, 23, 7, 5, tzinfo=UTC))
    assert text == {"id": "23 November 2026, 14.05 WIB", "en": "23 November 2026, 14:05 WIB"}[language]
