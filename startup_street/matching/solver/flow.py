"""OR-Tools' SimpleMinCostFlow on a `Network`: one vectorised call in, one vectorised call out."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

from .network import Network

_SMCF = min_cost_flow.SimpleMinCostFlow
_STATUS = {
    _SMCF.OPTIMAL: "optimal",
    _SMCF.INFEASIBLE: "infeasible",
    _SMCF.UNBALANCED: "infeasible",
    _SMCF.BAD_COST_RANGE: "cost_range",
}


@dataclass(frozen=True, eq=False)
class FlowRun:
    status: str  # "optimal", "infeasible", "cost_range" or "error"
    flows: np.ndarray | None  # per arc of the network, lower bounds included
    seconds: float  # OR-Tools' solve alone


def run_min_cost_flow(net: Network, *, max_flow: bool = False) -> FlowRun:
    """Solve `net` exactly. Lower bounds become node supplies (send `lower` up front).

    With `max_flow=True` OR-Tools maximises the flow first (supplies may go unmet) and then
    minimises cost; used for diagnosis on networks without lower bounds.
    """
    solver = _SMCF()
    solver.add_arcs_with_capacity_and_unit_cost(net.tail, net.head, net.upper - net.lower, net.cost)
    solver.set_nodes_supplies(np.arange(net.n_nodes, dtype=np.int32), _shifted_supply(net))
    start = time.perf_counter()
    status = solver.solve_max_flow_with_min_cost() if max_flow else solver.solve()
    seconds = time.perf_counter() - start
    label = _STATUS.get(status, "error")
    if label != "optimal":
        return FlowRun(label, None, seconds)
    flows = solver.flows(np.arange(net.tail.size, dtype=np.int32)).astype(np.int64)
    return FlowRun(label, flows + net.lower, seconds)


def _shifted_supply(net: Network) -> np.ndarray:
    if not net.lower.any():
        return net.supply
    out = np.bincount(net.tail, weights=net.lower, minlength=net.n_nodes)
    into = np.bincount(net.head, weights=net.lower, minlength=net.n_nodes)
    return net.supply - np.rint(out).astype(np.int64) + np.rint(into).astype(np.int64)


def is_feasible(net: Network) -> bool:
    """Whether any flow meets every supply and bound (costs ignored): one max flow.

    Lower bounds and supplies become arcs from a super source to nodes with surplus and from
    nodes with deficit to a super sink; feasible iff the max flow saturates them all.
    """
    supply = _shifted_supply(net)
    source, sink = net.n_nodes, net.n_nodes + 1
    surplus, deficit = np.flatnonzero(supply > 0), np.flatnonzero(supply < 0)
    tail = np.concatenate([net.tail, np.full(surplus.size, source), deficit]).astype(np.int32)
    head = np.concatenate([net.head, surplus, np.full(deficit.size, sink)]).astype(np.int32)
    capacity = np.concatenate([net.upper - net.lower, supply[surplus], -supply[deficit]])
    solver = max_flow.SimpleMaxFlow()
    solver.add_arcs_with_capacity(tail, head, capacity.astype(np.int64))
    if solver.solve(source, sink) != solver.OPTIMAL:
        return False
    return solver.optimal_flow() == int(supply[surplus].sum())
