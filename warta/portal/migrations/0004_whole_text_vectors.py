"""PostgreSQL: the second tier of the search covers the whole text (title, summary and documents' text), not the
documents' text alone, so a query may find its words split between the register's fields and a document
("Permendagri pegawai": the legal basis and the report), as SQLite's FTS5 always did.

The generated columns ``body_stem``/``body_simple`` give way to ``whole_stem``/``whole_simple``, weighted as the
head is (title A, summary B; the documents' text keeps the default D), and indexed without a pending list (0003).
"""

import importlib

from django.db import migrations

fulltext = importlib.import_module("warta.portal.migrations.0002_fulltext")
_WHOLE = f"{fulltext._HEAD} || {fulltext._BODY}"


def _columns(prefix: str, expression: str) -> list[str]:
    return [
        "ALTER TABLE portal_searchdocument "
        f"ADD COLUMN {prefix}_stem tsvector GENERATED ALWAYS AS ({expression.format(config='indonesian')}) STORED, "
        f"ADD COLUMN {prefix}_simple tsvector GENERATED ALWAYS AS ({expression.format(config='simple')}) STORED",
        *[f"CREATE INDEX portal_search_{prefix}_{kind} ON portal_searchdocument USING gin ({prefix}_{kind}) "
          "WITH (fastupdate = off)" for kind in ("stem", "simple")],
    ]


FORWARD = ["ALTER TABLE portal_searchdocument DROP COLUMN body_stem, DROP COLUMN body_simple",
           *_columns("whole", _WHOLE)]
BACKWARD = ["ALTER TABLE portal_searchdocument DROP COLUMN whole_stem, DROP COLUMN whole_simple",
            *_columns("body", fulltext._BODY)]


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_gin_without_pending_list")]

    operations = [
        migrations.RunPython(fulltext._run({"postgresql": FORWARD}), fulltext._run({"postgresql": BACKWARD})),
    ]
