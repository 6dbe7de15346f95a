"""Which pairs to start pricing from: each item's best pairs *net of agent prices*.

Raw affinity is a poor guide when everyone wants the same few agents: their capacity runs out
and the pruned network starves. So we first solve a random fifth of the items (agent capacities
scaled down to match and rounded up; a large sample keeps only each item's best pairs) and read
each agent's potential from it: the sample's estimate of what one more unit of that agent is
worth. Items then keep the pairs with the best affinity + agent potential, i.e. the least
reduced cost. This only decides where pricing starts; `engine.py` makes the result exact
either way. A bypass (see `network.with_bypass`) keeps the sample feasible.
"""

from __future__ import annotations

import numpy as np

from .flow import run_min_cost_flow
from .network import NetworkSpec, build_network, scaled_affinity, with_bypass
from .potentials import compute_potentials
from .problem import MatchProblem

SAMPLE_FRACTION = 0.2
SAMPLE_MIN_ITEMS = 200
SAMPLE_MAX_PAIRS = 300_000
SAMPLE_KEEP_FACTOR = 2  # then sampled items keep twice as many pairs as the real solve
KEEP_EXTRA = 10  # pairs kept per item beyond twice what its demand needs


def initial_subset(
    problem: MatchProblem, spec: NetworkSpec, eligible: np.ndarray, bypass: int | None
) -> np.ndarray:
    """Each item's `keep` eligible pairs of best estimated reduced cost, plus forced pairs."""
    prices = agent_prices(problem, spec, eligible, bypass)
    value = scaled_affinity(problem, spec, eligible) + prices[problem.agent[eligible]]
    chosen = top_per_item(problem, eligible, value, _keep(problem, spec))
    mask = np.zeros(problem.n_pairs, dtype=bool)
    mask[chosen] = True
    mask[eligible[problem.forced_mask[eligible]]] = True
    return np.flatnonzero(mask)


def _keep(problem: MatchProblem, spec: NetworkSpec) -> np.ndarray:
    need = -(-problem.demand * spec.units // spec.pair_cap)
    return 2 * need + KEEP_EXTRA


def top_per_item(problem: MatchProblem, pairs: np.ndarray, value, keep: np.ndarray):
    """The `keep[i]` pairs of largest `value` for every item i (ties broken arbitrarily)."""
    items = problem.item[pairs]
    order = np.argsort(_rank_key(items, value, problem.n_items), kind="stable")
    counts = np.bincount(items, minlength=problem.n_items)
    group_start = np.cumsum(counts) - counts
    sorted_items = items[order]
    rank = np.arange(order.size) - group_start[sorted_items]
    return pairs[order[rank < keep[sorted_items]]]


def _rank_key(items: np.ndarray, value: np.ndarray, n_items: int) -> np.ndarray:
    """One int64 key sorting by item, then by value descending (quantised: ties only affect
    speed, never the answer)."""
    bits = min(30, 62 - max(1, int(n_items).bit_length()))
    value = value.astype(np.float64)
    low, high = (value.min(), value.max()) if value.size else (0.0, 0.0)
    span = high - low if high > low else 1.0
    quantised = ((high - value) / span * ((1 << bits) - 1)).astype(np.int64)
    return (items << bits) | quantised


def agent_prices(
    problem: MatchProblem, spec: NetworkSpec, eligible: np.ndarray, bypass: int | None
) -> np.ndarray:
    """Agent potentials of the sampled problem (zeros when sampling does not apply)."""
    prices = np.zeros(problem.n_agents, dtype=np.int64)
    size = max(SAMPLE_MIN_ITEMS, int(problem.n_items * SAMPLE_FRACTION))
    if bypass is None or size >= problem.n_items // 2:
        return prices
    sample, sample_spec, sample_pairs = _sample_problem(problem, spec, eligible, size)
    net = with_bypass(build_network(sample, sample_spec, sample_pairs), sample, sample_spec, bypass)
    run = run_min_cost_flow(net)
    if run.status != "optimal":
        return prices
    potentials, _ = compute_potentials(net, run.flows)
    return potentials[sample.n_items : sample.n_items + sample.n_agents]


def _sample_problem(problem: MatchProblem, spec: NetworkSpec, eligible: np.ndarray, size: int):
    """A random `size` items with all their eligible pairs; loads scaled by size / n_items."""
    rng = np.random.default_rng(0)
    chosen = np.zeros(problem.n_items, dtype=bool)
    chosen[rng.choice(problem.n_items, size, replace=False)] = True
    pairs = eligible[chosen[problem.item[eligible]]]
    if pairs.size > SAMPLE_MAX_PAIRS:  # thin out by raw affinity: prices are estimates anyway
        keep = SAMPLE_KEEP_FACTOR * _keep(problem, spec)
        pairs = np.sort(top_per_item(problem, pairs, problem.affinity[pairs], keep))
    renumber = np.cumsum(chosen) - 1
    fraction = size / problem.n_items
    units = spec.units
    sample = MatchProblem(
        item=renumber[problem.item[pairs]],
        agent=problem.agent[pairs],
        affinity=problem.affinity[pairs],
        n_items=size,
        n_agents=problem.n_agents,
        demand=problem.demand[chosen] * units,
        min_load=np.floor(problem.min_load * fraction * units).astype(np.int64),
        max_load=np.ceil(problem.max_load * fraction * units).astype(np.int64),
        forbidden=problem.forbidden[:0],
        forced=problem.forced[:0],
        forbidden_mask=np.zeros(pairs.size, dtype=bool),
        forced_mask=np.zeros(pairs.size, dtype=bool),
    )
    sample_spec = NetworkSpec(
        scale=spec.scale,
        pair_cap=spec.pair_cap,
        affinity_costs=spec.affinity_costs,
    )
    return sample, sample_spec, np.arange(pairs.size)
