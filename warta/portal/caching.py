"""Small cached reads for the public pages (counts, filter choices), dropped whenever public content changes.

A version number in the cache is part of every key; a change bumps it. Entries scheduled for later become
public without any event, so every value also expires after ``TIMEOUT`` seconds.
"""

from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "portal:version"
TIMEOUT = 60


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


def _incr() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def bump() -> None:
    """Now (this process sees the change at once) and again after commit (so a page computed by another
    process between the two, from the not-yet-committed state, is not kept)."""
    _incr()
    connection = transaction.get_connection()
    pending = getattr(connection, "run_on_commit", [])
    if not any(len(item) > 1 and item[1] is _incr for item in pending):  # once per transaction, not per row
        transaction.on_commit(_incr)


def cached(name: str, compute: Callable[[], Any], timeout: int = TIMEOUT) -> Any:
    key = f"portal:{_version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value
