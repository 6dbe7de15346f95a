"""`mode="fair"`: maximise the worst-served item's total affinity, then the total affinity.

Guarantees, by case:

* Every demand <= 1 (mentoring): an item's score is its one pair's affinity, so max-min is a
  bottleneck problem. We binary-search the distinct affinities for the largest threshold t such
  that a feasible assignment exists using only pairs with affinity >= t (forced pairs always
  allowed), one feasibility flow per step. The max-min M = min(t, scores fixed by forced pairs)
  is exact (the next distinct value is infeasible), and the final assignment is the max-sum
  min-cost flow over the pairs >= M, with its own optimality certificate. Proven.
* Some demand > 1 and at most `exact_max_pairs` allowed pairs: max-min of sums is NP-hard in
  general, so HiGHS integer programs solve it exactly (`fair_milp.py`): a local search from the
  max-sum assignment (`fair_search.py`) gives a first value, stage 1 proves the max-min (or finds
  better), stage 2 the largest total with it fixed. `proven` says whether HiGHS closed both within
  the time limit; `upper_bound` is its proven bound on the max-min. Then, while time allows,
  leximin: the second-worst item's score is raised as far as it goes with the worst fixed, then
  the third, ..., the total maximised again under each new level; `levels_proven` counts the
  levels proven so (1: max-min then max-total), out of `levels`.
* Some demand > 1 and more pairs: the bottleneck flow above (every free assigned pair >= t, which
  maximises the weakest single pair exactly) as a heuristic for the sums, with the upper bound
  min over items of the sum of its best `demand` allowed affinities. Not proven in general, and
  labelled "feasible" unless it meets that bound.

Never dominated: a fair result that max-sum's assignment beats on the proven levels (or ties
there and has a larger total) is replaced by it (labelled fair, with the proof status it has);
when HiGHS finds nothing in time the local search's assignment is returned, labelled as such.
"""

from __future__ import annotations

import dataclasses
import time

import numpy as np

from .certificate import Certificate, StageCertificate
from .engine import solve_flow
from .fair_milp import GAP, level_values, max_level_stage, max_total_stage
from .fair_search import raise_worst
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
    problem: MatchProblem,
    *,
    time_limit_s: float = 30.0,
    leximin_time_s: float | None = None,
    exact_max_pairs: int = EXACT_MAX_PAIRS,
) -> MatchResult:
    base = solve_max_sum(problem)
    if not base.ok:
        return dataclasses.replace(base, mode="fair")
    scale = base.certificate.scale
    if problem.demand.max(initial=0) <= 1:
        return _bottleneck(problem, base, scale, exact=True)
    if int(problem.allowed.sum()) <= exact_max_pairs:
        return _integer_program(problem, base, scale, time_limit_s, leximin_time_s)
    return _undominated(problem, base, _bottleneck(problem, base, scale, exact=False))


def _integer_program(problem, base: MatchResult, scale: float, seconds: float, leximin_s):
    weight = scaled_affinity(problem, NetworkSpec(scale=scale), np.arange(problem.n_pairs))
    deadline = time.perf_counter() + seconds
    start = raise_worst(problem, weight, base.pair, seconds / 4)
    known = int(level_values(problem, weight, start)[0])
    first = max_level_stage(problem, weight, 1, (), seconds * 2 / 3, at_least=known)
    stats = {**base.stats, "milp_max_min_s": first.seconds}
    trivial = _score_upper_bound(problem)
    bound = trivial if first.bound is None else min(trivial, first.bound / scale)
    if first.chosen is None:  # HiGHS found nothing better than the local search in time
        second = max_total_stage(problem, weight, (known,), _left(deadline))
        stats["milp_max_total_s"] = second.seconds
        chosen = start if second.chosen is None else second.chosen
        method = "local search (the integer program found nothing better in time)"
        if second.chosen is not None:
            found = "proven" if second.proven else "best found"
            method += f"; then the largest total with that worst score ({found})"
        note = "the integer program found no assignment in time: this is the local search's"
        result = _fair_result(problem, chosen, FEASIBLE, stats, scale)
        report = _report(problem, result, bound, scale, False, method, 0)
        result = dataclasses.replace(result, fairness=report, diagnosis=(note,))
        return _undominated(problem, base, result, weight)
    floor = first.value
    if int(level_values(problem, weight, base.pair)[0]) >= floor:
        # max-sum reaches the max-min: nothing has a larger total
        chosen, second_proven, method = base.pair, True, "milp (max-sum reaches the max-min)"
    else:
        second = max_total_stage(problem, weight, (floor,), _left(deadline))
        stats["milp_max_total_s"] = second.seconds
        found = second.chosen is not None
        chosen = second.chosen if found else first.chosen
        second_proven, method = found and second.proven, "milp"
    proven = first.proven and second_proven and first.bound is not None
    levels = (floor,) if proven else ()
    if proven:
        if leximin_s is not None:
            deadline = min(deadline, time.perf_counter() + leximin_s)
        chosen, levels = _leximin(problem, weight, chosen, levels, deadline, stats)
        method += f" (relative gap <= {GAP:g})"
    certificate = base.certificate if chosen is base.pair else None
    result = _fair_result(problem, chosen, OPTIMAL if proven else FEASIBLE, stats, scale)
    result = dataclasses.replace(result, certificate=certificate)
    report = _report(problem, result, bound, scale, proven, method, len(levels))
    return _undominated(problem, base, dataclasses.replace(result, fairness=report), weight)


