"""What a solve returns: the assignment, its objective, a certificate and explanations."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from .certificate import Certificate
from .network import tolerance
from .problem import MatchProblem

OPTIMAL, FEASIBLE, INFEASIBLE, INVALID = "optimal", "feasible", "infeasible", "invalid"


@dataclass(frozen=True)
class FairnessReport:
    """`mode="fair"`: the worst-served item's total affinity and how sure we are of it."""

    min_item_score: float  # of the returned assignment
    upper_bound: float  # no feasible assignment has a larger minimum item score
    proven: bool  # min_item_score is the exact max-min (equals upper_bound up to rounding)
    method: str  # "bottleneck-flow", "milp", "bottleneck-flow (heuristic)", ... (how it was found)
    threshold: float | None = None  # every free assigned pair has affinity >= threshold
    # leximin: the lowest `levels_proven` item scores are proven as high as possible in turn
    # (the worst, then the second-worst given the worst, ...), out of `levels` items with demand
    levels_proven: int = 0
    levels: int = 0


@dataclass(frozen=True)
class CoverageReport:
    """`allow_partial=True`: how much of the demand could be served."""

    items_with_demand: int
    items_covered: int  # items with at least one assignment
    assigned: int
    total_demand: int


@dataclass(frozen=True, eq=False)
class MatchResult:
    """An assignment. `pair[k]` indexes the candidate arrays; `item[k]`, `agent[k]` repeat them."""

    status: str  # "optimal", "feasible", "infeasible" or "invalid"
    mode: str
    item: np.ndarray
    agent: np.ndarray
    pair: np.ndarray
    objective: float  # total affinity of the assignment, in the caller's units
    # "optimal" means within `tolerance` of the float optimum (0: exact; see `modes.py`)
    tolerance: float = 0.0
    diagnosis: tuple[str, ...] = ()
    certificate: Certificate | None = None
    item_score: np.ndarray | None = None  # total assigned affinity per item
    marginals: np.ndarray | None = None  # randomised: probability of each candidate pair
    expected_objective: float | None = None  # randomised: objective of the fractional optimum
    fairness: FairnessReport | None = None
    coverage: CoverageReport | None = None
    contributions: dict[str, np.ndarray] | None = None  # per assigned pair, per component
    stats: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status in (OPTIMAL, FEASIBLE)

    def explain(self, k: int) -> list[tuple[str, float]]:
        """The score parts of assigned pair `k`, largest magnitude first."""
        if not self.contributions:
            return []
        names, order, values = self.ranked_contributions()
        return [(names[j], float(v)) for j, v in zip(order[k], values[k], strict=True)]

    def ranked_contributions(self) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
        """(names, order, values): row k lists component indices of pair k by |value| desc."""
        return self._ranked

    @cached_property
    def _ranked(self) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
        names = tuple(self.contributions or ())
        if not names:
            return names, np.zeros((self.pair.size, 0), int), np.zeros((self.pair.size, 0))
        matrix = np.stack([self.contributions[name] for name in names], axis=1)
        order = np.argsort(-np.abs(matrix), axis=1, kind="stable")
        return names, order, np.take_along_axis(matrix, order, axis=1)


def failed_result(mode: str, status: str, diagnosis, stats: dict | None = None) -> MatchResult:
    empty = np.zeros(0, dtype=np.int64)
    return MatchResult(
        status=status,
        mode=mode,
        item=empty,
        agent=empty,
        pair=empty,
        objective=0.0,
        diagnosis=tuple(diagnosis),
        stats=stats or {},
    )


def assignment_result(
    problem: MatchProblem, pairs: np.ndarray, *, status: str, mode: str, **extra
) -> MatchResult:
    """A result for the assigned candidate indices `pairs` (objective in float64)."""
    pairs = np.sort(np.asarray(pairs, dtype=np.int64))
    score = np.bincount(
        problem.item[pairs], weights=problem.affinity[pairs], minlength=problem.n_items
    )
    contributions = None
    if problem.components:
        contributions = {name: part[pairs] for name, part in problem.components.items()}
    certificate = extra.get("certificate")
    if certificate is not None and "tolerance" not in extra:
        extra["tolerance"] = tolerance(problem, certificate.scale, pairs.size)
    return MatchResult(
        status=status,
        mode=mode,
        item=problem.item[pairs],
        agent=problem.agent[pairs],
        pair=pairs,
        objective=float(problem.affinity[pairs].sum()),
        item_score=score,
        contributions=contributions,
        **extra,
    )


def min_item_score(problem: MatchProblem, item_score: np.ndarray) -> float:
    """Smallest total affinity over items that ask for at least one agent."""
    served = problem.demand > 0
    return float(item_score[served].min()) if served.any() else 0.0
