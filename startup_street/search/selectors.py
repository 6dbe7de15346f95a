"""Reading the search index: ranked program ids for a query.

Lexical rankings come from the database's full-text index (BM25 in FTS5 on SQLite, ts_rank_cd
on PostgreSQL) while the catalogue is small, and from BM25 over the stored postings held in
memory (``memory.py``, ``lexical.py``) once it has ``SEARCH_MEMORY_INDEX_FROM`` entries, where
ranking every match in the database would cost a query hundreds of milliseconds. The semantic
ranking compares the query's embedding with the stored ones (``text/vectors.py``).
"""

import functools
import json
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection

from startup_street.core.i18n import normalise_language
from startup_street.organizations.selectors import organizations_staffed_by
from startup_street.text.analysers import (
    fts_query_terms,
    is_english_word,
    spelling_variants,
)
from startup_street.text.lexicon import MINED_WEIGHT
from startup_street.text.query import ParsedQuery, parse_query

from .hints import MARKET_KINDS, hints_for, market_concepts
from .kinds import KINDS
from .memory import View, form_ids, view
from .services import MENTOR, PROGRAM, STARTUP, embedder

LIMIT = 200  # programs a query ranks (ten pages of results)
# Candidates each channel gives, best first. The ranking's weights are fitted on candidate lists
# of this depth (bench/fit_ranking.py), and their union (up to four times as many) still fills
# LIMIT: deeper lists cost every query time in each channel and in the features, for programs
# that only the tenth page would show.
DEPTH = 100


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
    vector = embedder().encode([query], is_query=True)[0]
    return _nearest(vector, limit, current or view(embedder().name))


def _memory(
    lists: Sequence[list[str]], stats, limit: int, current: View, cache=None, weights=None
) -> list:
    """BM25 from the process's view of the stored postings, for each list of terms (a query's
    own terms, then those with their other languages' forms, sharing what they share). A
    several-word term (a phrase of the term dictionary) counts each of its words at an equal
    share of one term, and only in the programs that hold all of them. ``weights``: a term's
    weight where it is not 1 (a mined translation's)."""
    weights = weights or {}
    queries = []
    for terms in lists:
        weighted: dict[int, tuple[int, float]] = {}
        phrases = []
        for term in terms:
            words = term.split()
            if len(words) == 1:
                if term in stats:
                    term_id, documents = stats[term]
                    count = weighted.get(term_id, (documents, 0.0))[1] + weights.get(term, 1.0)
                    weighted[term_id] = (documents, count)
            elif all(word in stats for word in words):
                phrases.append([(*stats[word], 1 / len(words)) for word in words])
        queries.append((weighted, phrases))
    return current.lexical.search_many(queries, len(current.lexical), limit, cache)


CHANNELS = ("lexical", "semantic")
RANKING_PATH = Path(__file__).parent / "data" / "ranking.json"


@dataclass
class Ranking:
    """What a query found: program ids best first, the query as parsed (what it was understood
    as) and the misspelt words it read otherwise (as typed -> as read)."""

    ids: list[int] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    query: ParsedQuery | None = None


@functools.cache
def ranking_model() -> tuple[tuple[str, ...], np.ndarray, dict]:
    """(feature names, weights, settings) fitted by bench/fit_ranking.py (data/ranking.json)."""
    data = json.loads(RANKING_PATH.read_text(encoding="utf-8"))
    weights = np.array([data["weights"][name] for name in FEATURES], dtype=np.float64)
    return FEATURES, weights, data


