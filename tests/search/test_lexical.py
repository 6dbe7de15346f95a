import math
import random

import numpy as np
import pytest

from startup_street.text.lexical import K1, B, LexicalIndex, decode_postings, encode_postings
from startup_street.text.vectors import VectorIndex


def _corpus(seed=7, docs=60, vocabulary=25):
    rng = random.Random(seed)
    return {
        100 + d: {t: rng.randint(1, 4) for t in rng.sample(range(vocabulary), rng.randint(1, 8))}
        for d in range(docs)
    }


def _brute_force(corpus, query):
    n = len(corpus)
    average = sum(sum(c.values()) for c in corpus.values()) / n
    df = {t: sum(t in c for c in corpus.values()) for t in query}
    scores = {}
    for pk, counts in corpus.items():
        length = sum(counts.values())
        score = 0.0
        for t in query:
            if t in counts:
                idf = math.log1p((n - df[t] + 0.5) / (df[t] + 0.5))
                tf = counts[t]
                score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))
        if score:
            scores[pk] = score
    return scores


def _query(corpus, terms):
    return {t: (sum(t in c for c in corpus.values()), 1.0) for t in terms}


def test_postings_round_trip():
    term_ids, tf = decode_postings(encode_postings({3: 2, 70_000: 1, 5: 99_999}))
    assert term_ids.tolist() == [3, 70_000, 5] and tf.tolist() == [2, 1, 65_535]


@pytest.mark.parametrize("query", [[1], [2, 3], [0, 5, 9, 24], [99]])
def test_bm25_matches_brute_force(query):
    corpus = _corpus()
    index = LexicalIndex(list(corpus), [encode_postings(c) for c in corpus.values()])
    got = dict(index.search(_query(corpus, query), total=len(corpus), limit=1000))
    want = _brute_force(corpus, query)
    assert got.keys() == want.keys()
    for pk, score in want.items():
        assert got[pk] == pytest.approx(score, rel=1e-5)


def test_overlay_hides_changed_and_deleted_entries():
    corpus = _corpus()
    index = LexicalIndex(list(corpus), [encode_postings(c) for c in corpus.values()])
    changed = {100: {1: 5, 2: 1}, 999: {1: 1}}  # one edited, one new
    deleted = 101
    after = {pk: c for pk, c in corpus.items() if pk != deleted} | changed
    present = np.array(sorted(after), dtype=np.int64)
    overlaid = index.with_changes({pk: encode_postings(c) for pk, c in changed.items()}, present)
    assert len(overlaid) == len(after)
    got = dict(overlaid.search(_query(after, [1, 2]), total=len(after), limit=1000))
    assert deleted not in got and {100, 999} <= got.keys()
    rebuilt = LexicalIndex(list(after), [encode_postings(c) for c in after.values()])
    assert got.keys() == dict(rebuilt.search(_query(after, [1, 2]), len(after), 1000)).keys()


def test_empty_index_and_unknown_terms_find_nothing():
    assert LexicalIndex([], []).search({1: (1, 1.0)}, total=0) == []
    corpus = _corpus()
    index = LexicalIndex(list(corpus), [encode_postings(c) for c in corpus.values()])
    assert index.search({}, total=len(corpus)) == []
    assert index.search({12345: (0, 1.0)}, total=len(corpus)) == []


def test_two_stage_neighbours_match_exact_ones_mostly():
    rng = np.random.default_rng(3)
    centres = rng.standard_normal((200, 64)).astype(np.float32)
    vectors = centres[rng.integers(0, 200, 25_000)] + 0.3 * rng.standard_normal((25_000, 64))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    index = VectorIndex(np.arange(25_000), vectors)
    assert index.bits is not None  # large enough for the first stage
    overlap = []
    for k in range(20):
        query = vectors[k * 97]
        exact = set(np.argsort(-(vectors @ query))[:20].tolist())
        found, scores = index.nearest(query, 20)
        assert list(scores) == sorted(scores, reverse=True)
        overlap.append(len(exact & set(found.tolist())) / 20)
    assert np.mean(overlap) >= 0.9


