"""The public content version: one short token per site that changes whenever what the public can see changes.

ETags, Last-Modified and the cache of rendered public pages are all built on it (``warta.core.http_cache``).

The token is derived from the database, so it survives the loss of the cache and every process agrees on it
even when each keeps its own local-memory cache: apps register *sources* (``register_source``), functions that
read a few counts and latest times of what they publish. The core imports no domain app; the API app registers
the register's, the announcements' and the editions' sources, and a durable change counter bumped by
``public_content_changed`` (``warta.api.public_state``).

Reading the sources costs a handful of aggregate queries, so the token is kept in the cache for
``WARTA_PUBLIC_VERSION_SECONDS`` (a few seconds) and never past the next moment scheduled content becomes due:
a scheduled publication appears on time without anyone publishing anything. ``forget()`` drops the kept token
at once (the receivers of ``public_content_changed`` call it); other processes with their own local cache see
the change within those few seconds. ``remember`` keeps values derived from public content (counts, filter
choices) under the token, so they change exactly when the pages showing them do.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import transaction
from django.utils import timezone

CACHE_KEY = "warta:public-version"
REMEMBER_SECONDS = 600  # values under an old token are unreachable at once; this only bounds the memory they hold
T = TypeVar("T")
_MISSING = object()
EPOCH_START = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class SourceState:
    """What one source reports: values that change with its public content, its latest change, and the next
    moment its public content changes by itself (a scheduled publication falling due), if any."""

    parts: tuple
    latest: datetime | None = None
    next_change: datetime | None = None


@dataclass(frozen=True)
class PublicVersion:
    token: str
    modified: datetime  # aware, whole seconds (what an HTTP date can carry)

    @property
    def timestamp(self) -> int:
        return int(self.modified.timestamp())


_sources: dict[str, Callable[[datetime], SourceState]] = {}
# Bumped when settings change (only ever in tests, where each test rolls its database back): a token computed
# for one test's data must never name another test's cached pages.
_epoch = 0


def register_source(name: str, source: Callable[[datetime], SourceState]) -> None:
    """Add (or replace) a source; ``source(now)`` reads the database and returns its ``SourceState``."""
    _sources[name] = source
    cache.delete(CACHE_KEY)  # no transaction here: sources are registered while apps load, before any connection


def current() -> PublicVersion:
    kept = cache.get(CACHE_KEY)
    if kept is not None and kept[0] == _epoch:
        return kept[1]
    now = timezone.now()
    version, next_change = compute(now)
    seconds = settings.WARTA_PUBLIC_VERSION_SECONDS
    if next_change is not None:
        seconds = min(seconds, max(1, math.ceil((next_change - now).total_seconds())))
    if seconds > 0:
        cache.set(CACHE_KEY, (_epoch, version), seconds)
    return version


def compute(now: datetime) -> tuple[PublicVersion, datetime | None]:
    """Read every source: the version now, and when it will change by itself next."""
    states = {name: source(now) for name, source in sorted(_sources.items())}
    digest = hashlib.sha256(f"{epoch_label()}|{sorted((n, s.parts) for n, s in states.items())!r}".encode())
    latest = max((s.latest for s in states.values() if s.latest), default=EPOCH_START)
    upcoming = [s.next_change for s in states.values() if s.next_change and s.next_change > now]
    modified = min(latest, now).astimezone(UTC).replace(microsecond=0)
    return PublicVersion(token=digest.hexdigest()[:20], modified=modified), min(upcoming, default=None)


def remember(name: str, compute: Callable[[], T], timeout: int = REMEMBER_SECONDS) -> T:
    """A value computed once per content version (a count, a list of filter choices): kept in the cache under
    the current token, so it is never older than the content it describes and every process agrees on it."""
    digest = hashlib.sha256(f"{current().token}|{name}".encode()).hexdigest()[:32]
    key = f"warta:versioned:{digest}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout)
    return value


def forget() -> None:
    """Drop the kept token now and again when the current transaction commits (a request that read the old
    state in between must not keep it)."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def epoch_label() -> str:
    return "0" if _epoch == 0 else f"{os.getpid()}.{_epoch}"


def new_epoch(**kwargs) -> None:
    """Receiver of ``setting_changed``: settings change only in tests; start afresh."""
    global _epoch
    _epoch += 1


setting_changed.connect(new_epoch, dispatch_uid="warta.core.public_version.new_epoch")
