"""`mode="fair"`: maximise the worst-served item's total affinity, then the total affinity.

Guarantees, by case:

* Every demand <= 1 (mentoring): an item's score is its one pair's affinity, so max-min is a
  bottleneck problem. We binary-search the distinct affinities for the largest threshold t such
  that a feasible assignment exists using only pairs with affinity >= t (forced pairs always
  allowed), one feasibility flow per step. The max-min M = min(t, scores fixed by forced pairs)
  is exact (the next distinct value is infeasible), and the final assignment is the max-sum
  min-cost flow over the pairs >= M, with its own optimality certificate. Proven.
* Some demand > 1 and at most `exact_max_pairs` allowed pairs: max-min of sums is NP-hard in
  general, so two HiGHS integer programs solve it exactly (`fair_milp.py`: stage 1 max t with
  every item's scaled sum >= t; stage 2 max total with t fixed). `proven` says whether HiGHS
  closed both within the time limit; `upper_bound` is its proven bound on the max-min.
* Some demand > 1 and more pairs: the bottleneck flow above (every free assigned pair >= t, which
  maximises the weakest single pair exactly) as a heuristic for the sums, with the upper bound
  min over items of the sum of its best `demand` allowed affinities. Not proven in general, and
  labelled "feasible" unless it meets that bound.

Never dominated: a fair result whose worst item is no better than max-sum's and whose total is
lower is replaced by the max-sum assignment (labelled fair, with the proof status it has), and
a search that finds nothing in time returns the max-sum assignment labelled as such.
Leximin (raising the second-worst and onward) is not attempted: ties below the worst item are
broken by the total.
"""

from __future__ import annotations

import dataclasses
import time

import numpy as np

from .certificate import Certificate, StageCertificate
from .engine import solve_flow
from .fair_milp import GAP, max_min_stage, max_total_stage
from .flow import is_feasible
from .modes import flow_failure, solve_max_sum
from .network import NetworkSpec, build_network, rounding_error, scaled_affinity, tolerance
from .problem import MatchProblem
from .result import (
    FEASIBLE,
    OPTIMAL,
    FairnessReport,
    MatchResult,
    assignment_result,
    min_item_score,
)

EXACT_MAX_PAIRS = 200_000


def solve_fair(
    problem: MatchProblem, *, time_limit_s: float = 30.0, exact_max_pairs: int = EXACT_MAX_PAIRS
) -> MatchResult:
    base = solve_max_sum(problem)
    if not base.ok:
        return dataclasses.replace(base, mode="fair")
    scale = base.certificate.scale
    if problem.demand.max(initial=0) <= 1:
        return _bottleneck(problem, base, scale, exact=True)
    if int(problem.allowed.sum()) <= exact_max_pairs:
        return _integer_program(problem, base, scale, time_limit_s)
    return _undominated(problem, base, _bottleneck(problem, base, scale, exact=False))


def _integer_program(problem: MatchProblem, base: MatchResult, scale: float, seconds: float):
    weight = scaled_affinity(problem, NetworkSpec(scale=scale), np.arange(problem.n_pairs))
    deadline = time.perf_counter() + seconds
    first = max_min_stage(problem, weight, seconds * 2 / 3)
    stats = {**base.stats, "milp_max_min_s": first.seconds}
    if first.chosen is None:
        note = "the integer program found no assignment in time: this is the max-sum one"
        bound = np.inf if first.bound is None else first.bound / scale + _item_slack(problem, scale)
        report = FairnessReport(
            min_item_score(problem, base.item_score), bound, False, "max-sum (no fair result)"
        )
        return dataclasses.replace(
            base, mode="fair", status=FEASIBLE, fairness=report, diagnosis=(note,), stats=stats
        )
    floor = first.value
    base_floor = _scaled_floor(problem, weight, base.pair)
    if base_floor >= floor:  # max-sum reaches the max-min: nothing has a larger total
        chosen, second_proven, method = base.pair, True, "milp (max-sum reaches the max-min)"
        floor, certificate = base_floor, base.certificate
    else:
        left = max(deadline - time.perf_counter(), 0.1)
        second = max_total_stage(problem, weight, floor, left)
        stats["milp_max_total_s"] = second.seconds
        found = second.chosen is not None
        chosen = second.chosen if found else first.chosen
        second_proven, method, certificate = found and second.proven, "milp", None
    proven = first.proven and second_proven and first.bound is not None
    method += f" (relative gap <= {GAP:g})" if proven else ""
    bound = first.bound if first.bound is not None else np.inf
    result = assignment_result(
        problem,
        chosen,
        status=OPTIMAL if proven else FEASIBLE,
        mode="fair",
        certificate=certificate,
        tolerance=tolerance(problem, scale, chosen.size),
        stats=stats,
    )
    report = FairnessReport(
        min_item_score(problem, result.item_score),
        bound / scale + _item_slack(problem, scale),
        proven,
        method,
    )
    return _undominated(problem, base, dataclasses.replace(result, fairness=report))