def test_vector_index_of_other_width_finds_nothing():
    index = VectorIndex(np.arange(3), np.eye(3, dtype=np.float32))
    assert index.nearest(np.ones(5, dtype=np.float32), 2)[0].tolist() == []
    assert index.nearest(np.array([0, 1, 0], dtype=np.float32), 1)[0].tolist() == [1]


def test_document_counts_follow_the_overlay():
    corpus = _corpus()
    index = LexicalIndex(list(corpus), [encode_postings(c) for c in corpus.values()])
    terms = list(range(25)) + [999]
    assert index.documents(terms) == [sum(t in c for c in corpus.values()) for t in terms]
    changed = {100: {1: 5, 999: 1}, 5000: {1: 1, 2: 2}}  # one edited, one new
    after = {pk: c for pk, c in corpus.items() if pk not in (101, 102)} | changed
    present = np.array(sorted(after), dtype=np.int64)
    overlaid = index.with_changes({pk: encode_postings(c) for pk, c in changed.items()}, present)
    assert overlaid.documents(terms) == [sum(t in c for c in after.values()) for t in terms]
    assert index.documents(terms[:3]) == [sum(t in c for c in corpus.values()) for t in terms[:3]]


def test_a_phrase_counts_only_where_all_its_words_are():
    corpus = {1: {10: 1, 11: 1, 12: 3}, 2: {11: 2, 12: 1}, 3: {10: 1}, 4: {12: 1}}
    index = LexicalIndex(list(corpus), [encode_postings(c) for c in corpus.values()])
    df = {t: sum(t in c for c in corpus.values()) for t in (10, 11, 12)}
    phrase = [(10, df[10], 0.5), (11, df[11], 0.5)]  # "10 11" as one term of two words
    got = dict(index.search({12: (df[12], 1.0)}, total=4, limit=10, phrases=[phrase]))
    assert got.keys() == {1, 2, 4}  # 3 holds only one word of the phrase: nothing from it
    alone = dict(index.search({12: (df[12], 1.0)}, total=4, limit=10))
    assert got[2] == pytest.approx(alone[2]) and got[1] > alone[1]
    words = _brute_force(corpus, [10, 11])
    assert got[1] - alone[1] == pytest.approx(0.5 * words[1], rel=1e-5)
    # the same from the overlay of a changed entry
    overlaid = index.with_changes({3: encode_postings({10: 1, 11: 1})}, np.array([1, 2, 3, 4]))
    assert 3 in dict(overlaid.search({}, total=4, limit=10, phrases=[phrase]))


def test_a_forked_worker_does_not_inherit_a_held_search_lock():
    import os

    from startup_street.search import memory
    from startup_street.text import analysers, embeddings

    with memory._lock, analysers._load_lock, embeddings._lock:  # as if a thread were reading
        pid = os.fork()
        if pid == 0:  # the worker: every lock is its own, and free
            free = all(
                lock.acquire(timeout=1)
                for lock in (memory._lock, analysers._load_lock, embeddings._lock)
            )
            os._exit(0 if free else 1)
    _pid, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_concept_scores_count_a_concept_once_whatever_its_forms_or_language():
    # terms: 1 로봇, 2 机器人, 3 robot, 4 proof, 5 concept, 6 other
    corpus = {
        10: {1: 3, 2: 1},  # two forms of the robot concept
        11: {2: 1},
        12: {3: 1, 4: 1, 5: 1},  # robot and the phrase "proof concept"
        13: {4: 1},  # half of the phrase only
        14: {6: 2},
    }
    index = LexicalIndex(list(corpus), [encode_postings(c) for c in corpus.values()])
    robot, poc = [[1], [2], [3]], [[4, 5]]
    found = index.concept_scores([robot, poc])
    idf_robot = math.log1p((5 - 3 + 0.5) / (3 + 0.5))
    idf_poc = math.log1p((5 - 1 + 0.5) / (1 + 0.5))
    assert found.weights == pytest.approx([idf_robot, idf_poc])
    assert found.of([10, 11, 12, 13, 14, 99]) == pytest.approx(
        [idf_robot, idf_robot, idf_robot + idf_poc, 0, 0, 0]
    )
    assert [pk for pk, _s in found.best(10)] == [12, 10, 11]