def _leximin(problem, weight, chosen, levels: tuple, deadline: float, stats: dict):
    """Raise the second-worst item's score, then the third, ... while time allows.

    `chosen` has the largest total among assignments whose levels are at least `levels` (proven).
    Level k is fixed at its proven maximum; when that is above `chosen`'s own, the total is
    maximised again under the new levels. Stops at the first stage not proven in time.
    """
    count = int((problem.demand > 0).sum())
    while len(levels) < count and deadline - time.perf_counter() > 0.1:
        k = len(levels) + 1
        own = int(level_values(problem, weight, chosen)[k - 1])
        stage = max_level_stage(problem, weight, k, levels, _left(deadline), at_least=own)
        stats["milp_leximin_s"] = stats.get("milp_leximin_s", 0.0) + stage.seconds
        if not stage.proven or stage.value is None:
            break
        if stage.value > own:  # a better level k: the best total under it
            total = max_total_stage(problem, weight, (*levels, stage.value), _left(deadline))
            stats["milp_leximin_s"] += total.seconds
            if not total.proven or total.chosen is None:
                break
            chosen = total.chosen
        levels = (*levels, stage.value)
    return chosen, levels


def _left(deadline: float) -> float:
    return max(deadline - time.perf_counter(), 0.1)


def _fair_result(problem, chosen, status, stats, scale) -> MatchResult:
    return assignment_result(
        problem,
        chosen,
        status=status,
        mode="fair",
        certificate=None,
        tolerance=tolerance(problem, scale, chosen.size),
        stats=stats,
    )


def _report(problem, result, bound, scale, proven, method, levels) -> FairnessReport:
    served = int((problem.demand > 0).sum())
    return FairnessReport(
        min_item_score(problem, result.item_score),
        bound + _item_slack(problem, scale),
        proven,
        method,
        levels_proven=levels,
        levels=served,
    )


def _item_slack(problem: MatchProblem, scale: float) -> float:
    """How far an item's float score can be above its scaled one."""
    return int(problem.demand.max(initial=0)) * rounding_error(problem, scale)


def _undominated(problem, base: MatchResult, fair: MatchResult, weight=None) -> MatchResult:
    """`fair`, unless max-sum's assignment is better on the proven levels (the worst item's
    score, then the second-worst, ...), then on the total."""
    if _fairness_key(problem, base, fair, weight) <= _fairness_key(problem, fair, fair, weight):
        return fair
    report = dataclasses.replace(
        fair.fairness,
        min_item_score=min_item_score(problem, base.item_score),
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


def _fairness_key(problem, result: MatchResult, fair: MatchResult, weight) -> tuple:
    levels = max(1, fair.fairness.levels_proven)
    if weight is None:
        scores = np.sort(result.item_score[problem.demand > 0])
        return (*np.cumsum(scores)[:levels].tolist(), result.objective)
    return (*level_values(problem, weight, result.pair)[:levels].tolist(), result.objective)


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
    served = int((problem.demand > 0).sum())
    levels = 1 if proven and served else 0
    report = FairnessReport(worst, bound, proven, method, threshold, levels, served)
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
