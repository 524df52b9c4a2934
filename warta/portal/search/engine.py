"""Finding candidates in the full-text index: SQLite FTS5 or PostgreSQL, each in its own dialect.

Both engines score every match before they can rank, so a common word costs a pass over the whole index
(docs/architecture.md, "Search"). We never ask them for that: each query takes a bounded candidate set — the
newest ``CANDIDATES`` matches in the head (title and summary) and, separately, in the body (documents' text) —
and ranks only those. Head matches come first, ranked among themselves; then body-only matches. Past the
bound the count is shown as "1.000+".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import connection

from .text import PREFIX_MIN, Query

CANDIDATES = 1000


@dataclass
class Candidates:
    ids: list[int]  # SearchDocument ids, best first
    capped: bool  # more matches exist than were ranked


def _quoted(term: str) -> str:
    return '"' + term.replace('"', "") + '"'


def fts5_expression(query: Query) -> str:
    """Every term must match as a word prefix (short terms: the whole word). An exact match is not ranked above a
    longer word ("pajak", "pajaknya"): asking for both doubled the cost of ranking for that small gain."""
    return " AND ".join(_quoted(term) + ("*" if len(term) >= PREFIX_MIN else "") for term in query.terms)


def tsquery_texts(query: Query) -> tuple[str, str, str]:
    """(stemmed, unstemmed with the last word as a prefix, unstemmed exact) tsquery texts; terms are letters and
    digits only. Only the last word may be unfinished: the stemmer finds the others' other forms, and a prefix in
    GIN reads every posting of every word it covers, which cost half of a new query's time
    (docs/decisions.md, "Search indexes without a pending list")."""
    stemmed = " & ".join(query.terms)
    *complete, last = query.terms
    prefixed = " & ".join([*complete, f"{last}:*" if len(last) >= PREFIX_MIN else last])
    return stemmed, prefixed, stemmed


def _sqlite(query: Query, now: datetime, kind: str | None) -> Candidates:
    expression = fts5_expression(query)
    when = connection.ops.adapt_datetimefield_value(now)
    kind_filter = " AND d.kind = %s" if kind else ""
    tiers, capped = [], False
    for columns in ("{title summary} : ", ""):
        sql = (  # only constant fragments are put into the text; user input goes in as parameters
            "SELECT d.id, bm25(portal_search_fts, 10.0, 4.0, 1.0) FROM portal_search_fts "  # noqa: S608
            "JOIN portal_searchdocument d ON d.id = portal_search_fts.rowid "
            f"WHERE portal_search_fts MATCH %s AND d.published_at <= %s{kind_filter} "
            "ORDER BY portal_search_fts.rowid DESC LIMIT %s"
        )
        params = [f"{columns}({expression})", when, *([kind] if kind else []), CANDIDATES + 1]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        capped = capped or len(rows) > CANDIDATES
        tiers.append(sorted(rows[:CANDIDATES], key=lambda row: row[1]))  # bm25: lower is better
    return _merge(tiers, capped)


def _postgresql(query: Query, now: datetime, kind: str | None) -> Candidates:
    stemmed, prefixed, exact = tsquery_texts(query)
    kind_filter = " AND kind = %s" if kind else ""
    tiers, capped = [], False
    for part in ("head", "body"):
        sql = (  # only constant fragments are put into the text; user input goes in as parameters
            f"SELECT id, ts_rank({part}_stem, to_tsquery('indonesian', %s)) "  # noqa: S608
            f"+ ts_rank({part}_simple, to_tsquery('simple', %s)) AS score "
            f"FROM (SELECT id, {part}_stem, {part}_simple FROM portal_searchdocument "
            f"WHERE published_at <= %s{kind_filter} AND ({part}_stem @@ to_tsquery('indonesian', %s) "
            f"OR {part}_simple @@ to_tsquery('simple', %s)) ORDER BY id DESC LIMIT %s) AS candidates"
        )
        params = [stemmed, exact, now, *([kind] if kind else []), stemmed, prefixed, CANDIDATES + 1]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        capped = capped or len(rows) > CANDIDATES
        tiers.append(sorted(rows[:CANDIDATES], key=lambda row: -row[1]))
    return _merge(tiers, capped)


def _merge(tiers: list[list[tuple]], capped: bool) -> Candidates:
    ids, seen = [], set()
    for tier in tiers:
        for row in tier:
            if row[0] not in seen:
                seen.add(row[0])
                ids.append(row[0])
    return Candidates(ids=ids[: CANDIDATES], capped=capped or len(ids) > CANDIDATES)


def candidates(query: Query, now: datetime, kind: str | None = None) -> Candidates:
    if not query:
        return Candidates(ids=[], capped=False)
    if connection.vendor == "postgresql":
        return _postgresql(query, now, kind)
    if connection.vendor == "sqlite":
        return _sqlite(query, now, kind)
    raise NotImplementedError(f"search does not support the {connection.vendor} database")


def index_mark() -> int | None:
    """Changes whenever rows are written to the index (ids are never reused). Rows are only ever deleted alone when
    content stops being public, which changes the public content version instead."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT MAX(id) FROM portal_searchdocument")
        return cursor.fetchone()[0]


def stems(query: Query) -> tuple[str, ...]:
    """The Indonesian stems PostgreSQL matched on, to highlight them ("keuangan" → "uang"). SQLite: none."""
    if connection.vendor != "postgresql" or not query:
        return ()
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT unnest(ts_lexize('indonesian_stem', term)) FROM unnest(%s::text[]) AS term",
                       [list(query.terms)])
        return tuple(sorted(row[0] for row in cursor.fetchall() if row[0]))
