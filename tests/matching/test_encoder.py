import numpy as np
import pytest

from startup_street.matching.encoder import Side, encode


def _sides():
    items = Side(
        ids=[10, 11],
        sectors=[{"robotics"}, {"bio", "ai"}],
        languages=[{"ko"}, {"zh-hans"}],
        utc_offsets=[9, 8],
    )
    agents = Side(
        ids=[20, 21, 22],
        sectors=[{"robotics"}, {"bio"}, set()],
        languages=[{"ko", "en"}, {"zh-hans"}, {"en"}],
        utc_offsets=[9, 8, -5],
    )
    return items, agents


def test_components_sum_to_affinity_and_reward_fit():
    encoded = encode(*_sides())
    total = sum(encoded.components.values())
    assert np.allclose(total, encoded.affinity)
    score = dict(
        zip(zip(encoded.item.tolist(), encoded.agent.tolist(), strict=True), encoded.affinity)
    )
    assert score[(0, 0)] > max(score[(0, 1)], score[(0, 2)])
    assert score[(1, 1)] == pytest.approx(0.5 + 0.6 + 0.2)  # jaccard 1/2, language, same zone


def test_top_candidates_per_item():
    encoded = encode(*_sides(), per_item=1)
    assert encoded.item.tolist() == [0, 1] and encoded.agent.tolist() == [0, 1]


def test_bids_shift_affinity():
    items, agents = _sides()
    plain = encode(items, agents)
    bid = encode(items, agents, bids={(10, 22): "want", (10, 20): "rather_not"})
    k_want = int(np.flatnonzero((bid.item == 0) & (bid.agent == 2))[0])
    k_not = int(np.flatnonzero((bid.item == 0) & (bid.agent == 0))[0])
    assert bid.affinity[k_want] == pytest.approx(plain.affinity[k_want] + 0.5)
    assert bid.affinity[k_not] == pytest.approx(plain.affinity[k_not] - 0.5)


def test_stage_fit_counts_only_when_both_sides_say():
    items, agents = _sides()
    items.stages = [{"seed"}, {"growth"}]
    agents.stages = [{"seed", "pre_seed"}, set(), {"growth"}]
    encoded = encode(items, agents)
    stage = dict(
        zip(
            zip(encoded.item.tolist(), encoded.agent.tolist(), strict=True),
            encoded.components["stage"],
            strict=True,
        )
    )
    assert stage[(0, 0)] == pytest.approx(0.3) and stage[(1, 2)] == pytest.approx(0.3)
    assert stage[(0, 1)] == 0 and stage[(0, 2)] == 0
    assert "stage" not in encode(*_sides()).components  # nothing said: no stage part


def test_semantic_matrix_given_replaces_embeddings():
    items, agents = _sides()
    semantic = np.array([[0.9, 0.0, 0.1], [0.0, 0.5, 0.0]])
    encoded = encode(items, agents, semantic=semantic)
    k = int(np.flatnonzero((encoded.item == 0) & (encoded.agent == 0))[0])
    assert encoded.components["semantic"][k] == pytest.approx(0.9)
    assert np.allclose(sum(encoded.components.values()), encoded.affinity)
