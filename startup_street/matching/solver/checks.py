"""Cheap counting checks that explain most infeasible inputs before any flow is solved.

Each check returns human-readable lines ("item 17 has no allowed agent"). They are necessary
conditions only; what they miss (a Hall-type shortage among several items) is explained after
the solve by `diagnose.py`.
"""

from __future__ import annotations

import numpy as np

from .problem import MAX_LISTED, MatchProblem


def infeasibility_reasons(
    problem: MatchProblem, *, partial: bool = False, units: int = 1, pair_cap: int = 1
) -> list[str]:
    """All counting contradictions; `units`/`pair_cap` describe a fractional (randomised) solve."""
    reasons = _forced_reasons(problem)
    if not partial:
        reasons += _item_supply_reasons(problem, units, pair_cap)
        reasons += _total_capacity_reasons(problem)
    reasons += _min_load_reasons(problem, units, pair_cap)
    return reasons


def _forced_reasons(problem: MatchProblem) -> list[str]:
    reasons = []
    clash = np.flatnonzero(problem.forced_mask & problem.forbidden_mask)
    reasons += [
        f"forced pair (item {problem.item[p]}, agent {problem.agent[p]}) is also forbidden "
        "(conflict of interest)"
        for p in clash[:MAX_LISTED]
    ]
    forced_item = _count(problem.item, problem.forced_mask, problem.n_items)
    forced_agent = _count(problem.agent, problem.forced_mask, problem.n_agents)
    reasons += _over_lines(forced_item, problem.demand, "item", "forced agents", "demand")
    reasons += _over_lines(forced_agent, problem.max_load, "agent", "forced items", "max load")
    return reasons


def _over_lines(count, limit, entity: str, what: str, limit_name: str) -> list[str]:
    over = np.flatnonzero(count > limit)
    lines = [
        f"{entity} {i} has {count[i]} {what} but {limit_name} {limit[i]}" for i in over[:MAX_LISTED]
    ]
    if over.size > MAX_LISTED:
        lines.append(f"... and {over.size - MAX_LISTED} more {entity}s like this")
    return lines


def _item_supply_reasons(problem: MatchProblem, units: int, pair_cap: int) -> list[str]:
    """Items whose allowed pairs cannot carry their demand."""
    allowed = problem.allowed
    per_pair = np.where(problem.forced_mask, units, pair_cap)[allowed]
    capacity = np.bincount(problem.item[allowed], weights=per_pair, minlength=problem.n_items)
    count = _count(problem.item, allowed, problem.n_items)
    short = np.flatnonzero(capacity < problem.demand * units)
    lines = [_item_short_line(i, count[i], problem.demand[i], units, pair_cap) for i in short]
    if len(lines) > MAX_LISTED:
        lines = lines[:MAX_LISTED] + [f"... and {len(lines) - MAX_LISTED} more items like this"]
    return lines


def _item_short_line(i: int, count: int, demand: int, units: int, pair_cap: int) -> str:
    if count == 0:
        return f"item {i} has no allowed agent (demand {demand})"
    if units == pair_cap:
        return f"item {i} has {_plural(count, 'allowed agent')} for demand {demand}"
    return (
        f"item {i} has {_plural(count, 'allowed agent')}; with at most {pair_cap}/{units} "
        f"probability per pair, demand {demand} needs at least {-(-demand * units // pair_cap)}"
    )


def _total_capacity_reasons(problem: MatchProblem) -> list[str]:
    demand, capacity = problem.total_demand, int(problem.max_load.sum())
    if demand <= capacity:
        return []
    return [
        f"total demand {demand} exceeds total capacity {capacity} "
        "(solve with allow_partial=True to serve as many items as possible)"
    ]


def _min_load_reasons(problem: MatchProblem, units: int, pair_cap: int) -> list[str]:
    reasons = []
    total_min = int(problem.min_load.sum())
    if total_min > problem.total_demand:
        reasons.append(
            f"total minimum load {total_min} exceeds total demand {problem.total_demand}"
        )
    allowed = problem.allowed
    per_pair = np.where(problem.forced_mask, units, pair_cap)[allowed]
    capacity = np.bincount(problem.agent[allowed], weights=per_pair, minlength=problem.n_agents)
    count = _count(problem.agent, allowed, problem.n_agents)
    short = np.flatnonzero(capacity < problem.min_load * units)
    reasons += [
        f"agent {j} has min load {problem.min_load[j]} but only {_plural(count[j], 'allowed item')}"
        for j in short[:MAX_LISTED]
    ]
    if short.size > MAX_LISTED:
        reasons.append(f"... and {short.size - MAX_LISTED} more agents like this")
    return reasons


def _count(index: np.ndarray, mask: np.ndarray, n: int) -> np.ndarray:
    return np.bincount(index[mask], minlength=n)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
