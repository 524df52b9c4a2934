"""The English catalogues of every app (warta/*/locale): complete, compiled, and saying one thing per source text.

Django merges the catalogues of all apps, the first app in INSTALLED_APPS winning when two give the same source
text, so a text translated two ways would show one of them everywhere, depending on the order of the apps.
"""

import ast
import gettext
import re
from collections import defaultdict
from pathlib import Path

import pytest

WARTA = Path(__file__).resolve().parents[1] / "warta"
CATALOGUES = sorted(WARTA.glob("*/locale/*/LC_MESSAGES/django.po"))
_FIELD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$')


def _entries(path: Path) -> list[dict]:
    """Each entry of a .po file: its flags and fields (strings joined), the header included."""
    entries, entry, field = [], None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry and "msgid" in entry:
                entries.append(entry)
            entry, field = None, None
            continue
        entry = entry if entry is not None else {"flags": set()}
        if line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif match := _FIELD.match(line):
            field = match.group(1)
            entry[field] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and field:
            entry[field] += ast.literal_eval(line)
    return entries


def _name(entry: dict) -> str:
    context = f"[{entry['msgctxt']}] " if "msgctxt" in entry else ""
    return context + entry["msgid"]


def _translations(entry: dict) -> list[str]:
    return [value for key, value in sorted(entry.items()) if key.startswith("msgstr")]


def test_every_app_with_texts_has_an_english_catalogue():
    apps = {path.parts[-5] for path in CATALOGUES if path.parts[-3] == "en"}
    assert {
        "accounts",
        "announcements",
        "api",
        "core",
        "documents",
        "portal",
        "pos",
        "records",
        "registry",
        "upkeep",
    } <= apps


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(WARTA)))
def test_no_entry_is_untranslated_or_fuzzy(path):
    entries = _entries(path)
    assert entries and entries[0]["msgid"] == "", "the catalogue has no header"
    header, texts = entries[0], entries[1:]
    assert "fuzzy" not in header["flags"], f"{path}: the header is marked fuzzy"
    fuzzy = [_name(entry) for entry in texts if "fuzzy" in entry["flags"]]
    empty = [_name(entry) for entry in texts if not all(_translations(entry))]
    assert not (fuzzy or empty), f"{path}:\nfuzzy: {fuzzy}\nuntranslated: {empty}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(WARTA)))
def test_the_compiled_catalogue_says_what_its_source_says(path):
    compiled = path.with_suffix(".mo")
    assert compiled.is_file(), f"{compiled} is missing: run compilemessages in warta/{path.parts[-5]}"
    with compiled.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog
    expected = {}
    for entry in _entries(path)[1:]:
        key = f"{entry['msgctxt']}\x04{entry['msgid']}" if "msgctxt" in entry else entry["msgid"]
        if "msgid_plural" in entry:
            expected |= {(key, int(name[7:-1])): text for name, text in entry.items() if name.startswith("msgstr[")}
        else:
            expected[key] = entry["msgstr"]
    stale = sorted(
        str(key) for key in (expected.keys() | catalogue.keys()) - {""} if expected.get(key) != catalogue.get(key)
    )
    assert not stale, f"{compiled} differs from {path.name}: run compilemessages. Differing:\n" + "\n".join(stale)


def test_a_source_text_has_one_translation_in_every_catalogue():
    seen: dict[tuple[str, str], dict[tuple[str, ...], list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in CATALOGUES:
        language, app = path.parts[-3], path.parts[-5]
        for entry in _entries(path)[1:]:
            seen[(language, _name(entry))][tuple(_translations(entry))].append(app)
    clashes = [
        f"{name!r} ({language}): "
        + "; ".join(f"{' / '.join(text)!r} in {', '.join(apps)}" for text, apps in versions.items())
        for (language, name), versions in seen.items()
        if len(versions) > 1
    ]
    assert not clashes, "translated differently in different apps:\n" + "\n".join(clashes)