def _scaled_floor(problem: MatchProblem, weight: np.ndarray, chosen: np.ndarray) -> int:
    sums = np.zeros(problem.n_items, dtype=np.int64)
    np.add.at(sums, problem.item[chosen], weight[chosen])
    served = problem.demand > 0
    return int(sums[served].min()) if served.any() else 0


def _item_slack(problem: MatchProblem, scale: float) -> float:
    """How far an item's float score can be above its scaled one."""
    return int(problem.demand.max(initial=0)) * rounding_error(problem, scale)


def _undominated(problem: MatchProblem, base: MatchResult, fair: MatchResult) -> MatchResult:
    """`fair`, unless max-sum's assignment is at least as fair and has a larger total."""
    worst = min_item_score(problem, fair.item_score)
    base_worst = min_item_score(problem, base.item_score)
    if base_worst < worst or (base_worst == worst and base.objective <= fair.objective):
        return fair
    report = dataclasses.replace(
        fair.fairness,
        min_item_score=base_worst,
        method=f"{fair.fairness.method}; max-sum dominates it",
    )
    note = "max-sum's assignment is at least as fair and has a larger total: it is returned"
    return dataclasses.replace(
        base,
        mode="fair",
        status=fair.status,
        fairness=report,
        diagnosis=(*fair.diagnosis, note),
        stats={**base.stats, **fair.stats},
    )


def _bottleneck(problem: MatchProblem, base: MatchResult, scale: float, *, exact: bool):
    threshold = best_threshold(problem, base, scale)
    if threshold is None:  # nothing free to choose: the max-sum result is the fair one
        return _with_report(problem, base, exact, None)
    if exact:
        threshold = min(threshold, _forced_floor(problem))
    spec = NetworkSpec(scale=scale, min_affinity=threshold)
    solution = solve_flow(problem, spec)
    if solution.status != OPTIMAL:
        return flow_failure(problem, spec, solution, "fair")
    result = assignment_result(
        problem,
        np.flatnonzero(solution.pair_units),
        status=OPTIMAL,
        mode="fair",
        certificate=Certificate((StageCertificate(spec, solution.potentials),)),
        stats=solution.stats,
    )
    return _with_report(problem, result, exact, threshold)


def _with_report(problem: MatchProblem, result: MatchResult, exact: bool, threshold):
    worst = min_item_score(problem, result.item_score)
    bound = worst if exact else _score_upper_bound(problem)
    proven = exact or worst >= bound
    method = "bottleneck-flow" if exact else "bottleneck-flow (heuristic)"
    report = FairnessReport(worst, bound, proven, method, threshold)
    status = OPTIMAL if proven else FEASIBLE
    return dataclasses.replace(result, mode="fair", fairness=report, status=status)


def best_threshold(problem: MatchProblem, base: MatchResult, scale: float) -> float | None:
    """Largest t such that only free pairs with affinity >= t (plus forced) still suffice."""
    free = problem.allowed & ~problem.forced_mask
    used = base.pair[free[base.pair]]
    if used.size == 0:
        return None
    low, high = problem.affinity[used].min(), _best_free_affinity_floor(problem, free)
    values = np.sort(problem.affinity[free & (problem.affinity >= low)])
    values = values[values <= max(high, low)]
    values = values[np.r_[True, values[1:] != values[:-1]]]
    lo, hi = 0, values.size - 1  # values[lo] is feasible (the max-sum result uses it)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if _feasible(problem, NetworkSpec(scale, min_affinity=values[mid], affinity_costs=False)):
            lo = mid
        else:
            hi = mid - 1
    return float(values[lo])


def _feasible(problem: MatchProblem, spec: NetworkSpec) -> bool:
    return is_feasible(build_network(problem, spec))


def _best_free_affinity_floor(problem: MatchProblem, free: np.ndarray) -> float:
    """min over items needing a free agent of their best free affinity: no threshold above it
    can be feasible."""
    forced_count = np.bincount(problem.item[problem.forced_mask], minlength=problem.n_items)
    needy = problem.demand > forced_count
    best = np.full(problem.n_items, -np.inf)
    np.maximum.at(best, problem.item[free], problem.affinity[free])
    return float(best[needy].min()) if needy.any() else np.inf


def _forced_floor(problem: MatchProblem) -> float:
    """Lowest score among items whose demand is met entirely by forced pairs (demand 1)."""
    forced = problem.forced_mask & problem.allowed
    if not forced.any():
        return np.inf
    return float(problem.affinity[forced].min())


def _score_upper_bound(problem: MatchProblem) -> float:
    """min over items with demand of the sum of its best `demand` allowed affinities."""
    allowed = np.flatnonzero(problem.allowed)
    items = problem.item[allowed]
    order = np.lexsort((-problem.affinity[allowed], items))
    counts = np.bincount(items, minlength=problem.n_items)
    rank = np.arange(order.size) - (np.cumsum(counts) - counts)[items[order]]
    take = order[rank < problem.demand[items[order]]]
    best = np.bincount(
        items[take], weights=problem.affinity[allowed][take], minlength=problem.n_items
    )
    wanted = problem.demand > 0
    return float(best[wanted].min()) if wanted.any() else 0.0