def corrections_for(query: ParsedQuery, known: Container[str], current: View) -> dict:
    """Index terms of English words that are not words (neither in an English word list nor
    held by any program) -> (the nearest term some programs hold, that word as spelt): one
    edit or two deletes, the most common first. "acelerator" is read as accelerator; a real
    word the catalogue lacks ("bakery") is left as it is."""
    variants = {
        term: (word, found)
        for term, word in query.words.items()
        if term not in known and not is_english_word(word) and (found := spelling_variants(word))
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


def parsed(query: str | ParsedQuery) -> ParsedQuery:
    return query if isinstance(query, ParsedQuery) else parse_query(query)


def rank_programs(
    query: str | ParsedQuery, limit: int = LIMIT, channels: Sequence[str] = CHANNELS
) -> Ranking:
    """Programs for a query, best first; an empty or unusable query finds nothing, never fails.

    The query is parsed once (``text.query.parse_query``). Three rankings find the candidates:
    BM25 over the query's own terms, BM25 over the query with the other languages' forms of
    the concepts it names, and multilingual embeddings (a Korean query finds a Chinese-only
    program by meaning; a program is as near as its nearest embedded text). Each candidate is
    then scored by one linear model over calibrated features (``features``): each channel's
    score and rank, the kind, topic and place the query names, the market it names, the
    language and the eligibility it states, with weights fitted on the tuning queries of the
    relevance benchmarks (``bench/fit_ranking.py``, ``data/ranking.json``). English words that
    are not words are read as the nearest word programs hold. ``channels`` picks which
    rankings take part (the relevance benchmark compares them).
    """
    parsed_query, lists = _gather(query, min(limit, DEPTH), channels)
    if lists is None:
        return Ranking(query=parsed_query)
    if len(channels) < len(CHANNELS):  # one channel alone: its own order
        only = lists["own"] + lists["expanded"] if "lexical" in channels else lists["semantic"]
        ids = list(dict.fromkeys(pk for pk, _s in only))[:limit]
        return Ranking(ids, parsed_query.corrections, parsed_query)
    candidates, matrix = features(parsed_query, lists, lists["view"])
    if not candidates:
        return Ranking([], parsed_query.corrections, parsed_query)
    _names, weights, _settings = ranking_model()
    scores = matrix @ weights
    order = np.lexsort((np.asarray(candidates), -scores))[:limit]
    return Ranking([candidates[i] for i in order], parsed_query.corrections, parsed_query)


def _gather(query, limit: int, channels) -> tuple[ParsedQuery, dict | None]:
    """The query parsed (and its misspelt non-words read as catalogue words) and each
    channel's candidates; None for a query with no terms."""
    parsed_query = parsed(query)
    if not parsed_query:
        return parsed_query, None
    current = view(embedder().name)  # one generation check a query; the rest is in memory
    stats = current.statistics(_words(_lexical_terms(parsed_query)))
    read_as = corrections_for(parsed_query, stats, current)
    if read_as:
        parsed_query = parsed_query.corrected(read_as)
        stats.update(current.statistics(_words(_lexical_terms(parsed_query))))
    lists = _channels(parsed_query, stats, current, limit, channels)
    lists["view"] = current
    return parsed_query, lists


def _mined(query: ParsedQuery) -> tuple[str, ...]:
    """The query's mined translations where the mined lexicon is on (``SEARCH_MINED_TERMS``)."""
    return query.mined if settings.SEARCH_MINED_TERMS else ()


def _lexical_terms(query: ParsedQuery) -> tuple[str, ...]:
    """The query's own terms, its concepts' other-language forms and, where the mined lexicon
    is on, its mined translations."""
    return query.terms + query.expansions + _mined(query)


def candidate_features(query: str, limit: int = LIMIT) -> tuple[list[int], np.ndarray]:
    """Every candidate of a query with its feature row (what bench/fit_ranking.py fits on)."""
    parsed_query, lists = _gather(query, min(limit, DEPTH), CHANNELS)
    if lists is None:
        return [], np.zeros((0, len(FEATURES)))
    return features(parsed_query, lists, lists["view"])


def _channels(query: ParsedQuery, stats, current: View, limit: int, channels) -> dict:
    """Each channel's (id, score) list, best first: own terms, expanded terms, semantic."""
    lists = {"own": [], "expanded": [], "semantic": [], "concept": [], "vector": None}
    lists["concepts"] = None
    if "lexical" in channels:
        # The founders' nationality says nothing a program's text should name.
        cache: dict = {}  # the rows of the dictionary's phrases, found once a query
        lists["concepts"] = _concept_scores(query.concepts - query.nationalities, current, cache)
        lists["concept"] = lists["concepts"].best(limit) if lists["concepts"] else []
        own = list(query.terms)
        expanded = list(dict.fromkeys(_lexical_terms(query)))
        if len(current.lexical) >= settings.SEARCH_MEMORY_INDEX_FROM:
            # a query naming no concept of the dictionary expands to itself: ranked once
            lower = dict.fromkeys(_mined(query), MINED_WEIGHT)
            ranked = _memory(
                [own] if expanded == own else [own, expanded], stats, limit, current, cache, lower
            )
            lists["own"], lists["expanded"] = ranked[0], ranked[-1]
        else:
            search = _postgres if connection.vendor == "postgresql" else _sqlite
            lists["own"], lists["expanded"] = search(own, limit), search(expanded, limit)
    if "semantic" in channels:
        vector = embedder().encode([query.semantic_text], is_query=True)[0]
        lists["vector"] = vector
        lists["semantic"] = _nearest(vector, limit, current)
    return lists


def _concept_scores(concepts, current: View, cache: dict | None = None):
    """Every program's concept score for the query's concepts (``LexicalIndex.concept_scores``);
    None when the query names none."""
    if not concepts:
        return None
    names = sorted(concepts)
    forms = [form_ids(concept, current.vocabulary) for concept in names]
    return current.lexical.concept_scores(forms, cache, names)


def _nearest(vector, limit: int, current: View) -> list[tuple[int, float]]:
    index = current.vectors
    if not len(index):
        return []
    ids, scores = index.nearest(vector, limit)
    floor = settings.SEARCH_SEMANTIC_MIN_SIMILARITY
    return [(int(i), float(x)) for i, x in zip(ids, scores, strict=True) if x >= floor]


FEATURES = (
    "own_score",  # BM25 over the query's own terms, over the best such score
    "own_rank",  # k / (k + rank) in that ranking, 0 when absent
    "expanded_score",
    "expanded_rank",
    "concept",  # idf share of the query's concepts its text names, any language
    "concept_rank",
    "semantic",  # cosine of the program's nearest embedded text
    "semantic_rank",
    "kind",  # the kind of support asked for is the program's
    "topic_sector",  # share of the topics asked for among the program's sectors
    "topic_text",  # share of the topics asked for that its text names, any language
    "place",  # its city or country is a place asked for
    "market",  # its text names a market asked for ("entering the Chinese market")
    "language",  # written in the query's language
    "eligibility",  # -1 .. 1: the eligibility the query states against the program's rules
    "market_kind",  # a market is named and the program's kind takes companies abroad
    "open_to_all",  # the query names no sector and the program is open to every sector
)
RRF_K = 60


def features(query: ParsedQuery, lists: dict, current: View) -> tuple[list[int], np.ndarray]:
    """The candidates (every program a channel found) and their feature rows."""
    names = ("own", "expanded", "concept", "semantic")
    candidates = list(dict.fromkeys(pk for name in names for pk, _s in lists[name]))
    if not candidates:
        return [], np.zeros((0, len(FEATURES)))
    matrix = np.zeros((len(candidates), len(FEATURES)))
    column = {name: n for n, name in enumerate(FEATURES)}
    found_ids = np.asarray(candidates, dtype=np.int64)
    by_id = np.argsort(found_ids)
    for name in names:
        ranking = lists[name]
        if not ranking:
            continue
        ids = np.fromiter((pk for pk, _s in ranking), dtype=np.int64, count=len(ranking))
        rows = by_id[np.searchsorted(found_ids, ids, sorter=by_id)]
        if name in ("own", "expanded"):
            scores = np.fromiter((s for _pk, s in ranking), dtype=np.float64, count=len(ranking))
            matrix[rows, column[f"{name}_score"]] = scores / (scores.max() or 1.0)
        matrix[rows, column[f"{name}_rank"]] = RRF_K / (RRF_K + np.arange(len(ranking)))
    if lists["concepts"] is not None:
        found = lists["concepts"]
        matrix[:, column["concept"]] = found.of(candidates) / (sum(found.weights) or 1.0)
    if lists["vector"] is not None:
        matrix[:, column["semantic"]] = current.vectors.similarity(lists["vector"], candidates)
    hints = hints_for(query)
    table = current.facets
    at, held = table.locate(candidates)
    if hints.kinds:
        matrix[:, column["kind"]] = held & (table.matches("kind", at, hints.kinds) > 0)
    if hints.sectors:
        share = table.matches("sectors", at, hints.sectors) / len(hints.sectors)
        has_sectors = table.sizes("sectors", at) > 0
        matrix[:, column["topic_sector"]] = np.where(held, np.where(has_sectors, share, 0.5), 0)
    matrix[:, column["place"]] = held & hints.place_met(table, at)
    language = normalise_language(query.language)
    matrix[:, column["language"]] = held & (table.matches("languages", at, {language}) > 0)
    if query.eligibility:
        fit = eligibility_fit(query.eligibility, table, at)
        matrix[:, column["eligibility"]] = np.where(held, fit, 0)
    matrix[:, column["topic_text"]] = _mentioned(hints.topics, candidates, current)
    matrix[:, column["market"]] = _mentioned(query.markets, candidates, current, market_concepts)
    if query.markets:
        matrix[:, column["market_kind"]] = held & (table.matches("kind", at, MARKET_KINDS) > 0)
    if not hints.sectors:
        matrix[:, column["open_to_all"]] = held & (table.sizes("sectors", at) == 0)
    return candidates, matrix


def eligibility_fit(stated, table, at: np.ndarray) -> np.ndarray:
    """-1 .. 1 for each entry at positions ``at`` of the facet table: for each thing the query
    states about the founder's company, +1 where the program's rules take it, -1 where they
    exclude it, 0 where they say nothing; the mean."""
    items = []

    def rule(limited: np.ndarray, taken: np.ndarray) -> None:
        items.append(np.where(limited, np.where(taken, 1, -1), 0))

    if stated.years is not None:
        most = table.numbers("max_years", at)
        rule(most >= 0, stated.years <= most)
    stages = table.sizes("stages", at) > 0
    if stated.pre_founder:
        rule(stages, table.matches("stages", at, {"idea"}) > 0)
    if stated.stage:
        rule(stages, table.matches("stages", at, {stated.stage}) > 0)
    if stated.team is not None:
        low, high = table.numbers("team_low", at), table.numbers("team_high", at)
        rule(low >= 0, (low <= stated.team) & (stated.team <= high))
    if stated.revenue:
        items.append(table.numbers("revenue", at))  # no revenue is under every limit
    return np.mean(items, axis=0) if items else np.zeros(len(at))


def _mentioned(concepts, candidates: list[int], current: View, named_by=None) -> np.ndarray:
    """For each candidate, the share of ``concepts`` its text names in any language (from the
    postings held in memory); ``named_by(concept)``: the concepts that name it, when more than
    itself."""
    shares = np.zeros(len(candidates))
    if not concepts:
        return shares
    for concept in concepts:
        related = named_by(concept) if named_by else (concept,)
        groups = [group for c in related for group in form_ids(c, current.vocabulary)]
        shares += current.lexical.holds(groups, candidates)
    return shares / len(concepts)


def ranked_program_ids(
    query: str, limit: int = LIMIT, channels: Sequence[str] = CHANNELS
) -> list[int]:
    """Program ids best first (see ``rank_programs``)."""
    return rank_programs(query, limit, channels).ids


class RankedResults(Sequence):
    """Search hits in rank order, fetched a page at a time: the visibility and facet filters
    of ``qs`` are applied to the ids only, and full rows are loaded just for the slice asked."""

    def __init__(self, qs, ids: list[int], corrections: dict[str, str] | None = None, query=None):
        # no ORDER BY: the ranking orders (the queryset's own ordering cost a query time)
        allowed = set(qs.filter(pk__in=ids).order_by().values_list("pk", flat=True))
        self.qs = qs
        self.ids = [pk for pk in ids if pk in allowed]
        self.corrections = corrections or {}
        self.query = query  # the ParsedQuery: what the words were understood as

    def __len__(self) -> int:
        return len(self.ids)

    def count(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        wanted = self.ids[index]
        rows = self.qs.order_by().in_bulk(wanted) if wanted else {}
        return [rows[pk] for pk in wanted if pk in rows]


def search_programs(qs, query: str) -> RankedResults:
    """``qs`` (already filtered for visibility and facets) restricted to the query's matches,
    best first."""
    ranking = rank_programs(query)
    return RankedResults(qs, ranking.ids, ranking.corrections, ranking.query)


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
