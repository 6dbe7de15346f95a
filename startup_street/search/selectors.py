"""Reading the search index: ranked program ids for a query, BM25 on SQLite (FTS5) and
ts_rank_cd on PostgreSQL, over terms made by the same analysers as the documents."""

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db import connection

from .analysers import english_words, expansion_terms, fts_query_terms, spelling_variants
from .models import IndexGeneration, SearchEntry, SearchTerm
from .services import PROGRAM, embedder
from .vectors import VectorIndex

_vector_cache: dict[str, "_Vectors"] = {}
_vector_lock = threading.Lock()

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


def generation(kind: str = PROGRAM) -> int:
    return (
        IndexGeneration.objects.filter(kind=kind).values_list("generation", flat=True).first() or 0
    )


class _Vectors:
    """One process's copy of the embeddings of one model: ids sorted, rows aligned."""

    def __init__(self, model_name: str, stamp: int, ids, vectors, newest):
        self.model_name, self.stamp, self.newest = model_name, stamp, newest
        self.index = VectorIndex(ids, vectors)


def _vectors(model_name: str) -> VectorIndex:
    """The embeddings of every program, reread only when the index generation moves, and then
    only the rows written since the last read (plus the list of ids, to drop deleted ones)."""
    stamp = generation(PROGRAM)
    cached = _vector_cache.get(model_name)
    if cached is not None and cached.stamp == stamp:
        return cached.index
    with _vector_lock:
        cached = _vector_cache.get(model_name)
        if cached is None or cached.stamp != stamp:
            cached = _vector_cache[model_name] = _reload(model_name, stamp, cached)
        return cached.index


def _rows(entries) -> tuple[list[int], list[bytes], object]:
    ids, blobs, newest = [], [], None
    for object_id, blob, updated in entries.values_list("object_id", "embedding", "updated_at"):
        ids.append(object_id)
        blobs.append(bytes(blob))
        newest = updated if newest is None or updated > newest else newest
    return ids, blobs, newest


def _reload(model_name: str, stamp: int, previous: _Vectors | None) -> _Vectors:
    entries = SearchEntry.objects.filter(
        kind=PROGRAM, embedder=model_name, embedding__isnull=False
    ).order_by()
    if previous is None or previous.newest is None:
        ids, blobs, newest = _rows(entries)
        order = np.argsort(np.array(ids, dtype=np.int64), kind="stable")
        vectors = _stack(blobs)
        return _Vectors(
            model_name, stamp, np.array(ids, dtype=np.int64)[order], vectors[order], newest
        )
    current = np.sort(np.fromiter(entries.values_list("object_id", flat=True), dtype=np.int64))
    old = previous.index
    dim = old.vectors.shape[1]
    vectors = np.zeros((len(current), dim), dtype=np.float32)
    pos = np.searchsorted(old.ids, current)
    kept = pos < len(old.ids)
    kept[kept] = old.ids[pos[kept]] == current[kept]
    vectors[kept] = old.vectors[pos[kept]]
    changed_ids, blobs, newest = _rows(entries.filter(updated_at__gte=previous.newest))
    missing = current[~kept]
    if len(missing):  # new rows written at the same instant as the last read: fetch them too
        more = _rows(entries.filter(object_id__in=missing.tolist()))
        changed_ids, blobs = changed_ids + more[0], blobs + more[1]
    if changed_ids:
        vectors[np.searchsorted(current, changed_ids)] = _stack(blobs, dim)
    return _Vectors(
        model_name, stamp, current, vectors, max(filter(None, [newest, previous.newest]))
    )


def _stack(blobs: list[bytes], dim: int = 1) -> np.ndarray:
    if not blobs:
        return np.zeros((0, dim), dtype=np.float32)
    return np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), -1)


def _semantic(query: str, limit: int) -> list[tuple[int, float]]:
    """Nearest programs by meaning, in any language, above a similarity floor."""
    model = embedder()
    index = _vectors(model.name)
    if not len(index):
        return []
    ids, scores = index.nearest(model.encode([query], is_query=True)[0], limit)
    floor = settings.SEARCH_SEMANTIC_MIN_SIMILARITY
    return [(int(i), float(x)) for i, x in zip(ids, scores, strict=True) if x >= floor]


CHANNELS = ("lexical", "semantic")


@dataclass
class Ranking:
    """What a query found: program ids best first, and the misspelt words it read otherwise."""

    ids: list[int] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)


def term_documents(terms: Iterable[str]) -> dict[str, int]:
    """How many programs hold each of ``terms`` (absent: none)."""
    return dict(
        SearchTerm.objects.filter(kind=PROGRAM, term__in=set(terms)).values_list(
            "term", "documents"
        )
    )


def corrections_for(query: str, known: dict[str, int]) -> dict[str, str]:
    """English words of the query that no program holds -> the nearest index term that some
    do (one edit, or two deletes; the most common first): "acelerator" finds accelerators."""
    variants = {
        term: found
        for term, word in english_words(query).items()
        if term not in known and (found := spelling_variants(word))
    }
    if not variants:
        return {}
    vocabulary = term_documents(set().union(*variants.values()))
    out = {}
    for term, found in variants.items():
        held = [(distance, -vocabulary[v], v) for v, distance in found.items() if v in vocabulary]
        if held:
            out[term] = min(held)[2]
    return out


def rank_programs(query: str, limit: int = LIMIT, channels: Sequence[str] = CHANNELS) -> Ranking:
    """Programs for a query, best first; an empty or unusable query finds nothing, never fails.

    Two lexical rankings are fused (reciprocal rank, k=60): the query's own terms, weighted double,
    and the query with its cross-lingual concept terms, so that a concept named in another language
    is found without drowning what the founder actually typed. The semantic ranking comes from
    multilingual sentence embeddings: a Korean query finds a Chinese-only program by meaning.
    English words that no program holds are read as the nearest word that some do.
    ``channels`` picks which rankings take part (the relevance benchmark compares them).
    """
    terms = fts_query_terms(query)
    if not terms:
        return Ranking()
    known = term_documents(terms)
    corrections = corrections_for(query, known)
    rankings = []
    if "lexical" in channels:
        search = _postgres if connection.vendor == "postgresql" else _sqlite
        own = [corrections.get(term, term) for term in terms]
        rankings += [
            (2.0, search(own, limit)),
            (1.0, search(list(dict.fromkeys(own + expansion_terms(own))), limit)),
        ]
    if "semantic" in channels:
        rankings.append((1.5, _semantic(query[:1000], limit)))
    fused: dict[int, float] = {}
    for weight, ranking in rankings:
        for rank, (object_id, _score) in enumerate(ranking):
            fused[object_id] = fused.get(object_id, 0.0) + weight / (60 + rank)
    return Ranking(sorted(fused, key=fused.get, reverse=True)[:limit], corrections)


def ranked_program_ids(
    query: str, limit: int = LIMIT, channels: Sequence[str] = CHANNELS
) -> list[int]:
    """Program ids best first (see ``rank_programs``)."""
    return rank_programs(query, limit, channels).ids


class RankedResults(Sequence):
    """Search hits in rank order, fetched a page at a time: the visibility and facet filters
    of ``qs`` are applied to the ids only, and full rows are loaded just for the slice asked."""

    def __init__(self, qs, ids: list[int], corrections: dict[str, str] | None = None):
        allowed = set(qs.filter(pk__in=ids).values_list("pk", flat=True))
        self.qs = qs
        self.ids = [pk for pk in ids if pk in allowed]
        self.corrections = corrections or {}

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
    ranking = rank_programs(query)
    return RankedResults(qs, ranking.ids, ranking.corrections)
