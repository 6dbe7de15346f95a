"""Exact min-cost flow over many candidate pairs by pricing (column generation).

Most candidate pairs of a large instance can never be in an optimal assignment. We solve on each
item's most promising pairs (`warmstart.py`), compute potentials, and price every left-out
pair: a left-out pair whose reduced cost is negative could improve the flow, so it is added
and we solve again. When no left-out pair prices negative, the potentials prove the flow
optimal for the *full* network, exactly as if every pair had been an arc (the argument of the
simplex method's pricing). While pruned, a costly bypass (items -> source -> agents) keeps the
network feasible; a final flow that still uses it, an infeasible pruned network, or too many
rounds send us to the full network. The answer is therefore always the exact optimum; pruning
only changes the running time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .flow import run_min_cost_flow
from .network import (
    Network,
    NetworkSpec,
    build_network,
    eligible_pairs,
    pair_costs,
    with_bypass,
)
from .potentials import compute_potentials
from .problem import MatchProblem
from .warmstart import initial_subset, top_per_item

PRUNE_MIN_PAIRS = 20_000  # below this, solving everything is as fast as pruning
MAX_PRICING_ROUNDS = 8
PRICE_PER_ITEM = 4  # negative pairs added per item and pricing round (partial pricing)
BYPASS_HOPS = 8  # bypass cost = this many times the spread of pair costs
COST_LIMIT = 2**60  # OR-Tools rejects max|cost| * (nodes + 1) above about 2**62


@dataclass(frozen=True, eq=False)
class FlowSolution:
    status: str  # "optimal", "infeasible", "cost_range" or "error"
    pair_units: np.ndarray | None  # flow units per candidate pair
    potentials: np.ndarray | None
    stats: dict = field(default_factory=dict)


def solve_flow(problem: MatchProblem, spec: NetworkSpec, *, prune: bool = True) -> FlowSolution:
    """Optimal flow for `spec` over all eligible pairs, pricing out the unpromising ones."""
    eligible = eligible_pairs(problem, spec)
    pruned = prune and eligible.size > PRUNE_MIN_PAIRS
    bypass = _bypass_cost(problem, spec, eligible) if pruned else None
    subset = initial_subset(problem, spec, eligible, bypass) if pruned else eligible
    stats = {"eligible_pairs": int(eligible.size), "solve_s": 0.0, "pricing_rounds": 0}
    stats["networks_solved"] = 0  # pruned or full networks; the warm start's sample not counted
    for round_number in range(MAX_PRICING_ROUNDS + 1):
        subset = eligible if round_number == MAX_PRICING_ROUNDS else subset
        full = subset.size == eligible.size
        net, run = _solve_subset(problem, spec, subset, None if full else bypass, stats)
        if run.status != "optimal":
            if full or run.status != "infeasible":
                return FlowSolution(run.status, None, None, stats)
            subset = eligible
            continue
        potentials, stats["bellman_ford_rounds"] = compute_potentials(net, run.flows)
        added = _price(problem, spec, eligible, subset, potentials)
        if added.size:
            subset = _union(problem, subset, added)
            stats["pricing_rounds"] += 1
        elif not full and _uses_bypass(problem, run.flows, bypass):
            subset = eligible  # the bypass is too cheap or the problem infeasible: settle it
        else:
            return FlowSolution("optimal", _pair_units(problem, net, run.flows), potentials, stats)
    raise AssertionError("unreachable: the last round solves the full network")


def _solve_subset(problem, spec, subset, bypass, stats):
    net = build_network(problem, spec, subset)
    if bypass is not None:
        net = with_bypass(net, problem, spec, bypass)
    run = run_min_cost_flow(net)
    stats["solve_s"] += run.seconds
    stats["networks_solved"] += 1
    stats["arcs"] = int(net.tail.size)
    return net, run


def _bypass_cost(problem: MatchProblem, spec: NetworkSpec, eligible: np.ndarray) -> int | None:
    """A cost for the artificial item -> source arcs above any real augmenting path's, or None
    (no bypass) for the partial mode, whose bonus costs are already large."""
    if spec.split_first_unit or eligible.size == 0:
        return None
    costs = pair_costs(problem, spec, eligible)
    nodes = problem.n_items + problem.n_agents + 2
    wanted = (int(costs.max()) - int(costs.min()) + 1) * min(nodes, BYPASS_HOPS)
    return min(wanted, COST_LIMIT // (nodes + 1))


def _uses_bypass(problem: MatchProblem, flows: np.ndarray, bypass: int | None) -> bool:
    if bypass is None:
        return False
    artificial = flows[flows.size - problem.n_items - problem.n_agents :][: problem.n_items]
    return bool(artificial.any())


def _union(problem: MatchProblem, *parts: np.ndarray) -> np.ndarray:
    """Sorted union of candidate index arrays (a mask: np.union1d hashes, which is slower)."""
    mask = np.zeros(problem.n_pairs, dtype=bool)
    for part in parts:
        mask[part] = True
    return np.flatnonzero(mask)


def _pair_units(problem: MatchProblem, net: Network, flows: np.ndarray) -> np.ndarray:
    units = np.zeros(problem.n_pairs, dtype=np.int64)
    units[net.pair_index] = flows[net.pair_arcs]
    return units


def _price(problem, spec, eligible, subset, potentials) -> np.ndarray:
    """Left-out eligible pairs with negative reduced cost, the most negative few per item."""
    if subset.size == eligible.size:
        return subset[:0]
    inside = np.zeros(problem.n_pairs, dtype=bool)
    inside[subset] = True
    out = eligible[~inside[eligible]]
    heads = problem.n_items + problem.agent[out]
    rc = pair_costs(problem, spec, out) + potentials[problem.item[out]] - potentials[heads]
    negative = rc < 0
    keep = np.full(problem.n_items, PRICE_PER_ITEM)
    return np.sort(top_per_item(problem, out[negative], -rc[negative], keep))
