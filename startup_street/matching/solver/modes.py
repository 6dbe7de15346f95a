"""The deterministic modes: max-sum (default) and partial coverage (`allow_partial=True`).

Cost scale. Affinities become integers round(affinity * scale) with scale = 10**k chosen so that
the largest |affinity| maps to between 10**6 and 10**7 (whatever its size: all-zero, subnormal
and 1e14 affinities alike). The flow is an exact optimum of those integer costs; for the float
affinities it is optimal within `result.tolerance` = 2 * (number of assignments) * e, where e is
the largest measured distance between an affinity and its grid value (`network.rounding_error`;
0 when every affinity lies on the grid, as with all-zero ones, at most 0.5 / scale otherwise).
The certificate states the same bound. When the tolerance exceeds 1e-4 of the objective (tiny
assigned affinities next to a huge one), `solve_max_sum` solves once more with the scale raised,
as far as OR-Tools' cost range allows. Pairs are solved in a canonical order (`api.py`), so
near-ties are broken the same way whatever order the caller lists the pairs in. The reported
objective is always the exact float sum of the assigned affinities, never the rounded one.
"""

from __future__ import annotations

import math

import numpy as np

from .certificate import Certificate, StageCertificate
from .checks import infeasibility_reasons
from .diagnose import explain_infeasible
from .engine import FlowSolution, solve_flow
from .network import NetworkSpec, eligible_pairs, rounding_error, scaled_affinity
from .problem import MatchProblem, name_some
from .result import (
    INFEASIBLE,
    INVALID,
    OPTIMAL,
    CoverageReport,
    MatchResult,
    assignment_result,
    failed_result,
)

RELATIVE_PRECISION = 1e-4
MAX_SCALED_AFFINITY = 1e12  # keeps max|cost| * (nodes + 1) well inside OR-Tools' range
MAX_EXPONENT = 307  # 10.0 ** 309 overflows: affinities below ~1e-301 round coarsely (and say so)


def choose_scale(problem: MatchProblem) -> float:
    """10**k with max|affinity| * 10**k in [10**6, 10**7) (10**4 when every affinity is 0)."""
    allowed = problem.affinity[problem.allowed]
    largest = float(np.abs(allowed).max()) if allowed.size else 0.0
    if largest == 0.0:
        return 1e4
    exponent = 6 - math.floor(math.log10(largest))
    return 10.0 ** max(-MAX_EXPONENT, min(MAX_EXPONENT, exponent))


def solve_max_sum(problem: MatchProblem) -> MatchResult:
    """Max total affinity with every item getting exactly its demand."""
    reasons = infeasibility_reasons(problem)
    if reasons:
        return failed_result("max_sum", INFEASIBLE, reasons)
    spec = NetworkSpec(scale=choose_scale(problem))
    solution = solve_flow(problem, spec)
    finer = _finer_scale(problem, spec, solution)
    if finer is not None:
        spec, solution = finer, solve_flow(problem, finer)
    if solution.status != OPTIMAL:
        return flow_failure(problem, spec, solution, "max_sum")
    return assignment_result(
        problem,
        np.flatnonzero(solution.pair_units),
        status=OPTIMAL,
        mode="max_sum",
        certificate=Certificate((StageCertificate(spec, solution.potentials),)),
        stats=solution.stats,
    )


def _finer_scale(problem, spec: NetworkSpec, solution: FlowSolution) -> NetworkSpec | None:
    """A larger scale if rounding could cost more than 1e-4 of the objective, else None."""
    if solution.status != OPTIMAL:
        return None
    assignments = int(solution.pair_units.sum())
    objective = abs(float(problem.affinity @ solution.pair_units))
    error = rounding_error(problem, spec.scale)
    if error == 0.0 or objective == 0.0:
        return None  # exact, or nothing to be relative to
    if 2 * assignments * error <= RELATIVE_PRECISION * objective:
        return None  # precise enough
    largest = float(np.abs(problem.affinity[problem.allowed]).max())
    with np.errstate(over="ignore", divide="ignore"):
        wanted = np.float64(assignments) / (RELATIVE_PRECISION * objective)
        ceiling = np.float64(MAX_SCALED_AFFINITY) / largest
    target = min(float(wanted), float(ceiling), 10.0**MAX_EXPONENT)
    if not math.isfinite(target) or target <= spec.scale:
        return None
    scale = 10.0 ** min(MAX_EXPONENT, math.ceil(math.log10(target)))
    return NetworkSpec(scale=scale) if scale > spec.scale else None


