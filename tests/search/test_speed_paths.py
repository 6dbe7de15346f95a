"""The faster paths of a query rank exactly as the ones they replaced: BM25 added term by term
instead of in one bincount, phrase rows intersected by lookup, the sign-bit distances counted
into buffers and cut by a count of each distance, the spelling's vocabulary looked up at once,
query embeddings kept, the structured fields compared as columns. Each old path is written out
here as it was and compared with the current one, alone and in whole rankings."""

import marshal
import random
from collections.abc import Mapping

import numpy as np
import pytest

from startup_street.core.i18n import normalise_language
from startup_street.programs.models import Sector
from startup_street.search import memory, selectors, shared
from startup_street.search.hints import MARKET_KINDS, hints_for, market_concepts
from startup_street.search.selectors import candidate_features, ranked_program_ids
from startup_street.search.services import embedder
from startup_street.text import lexical
from startup_street.text.arrays import TermTable
from startup_street.text.lexical import LexicalIndex, encode_postings
from startup_street.text.vectors import EXACT_BELOW, VectorIndex, sign_bits
from tests.factories import make_call, make_program

# --- the paths as they were ------------------------------------------------------------------


def bincount_scores(index, singles, groups):
    rows, weights = [], []
    for term_id, k in singles:
        if (got := index._postings(term_id)) is not None:
            rows.append(got[0])
            weights.append(got[1] * k)
    for group in groups:
        lists = [index._postings(term_id) for term_id, _k in group]
        if any(got is None for got in lists):
            continue
        common = lists[0][0]
        for other, _w in lists[1:]:
            common = np.intersect1d(common, other, assume_unique=True)
        for (term_rows, term_weights), (_t, k) in zip(lists, group, strict=True):
            rows.append(common)
            weights.append(term_weights[np.searchsorted(term_rows, common)] * k)
    if not rows:
        return None
    return np.bincount(
        np.concatenate(rows), weights=np.concatenate(weights), minlength=len(index.ids)
    )


def temporary_candidates(index, query, limit):
    keep = max(limit * 8, 400)
    if index.bits is None or keep >= len(index.vectors):
        return None
    words = sign_bits(query)[0]
    distance = np.bitwise_count(index.bits[0] ^ words[0]).astype(np.uint16)
    for row, word in zip(index.bits[1:], words[1:], strict=True):
        distance += np.bitwise_count(row ^ word)
    return np.argpartition(distance, keep - 1)[:keep]


def term_by_term_statistics(view, terms):
    known = [(t, i) for t in set(terms) if (i := view.vocabulary.get(t)) is not None]
    counts = view.lexical.documents([term_id for _term, term_id in known])
    return {term: (i, n) for (term, i), n in zip(known, counts, strict=True) if n > 0}


def features_one_by_one(query, lists, current):
    """The ranking features as they were: channel ranks read pair by pair, structured fields
    unpacked and compared candidate by candidate."""
    names = ("own", "expanded", "concept", "semantic")
    candidates = list(dict.fromkeys(pk for name in names for pk, _s in lists[name]))
    if not candidates:
        return [], np.zeros((0, len(selectors.FEATURES)))
    position = {pk: n for n, pk in enumerate(candidates)}
    matrix = np.zeros((len(candidates), len(selectors.FEATURES)))
    column = {name: n for n, name in enumerate(selectors.FEATURES)}
    for name in names:
        ranking = lists[name]
        if not ranking:
            continue
        best = max(score for _pk, score in ranking) or 1.0
        for rank, (pk, score) in enumerate(ranking):
            row = position[pk]
            if name in ("own", "expanded"):
                matrix[row, column[f"{name}_score"]] = score / best
            matrix[row, column[f"{name}_rank"]] = selectors.RRF_K / (selectors.RRF_K + rank)
    if lists["concepts"] is not None:
        found = lists["concepts"]
        matrix[:, column["concept"]] = found.of(candidates) / (sum(found.weights) or 1.0)
    if lists["vector"] is not None:
        matrix[:, column["semantic"]] = current.vectors.similarity(lists["vector"], candidates)
    hints = hints_for(query)
    topics_named = selectors._mentioned(hints.topics, candidates, current)
    markets_named = selectors._mentioned(query.markets, candidates, current, market_concepts)
    language = normalise_language(query.language)
    stated = query.eligibility if query.eligibility else None
    for pk, row in position.items():
        facets = current.facets.get(pk)
        if facets is None:
            continue
        matrix[row, column["kind"]] = bool(hints.kinds) and facets.kind in hints.kinds
        if hints.sectors:
            matrix[row, column["topic_sector"]] = (
                len(hints.sectors & facets.sectors) / len(hints.sectors) if facets.sectors else 0.5
            )
        if hints.places:
            matrix[row, column["place"]] = bool(hints.places & facets.places)
        elif hints.countries:
            matrix[row, column["place"]] = facets.country in hints.countries
        matrix[row, column["language"]] = language in facets.languages
        if query.markets:
            matrix[row, column["market_kind"]] = facets.kind in MARKET_KINDS
        if not hints.sectors:
            matrix[row, column["open_to_all"]] = not facets.sectors
        if stated is not None:
            matrix[row, column["eligibility"]] = eligibility_one_by_one(stated, facets)
    matrix[:, column["topic_text"]] = topics_named
    matrix[:, column["market"]] = markets_named
    return candidates, matrix


