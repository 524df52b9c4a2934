"""Upkeep of the database itself: the statistics its query planner chooses indexes by, and which queries it may
plan once for all values."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection


def refresh_planner_statistics() -> bool:
    """SQLite: ``ANALYZE`` the whole database (about 0.2 s at 100,000 entries and 200,000 documents); it never
    gathers statistics by itself, and without them it may read the register through the wrong index once tables
    grow. PostgreSQL: nothing, its autovacuum analyses tables as they change. Says whether anything ran."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return True


def tidy_after_rewrite(table: str) -> None:
    """After every row of ``table`` was replaced (an index rebuild): PostgreSQL ``VACUUM ANALYZE``, because until
    autovacuum comes by, index scans still visit the dead rows (a search's p95 at 100,000 entries: 113 ms right
    after a rebuild, 31 ms after this); SQLite ``ANALYZE``. Runs outside any transaction (VACUUM cannot run in one).
    """
    statement = "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
    with connection.cursor() as cursor:
        cursor.execute(f"{statement} {connection.ops.quote_name(table)}")


@contextmanager
def planned_for_their_values() -> Iterator[None]:
    """PostgreSQL: the queries inside are planned for the values they are sent with, never run from a prepared
    statement's generic plan (``settings``: a query run often on a connection is prepared once and its plan reused).

    For queries whose best plan depends on the values more than on the query's shape: a full-text search for a rare
    word reads a few index entries, for a word in half the register it must read it otherwise. Ranked afresh with
    generic plans, the bench's searches took 71 ms at p95 instead of 19 ms. Elsewhere: nothing to do."""
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    driver = connection.connection
    threshold = driver.prepare_threshold
    driver.prepare_threshold = None  # psycopg: no statement is prepared or run prepared
    try:
        yield
    finally:
        driver.prepare_threshold = threshold
