"""Reading a procedure (POS) data file: YAML in, a validated dict out, or an error naming line and field.

Pure: no database. ``warta.pos.services.load_procedure`` stores what this returns.
"""

import hashlib
import json
import re
from datetime import date
from typing import Any

import yaml
from django.utils.translation import gettext as _

from warta.accounts.models import Role
from warta.core.formats import parse_duration

from . import errors

SUPPORTED_FORMAT = 1
TEXT_LISTS = ("organisation", "legal_basis", "related", "equipment", "warnings", "records")
TOP_KEYS = {"format", "code", "name", "created_on", "revised_on", "effective_on", "approved_by", "qualifications",
            "steps", *TEXT_LISTS}
STEP_KEYS = {"number", "activity", "role", "kelengkapan", "inputs", "standard_time", "output", "note",
             "verification", "returns_to"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

Path = tuple[str | int, ...]


class _Located:
    """The parsed document plus the line of every key and item, so errors can point at the file."""

    def __init__(self, text: str):
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            self.lines: dict[Path, int] = {}
            if node is not None:
                self._index(node, ())
            self.data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()

    def _index(self, node: yaml.Node, path: Path) -> None:
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                self._index(value_node, (*path, key_node.value))
                self.lines[(*path, key_node.value)] = key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._index(item, (*path, index))

    def line(self, path: Path) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def _where(located: _Located, path: Path) -> str:
    field = ".".join(str(part) for part in path) or _("(berkas)")
    return _("baris %(line)s, isian “%(field)s”") % {"line": located.line(path), "field": field}


def _fail(located: _Located, path: Path, problem: str):
    raise errors.FILE_INVALID.error(field=".".join(map(str, path)), where=_where(located, path), problem=problem,
                                    line=located.line(path))


def _text(located, data: dict, path: Path, key: str, *, required: bool = True) -> str:
    value = data.get(key)
    if value is None or value == "":
        if required:
            _fail(located, (*path, key), _("wajib diisi."))
        return ""
    if not isinstance(value, str):
        _fail(located, (*path, key), _("harus berupa teks."))
    return value.strip()


def _unknown_keys(located, data: dict, allowed: set[str], path: Path) -> None:
    for key in data:
        if key not in allowed:
            _fail(located, (*path, key), _("isian ini tidak dikenal. Isian yang boleh: %(allowed)s.")
                  % {"allowed": ", ".join(sorted(allowed))})


def _steps(located: _Located, raw: Any) -> list[dict]:
    if not isinstance(raw, list) or not raw:
        _fail(located, ("steps",), _("harus berupa daftar langkah yang tidak kosong."))
    roles = {choice.value for choice in Role}
    steps = []
    for index, item in enumerate(raw):
        path: Path = ("steps", index)
        if not isinstance(item, dict):
            _fail(located, path, _("setiap langkah harus berupa pemetaan (isian: nilai)."))
        _unknown_keys(located, item, STEP_KEYS, path)
        number = item.get("number")
        if number != index + 1:
            _fail(located, (*path, "number"),
                  _("nomor langkah harus %(number)s (berurutan mulai dari 1).") % {"number": index + 1})
        role = _text(located, item, path, "role")
        if role not in roles:
            known = ", ".join(sorted(roles))
            _fail(located, (*path, "role"),
                  _("peran “%(role)s” tidak dikenal. Peran yang ada: %(known)s.") % {"role": role, "known": known})
        try:
            minutes = parse_duration(_text(located, item, path, "standard_time"))
        except ValueError as exc:
            _fail(located, (*path, "standard_time"), str(exc))
        inputs = item.get("inputs") or []
        if not isinstance(inputs, list):
            _fail(located, (*path, "inputs"), _("harus berupa daftar."))
        for input_index, entry in enumerate(inputs):
            input_path = (*path, "inputs", input_index)
            if not isinstance(entry, dict) or set(entry) != {"key", "label"}:
                _fail(located, input_path, _("setiap kelengkapan berisi tepat dua isian: key dan label."))
            if not isinstance(entry["key"], str) or not SLUG.match(entry["key"]):
                _fail(located, (*input_path, "key"), _("kunci kelengkapan ditulis huruf kecil dan tanda hubung."))
        returns_to = item.get("returns_to")
        if returns_to is not None and (not isinstance(returns_to, int) or not 1 <= returns_to < index + 1):
            _fail(located, (*path, "returns_to"), _("harus nomor langkah sebelum langkah ini."))
        verification = item.get("verification", False)
        if not isinstance(verification, bool):
            _fail(located, (*path, "verification"), _("harus true atau false."))
        if verification and returns_to is None:
            _fail(located, (*path, "returns_to"), _("langkah verifikasi harus menyebut langkah tujuan pengembalian."))
        steps.append({
            "number": number,
            "activity": _text(located, item, path, "activity"),
            "role": role,
            "kelengkapan": _text(located, item, path, "kelengkapan"),
            "inputs": [{"key": entry["key"], "label": str(entry["label"]).strip()} for entry in inputs],
            "standard_time": item["standard_time"].strip(),
            "standard_minutes": minutes,
            "output": _text(located, item, path, "output"),
            "note": _text(located, item, path, "note", required=False),
            "verification": verification,
            "returns_to": returns_to,
        })
    return steps


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    return value


def parse_procedure(text: str) -> dict:
    """Validate a procedure file and return its content; raise FILE_INVALID naming the line and field."""
    try:
        located = _Located(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise errors.FILE_INVALID.error(where=_("baris %(line)s") % {"line": line},
                                        problem=_("susunan YAML rusak (%(problem)s).") % {"problem": exc.problem},
                                        field="", line=line) from None
    data = located.data
    if not isinstance(data, dict):
        _fail(located, (), _("berkas harus berisi pemetaan isian POS."))
    _unknown_keys(located, data, TOP_KEYS, ())
    if data.get("format") != SUPPORTED_FORMAT:
        _fail(located, ("format",), _("versi format harus %(version)s.") % {"version": SUPPORTED_FORMAT})
    for key in TEXT_LISTS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            _fail(located, (key,), _("harus berupa daftar teks."))
    qualifications = data.get("qualifications", [])
    if not isinstance(qualifications, list):
        _fail(located, ("qualifications",), _("harus berupa daftar."))
    for index, item in enumerate(qualifications):
        if not isinstance(item, dict) or set(item) != {"code", "text"} or not SLUG.match(str(item.get("code"))):
            _fail(located, ("qualifications", index), _("setiap kualifikasi berisi code (huruf kecil) dan text."))
    for key in ("created_on", "revised_on", "effective_on"):
        if key in data and not isinstance(data[key], date):
            _fail(located, (key,), _("harus tanggal dengan bentuk TTTT-BB-HH."))
    result = {key: _jsonable(value) for key, value in data.items() if key != "steps"}
    result["code"] = _text(located, data, (), "code")
    result["name"] = _text(located, data, (), "name")
    result["steps"] = _steps(located, data.get("steps"))
    return result


def content_hash(parsed: dict) -> str:
    """A fingerprint of what the procedure says, not of its layout: comments and spacing do not make versions."""
    return hashlib.sha256(json.dumps(parsed, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