def eligibility_one_by_one(stated, facets) -> float:
    items = []
    if stated.years is not None:
        most = facets.max_years
        items.append(0 if most is None else (1 if stated.years <= most else -1))
    stages = facets.stages
    if stated.pre_founder:
        items.append(0 if not stages else (1 if "idea" in stages else -1))
    if stated.stage:
        items.append(0 if not stages else (1 if stated.stage in stages else -1))
    if stated.team is not None:
        team = facets.team
        items.append(0 if not team else (1 if team[0] <= stated.team <= team[1] else -1))
    if stated.revenue:
        items.append(0 if not facets.revenue else 1)
    return float(np.mean(items)) if items else 0.0


def facet_by_item(table, pk):
    at = int(np.searchsorted(table.ids, pk))
    if at >= len(table.ids) or table.ids[at] != pk:
        raise KeyError(pk)
    start, end = int(table.offsets[at]), int(table.offsets[at + 1])
    return memory.Facets(*marshal.loads(table.packed[start:end].tobytes()))


@pytest.fixture
def old_paths(monkeypatch):
    def use():
        monkeypatch.setattr(LexicalIndex, "_base_scores", bincount_scores)
        monkeypatch.setattr(VectorIndex, "_candidates", temporary_candidates)
        monkeypatch.setattr(memory.View, "statistics", term_by_term_statistics)
        monkeypatch.setattr(shared.FacetTable, "__getitem__", facet_by_item)
        monkeypatch.setattr(shared.FacetTable, "get", Mapping.get)
        monkeypatch.setattr(selectors, "features", features_one_by_one)
        monkeypatch.setattr(LexicalIndex, "index_concepts", lambda index, concepts: None)
        memory.forget()

    return use


# --- each path alone -------------------------------------------------------------------------


def _index(seed=3, docs=400, vocabulary=40):
    rng = random.Random(seed)
    postings = {
        10 + d: {t: rng.randint(1, 5) for t in rng.sample(range(vocabulary), rng.randint(1, 12))}
        for d in range(docs)
    }
    return LexicalIndex(list(postings), [encode_postings(p) for p in postings.values()])


@pytest.mark.parametrize("seed", range(5))
def test_bm25_added_term_by_term_equals_one_bincount_to_the_last_bit(seed):
    index, rng = _index(), random.Random(seed)
    singles = [(t, rng.uniform(0.1, 3)) for t in sorted(rng.sample(range(45), 6))]
    groups = [[(t, rng.uniform(0.1, 2)) for t in rng.sample(range(40), 3)] for _ in range(2)]
    expected = bincount_scores(index, singles, groups)
    assert np.array_equal(index._base_scores(singles, groups), expected)
    assert index._base_scores([(99, 1.0)], []) is None


@pytest.mark.parametrize("seed", range(5))
def test_a_query_and_its_expansion_rank_together_as_apart(seed):
    index, rng = _index(seed=seed), random.Random(seed)
    own = {t: (rng.randint(1, 50), 1.0) for t in rng.sample(range(40), 3)}
    expanded = own | {t: (rng.randint(1, 50), 1.0) for t in rng.sample(range(40), 3)}
    phrases = [[(t, rng.randint(1, 50), 0.5) for t in rng.sample(range(40), 2)]]
    more = phrases + [[(t, rng.randint(1, 50), 0.5) for t in rng.sample(range(40), 2)]]
    repeated = {t: (df, 2.0) for t, (df, _w) in own.items()}  # a word typed twice
    for sets in ([(own, phrases), (expanded, more)], [(repeated, phrases), (expanded, more)]):
        together = index.search_many(sets, 400, limit=50)
        apart = [index.search(terms, 400, 50, found) for terms, found in sets]
        for now, before in zip(together, apart, strict=True):
            assert [pk for pk, _s in now] == [pk for pk, _s in before]
            assert np.allclose([s for _pk, s in now], [s for _pk, s in before], rtol=1e-12)
    assert index.search_many([({}, []), (own, [])], 400)[0] == []


