"""Shared helpers (no tests here): brute force over every subset of up to ~16 candidate pairs."""

from __future__ import annotations

import numpy as np

from startup_street.matching.solver import make_problem


def random_problem(seed: int, *, n_items=4, n_agents=4, density=1.0, **overrides):
    """A small dense-ish instance with random demands, loads, a conflict and maybe a forced pair."""
    rng = np.random.default_rng(seed)
    item = np.repeat(np.arange(n_items), n_agents)
    agent = np.tile(np.arange(n_agents), n_items)
    keep = rng.random(item.size) < density
    item, agent = item[keep], agent[keep]
    affinity = np.round(rng.normal(size=item.size), 3)
    conflict = rng.choice(item.size, size=1)
    forced = rng.choice(item.size, size=1) if rng.random() < 0.4 else np.zeros(0, int)
    kwargs = {
        "item": item,
        "agent": agent,
        "affinity": affinity,
        "n_items": n_items,
        "n_agents": n_agents,
        "demand": rng.integers(1, 3, n_items),
        "min_load": rng.integers(0, 2, n_agents) * (rng.random() < 0.3),
        "max_load": rng.integers(1, 4, n_agents),
        "forbidden": np.stack([item[conflict], agent[conflict]], axis=1),
        "forced": np.stack([item[forced], agent[forced]], axis=1),
    }
    kwargs.update(overrides)
    return make_problem(**kwargs)


def subsets(problem) -> np.ndarray:
    """Every subset of candidate pairs as a boolean matrix (one row per subset)."""
    n = problem.n_pairs
    return ((np.arange(2**n)[:, None] >> np.arange(n)) & 1).astype(bool)


def feasible_subsets(problem, *, partial: bool = False) -> np.ndarray:
    rows = subsets(problem)
    item_load = rows.astype(int) @ np.eye(problem.n_items, dtype=int)[problem.item]
    agent_load = rows.astype(int) @ np.eye(problem.n_agents, dtype=int)[problem.agent]
    ok = ~(rows & problem.forbidden_mask).any(axis=1)
    ok &= (rows | ~problem.forced_mask).all(axis=1)
    ok &= (
        (item_load <= problem.demand).all(axis=1)
        if partial
        else (item_load == problem.demand).all(axis=1)
    )
    ok &= ((agent_load >= problem.min_load) & (agent_load <= problem.max_load)).all(axis=1)
    return rows[ok]


def best_max_sum(problem) -> float | None:
    rows = feasible_subsets(problem)
    return float((rows @ problem.affinity).max()) if rows.size else None


def item_scores(problem, rows: np.ndarray) -> np.ndarray:
    return (rows * problem.affinity) @ np.eye(problem.n_items)[problem.item]


def best_fair(problem) -> tuple[float, float] | None:
    """(max over assignments of the min item score, max total among those)."""
    rows = feasible_subsets(problem)
    if not rows.size:
        return None
    served = problem.demand > 0
    worst = item_scores(problem, rows)[:, served].min(axis=1)
    best_worst = worst.max()
    top = np.isclose(worst, best_worst, atol=1e-9)
    return float(best_worst), float((rows[top] @ problem.affinity).max())


def best_partial(problem) -> tuple[int, int, float] | None:
    """Lexicographic (items covered, pairs assigned, total affinity)."""
    rows = feasible_subsets(problem, partial=True)
    if not rows.size:
        return None
    loads = rows.astype(int) @ np.eye(problem.n_items, dtype=int)[problem.item]
    covered = ((loads > 0) & (problem.demand > 0)).sum(axis=1)
    assigned = rows.sum(axis=1)
    total = rows @ problem.affinity
    best = np.lexsort((total, assigned, covered))[-1]
    return int(covered[best]), int(assigned[best]), float(total[best])


def best_leximin(problem) -> tuple[np.ndarray, float] | None:
    """(the sorted scores of items with demand that are lexicographically largest, the largest
    total among assignments with those scores)."""
    rows = feasible_subsets(problem)
    if not rows.size:
        return None
    scores = np.round(np.sort(item_scores(problem, rows)[:, problem.demand > 0], axis=1), 9)
    best = scores[np.lexsort(scores.T[::-1])[-1]]
    top = (scores == best).all(axis=1)
    return best, float((rows[top] @ problem.affinity).max())
