"""Finding candidates in the full-text index: SQLite FTS5 or PostgreSQL, each in its own dialect.

Both engines score every match before they can rank, so a common word costs a pass over the whole index
(docs/architecture.md, "Search"). We never ask them for that: each query takes a bounded candidate set — the
newest ``CANDIDATES`` matches in the head (title and summary) and, separately, in the whole text (head and
documents' text together) — and ranks only those. Head matches come first, ranked among themselves; then the
other matches. Past the bound the count is shown as "1.000+".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from django.db import connection

from warta.core.database import planned_for_their_values

from .text import Query, matches_as_prefix

CANDIDATES = 1000


@dataclass
class Candidates:
    ids: list[int]  # SearchDocument ids, best first
    capped: bool  # more matches exist than were ranked


def _quoted(term: str) -> str:
    return '"' + term.replace('"', "") + '"'


def fts5_expression(query: Query) -> str:
    """Every term must match as a word prefix (short terms and numbers: the whole word). An exact match is not
    ranked above a longer word ("pajak", "pajaknya"): asking for both doubled the cost of ranking for that small
    gain."""
    return " AND ".join(_quoted(term) + ("*" if matches_as_prefix(term) else "") for term in query.terms)


def tsquery_texts(query: Query) -> tuple[str, str, str]:
    """(stemmed, unstemmed with the last word as a prefix, unstemmed exact) tsquery texts; terms are letters and
    digits only. Only the last word may be unfinished: the stemmer finds the others' other forms, and a prefix in
    GIN reads every posting of every word it covers, which cost half of a new query's time
    (docs/decisions.md, "Search indexes without a pending list")."""
    stemmed = " & ".join(query.terms)
    *complete, last = query.terms
    prefixed = " & ".join([*complete, f"{last}:*" if matches_as_prefix(last) else last])
    return stemmed, prefixed, stemmed


def _sqlite(query: Query, now: datetime, kind: str | None, tier: str, exclude: list[int]) -> list[tuple]:
    columns = "{title summary} : " if tier == "head" else ""
    kind_filter = " AND d.kind = %s" if kind else ""
    sql = (  # only constant fragments are put into the text; user input goes in as parameters
        "SELECT d.id, -bm25(portal_search_fts, 10.0, 4.0, 1.0) FROM portal_search_fts "  # noqa: S608
        "JOIN portal_searchdocument d ON d.id = portal_search_fts.rowid "
        f"WHERE portal_search_fts MATCH %s AND d.published_at <= %s{kind_filter} "
        "AND d.id NOT IN (SELECT value FROM json_each(%s)) ORDER BY portal_search_fts.rowid DESC LIMIT %s"
    )
    params = [f"{columns}({fts5_expression(query)})", connection.ops.adapt_datetimefield_value(now),
              *([kind] if kind else []), json.dumps(exclude), CANDIDATES + 1]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _postgresql(query: Query, now: datetime, kind: str | None, tier: str, exclude: list[int]) -> list[tuple]:
    stemmed, prefixed, exact = tsquery_texts(query)
    kind_filter = " AND kind = %s" if kind else ""
    sql = (  # only constant fragments are put into the text; user input goes in as parameters
        f"SELECT id, ts_rank({tier}_stem, to_tsquery('indonesian', %s)) "  # noqa: S608
        f"+ ts_rank({tier}_simple, to_tsquery('simple', %s)) AS score "
        f"FROM (SELECT id, {tier}_stem, {tier}_simple FROM portal_searchdocument "
        f"WHERE published_at <= %s{kind_filter} AND NOT (id = ANY(%s)) "
        f"AND ({tier}_stem @@ to_tsquery('indonesian', %s) OR {tier}_simple @@ to_tsquery('simple', %s)) "
        "ORDER BY id DESC LIMIT %s) AS candidates"
    )
    params = [stemmed, exact, now, *([kind] if kind else []), exclude, stemmed, prefixed, CANDIDATES + 1]
    with planned_for_their_values(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _ranked(rows: list[tuple]) -> list[int]:
    """The ids of (id, score) rows, best score first."""
    return [row[0] for row in sorted(rows[:CANDIDATES], key=lambda row: -row[1])]


def _tiers(query: Query, now: datetime, kind: str | None, matches) -> Candidates:
    """Head matches first, then the matches elsewhere in the whole text: each tier's newest candidates, ranked.
    When the head alone has more than can be ranked, the rest could never make the list and is not looked for."""
    head = matches(query, now, kind, "head", [])
    if len(head) > CANDIDATES:
        return Candidates(ids=_ranked(head), capped=True)
    head_ids = _ranked(head)
    rest = matches(query, now, kind, "whole", head_ids)
    ids = head_ids + _ranked(rest)
    return Candidates(ids=ids[:CANDIDATES], capped=len(ids) > CANDIDATES or len(rest) > CANDIDATES)


def candidates(query: Query, now: datetime, kind: str | None = None) -> Candidates:
    if not query:
        return Candidates(ids=[], capped=False)
    if connection.vendor == "postgresql":
        return _tiers(query, now, kind, _postgresql)
    if connection.vendor == "sqlite":
        return _tiers(query, now, kind, _sqlite)
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
