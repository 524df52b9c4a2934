"""PostgreSQL: the search indexes take each write at once instead of queuing it in a pending list.

GIN's ``fastupdate`` (on by default) queues new entries in an unsorted list that every search reads through from
start to end until autovacuum merges it, up to 4 MB of it. At 100,000 entries that list made a new query's
candidates cost 7.6 ms instead of 0.1 ms (body) and 4.4 ms instead of 2.5 ms (head). The public searches far more
often than staff publish, so each write pays instead (docs/decisions.md, "Search indexes without a pending list").
"""

from django.db import migrations

INDEXES = ("portal_search_head_stem", "portal_search_head_simple", "portal_search_body_stem",
           "portal_search_body_simple")


def _set_fastupdate(enabled: bool):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for index in INDEXES:
            schema_editor.execute(f"ALTER INDEX {index} SET (fastupdate = {'on' if enabled else 'off'})")
            if not enabled:  # what is already queued stays queued until merged
                schema_editor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])

    return run


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_fulltext")]

    operations = [migrations.RunPython(_set_fastupdate(False), _set_fastupdate(True))]
