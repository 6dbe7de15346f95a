"""Reading the search index: ranked program ids for a query.

Lexical rankings come from the database's full-text index (BM25 in FTS5 on SQLite, ts_rank_cd
on PostgreSQL) while the catalogue is small, and from BM25 over the stored postings held in
memory (``memory.py``, ``lexical.py``) once it has ``SEARCH_MEMORY_INDEX_FROM`` entries, where
ranking every match in the database would cost a query hundreds of milliseconds. The semantic
ranking compares the query's embedding with the stored ones (``vectors.py``).
"""

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db import connection

from startup_street.core.i18n import normalise_language
from startup_street.organizations.selectors import organizations_staffed_by
from startup_street.text.analysers import (
    concept_forms,
    detect_language,
    english_words,
    expansion_terms,
    fts_query_terms,
    spelling_variants,
)

from .hints import Hints, hints_for
from .kinds import KINDS
from .memory import View, view
from .services import MENTOR, PROGRAM, STARTUP, embedder

LIMIT = 200  # programs a query ranks (ten pages of results)


def _sqlite(terms: list[str], limit: int, kind: str = PROGRAM) -> list[tuple[int, float]]:
    match = " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)
    sql = (
        "SELECT e.object_id, bm25(search_fts) AS score FROM search_fts "
        "JOIN search_searchentry e ON e.id = search_fts.rowid "
        "WHERE search_fts MATCH %s AND e.kind = %s ORDER BY score LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, kind, limit])
        return [(row[0], -row[1]) for row in cursor.fetchall()]


def _postgres(terms: list[str], limit: int, kind: str = PROGRAM) -> list[tuple[int, float]]:
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
        cursor.execute(sql, [query, kind, limit])
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def _semantic(query: str, limit: int, current: View | None = None) -> list[tuple[int, float]]:
    """Nearest programs by meaning, in any language, above a similarity floor."""
    model = embedder()
    index = (current or view(model.name)).vectors
    if not len(index):
        return []
    ids, scores = index.nearest(model.encode([query], is_query=True)[0], limit)
    floor = settings.SEARCH_SEMANTIC_MIN_SIMILARITY
    return [(int(i), float(x)) for i, x in zip(ids, scores, strict=True) if x >= floor]


def _memory(terms: list[str], stats: dict[str, tuple[int, int]], limit: int, current: View):
    """BM25 from the process's view of the stored postings. A several-word term (a phrase of
    the term dictionary) counts each of its words at an equal share of one term, and only in
    the programs that hold all of them."""
    weighted: dict[int, tuple[int, float]] = {}
    phrases = []
    for term in terms:
        words = term.split()
        if len(words) == 1:
            if term in stats:
                term_id, documents = stats[term]
                weighted[term_id] = (documents, weighted.get(term_id, (documents, 0.0))[1] + 1)
        elif all(word in stats for word in words):
            phrases.append([(*stats[word], 1 / len(words)) for word in words])
    return current.lexical.search(weighted, len(current.lexical), limit, phrases)


CHANNELS = ("lexical", "semantic")
# Reciprocal-rank fusion: weight of each ranking, and k (see bench/bench_relevance.py).
FUSION = {"own": 0.3, "expanded": 1.0, "semantic": 1.5}
RRF_K = 60
HINT_WEIGHT = 0.1  # times the share of the query's kind, topic and place a program meets
HINTED = 100  # how many of the best fused programs the hints may move
LANGUAGE_WEIGHT = 0.0005  # added for a program written in the query's language (a tie-break)


@dataclass
class Ranking:
    """What a query found: program ids best first, and the misspelt words it read otherwise
    (as typed -> as read)."""

    ids: list[int] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)


def corrections_for(query: str, known: Container[str], current: View) -> dict[str, tuple[str, str]]:
    """Index terms of English words that no program holds -> (the nearest term some programs
    hold, that word as spelt): one edit or two deletes, the most common first. "acelerator"
    is read as accelerator."""
    variants = {
        term: (word, found)
        for term, word in english_words(query).items()
        if term not in known and (found := spelling_variants(word))
    }
    if not variants:
        return {}
    found_terms = {v for _word, found in variants.values() for v in found}
    vocabulary = {term: n for term, (_pk, n) in current.statistics(found_terms).items()}
    out = {}
    for term, (_word, found) in variants.items():
        held = [
            (distance, -vocabulary[v], v, spelt)
            for v, (distance, spelt) in found.items()
            if v in vocabulary
        ]
        if held:
            _distance, _n, best, spelt = min(held)
            out[term] = (best, spelt)
    return out


def _words(terms: Iterable[str]) -> set[str]:
    return {word for term in terms for word in term.split()}


