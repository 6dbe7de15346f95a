"""Reading the search index: ranked program ids for a query, BM25 on SQLite (FTS5) and
ts_rank_cd on PostgreSQL, over terms made by the same analysers as the documents."""

import threading
from collections.abc import Sequence

import numpy as np
from django.conf import settings
from django.db import connection
from django.db.models import Count, Max

from .analysers import fts_query_terms
from .models import SearchEntry
from .services import PROGRAM, embedder

_matrix_cache: dict = {}
_matrix_lock = threading.Lock()

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


def _matrix(model_name: str) -> tuple[np.ndarray, np.ndarray]:
    """(ids, vectors) of every program embedded by ``model_name``; rebuilt only when the
    entries change (their count or latest update), so a query costs one small SQL query."""
    entries = SearchEntry.objects.filter(kind=PROGRAM, embedder=model_name)
    stamp = (model_name, *entries.aggregate(n=Count("pk"), last=Max("updated_at")).values())
    with _matrix_lock:
        if _matrix_cache.get("stamp") != stamp:
            rows = list(entries.values_list("object_id", "embedding"))
            ids = np.array([pk for pk, _v in rows], dtype=np.int64)
            vectors = (
                np.vstack([np.frombuffer(bytes(v), dtype=np.float32) for _pk, v in rows])
                if rows
                else np.zeros((0, 1), dtype=np.float32)
            )
            _matrix_cache.update(stamp=stamp, ids=ids, vectors=vectors)
        return _matrix_cache["ids"], _matrix_cache["vectors"]


def _semantic(query: str, limit: int) -> list[tuple[int, float]]:
    """Nearest programs by meaning, in any language, above a similarity floor."""
    model = embedder()
    ids, vectors = _matrix(model.name)
    if not len(ids):
        return []
    scores = vectors @ model.encode([query], is_query=True)[0]
    top = np.argsort(-scores)[:limit]
    floor = settings.SEARCH_SEMANTIC_MIN_SIMILARITY
    return [(int(ids[k]), float(scores[k])) for k in top if scores[k] >= floor]


CHANNELS = ("lexical", "semantic")


def ranked_program_ids(
    query: str, limit: int = LIMIT, channels: Sequence[str] = CHANNELS
) -> list[int]:
    """Program ids best first; an empty or unusable query gives an empty list, never an error.

    Two lexical rankings are fused (reciprocal rank, k=60): the query's own terms, weighted double,
    and the query with its cross-lingual concept terms, so that a concept named in another language
    is found without drowning what the founder actually typed. The semantic ranking comes from
    multilingual sentence embeddings: a Korean query finds a Chinese-only program by meaning.
    ``channels`` picks which rankings take part (the relevance benchmark compares them).
    """
    terms = fts_query_terms(query)
    if not terms:
        return []
    rankings = []
    if "lexical" in channels:
        search = _postgres if connection.vendor == "postgresql" else _sqlite
        rankings += [
            (2.0, search(terms, limit)),
            (1.0, search(fts_query_terms(query, expand=True), limit)),
        ]
    if "semantic" in channels:
        rankings.append((1.5, _semantic(query[:1000], limit)))
    fused: dict[int, float] = {}
    for weight, ranking in rankings:
        for rank, (object_id, _score) in enumerate(ranking):
            fused[object_id] = fused.get(object_id, 0.0) + weight / (60 + rank)
    return sorted(fused, key=fused.get, reverse=True)[:limit]


class RankedResults(Sequence):
    """Search hits in rank order, fetched a page at a time: the visibility and facet filters
    of ``qs`` are applied to the ids only, and full rows are loaded just for the slice asked."""

    def __init__(self, qs, ids: list[int]):
        allowed = set(qs.filter(pk__in=ids).values_list("pk", flat=True))
        self.qs = qs
        self.ids = [pk for pk in ids if pk in allowed]

    def __len__(self) -> int:
        return len(self.ids)

    def count(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        wanted = self.ids[index]
        rows = self.qs.in_bulk(wanted) if wanted else {}
        return [rows[pk] for pk in wanted if pk in rows]


def search_programs(qs, query: str) -> RankedResults:
    """``qs`` (already filtered for visibility and facets) restricted to the query's matches,
    best first."""
    return RankedResults(qs, ranked_program_ids(query))