def flow_failure(problem, spec, solution: FlowSolution, mode: str) -> MatchResult:
    if solution.status == "infeasible":
        return failed_result(mode, INFEASIBLE, explain_infeasible(problem, spec), solution.stats)
    return failed_result(
        mode, INVALID, [f"OR-Tools min-cost flow failed: {solution.status}"], solution.stats
    )


def solve_partial(problem: MatchProblem) -> MatchResult:
    """Lexicographic: most items with >= 1 agent, then most assignments, then max affinity.

    Stage 1 finds the best (covered, assigned) pair with small integer costs: an item's first
    unit costs -(D + 2), each further unit -1, unserved demand leaves through an S -> T slack
    arc. Stage 2 fixes the slack to what stage 1 left unserved and weighs the first unit by
    B = assigned * (max - min scaled affinity) + 1, more than any difference in affinity, so
    coverage stays maximal while affinity is maximised. Both stages are exact min-cost flows
    and both sets of potentials are in the certificate.
    """
    reasons = infeasibility_reasons(problem, partial=True)
    if reasons:
        return failed_result("partial", INFEASIBLE, reasons)
    scale, total = choose_scale(problem), problem.total_demand
    first = NetworkSpec(
        scale=scale,
        affinity_costs=False,
        split_first_unit=True,
        first_unit_cost=-(total + 2),
        rest_unit_cost=-1,
        slack=(0, total),
    )
    coverage = solve_flow(problem, first)
    if coverage.status != OPTIMAL:
        return flow_failure(problem, first, coverage, "partial")
    second = _affinity_stage(problem, scale, int(coverage.pair_units.sum()))
    final = solve_flow(problem, second)
    if final.status != OPTIMAL:
        return flow_failure(problem, second, final, "partial")
    stages = (
        StageCertificate(first, coverage.potentials, "coverage"),
        StageCertificate(second, final.potentials, "objective"),
    )
    return _partial_result(problem, final, stages, coverage.stats)


def _affinity_stage(problem: MatchProblem, scale: float, assigned: int) -> NetworkSpec:
    probe = NetworkSpec(scale=scale)
    costs = scaled_affinity(problem, probe, eligible_pairs(problem, probe))
    spread = int(costs.max() - costs.min()) if costs.size else 0
    unserved = problem.total_demand - assigned
    return NetworkSpec(
        scale=scale,
        split_first_unit=True,
        first_unit_cost=-(assigned * spread + 1),
        rest_unit_cost=0,
        slack=(unserved, unserved),
    )


def _partial_result(problem, solution: FlowSolution, stages, first_stats) -> MatchResult:
    pairs = np.flatnonzero(solution.pair_units)
    load = np.bincount(problem.item[pairs], minlength=problem.n_items)
    wanted = problem.demand > 0
    report = CoverageReport(
        items_with_demand=int(wanted.sum()),
        items_covered=int((wanted & (load > 0)).sum()),
        assigned=int(pairs.size),
        total_demand=problem.total_demand,
    )
    stats = {**solution.stats, "coverage_stage": first_stats}
    return assignment_result(
        problem,
        pairs,
        status=OPTIMAL,
        mode="partial",
        certificate=Certificate(stages),
        coverage=report,
        diagnosis=tuple(_shortfall_lines(problem, load, report)),
        stats=stats,
    )


def _shortfall_lines(problem: MatchProblem, load: np.ndarray, report: CoverageReport) -> list:
    if report.assigned == report.total_demand:
        return []
    lines = [
        f"{report.assigned} of {report.total_demand} requested assignments made; "
        f"{report.items_covered} of {report.items_with_demand} items got at least one agent"
    ]
    uncovered = np.flatnonzero((problem.demand > 0) & (load == 0))
    if uncovered.size:
        lines.append(f"no agent available for {name_some('item', uncovered)}")
    return lines
