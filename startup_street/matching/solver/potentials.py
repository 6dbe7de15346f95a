"""Node potentials (the dual of the min-cost flow) and the checks they certify.

A flow x is optimal iff there are potentials pi with, for every arc e = (t, h) and its reduced
cost rc_e = cost_e + pi_t - pi_h:  x_e < upper_e => rc_e >= 0  and  x_e > lower_e => rc_e <= 0,
i.e. the residual graph has no negative cycle. OR-Tools does not expose its potentials, so we
recompute them as shortest-path distances in the residual graph from a virtual root joined to
every node at cost 0 (vectorised Bellman-Ford). Everything is int64 and exact.

For *any* potentials, sum(cost * x) >= LB(pi) = sum_e min(rc_e * lower_e, rc_e * upper_e)
- sum_v pi_v * supply_v (weak duality); LB equals the flow's cost exactly when the conditions
above hold, which is how the certificate doubles as a bound.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .network import Network


@dataclass(frozen=True)
class OptimalityReport:
    problems: tuple[str, ...]  # feasibility or complementary-slackness failures
    cost: int  # sum(cost * flow)
    lower_bound: int  # LB(pi): no flow in this network costs less

    @property
    def ok(self) -> bool:
        return not self.problems


def residual_arcs(net: Network, flows: np.ndarray):
    """Residual graph: forward arcs with spare capacity, backward arcs carrying flow."""
    forward = flows < net.upper
    backward = flows > net.lower
    tail = np.concatenate([net.tail[forward], net.head[backward]])
    head = np.concatenate([net.head[forward], net.tail[backward]])
    cost = np.concatenate([net.cost[forward], -net.cost[backward]])
    return tail, head, cost


def compute_potentials(net: Network, flows: np.ndarray) -> tuple[np.ndarray, int]:
    """Shortest distances in the residual graph (and the number of relaxation rounds)."""
    return shortest_distances(net.n_nodes, *residual_arcs(net, flows))


def shortest_distances(n_nodes: int, tail, head, cost) -> tuple[np.ndarray, int]:
    """Bellman-Ford-Moore from a virtual root with 0-cost arcs to every node, vectorised.

    Each round relaxes, in one numpy pass, only the out-arcs of nodes whose distance changed in
    the previous round (the first round: all arcs). Rounds = the most arcs on a shortest path,
    a few dozen to a few hundred on assignment networks, most of them touching few arcs.
    """
    order = np.argsort(tail, kind="stable")
    tail, head, cost = tail[order], head[order], cost[order]
    indptr = np.searchsorted(tail, np.arange(n_nodes + 1))
    dist = np.zeros(n_nodes, dtype=np.int64)
    active = np.arange(n_nodes)
    for rounds in range(1, n_nodes + 2):
        arcs = _out_arcs(indptr, active)
        candidate = dist[tail[arcs]] + cost[arcs]
        better = candidate < dist[head[arcs]]
        if not better.any():
            return dist, rounds
        targets = head[arcs[better]]
        np.minimum.at(dist, targets, candidate[better])
        active = np.flatnonzero(np.bincount(targets, minlength=n_nodes))
    raise RuntimeError("negative cycle in the residual graph: the flow is not optimal")


def _out_arcs(indptr: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """Positions of the out-arcs of `nodes` in the tail-sorted arc arrays."""
    starts, counts = indptr[nodes], indptr[nodes + 1] - indptr[nodes]
    offsets = np.cumsum(counts) - counts
    return np.repeat(starts - offsets, counts) + np.arange(counts.sum())


def reduced_costs(net: Network, potentials: np.ndarray) -> np.ndarray:
    return net.cost + potentials[net.tail] - potentials[net.head]


def check_optimality(net: Network, flows: np.ndarray, potentials: np.ndarray) -> OptimalityReport:
    """Feasibility of `flows` and complementary slackness against `potentials`, vectorised."""
    problems = _feasibility_problems(net, flows)
    rc = reduced_costs(net, potentials)
    bad = ((flows < net.upper) & (rc < 0)) | ((flows > net.lower) & (rc > 0))
    if bad.any():
        problems.append(
            f"{int(bad.sum())} arcs violate complementary slackness (a cheaper assignment exists "
            "or the potentials are wrong)"
        )
    bound = np.where(rc >= 0, rc * net.lower, rc * net.upper).sum() - potentials @ net.supply
    cost = int(net.cost @ flows)
    return OptimalityReport(tuple(problems), cost, int(bound))


def _feasibility_problems(net: Network, flows: np.ndarray) -> list[str]:
    problems = []
    outside = np.flatnonzero((flows < net.lower) | (flows > net.upper))
    if outside.size:
        problems.append(f"{outside.size} arcs carry flow outside their bounds")
    out = np.bincount(net.tail, weights=flows, minlength=net.n_nodes)
    into = np.bincount(net.head, weights=flows, minlength=net.n_nodes)
    unbalanced = np.flatnonzero(np.rint(out - into).astype(np.int64) != net.supply)
    if unbalanced.size:
        problems.append(f"flow is not conserved at {unbalanced.size} nodes")
    return problems
