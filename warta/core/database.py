"""Upkeep of the database itself: the statistics its query planner chooses indexes by."""

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
