"""Randomised assignment with a cap on every pair's probability (Jecmen et al., NeurIPS 2020).

1. Fractional optimum. With Q = 2**bits flow units per assignment, every free pair arc gets
   capacity floor(max_prob * Q) units, demands and loads are multiplied by Q. The min-cost flow
   is then exactly the LP optimum of "max expected affinity s.t. P(pair) <= q'", where
   q' = floor(max_prob * Q) / Q <= max_prob (the constraint matrix is totally unimodular, so
   the integer flow in units of 1/Q loses nothing on that grid). It comes with a certificate.

2. Sampling by recursive halving. A flow g in units of 2**k (item sums 2**k * demand, agent sums
   within 2**k * [min_load, max_load], pairs <= 2**k) is split into h and g - h with every pair
   and every agent sum rounded to floor or ceil of half (item sums are even, so exact). Such an
   h always exists (the half flow g / 2 satisfies the bounds and the network matrix is totally
   unimodular) and is found by one min-cost flow with random costs. Keeping h or g - h with
   probability 1/2 gives a flow in units of 2**(k-1) whose expectation is g / 2; after `bits`
   halvings the flow is an integral assignment and P(pair) equals its fractional value exactly,
   hence <= q'. Every sample satisfies demands, loads, conflicts and forced pairs.
"""

from __future__ import annotations

import numpy as np

from .certificate import Certificate, StageCertificate
from .checks import infeasibility_reasons
from .engine import solve_flow
from .flow import run_min_cost_flow
from .modes import choose_scale, flow_failure
from .network import Network, NetworkSpec
from .problem import MatchProblem
from .result import INFEASIBLE, INVALID, OPTIMAL, MatchResult, assignment_result, failed_result


def solve_randomized(
    problem: MatchProblem, *, max_prob: float, seed=None, bits: int = 10
) -> MatchResult:
    units = 1 << bits
    pair_cap = min(units, int(np.floor(max_prob * units)))
    if pair_cap < 1:
        line = f"max_prob {max_prob} is below the resolution 1/{units}; raise resolution_bits"
        return failed_result("randomized", INVALID, [line])
    reasons = infeasibility_reasons(problem, units=units, pair_cap=pair_cap)
    if reasons:
        return failed_result("randomized", INFEASIBLE, reasons)
    spec = NetworkSpec(scale=choose_scale(problem), units=units, pair_cap=pair_cap)
    solution = solve_flow(problem, spec)
    if solution.status != OPTIMAL:
        return flow_failure(problem, spec, solution, "randomized")
    marginals = solution.pair_units / units
    certificate = Certificate((StageCertificate(spec, solution.potentials),))
    return _sampled_result(problem, marginals, certificate, seed, solution.stats)


def sample_assignment(problem: MatchProblem, result: MatchResult, *, seed=None) -> MatchResult:
    """Another independent draw from a randomised result's fractional solution (no re-solve)."""
    if result.marginals is None or result.certificate is None:
        raise ValueError("sample_assignment needs a result of solve(..., randomized=True)")
    return _sampled_result(problem, result.marginals, result.certificate, seed, {})


def _sampled_result(problem, marginals, certificate, seed, stats) -> MatchResult:
    units = certificate.stages[-1].spec.units
    pairs = sample_pairs(problem, np.rint(marginals * units).astype(np.int64), units, seed)
    return assignment_result(
        problem,
        pairs,
        status=OPTIMAL,
        mode="randomized",
        certificate=certificate,
        marginals=marginals,
        expected_objective=float(problem.affinity @ marginals),
        stats={**stats, "max_prob_effective": certificate.stages[-1].spec.pair_cap / units},
    )


def sample_pairs(problem: MatchProblem, pair_units: np.ndarray, units: int, seed) -> np.ndarray:
    """Candidate indices of one integral assignment with P(pair p) = pair_units[p] / units."""
    rng = np.random.default_rng(seed)
    support = np.flatnonzero(pair_units)
    flow = pair_units[support]
    while units > 1:
        half = _split(problem, support, flow, rng)
        flow = half if rng.random() < 0.5 else flow - half
        support, flow = support[flow > 0], flow[flow > 0]
        units //= 2
    return support


def _split(problem: MatchProblem, support, flow, rng) -> np.ndarray:
    """h with h_p in {floor, ceil}(flow_p / 2), exact halves at items, rounded halves at agents."""
    ni, na = problem.n_items, problem.n_agents
    item_sum = np.bincount(problem.item[support], weights=flow, minlength=ni).astype(np.int64)
    agent_sum = np.bincount(problem.agent[support], weights=flow, minlength=na).astype(np.int64)
    source, sink = ni + na, ni + na + 1
    tail = np.concatenate([np.full(ni, source), problem.item[support], ni + np.arange(na)])
    head = np.concatenate([np.arange(ni), ni + problem.agent[support], np.full(na, sink)])
    lower = np.concatenate([item_sum // 2, flow // 2, agent_sum // 2])
    upper = np.concatenate([item_sum // 2, (flow + 1) // 2, (agent_sum + 1) // 2])
    noise = rng.integers(0, 1 << 16, flow.size)
    cost = np.concatenate([np.zeros(ni, np.int64), noise, np.zeros(na, np.int64)])
    supply = np.zeros(ni + na + 2, dtype=np.int64)
    supply[source], supply[sink] = item_sum.sum() // 2, -(item_sum.sum() // 2)
    net = Network(
        n_items=ni,
        n_agents=na,
        tail=tail.astype(np.int32),
        head=head.astype(np.int32),
        lower=lower,
        upper=upper,
        cost=cost,
        supply=supply,
        pair_index=support,
        pair_start=ni,
        split=False,
        has_slack=False,
    )
    run = run_min_cost_flow(net)
    if run.status != OPTIMAL:  # impossible by total unimodularity; fail loudly if it happens
        raise RuntimeError(f"halving step failed: {run.status}")
    return run.flows[ni : ni + support.size]
