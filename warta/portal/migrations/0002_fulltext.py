"""The full-text index beside portal_searchdocument, in each database's own dialect.

SQLite: an FTS5 table over the row's title, summary and body (external content, so the text is stored once),
kept in step by triggers. PostgreSQL: four generated tsvector columns — Indonesian-stemmed and unstemmed
('simple', for exact and prefix matches) over the head (title + summary) and the body — each with a GIN index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE portal_search_fts USING fts5(title, summary, body, content='portal_searchdocument', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER portal_search_ai AFTER INSERT ON portal_searchdocument BEGIN "
    "INSERT INTO portal_search_fts(rowid, title, summary, body) VALUES (new.id, new.title, new.summary, new.body); "
    "END",
    "CREATE TRIGGER portal_search_ad AFTER DELETE ON portal_searchdocument BEGIN "
    "INSERT INTO portal_search_fts(portal_search_fts, rowid, title, summary, body) "
    "VALUES ('delete', old.id, old.title, old.summary, old.body); END",
    "CREATE TRIGGER portal_search_au AFTER UPDATE ON portal_searchdocument BEGIN "
    "INSERT INTO portal_search_fts(portal_search_fts, rowid, title, summary, body) "
    "VALUES ('delete', old.id, old.title, old.summary, old.body); "
    "INSERT INTO portal_search_fts(rowid, title, summary, body) VALUES (new.id, new.title, new.summary, new.body); "
    "END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS portal_search_au",
    "DROP TRIGGER IF EXISTS portal_search_ad",
    "DROP TRIGGER IF EXISTS portal_search_ai",
    "DROP TABLE IF EXISTS portal_search_fts",
]

# PostgreSQL's parser reads "Penyimpanan/Retensi" as one file-path token, so neither word would be found:
# slashes become spaces for the index only (the stored text keeps them).
_TEXT = "translate({column}, '/\\', '  ')"
_HEAD = (f"setweight(to_tsvector('{{config}}', {_TEXT.format(column='title')}), 'A') || "
         f"setweight(to_tsvector('{{config}}', {_TEXT.format(column='summary')}), 'B')")
_BODY = f"to_tsvector('{{config}}', {_TEXT.format(column='body')})"
POSTGRES_FORWARD = [
    "ALTER TABLE portal_searchdocument "
    f"ADD COLUMN head_stem tsvector GENERATED ALWAYS AS ({_HEAD.format(config='indonesian')}) STORED, "
    f"ADD COLUMN head_simple tsvector GENERATED ALWAYS AS ({_HEAD.format(config='simple')}) STORED, "
    f"ADD COLUMN body_stem tsvector GENERATED ALWAYS AS ({_BODY.format(config='indonesian')}) STORED, "
    f"ADD COLUMN body_simple tsvector GENERATED ALWAYS AS ({_BODY.format(config='simple')}) STORED",
    *[f"CREATE INDEX portal_search_{column} ON portal_searchdocument USING gin ({column})"
      for column in ("head_stem", "head_simple", "body_stem", "body_simple")],
]
POSTGRES_BACKWARD = [
    "ALTER TABLE portal_searchdocument DROP COLUMN head_stem, DROP COLUMN head_simple, "
    "DROP COLUMN body_stem, DROP COLUMN body_simple",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