@pytest.mark.parametrize("share", [0.0, 0.01, 0.3, 0.9, 1.0])
def test_the_best_rows_are_found_however_many_score(share):
    rng = np.random.default_rng(7)
    scores = np.zeros(5000)
    scoring = rng.choice(5000, int(share * 5000), replace=False)
    scores[scoring] = rng.permutation(len(scoring)) + 1.0  # distinct, above 0
    ids = np.arange(5000) + 100
    for limit in (1, 50, 4999, 5000, 6000):
        expected = sorted(scoring, key=lambda row: -scores[row])[:limit]
        assert lexical._top(scores, ids, limit) == {
            int(ids[row]): float(scores[row]) for row in expected
        }


def test_concepts_read_from_their_kept_rows_score_as_their_forms_united():
    index = _index(seed=4)
    concepts = {"one": [[3], [7, 11]], "two": [[5]], "three": [[8, 9], [12]], "none": [[99]]}
    plain = _index(seed=4)
    index.index_concepts(concepts)
    assert set(index.concepts) == {"one", "two", "three"}
    changed = index.with_changes(
        {10: encode_postings({3: 1}), 999: encode_postings({5: 2, 8: 1, 9: 1})},
        np.array([pk for pk in index.ids.tolist() if pk != 11] + [999]),
    )  # entry 10 rewritten, 11 deleted, 999 added: rows hidden and an overlay
    before = plain.with_changes(
        {10: encode_postings({3: 1}), 999: encode_postings({5: 2, 8: 1, 9: 1})},
        np.array([pk for pk in plain.ids.tolist() if pk != 11] + [999]),
    )
    names = sorted(concepts)
    for now, old in ((index, plain), (changed, before)):
        kept = now.concept_scores([concepts[n] for n in names], names=names)
        united = old.concept_scores([concepts[n] for n in names])
        assert np.array_equal(kept.scores, united.scores)
        assert kept.weights == united.weights and kept.overlay == united.overlay
        assert kept.best(30) == united.best(30)


def test_phrase_rows_are_the_intersection_of_every_word():
    index = _index()
    group = [(3, 1.0), (7, 1.0), (11, 1.0)]
    lists = [index._postings(t)[0] for t, _k in group]
    expected = np.intersect1d(np.intersect1d(lists[0], lists[1]), lists[2])
    scores = index._base_scores([], [group])
    assert np.array_equal(np.flatnonzero(scores), expected)


