"""Randomised assignment with an exact cap on every pair's probability (Jecmen et al., NeurIPS
2020, the scheme behind OpenReview's randomised assignment).

1. Marginals from the LP. The cap q is taken as an exact fraction n / d (`exact_cap`: 1/3 is
   1/3, 0.35 is 7/20). With Q = d flow units per assignment, every free pair arc gets capacity
   n units, and demands and loads are multiplied by Q. The constraint matrix is totally
   unimodular and every bound is an integer, so the min-cost flow in units of 1/Q *is* the LP
   optimum of "max expected affinity s.t. P(pair) <= q" (nothing rounded down: an item with
   exactly three candidates and q = 1/3 gets each with probability exactly 1/3). It comes with
   the usual certificate.

2. Sampling by dependent rounding (Gandhi, Khuller, Parthasarathy and Srinivasan, J. ACM 2006)
   in exact integer arithmetic. While some pair is fractional, take a cycle or a maximal path
   of fractional pairs, and move flow alternately up and down along it: by alpha with
   probability beta / (alpha + beta), else by -beta, where alpha and beta are the largest steps
   that keep every pair in [0, Q]. Each step keeps every pair's expectation, every item's sum
   (items are never path ends: their sums are whole assignments) and every agent's sum within
   floor / ceil of its fractional load, and makes at least one pair integral. So every sample
   meets demands, loads, conflicts and forced pairs, and P(pair) equals its marginal exactly.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from .certificate import Certificate, StageCertificate
from .checks import infeasibility_reasons
from .engine import solve_flow
from .modes import choose_scale, flow_failure
from .network import NetworkSpec
from .problem import MatchProblem
from .result import INFEASIBLE, INVALID, OPTIMAL, MatchResult, assignment_result, failed_result

MAX_DENOMINATOR = 10_000  # flow units per assignment at most


def exact_cap(max_prob) -> Fraction:
    """The cap as a fraction: the caller's Fraction, else the simplest fraction with a
    denominator <= MAX_DENOMINATOR within 1e-12 of the float (1/3 for 0.3333333333333333),
    else the float rounded down to a multiple of 1 / MAX_DENOMINATOR."""
    if isinstance(max_prob, Fraction | int):
        return Fraction(max_prob)
    value = float(max_prob)
    near = Fraction(value).limit_denominator(MAX_DENOMINATOR)
    if abs(float(near) - value) <= 1e-12:
        return near
    return Fraction(math.floor(value * MAX_DENOMINATOR), MAX_DENOMINATOR)


def solve_randomized(problem: MatchProblem, *, max_prob, seed=None, bits: int = 10) -> MatchResult:
    """`bits` is accepted for compatibility and not used: the cap is applied exactly."""
    cap = exact_cap(max_prob)
    if not 0 < cap <= 1 or cap.denominator > MAX_DENOMINATOR:
        line = f"max_prob must be in (0, 1] with a denominator <= {MAX_DENOMINATOR}, got {cap}"
        return failed_result("randomized", INVALID, [line])
    units, pair_cap = cap.denominator, cap.numerator
    reasons = infeasibility_reasons(problem, units=units, pair_cap=pair_cap)
    if reasons:
        return failed_result("randomized", INFEASIBLE, reasons)
    spec = NetworkSpec(scale=choose_scale(problem), units=units, pair_cap=pair_cap)
    solution = solve_flow(problem, spec)
    if solution.status != OPTIMAL:
        return flow_failure(problem, spec, solution, "randomized")
    certificate = Certificate((StageCertificate(spec, solution.potentials),))
    stats = {**solution.stats, "max_prob_exact": f"{cap.numerator}/{cap.denominator}"}
    return _sampled_result(problem, solution.pair_units, certificate, seed, stats)


def sample_assignment(problem: MatchProblem, result: MatchResult, *, seed=None) -> MatchResult:
    """Another independent draw from a randomised result's fractional solution (no re-solve)."""
    if result.marginals is None or result.certificate is None:
        raise ValueError("sample_assignment needs a result of solve(..., randomized=True)")
    units = result.certificate.stages[-1].spec.units
    pair_units = np.rint(np.asarray(result.marginals) * units).astype(np.int64)
    return _sampled_result(problem, pair_units, result.certificate, seed, dict(result.stats))


def _sampled_result(problem, pair_units, certificate, seed, stats) -> MatchResult:
    spec = certificate.stages[-1].spec
    marginals = pair_units / spec.units
    pairs = dependent_rounding(problem, pair_units, spec.units, seed)
    stats = {**stats, "max_prob_effective": spec.pair_cap / spec.units}
    return assignment_result(
        problem,
        pairs,
        status=OPTIMAL,
        mode="randomized",
        certificate=certificate,
        marginals=marginals,
        expected_objective=float(problem.affinity @ marginals),
        stats=stats,
    )


def dependent_rounding(problem: MatchProblem, pair_units: np.ndarray, units: int, seed):
    """Candidate indices of one assignment with P(pair p) = pair_units[p] / units exactly."""
    rng = np.random.default_rng(seed)
    y = {int(p): int(v) for p, v in zip(*_nonzero(pair_units), strict=True)}
    ni = problem.n_items
    nodes: dict[int, set[int]] = {}  # node -> fractional pairs at it (agents offset by ni)
    for p, v in y.items():
        if v < units:
            for node in (int(problem.item[p]), ni + int(problem.agent[p])):
                nodes.setdefault(node, set()).add(p)
    ends = {node for node, pairs in nodes.items() if len(pairs) == 1}
    while nodes:
        walk = _walk(problem, nodes, ends, ni)
        _round_along(walk, y, units, rng)
        for p in walk:
            if y[p] in (0, units):
                _drop(problem, nodes, ends, p, ni)
    return np.array(sorted(p for p, v in y.items() if v == units), dtype=np.int64)


def _nonzero(pair_units: np.ndarray):
    support = np.flatnonzero(pair_units)
    return support, pair_units[support]


def _other(problem: MatchProblem, p: int, node: int, ni: int) -> int:
    item = int(problem.item[p])
    return ni + int(problem.agent[p]) if node == item else item


def _walk(problem, nodes, ends, ni) -> list[int]:
    """Pairs of a cycle, or of a maximal path between two nodes with one fractional pair."""
    node = next(iter(ends)) if ends else next(iter(nodes))
    seen = {node: 0}
    path: list[int] = []
    came = -1
    while True:
        choices = nodes[node]
        step = next((p for p in choices if p != came), None)
        if step is None:  # a path end
            return path
        path.append(step)
        node, came = _other(problem, step, node, ni), step
        if node in seen:  # a cycle: drop the lead-in
            return path[seen[node] :]
        seen[node] = len(path)


def _round_along(walk: list[int], y: dict, units: int, rng) -> None:
    up, down = walk[0::2], walk[1::2]
    alpha = min(min(units - y[p] for p in up), min((y[p] for p in down), default=units))
    beta = min(min(y[p] for p in up), min((units - y[p] for p in down), default=units))
    step = alpha if int(rng.integers(alpha + beta)) < beta else -beta
    for p in up:
        y[p] += step
    for p in down:
        y[p] -= step


def _drop(problem, nodes, ends, p: int, ni: int) -> None:
    for node in (int(problem.item[p]), ni + int(problem.agent[p])):
        pairs = nodes.get(node)
        if pairs is None or p not in pairs:
            continue
        pairs.discard(p)
        if len(pairs) == 1:
            ends.add(node)
        elif not pairs:
            del nodes[node]
            ends.discard(node)
