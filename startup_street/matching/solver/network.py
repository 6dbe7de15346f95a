"""The flow network, built from arrays in one go.

Nodes: items `0..n_items-1`, agents `n_items..n_items+n_agents-1`, then the source and the sink.
Arcs, in blocks:

    source -> item        demand (exactly, or split into a first unit and the rest for
                          `allow_partial`, where an S -> T slack arc takes what cannot be served)
    item   -> agent       one arc per allowed candidate pair: capacity `pair_cap` units, cost
                          -round(affinity * scale); a forced pair has lower = upper bound
    agent  -> sink        lower bound min_load, capacity max_load

Lower bounds stay explicit here (they are exact, no big-M); `flow.py` turns them into node
supplies for OR-Tools. A `NetworkSpec` is all that is needed to rebuild the same network from a
problem, which is what lets `verify_certificate` check a result independently of the solve.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .problem import MatchProblem


@dataclass(frozen=True)
class NetworkSpec:
    """How candidate pairs become arcs. `units` flow units make one assignment (Q > 1 for the
    fractional solve of the randomised mode, whose pair arcs then carry at most `pair_cap`)."""

    scale: float
    units: int = 1
    pair_cap: int = 1
    min_affinity: float | None = None
    affinity_costs: bool = True
    split_first_unit: bool = False
    first_unit_cost: int = 0
    rest_unit_cost: int = 0
    slack: tuple[int, int] | None = None


@dataclass(frozen=True, eq=False)
class Network:
    n_items: int
    n_agents: int
    tail: np.ndarray
    head: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    cost: np.ndarray
    supply: np.ndarray
    pair_index: np.ndarray  # candidate index of each item -> agent arc
    pair_start: int  # position of the first item -> agent arc
    split: bool
    has_slack: bool

    @property
    def n_nodes(self) -> int:
        return self.n_items + self.n_agents + 2

    @property
    def pair_arcs(self) -> slice:
        return slice(self.pair_start, self.pair_start + self.pair_index.size)


def source_node(problem: MatchProblem) -> int:
    return problem.n_items + problem.n_agents


def eligible_pairs(problem: MatchProblem, spec: NetworkSpec) -> np.ndarray:
    """Candidate indices that get an arc: allowed, and above the threshold unless forced."""
    keep = problem.allowed.copy()
    if spec.min_affinity is not None:
        keep &= problem.forced_mask | (problem.affinity >= spec.min_affinity)
    return np.flatnonzero(keep)


SCALED_LIMIT = float(2**62)  # forbidden pairs may scale beyond int64; they never get an arc


def scaled_affinity(problem: MatchProblem, spec: NetworkSpec, pairs: np.ndarray) -> np.ndarray:
    """Integer affinities: round(affinity * scale) (computed once per problem and scale)."""
    return _scaled(problem, spec.scale)[pairs]


def _scaled(problem: MatchProblem, scale: float) -> np.ndarray:
    key = ("scaled_affinity", scale)
    if key not in problem.cache:
        with np.errstate(over="ignore", under="ignore"):
            product = np.clip(problem.affinity * scale, -SCALED_LIMIT, SCALED_LIMIT)
        problem.cache[key] = np.rint(product).astype(np.int64)
    return problem.cache[key]


def rounding_error(problem: MatchProblem, scale: float) -> float:
    """e: no allowed pair's affinity is further than e from round(affinity * scale) / scale.

    Measured, not assumed: 0 when every affinity is a float of the grid (round(a * scale) /
    scale == a, e.g. all zero, or 1.0 and 1.5), at most 0.5 / scale otherwise, plus the float
    error of the product itself.
    """
    key = ("rounding_error", scale)
    if key not in problem.cache:
        allowed = problem.allowed
        affinity = problem.affinity[allowed]
        scaled = _scaled(problem, scale)[allowed]
        with np.errstate(over="ignore", under="ignore", invalid="ignore"):
            off_grid = scaled / scale != affinity
            affinity = affinity[off_grid]
            off = np.abs(affinity * scale - scaled[off_grid]) / scale
        problem.cache[key] = (
            float((off + np.abs(affinity) * 2.0**-51).max()) if affinity.size else 0.0
        )
    return problem.cache[key]


def tolerance(problem: MatchProblem, scale: float, assignments: float) -> float:
    """How far below the float optimum an exact optimum of the integer costs can be: each of
    the two assignments compared moves by at most `assignments * rounding_error`."""
    return 2.0 * float(assignments) * rounding_error(problem, scale)


def pair_costs(problem: MatchProblem, spec: NetworkSpec, pairs: np.ndarray) -> np.ndarray:
    if not spec.affinity_costs:
        return np.zeros(pairs.size, dtype=np.int64)
    return -scaled_affinity(problem, spec, pairs)


def build_network(
    problem: MatchProblem, spec: NetworkSpec, pairs: np.ndarray | None = None
) -> Network:
    """The network over `pairs` (sorted candidate indices; default: every eligible pair)."""
    pairs = eligible_pairs(problem, spec) if pairs is None else pairs
    blocks = [_source_block(problem, spec)]
    if spec.slack is not None:
        blocks.append(_slack_block(problem, spec))
    pair_start = sum(block[0].size for block in blocks)
    blocks += [_pair_block(problem, spec, pairs), _sink_block(problem, spec)]
    tail, head, lower, upper, cost = (np.concatenate(parts) for parts in zip(*blocks, strict=True))
    supply = np.zeros(problem.n_items + problem.n_agents + 2, dtype=np.int64)
    supply[-2], supply[-1] = _total_units(problem, spec), -_total_units(problem, spec)
    return Network(
        n_items=problem.n_items,
        n_agents=problem.n_agents,
        tail=tail.astype(np.int32),
        head=head.astype(np.int32),
        lower=lower,
        upper=upper,
        cost=cost,
        supply=supply,
        pair_index=pairs,
        pair_start=pair_start,
        split=spec.split_first_unit,
        has_slack=spec.slack is not None,
    )


def _total_units(problem: MatchProblem, spec: NetworkSpec) -> int:
    return problem.total_demand * spec.units


def _block(tail, head, lower, upper, cost):
    n = np.size(tail)
    values = (tail, head, lower, upper, cost)
    return tuple(np.broadcast_to(np.asarray(v, dtype=np.int64), (n,)) for v in values)


def _source_block(problem: MatchProblem, spec: NetworkSpec):
    items = np.arange(problem.n_items)
    source = source_node(problem)
    units = problem.demand * spec.units
    if not spec.split_first_unit:
        return _block(np.full(items.size, source), items, units, units, 0)
    first = np.minimum(units, spec.units)
    tails = np.full(2 * items.size, source)
    return _block(
        tails,
        np.concatenate([items, items]),
        0,
        np.concatenate([first, units - first]),
        np.repeat([spec.first_unit_cost, spec.rest_unit_cost], items.size),
    )


def _slack_block(problem: MatchProblem, spec: NetworkSpec):
    source = source_node(problem)
    low, high = spec.slack
    return _block([source], [source + 1], [low], [high], [0])


def _pair_block(problem: MatchProblem, spec: NetworkSpec, pairs: np.ndarray):
    forced = problem.forced_mask[pairs]
    lower = np.where(forced, spec.units, 0)
    upper = np.where(forced, spec.units, spec.pair_cap)
    heads = problem.n_items + problem.agent[pairs]
    return _block(problem.item[pairs], heads, lower, upper, pair_costs(problem, spec, pairs))


def _sink_block(problem: MatchProblem, spec: NetworkSpec):
    agents = problem.n_items + np.arange(problem.n_agents)
    sink = source_node(problem) + 1
    low, high = problem.min_load * spec.units, problem.max_load * spec.units
    return _block(agents, np.full(agents.size, sink), low, high, 0)


def flows_from_pair_units(net: Network, problem: MatchProblem, units: np.ndarray) -> np.ndarray:
    """Arc flows implied by per-candidate-pair flow units (conservation fixes the rest)."""
    item_load = np.bincount(problem.item, weights=units, minlength=net.n_items).astype(np.int64)
    agent_load = np.bincount(problem.agent, weights=units, minlength=net.n_agents).astype(np.int64)
    parts = _source_flows(net, item_load)
    if net.has_slack:
        parts.append(np.array([net.supply[-2] - item_load.sum()], dtype=np.int64))
    parts += [units[net.pair_index].astype(np.int64), agent_load]
    return np.concatenate(parts)


def _source_flows(net: Network, item_load: np.ndarray) -> list[np.ndarray]:
    if not net.split:
        return [item_load]
    first_cap = net.upper[: net.n_items]
    first = np.minimum(item_load, first_cap)
    return [first, item_load - first]


def with_bypass(net: Network, problem: MatchProblem, spec: NetworkSpec, cost: int) -> Network:
    """Add artificial arcs item -> source (cost `cost`) and source -> agent (cost 0).

    The source then acts as a hub joining every item to every agent, so a pruned network is
    feasible whenever the totals are; a positive `cost` makes the bypass a last resort. Used
    only while pricing (`engine.py`): a final flow must leave the bypass empty.
    """
    items = np.arange(problem.n_items)
    agents = problem.n_items + np.arange(problem.n_agents)
    source = source_node(problem)
    tail = np.concatenate([net.tail, items, np.full(agents.size, source)])
    head = np.concatenate([net.head, np.full(items.size, source), agents])
    upper = np.concatenate([net.upper, problem.demand * spec.units, problem.max_load * spec.units])
    cost_arcs = np.concatenate([np.full(items.size, cost), np.zeros(agents.size)])
    return replace(
        net,
        tail=tail.astype(np.int32),
        head=head.astype(np.int32),
        lower=np.concatenate([net.lower, np.zeros(items.size + agents.size, dtype=np.int64)]),
        upper=upper,
        cost=np.concatenate([net.cost, cost_arcs.astype(np.int64)]),
    )