def test_sign_bit_candidates_are_the_rows_they_were():
    rng = np.random.default_rng(5)
    vectors = rng.standard_normal((EXACT_BELOW + 500, 96)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex(np.arange(len(vectors)), vectors)
    bits = np.ascontiguousarray(index.bits.T)
    for query in vectors[:5]:
        now, before = index._candidates(query, 60), temporary_candidates(index, query, 60)
        assert len(set(now.tolist())) == len(now) == len(before)
        # the same distances: only which of the rows tied at the cut are kept may differ
        distance = np.bitwise_count(bits ^ sign_bits(query)[0]).sum(axis=1)
        assert np.array_equal(np.sort(distance[now]), np.sort(distance[before]))
        # the nearest are those of the kept rows, scored exactly
        ids, scores = index.nearest(query, 60)
        kept = np.sort(index._candidates(query, 60))
        exact = kept[np.argsort(-(vectors[kept] @ query), kind="stable")][:60]
        assert np.array_equal(ids, index.ids[exact])
        assert np.allclose(scores, vectors[exact] @ query)


def test_vocabulary_looked_up_at_once_finds_what_each_lookup_finds():
    pairs = {f"term{n}": 1000 + n for n in range(500)} | {"로봇": 7, "机器人": 8}
    table = TermTable.of(pairs)
    asked = [*pairs, "missing", "term500", "", "로봇x"]
    assert table.get_many(asked) == {t: i for t in asked if (i := table.get(t)) is not None}
    assert table.get_many(asked) == pairs
    assert TermTable.of({}).get_many(["a"]) == {}


def test_a_repeated_query_gets_the_same_embedding_and_cannot_spoil_it():
    model = embedder()
    model.forget_queries()
    first = model.encode(["로봇 테스트베드"], is_query=True)
    first[0, :] = 0  # the caller's copy
    again = model.encode(["로봇 테스트베드"], is_query=True)
    assert np.array_equal(again, model._rows(["로봇 테스트베드"], True))
    assert again.shape == (1, model.dim) and np.any(again)


# --- whole rankings --------------------------------------------------------------------------

QUERIES = [
    "drone",
    "drone flight test",
    "로봇 테스트베드",
    "机器人 示范",
    "seed investment in Beijing",
    "proof of concept grant",
    "acelerator for robtics",
    "中国 진출",
    "pop-up store",
    "robotics grant in Seoul",
    "서울 로봇 지원금",
    "창업 3년 이내 예비창업자 드론",
    "AI 바우처 10人以下",
    "seed stage robotics founded 2 years ago, team of 4, pre-revenue",
    "中国 机器人 加速器",
]


@pytest.fixture
def catalogue(organization, settings, django_capture_on_commit_callbacks):
    settings.SEARCH_MEMORY_INDEX_FROM = 0  # rank from the view's postings, not the database
    rows = [  # title, kind, city, sectors
        ({"en": "Drone flight test site in Pangyo"}, "testbed", "Seongnam", ["robotics"]),
        ({"ko": "드론 비행 시험 지원", "en": "Drone pilots' insurance grant"}, "funding", "", []),
        ({"ko": "로봇 실증 테스트베드 입주 지원"}, "testbed", "서울", ["robotics"]),
        ({"zh-hans": "中关村机器人示范应用场景征集"}, "testbed", "北京", ["robotics", "ai"]),
        ({"en": "Seed investment for Korean startups in Beijing"}, "funding", "Beijing", []),
        ({"en": "Proof of concept grant for robotics accelerators"}, "funding", "Seoul", ["ai"]),
        (
            {"ko": "중국 진출 지원 프로그램", "zh-hans": "韩国企业进入中国市场"},
            "sales_overseas",
            "",
            [],
        ),
        ({"en": "Concept store pop-up for drones and robots"}, "events", "Busan", ["fintech"]),
        ({"en": "Fashion pop-up store on Garosu-gil"}, "events", "Seoul", []),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        programs = []
        for n, (title, kind, city, sectors) in enumerate(rows):
            program = make_program(organization, title=title, kind=kind, city=city)
            program.sectors.set(Sector.objects.filter(code__in=sectors))
            program.stages = STAGES[n % len(STAGES)]
            make_call(program, eligibility=ELIGIBILITY[n % len(ELIGIBILITY)])
            program.save()  # indexed again with its sectors, stages and calls
            programs.append(program)
        return programs


STAGES = [[], ["idea"], ["seed", "series_a"], ["idea", "seed"]]
ELIGIBILITY = [
    {},
    {"max_years_since_founding": 3},
    {"max_years_since_founding": 7, "team_size": {"min": 2, "max": 10}},
    {"team_size": {"min": 1, "max": 5}, "max_revenue_band": "under_1b_krw"},
    {"max_years_since_founding": 1},
]


@pytest.mark.django_db
@pytest.mark.parametrize("shared_view", [True, False])
def test_rankings_are_as_through_the_old_paths(catalogue, settings, old_paths, shared_view):
    settings.SEARCH_SHARED_VIEW = shared_view
    memory.forget()
    now = {query: ranked_program_ids(query) for query in QUERIES}
    old_paths()
    assert {query: ranked_program_ids(query) for query in QUERIES} == now
    assert all(now.values()) and catalogue[0].pk in now["drone flight test"][:2]


@pytest.mark.django_db
def test_feature_rows_are_as_compared_one_by_one(catalogue, old_paths):
    memory.forget()
    now = {query: candidate_features(query) for query in QUERIES}
    old_paths()
    for query, (ids, matrix) in now.items():
        before_ids, before = candidate_features(query)
        assert before_ids == ids
        assert np.array_equal(before, matrix), query
    column = selectors.FEATURES.index
    rows = np.vstack([matrix for _ids, matrix in now.values()])
    for name in ("kind", "topic_sector", "place", "language", "eligibility"):  # compared at all
        assert rows[:, column(name)].any(), name