def rank_programs(query: str, limit: int = LIMIT, channels: Sequence[str] = CHANNELS) -> Ranking:
    """Programs for a query, best first; an empty or unusable query finds nothing, never fails.

    Three rankings are fused by reciprocal rank with the ``FUSION`` weights: BM25 over the
    query's own terms, BM25 over the query with the other languages' forms of the concepts it
    names, and multilingual sentence embeddings (a Korean query finds a Chinese-only program by
    meaning). The kind, sector and place the query names then move matching programs up
    (``hints``). English words that no program holds are read as the nearest word some do.
    ``channels`` picks which rankings take part (the relevance benchmark compares them).
    """
    terms = fts_query_terms(query)
    if not terms:
        return Ranking()
    current = view(embedder().name)  # one generation check a query; the rest is in memory
    expansions = expansion_terms(terms)
    stats = current.statistics(_words(terms + expansions))
    corrected = corrections_for(query, stats, current)
    words = english_words(query)
    corrections = {words[t]: spelt for t, (_best, spelt) in corrected.items() if t in words}
    rankings = []
    if "lexical" in channels:
        own = [corrected[term][0] if term in corrected else term for term in terms]
        expanded = list(dict.fromkeys(own + (expansion_terms(own) if corrected else expansions)))
        if len(current.lexical) >= settings.SEARCH_MEMORY_INDEX_FROM:
            if corrected:
                stats.update(current.statistics(_words(expanded)))
            rankings += [
                (FUSION["own"], _memory(own, stats, limit, current)),
                (FUSION["expanded"], _memory(expanded, stats, limit, current)),
            ]
        else:
            search = _postgres if connection.vendor == "postgresql" else _sqlite
            rankings += [
                (FUSION["own"], search(own, limit)),
                (FUSION["expanded"], search(expanded, limit)),
            ]
    if "semantic" in channels:
        rankings.append((FUSION["semantic"], _semantic(query[:1000], limit, current)))
    fused: dict[int, float] = {}
    for weight, ranking in rankings:
        for rank, (object_id, _score) in enumerate(ranking):
            fused[object_id] = fused.get(object_id, 0.0) + weight / (RRF_K + rank)
    best = sorted(fused, key=fused.get, reverse=True)[:limit]
    if best:  # the hints are a part of the hybrid ranking; the language tie-break is not
        hints = hints_for(terms) if len(channels) > 1 else Hints()
        best = _apply_hints(best, fused, hints, normalise_language(detect_language(query)), current)
    return Ranking(best, corrections)


def _apply_hints(
    best: list[int], fused: dict[int, float], hints: Hints, language: str, current: View
) -> list[int]:
    """Move up, among the best ``HINTED``, the programs whose kind, topic and place the query
    names, and (by a hair: a tie-break) those written in the query's language. Their fields
    are held in the view."""
    head = best[:HINTED]
    mentioned = _topics_mentioned(hints.topics, head, current) if hints else [0.0] * len(head)
    boosted = {}
    for pk, share in zip(head, mentioned, strict=True):
        facets = current.facets.get(pk)
        if facets is not None:
            met = hints.matches(facets.kind, facets.city, facets.country, facets.sectors, share)
            same = language in facets.languages
            boosted[pk] = fused[pk] + HINT_WEIGHT * met + LANGUAGE_WEIGHT * same
    return sorted(head, key=lambda pk: boosted.get(pk, fused[pk]), reverse=True) + best[HINTED:]


def _topics_mentioned(topics: set[str], head: list[int], current: View) -> list[float]:
    """For each program of ``head``, the share of ``topics`` (concepts) its text names in any
    language (from the postings held in memory)."""
    shares = np.zeros(len(head))
    if not topics:
        return shares.tolist()
    vocabulary = current.vocabulary
    for concept in topics:
        groups = [
            [vocabulary.get(word) for word in form.split()] for form in concept_forms(concept)
        ]
        groups = [group for group in groups if None not in group]
        shares += current.lexical.holds(groups, head)
    return (shares / len(topics)).tolist()


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


def can_search_people(user) -> bool:
    """Startups and mentors are searched by platform admins and organisation staff."""
    return user.is_authenticated and (user.is_superuser or organizations_staffed_by(user).exists())


@dataclass
class People:
    startups: list = field(default_factory=list)
    mentors: list = field(default_factory=list)


def search_people(user, query: str, limit: int = 50) -> People:
    """Startups (those ``user`` may see) and active mentors for a query in any language, best
    first: the database's full-text ranking over the query's terms and their other-language
    forms. Nobody but staff gets anything."""
    if not can_search_people(user):
        return People()
    terms = fts_query_terms(query, expand=True)
    if not terms:
        return People()
    search = _postgres if connection.vendor == "postgresql" else _sqlite
    found = {}
    for kind in (STARTUP, MENTOR):
        ids = [pk for pk, _s in search(terms, limit, kind=kind)]
        registered = KINDS.get(kind)
        visible = registered.visible(user, ids) if registered and registered.visible else {}
        found[kind] = [visible[pk] for pk in ids if pk in visible]
    return People(startups=found[STARTUP], mentors=found[MENTOR])
