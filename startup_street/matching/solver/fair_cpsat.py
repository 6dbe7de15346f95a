"""Exact max-min of item sums (demand > 1) with CP-SAT, for instances of moderate size.

CP-SAT has no array API, so variables are created one per allowed pair: this is the one place
with a Python-level loop over pairs, and `fair.py` only comes here when there are at most
`EXACT_MAX_PAIRS` of them. Constraints are added per item and per agent (not per pair).
"""

from __future__ import annotations

import dataclasses

import numpy as np
from ortools.sat.python import cp_model

from .problem import MatchProblem
from .result import FEASIBLE, OPTIMAL, FairnessReport, MatchResult, assignment_result
from .result import min_item_score as worst_score

_SOLVED = (cp_model.OPTIMAL, cp_model.FEASIBLE)


def solve_fair_cpsat(
    problem: MatchProblem, base: MatchResult, scale: float, time_limit_s: float
) -> MatchResult:
    pairs = np.flatnonzero(problem.allowed)
    weight = np.rint(problem.affinity[pairs] * scale).astype(np.int64)
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{k}") for k in range(pairs.size)]
    floor = model.new_int_var(-int(np.abs(weight).sum()), int(np.abs(weight).sum()), "floor")
    _add_constraints(model, problem, pairs, weight, x, floor)
    _hint(model, x, np.isin(pairs, base.pair))
    model.maximize(floor)
    first, chosen = _solve(model, x, time_limit_s / 2)
    if first is None:
        return base  # CP-SAT found nothing in time: keep the (feasible) max-sum assignment
    best_floor, bound, first_proven = first
    model.add(floor >= best_floor)
    model.clear_hints()
    _hint(model, x, chosen)
    model.maximize(cp_model.LinearExpr.weighted_sum(x, weight.tolist()))
    second, final = _solve(model, x, time_limit_s / 2)
    proven = first_proven and second is not None and second[2]
    result = assignment_result(
        problem,
        pairs[final if second is not None else chosen],
        status=OPTIMAL if proven else FEASIBLE,
        mode="fair",
    )
    slack = 0.5 * int(problem.demand.max(initial=0)) / scale
    report = FairnessReport(
        worst_score(problem, result.item_score), bound / scale + slack, proven, "cp-sat"
    )
    return dataclasses.replace(result, fairness=report)


def _add_constraints(model, problem: MatchProblem, pairs, weight, x, floor) -> None:
    for k in np.flatnonzero(problem.forced_mask[pairs]):
        model.add(x[k] == 1)
    for i, members in enumerate(_groups(problem.item[pairs], problem.n_items)):
        terms = [x[k] for k in members]
        model.add(sum(terms) == int(problem.demand[i]))
        if problem.demand[i] > 0:
            model.add(cp_model.LinearExpr.weighted_sum(terms, weight[members].tolist()) >= floor)
    for j, members in enumerate(_groups(problem.agent[pairs], problem.n_agents)):
        load = sum(x[k] for k in members)
        model.add_linear_constraint(load, int(problem.min_load[j]), int(problem.max_load[j]))


def _groups(keys: np.ndarray, n: int) -> list[np.ndarray]:
    order = np.argsort(keys, kind="stable")
    return np.split(order, np.cumsum(np.bincount(keys, minlength=n))[:-1])


def _hint(model, x, chosen: np.ndarray) -> None:
    for var, value in zip(x, chosen.tolist(), strict=True):
        model.add_hint(var, value)


def _solve(model, x, seconds: float):
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(seconds, 0.1)
    solver.parameters.random_seed = 0
    status = solver.solve(model)
    if status not in _SOLVED:
        return None, None
    chosen = np.array([solver.boolean_value(v) for v in x], dtype=bool)
    summary = (
        round(solver.objective_value),
        solver.best_objective_bound,
        status == cp_model.OPTIMAL,
    )
    return summary, chosen
