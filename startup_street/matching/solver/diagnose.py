"""Why a flow is infeasible when the counting checks did not say: max-flow / min-cut analysis.

We solve two relaxations with OR-Tools' max-flow-with-min-cost: demands without minimum loads,
and minimum loads without demands. A shortfall in the first names the items left short and the
agents (all at max load) they could still reach in the residual graph, which is a Hall-type
bottleneck; a shortfall in the second names the agents that cannot reach their minimum load.
"""

from __future__ import annotations

import numpy as np

from .flow import run_min_cost_flow
from .network import Network, NetworkSpec, eligible_pairs
from .problem import MatchProblem, name_some


def explain_infeasible(problem: MatchProblem, spec: NetworkSpec) -> list[str]:
    lines = _demand_shortfall(problem, spec) + _min_load_shortfall(problem, spec)
    return lines or ["demands, loads and forced pairs cannot all be met together"]


def _demand_shortfall(problem: MatchProblem, spec: NetworkSpec) -> list[str]:
    net = _relaxation(problem, spec, problem.max_load * spec.units, problem.demand * spec.units)
    run = run_min_cost_flow(net, max_flow=True)
    wanted = int(problem.demand.sum()) * spec.units
    served = int(run.flows[: problem.n_items].sum()) if run.flows is not None else 0
    if run.flows is None or served >= wanted:
        return []
    short = np.flatnonzero(run.flows[: problem.n_items] < problem.demand * spec.units)
    reached = _reachable(net, run.flows)
    full = np.flatnonzero(reached[problem.n_items : problem.n_items + problem.n_agents])
    line = (
        f"only {served / spec.units:g} of {wanted // spec.units} requested assignments can be "
        f"made; left short: {name_some('item', short)}"
    )
    if full.size:
        line += f"; every agent they could still use is at max load: {name_some('agent', full)}"
    return [line]


def _min_load_shortfall(problem: MatchProblem, spec: NetworkSpec) -> list[str]:
    if not problem.min_load.any():
        return []
    net = _relaxation(problem, spec, problem.min_load * spec.units, problem.demand * spec.units)
    run = run_min_cost_flow(net, max_flow=True)
    if run.flows is None:
        return []
    agent_flow = run.flows[-problem.n_agents :]
    short = np.flatnonzero(agent_flow < problem.min_load * spec.units)
    if not short.size:
        return []
    return [f"minimum loads cannot be met; below their minimum: {name_some('agent', short)}"]


def _relaxation(problem: MatchProblem, spec: NetworkSpec, agent_cap, item_cap) -> Network:
    """source -> item (item_cap), item -> agent (eligible pairs), agent -> sink (agent_cap)."""
    ni, na = problem.n_items, problem.n_agents
    pairs = eligible_pairs(problem, spec)
    forced = problem.forced_mask[pairs]
    source, sink = ni + na, ni + na + 1
    tail = np.concatenate([np.full(ni, source), problem.item[pairs], ni + np.arange(na)])
    head = np.concatenate([np.arange(ni), ni + problem.agent[pairs], np.full(na, sink)])
    pair_cap = np.where(forced, spec.units, spec.pair_cap)
    upper = np.concatenate([item_cap, pair_cap, agent_cap]).astype(np.int64)
    cost = np.concatenate([np.zeros(ni), -forced.astype(np.int64), np.zeros(na)]).astype(np.int64)
    supply = np.zeros(ni + na + 2, dtype=np.int64)
    supply[source], supply[sink] = int(item_cap.sum()), -int(item_cap.sum())
    return Network(
        n_items=ni,
        n_agents=na,
        tail=tail.astype(np.int32),
        head=head.astype(np.int32),
        lower=np.zeros(upper.size, dtype=np.int64),
        upper=upper,
        cost=cost,
        supply=supply,
        pair_index=pairs,
        pair_start=ni,
        split=False,
        has_slack=False,
    )


def _reachable(net: Network, flows: np.ndarray) -> np.ndarray:
    """Nodes reachable from the source in the residual graph (breadth-first, one pass a level)."""
    forward = flows < net.upper
    backward = flows > net.lower
    tail = np.concatenate([net.tail[forward], net.head[backward]])
    head = np.concatenate([net.head[forward], net.tail[backward]])
    reached = np.zeros(net.n_nodes, dtype=bool)
    reached[net.n_items + net.n_agents] = True
    while True:
        new = head[reached[tail] & ~reached[head]]
        if new.size == 0:
            return reached
        reached[new] = True
