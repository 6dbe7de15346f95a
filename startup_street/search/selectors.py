"""Reading the search index: ranked program ids for a query, BM25 on SQLite (FTS5) and
ts_rank_cd on PostgreSQL, over terms made by the same analysers as the documents."""

from django.db import connection

from .analysers import fts_query_terms
from .services import PROGRAM

LIMIT = 500


def _sqlite(terms: list[str], limit: int) -> list[tuple[int, float]]:
    match = " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)
    sql = (
        "SELECT e.object_id, bm25(search_fts) AS score FROM search_fts "
        "JOIN search_searchentry e ON e.id = search_fts.rowid "
        "WHERE search_fts MATCH %s AND e.kind = %s ORDER BY score LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, PROGRAM, limit])
        return [(row[0], -row[1]) for row in cursor.fetchall()]


def _postgres(terms: list[str], limit: int) -> list[tuple[int, float]]:
    # A several-word term (a phrase from the term dictionary) becomes words that follow each other.
    query = " | ".join(
        "(" + " <-> ".join("'" + word.replace("'", "''") + "'" for word in term.split()) + ")"
        for term in terms
    )
    sql = (
        "SELECT object_id, ts_rank_cd(tsv, q, 1) AS score "
        "FROM search_searchentry, to_tsquery('simple', %s) q "
        "WHERE kind = %s AND tsv @@ q ORDER BY score DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [query, PROGRAM, limit])
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def ranked_program_ids(query: str, limit: int = LIMIT) -> list[int]:
    """Program ids best first; an empty or unusable query gives an empty list, never an error.

    Two rankings are fused (reciprocal rank, k=60): the query's own terms, weighted double, and
    the query with its cross-lingual concept terms, so that a concept named in another language
    is found without drowning what the founder actually typed.
    """
    terms = fts_query_terms(query)
    if not terms:
        return []
    expanded = fts_query_terms(query, expand=True)
    search = _postgres if connection.vendor == "postgresql" else _sqlite
    fused: dict[int, float] = {}
    for weight, ranking in ((2.0, search(terms, limit)), (1.0, search(expanded, limit))):
        for rank, (object_id, _score) in enumerate(ranking):
            fused[object_id] = fused.get(object_id, 0.0) + weight / (60 + rank)
    return sorted(fused, key=fused.get, reverse=True)[:limit]


def search_programs(qs, query: str):
    """``qs`` (already filtered for visibility and facets) restricted to the query's matches,
    as a list in rank order."""
    ids = ranked_program_ids(query)
    by_id = qs.in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]
