"""Models to arrays and back: affinity for every candidate (item, agent) pair, from features.

All arithmetic is on arrays: sector fit is a sparse-style product of one-hot matrices, language
and time-zone fit are vectorised comparisons; no Python loop runs over pairs.

    affinity = w_sector * jaccard(sectors)            shared expertise
             + w_stage * stage fit                    the item's stage is one the agent helps
             + w_language * shared working language   (a Korean founder in Beijing needs ko or zh)
             + w_zone * working-hours overlap         (0..1, 1 = same zone)
             + w_semantic * similarity                cosine of text embeddings, or a given
                                                      items x agents matrix (e.g. rescaled cosine)
             + w_bid * bid                            the agent's (mentor's) declared preference:
                                                      want +1, could 0, rather not -1
             + w_founder * founder's preference       the item's (startup's) side of the same
                                                      thing, same levels and the same weight

The caller computes embeddings (the search app's multilingual embedder, passed in by the
mentoring service): this module imports nothing above ``matching``.
"""

from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext_lazy

WEIGHTS = {
    "sector": 1.0,
    "stage": 0.3,
    "language": 0.6,
    "zone": 0.2,
    "semantic": 1.0,
    "bid": 0.5,
    "founder": 0.5,  # symmetric with "bid": neither side's word counts more than the other's
}
BIDS = {"want": 1.0, "could": 0.0, "rather_not": -1.0}


@dataclass
class Side:
    """Features of items (startups, applications) or agents (mentors, reviewers)."""

    ids: list[int]
    sectors: list[set[str]]
    languages: list[set[str]]
    utc_offsets: list[float]  # hours
    embeddings: np.ndarray | None = None
    stages: list[set[str]] | None = None  # an item's stage; the stages an agent helps


@dataclass
class Encoded:
    item: np.ndarray
    agent: np.ndarray
    affinity: np.ndarray
    components: dict[str, np.ndarray] = field(default_factory=dict)


def _one_hot(values: list[set[str]], vocabulary: dict[str, int]) -> np.ndarray:
    matrix = np.zeros((len(values), max(len(vocabulary), 1)), dtype=np.float32)
    rows = [i for i, value in enumerate(values) for _v in value]
    cols = [vocabulary[v] for value in values for v in value]
    matrix[rows, cols] = 1.0
    return matrix


def _vocabulary(*sides: list[set[str]]) -> dict[str, int]:
    words = sorted({word for side in sides for value in side for word in value})
    return {word: n for n, word in enumerate(words)}


def candidate_pairs(n_items: int, n_agents: int, per_item: int | None, score: np.ndarray):
    """All pairs, or each item's ``per_item`` best agents by ``score`` (items x agents)."""
    if per_item is None or per_item >= n_agents:
        return np.repeat(np.arange(n_items), n_agents), np.tile(np.arange(n_agents), n_items)
    best = np.argpartition(-score, per_item - 1, axis=1)[:, :per_item]
    return np.repeat(np.arange(n_items), per_item), best.ravel()


def encode(
    items: Side,
    agents: Side,
    *,
    per_item: int | None = None,
    bids: dict[tuple[int, int], str] | None = None,
    founder_preferences: dict[tuple[int, int], str] | None = None,
    weights: dict[str, float] | None = None,
    semantic: np.ndarray | None = None,
) -> Encoded:
    """Affinity arrays for the candidate pairs, with each component kept for explanations.

    ``semantic`` (items x agents) replaces the cosine of ``Side.embeddings`` when given.
    ``bids`` (the agent's word) and ``founder_preferences`` (the item's word) are both keyed by
    (item id, agent id) and valued "want" / "could" / "rather_not".
    """
    w = {**WEIGHTS, **(weights or {})}
    sector_vocab = _vocabulary(items.sectors, agents.sectors)
    a, b = _one_hot(items.sectors, sector_vocab), _one_hot(agents.sectors, sector_vocab)
    shared = a @ b.T
    union = a.sum(1)[:, None] + b.sum(1)[None, :] - shared
    sector = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    language_vocab = _vocabulary(items.languages, agents.languages)
    la, lb = _one_hot(items.languages, language_vocab), _one_hot(agents.languages, language_vocab)
    language = ((la @ lb.T) > 0).astype(np.float32)
    gap = np.abs(np.subtract.outer(np.array(items.utc_offsets), np.array(agents.utc_offsets)))
    zone = np.clip(1.0 - np.minimum(gap, 24 - gap) / 8.0, 0.0, 1.0).astype(np.float32)
    dense = {
        "sector": w["sector"] * sector,
        "language": w["language"] * language,
        "zone": w["zone"] * zone,
    }
    if items.stages is not None and agents.stages is not None:
        stage_vocab = _vocabulary(items.stages, agents.stages)
        sa, sb = _one_hot(items.stages, stage_vocab), _one_hot(agents.stages, stage_vocab)
        dense["stage"] = w["stage"] * ((sa @ sb.T) > 0).astype(np.float32)
    if semantic is not None:
        dense["semantic"] = w["semantic"] * np.asarray(semantic, dtype=np.float32)
    elif items.embeddings is not None and agents.embeddings is not None:
        dense["semantic"] = w["semantic"] * (items.embeddings @ agents.embeddings.T)
    total = sum(dense.values())
    item, agent = candidate_pairs(len(items.ids), len(agents.ids), per_item, total)
    components = {name: matrix[item, agent].astype(np.float64) for name, matrix in dense.items()}
    if bids:
        components["bid"] = _bids(bids, items, agents, item, agent, w["bid"])
    if founder_preferences:
        components["founder"] = _bids(founder_preferences, items, agents, item, agent, w["founder"])
    affinity = np.sum(list(components.values()), axis=0)
    return Encoded(item, agent, affinity, components)


def _bids(bids, items: Side, agents: Side, item, agent, weight: float) -> np.ndarray:
    """Declared preferences placed on the candidate pairs by key lookup (no loop over pairs)."""
    n_agents = len(agents.ids)
    item_pos = {pk: n for n, pk in enumerate(items.ids)}
    agent_pos = {pk: n for n, pk in enumerate(agents.ids)}
    known = [
        (item_pos[i] * n_agents + agent_pos[a], BIDS[value])
        for (i, a), value in bids.items()
        if i in item_pos and a in agent_pos
    ]
    out = np.zeros(len(item))
    if not known:
        return out
    keys = item.astype(np.int64) * n_agents + agent
    order = np.argsort(keys)
    wanted = np.array([key for key, _v in known], dtype=np.int64)
    values = np.array([v for _key, v in known])
    pos = np.searchsorted(keys[order], wanted)
    hit = (pos < len(keys)) & (keys[order][np.minimum(pos, len(keys) - 1)] == wanted)
    out[order[pos[hit]]] = weight * values[hit]
    return out


COMPONENT_LABELS = {
    "sector": gettext_lazy("shared expertise"),
    "stage": gettext_lazy("stage fit"),
    "language": gettext_lazy("shared working language"),
    "zone": gettext_lazy("time-zone overlap"),
    "semantic": gettext_lazy("similar descriptions"),
    "bid": gettext_lazy("declared preference"),
    "founder": gettext_lazy("founder's preference"),
    "base": gettext_lazy("base"),
}
