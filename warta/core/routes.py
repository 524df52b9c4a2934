"""Paths of named routes that take no argument or one id, reversed once per process.

A list page links each of its rows (25 entries, a page of API results with several links each); Django's
``reverse`` costs about 10 µs a call, so each route is reversed once with a stand-in id and then filled in by
string replacement.
"""

from __future__ import annotations

from functools import cache

from django.core.signals import setting_changed
from django.urls import NoReverseMatch, get_script_prefix, reverse

STAND_IN = 987654321


@cache
def _template(name: str, with_id: bool, script_prefix: str) -> str | None:
    try:
        return reverse(name, args=[STAND_IN] if with_id else [])
    except NoReverseMatch:
        return None


def path(name: str, *args) -> str | None:
    """The path of route ``name`` with no argument or one integer id; None when there is no such route."""
    template = _template(name, bool(args), get_script_prefix())
    if template is None:
        return None
    return template.replace(str(STAND_IN), str(int(args[0]))) if args else template


def _forget(setting, **kwargs) -> None:
    if setting == "ROOT_URLCONF":
        _template.cache_clear()


setting_changed.connect(_forget, dispatch_uid="warta.core.routes.forget")
