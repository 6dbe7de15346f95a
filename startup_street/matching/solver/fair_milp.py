"""Exact leximin stages of item sums (some demand > 1) as HiGHS integer programs (scipy's milp).

With integer weights w = round(affinity * scale) (the same grid as the flows), an item's score is
the sum of its assigned weights, and level k is S_k, the sum of the k smallest scores of items
with demand (S_1 is the worst item's score). Every stage keeps the assignment's constraints (item
sums = demand, agent loads within [min_load, max_load], forced pairs 1, x binary) and the levels
already fixed, S_j >= V_j for j < k, written with Ogryczak's linear form of "the sum of the k
smallest": S_k >= V  iff  some r, d >= 0 have d_i >= r - score_i for every item and
k r - sum d_i >= V. Two kinds of stage:

  level k: max S_k (k = 1 is max-min: max r with r <= every score), optionally S_k >= `at_least`
           (a known assignment's value, so HiGHS only looks for better);
  total:   max sum_p w_p x_p with the levels fixed.

Each is solved to a relative gap of `GAP` (1e-6), so a status of "optimal" from HiGHS proves the
answer within that fraction of its bound (which the result states). The matrices are built from
arrays (no loop over pairs).
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
    value: int | None  # its objective (S_k, or the total), in scaled integers
    bound: int | None  # no solution has a larger objective
    proven: bool
    seconds: float


def max_level_stage(
    problem: MatchProblem,
    weight: np.ndarray,
    level: int,
    fixed: tuple[int, ...],
    seconds: float,
    at_least: int | None = None,
) -> MilpStage:
    """The largest S_`level` with S_j >= fixed[j - 1] for every earlier level j."""
    return _solve(problem, weight, fixed, level, at_least, seconds)


def max_total_stage(
    problem: MatchProblem, weight: np.ndarray, fixed: tuple[int, ...], seconds: float
) -> MilpStage:
    """The largest total among assignments with S_j >= fixed[j - 1] for every level j."""
    return _solve(problem, weight, fixed, None, None, seconds)


def level_values(problem: MatchProblem, weight: np.ndarray, chosen: np.ndarray) -> np.ndarray:
    """S_1, S_2, ...: cumulative sums of the sorted scaled scores of items with demand."""
    sums = np.zeros(problem.n_items, dtype=np.int64)
    np.add.at(sums, problem.item[chosen], weight[chosen])
    return np.cumsum(np.sort(sums[problem.demand > 0]))


class _Model:
    """Sparse rows and columns of one stage, appended block by block."""

    def __init__(self, problem: MatchProblem, weight: np.ndarray):
        self.pairs = np.flatnonzero(problem.allowed)
        n = self.pairs.size
        items, agents = problem.item[self.pairs], problem.agent[self.pairs]
        self.w = weight[self.pairs].astype(np.float64)
        self.span = float(np.abs(self.w).sum()) + 1.0
        served = problem.demand > 0
        self.m = int(served.sum())
        rank = np.cumsum(served) - 1
        self.score_rows, self.score_cols = rank[items][served[items]], np.flatnonzero(served[items])
        self.rows, self.cols, self.vals = [], [], []
        self.low, self.high = [], []
        self.n_rows, self.n_cols = 0, n
        self.col_low = [problem.forced_mask[self.pairs].astype(np.float64)]
        self.col_high, self.cost = [np.ones(n)], [np.zeros(n)]
        self._add(items, np.arange(n), np.ones(n), problem.demand, problem.demand)
        self._add(agents, np.arange(n), np.ones(n), problem.min_load, problem.max_load)

    def _add(self, rows, cols, vals, low, high, n_rows=None):
        self.rows.append(np.asarray(rows) + self.n_rows)
        self.cols.append(np.asarray(cols))
        self.vals.append(np.asarray(vals, dtype=np.float64))
        self.low.append(np.asarray(low, dtype=np.float64))
        self.high.append(np.asarray(high, dtype=np.float64))
        self.n_rows += len(self.low[-1]) if n_rows is None else n_rows

    def _columns(self, count, low, high, cost):
        first = self.n_cols
        self.n_cols += count
        self.col_low.append(np.full(count, float(low)))
        self.col_high.append(np.full(count, float(high)))
        self.cost.append(np.asarray(cost, dtype=np.float64) * np.ones(count))
        return first

    def level(self, k: int, at_least: float, maximise: bool) -> None:
        """Columns r, d_1..d_m and rows score_i - r + d_i >= 0, k r - sum d >= at_least."""
        m, span = self.m, self.span
        r = self._columns(1, -span, span, -k if maximise else 0)
        d = self._columns(m if k > 1 else 0, 0, span, 1 if maximise else 0)
        rows = np.concatenate([self.score_rows, np.arange(m), np.arange(m if k > 1 else 0)])
        cols = np.concatenate([self.score_cols, np.full(m, r), d + np.arange(m if k > 1 else 0)])
        vals = np.concatenate([self.w[self.score_cols], -np.ones(m), np.ones(m if k > 1 else 0)])
        self._add(rows, cols, vals, np.zeros(m), np.full(m, np.inf))
        d_cols = d + np.arange(m if k > 1 else 0)
        self._add(
            np.zeros(d_cols.size + 1, dtype=np.int64),
            np.r_[r, d_cols],
            np.r_[float(k), -np.ones(d_cols.size)],
            [at_least],
            [np.inf],
        )

    def solve(self, seconds: float, total: bool):
        from scipy.optimize import Bounds, LinearConstraint, milp
        from scipy.sparse import csr_array

        n = self.pairs.size
        cost = np.concatenate(self.cost)
        if total:
            cost[:n] = -self.w
        matrix = csr_array(
            (np.concatenate(self.vals), (np.concatenate(self.rows), np.concatenate(self.cols))),
            shape=(self.n_rows, self.n_cols),
        )
        integrality = np.r_[np.ones(n), np.zeros(self.n_cols - n)]
        options = {"time_limit": max(float(seconds), 0.1), "mip_rel_gap": GAP, "presolve": True}
        return milp(
            cost,
            integrality=integrality,
            bounds=Bounds(np.concatenate(self.col_low), np.concatenate(self.col_high)),
            constraints=LinearConstraint(
                matrix, np.concatenate(self.low), np.concatenate(self.high)
            ),
            options=options,
        )


def _solve(problem, weight, fixed, level, at_least, seconds) -> MilpStage:
    model = _Model(problem, weight)
    for k, value in enumerate(fixed, start=1):
        model.level(k, value, maximise=False)
    if level is not None:
        model.level(level, -np.inf if at_least is None else at_least, maximise=True)
    start = time.perf_counter()
    result = model.solve(seconds, total=level is None)
    elapsed = time.perf_counter() - start
    if result.x is None:
        return MilpStage(None, None, _bound(result), False, elapsed)
    chosen = model.pairs[np.rint(result.x[: model.pairs.size]).astype(bool)]
    if level is None:
        value = int(weight[chosen].sum())
    else:
        value = int(level_values(problem, weight, chosen)[level - 1])
    return MilpStage(chosen, value, _bound(result), result.status == _OPTIMAL, elapsed)


def _bound(result) -> int | None:
    bound = getattr(result, "mip_dual_bound", None)
    if bound is None or not np.isfinite(bound):
        return None
    return int(np.floor(-bound + 1e-6))  # the optimum is an integer: -S_k or -total
