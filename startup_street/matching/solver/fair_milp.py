"""Exact max-min of item sums (some demand > 1) as two HiGHS integer programs (scipy.optimize.milp).

With integer weights w = round(affinity * scale) (the same grid as the flows):

  stage 1: max t  s.t. every item with demand has sum_p w_p x_p >= t, item sums = demand,
           agent loads within [min_load, max_load], forced pairs 1, x binary, t integer;
  stage 2: max sum_p w_p x_p  s.t. the same, with t >= t* fixed.

Both are solved to a relative gap of `GAP` (1e-6), so a status of "optimal" from HiGHS proves
the answer within that fraction of its bound (which the result states).
When the max-sum assignment already reaches t* it *is* the stage-2 optimum (nothing has a
larger total), and stage 2 is skipped. The matrices are built from arrays (no loop over pairs).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from .problem import MatchProblem

_OPTIMAL = 0  # scipy's milp status code for a solve that closed the gap
GAP = 1e-6


@dataclass(frozen=True)
class MilpStage:
    chosen: np.ndarray | None  # candidate pair indices of the best solution found, or None
    value: int | None  # its objective (t*, or the total), in scaled integers
    bound: int | None  # no solution has a larger objective
    proven: bool
    seconds: float


def max_min_stage(problem: MatchProblem, weight: np.ndarray, seconds: float) -> MilpStage:
    """Stage 1: the largest t such that every item with demand gets a scaled sum >= t."""
    return _solve(problem, weight, floor=None, seconds=seconds)


def max_total_stage(
    problem: MatchProblem, weight: np.ndarray, floor: int, seconds: float
) -> MilpStage:
    """Stage 2: the largest total among assignments whose every item has a sum >= `floor`."""
    return _solve(problem, weight, floor=floor, seconds=seconds)


def _solve(problem, weight, *, floor, seconds) -> MilpStage:
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csr_array, hstack, vstack

    pairs = np.flatnonzero(problem.allowed)
    n = pairs.size
    items, agents = problem.item[pairs], problem.agent[pairs]
    w = weight[pairs].astype(np.float64)
    columns = np.arange(n)
    item_rows = csr_array((np.ones(n), (items, columns)), shape=(problem.n_items, n))
    agent_rows = csr_array((np.ones(n), (agents, columns)), shape=(problem.n_agents, n))
    served = np.flatnonzero(problem.demand > 0)
    score_rows = csr_array((w, (items, columns)), shape=(problem.n_items, n))[served]
    t_col = np.zeros((problem.n_items + problem.n_agents + served.size, 1))
    t_col[problem.n_items + problem.n_agents :] = -1.0 if floor is None else 0.0
    matrix = hstack([vstack([item_rows, agent_rows, score_rows]), csr_array(t_col)]).tocsr()
    score_low = np.zeros(served.size) if floor is None else np.full(served.size, float(floor))
    low = np.concatenate([problem.demand, problem.min_load, score_low]).astype(np.float64)
    high = np.concatenate([problem.demand, problem.max_load, np.full(served.size, np.inf)])
    span = float(np.abs(w).sum()) + 1.0
    x_low = problem.forced_mask[pairs].astype(np.float64)
    bounds = Bounds(np.r_[x_low, -span], np.r_[np.ones(n), span])
    cost = np.r_[np.zeros(n), -1.0] if floor is None else np.r_[-w, 0.0]
    options = {"time_limit": max(float(seconds), 0.1), "mip_rel_gap": GAP, "presolve": True}
    start = time.perf_counter()
    result = milp(
        cost,
        integrality=np.r_[np.ones(n), 0.0],
        bounds=bounds,
        constraints=LinearConstraint(matrix, low, high.astype(np.float64)),
        options=options,
    )
    elapsed = time.perf_counter() - start
    if result.x is None:
        return MilpStage(None, None, _bound(result), False, elapsed)
    x = np.rint(result.x[:n]).astype(bool)
    chosen = pairs[x]
    value = _value(problem, weight, chosen) if floor is None else int(weight[chosen].sum())
    return MilpStage(chosen, value, _bound(result), result.status == _OPTIMAL, elapsed)


def _value(problem: MatchProblem, weight: np.ndarray, chosen: np.ndarray) -> int:
    """The smallest scaled item sum of an assignment, recomputed in integers."""
    sums = np.zeros(problem.n_items, dtype=np.int64)
    np.add.at(sums, problem.item[chosen], weight[chosen])
    served = problem.demand > 0
    return int(sums[served].min()) if served.any() else 0


def _bound(result) -> int | None:
    bound = getattr(result, "mip_dual_bound", None)
    if bound is None or not np.isfinite(bound):
        return None
    return int(np.floor(-bound + 1e-6))  # the optimum is an integer: -t or -total
