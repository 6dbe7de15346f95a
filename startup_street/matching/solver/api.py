"""Entry points: `solve(problem, ...)` and the one-call `solve_matching(...)`."""

from __future__ import annotations

import dataclasses
import time

from .canonical import canonical, restore
from .fair import EXACT_MAX_PAIRS, solve_fair
from .modes import solve_max_sum, solve_partial
from .problem import MatchProblem, make_problem
from .randomized import solve_randomized
from .result import INVALID, MatchResult, failed_result

MODES = ("max_sum", "fair")


def solve(
    problem: MatchProblem,
    *,
    mode: str = "max_sum",
    allow_partial: bool = False,
    randomized: bool = False,
    max_prob: float | None = None,
    seed=None,
    resolution_bits: int = 10,
    time_limit_s: float = 30.0,
    leximin_time_s: float | None = None,
    exact_fair_max_pairs: int = EXACT_MAX_PAIRS,
) -> MatchResult:
    """Solve `problem`; never raises for infeasible or invalid data (see `result.diagnosis`).

    mode="max_sum": max total affinity, every item gets exactly its demand.
    mode="fair": max the worst item's total affinity first, then the total (see `fair.py`);
        with demand > 1, leximin levels (the second-worst item, ...) are raised while time is
        left of `time_limit_s`, for at most `leximin_time_s` (None: all of it).
    allow_partial=True: when not every demand can be met, serve as many items as possible with
        at least one agent, then as many assignments as possible, then max affinity.
    randomized=True, max_prob=q: an optimal random assignment with P(pair) <= q exactly (q a
        float or a Fraction; `seed`). `resolution_bits` is accepted and no longer used.
    Every result is optimal within `result.tolerance` of the float optimum (0: exact).
    """
    _check_options(mode, allow_partial, randomized, max_prob, resolution_bits)
    label = "randomized" if randomized else "partial" if allow_partial else mode
    if problem.errors:
        return failed_result(label, INVALID, problem.errors)
    start = time.perf_counter()
    original, (problem, order) = problem, canonical(problem)
    if randomized:
        result = solve_randomized(problem, max_prob=max_prob, seed=seed, bits=resolution_bits)
    elif allow_partial:
        result = solve_partial(problem)
    elif mode == "fair":
        result = solve_fair(
            problem,
            time_limit_s=time_limit_s,
            leximin_time_s=leximin_time_s,
            exact_max_pairs=exact_fair_max_pairs,
        )
    else:
        result = solve_max_sum(problem)
    result = restore(original, result, order)
    stats = {**result.stats, "total_s": time.perf_counter() - start}
    return dataclasses.replace(result, stats=stats)


def solve_matching(
    *,
    item,
    agent,
    affinity,
    n_items: int,
    n_agents: int,
    demand=1,
    min_load=0,
    max_load=None,
    forbidden=None,
    forced=None,
    components: dict | None = None,
    **options,
) -> MatchResult:
    """`make_problem(...)` then `solve(problem, **options)` in one call."""
    problem = make_problem(
        item=item,
        agent=agent,
        affinity=affinity,
        n_items=n_items,
        n_agents=n_agents,
        demand=demand,
        min_load=min_load,
        max_load=max_load,
        forbidden=forbidden,
        forced=forced,
        components=components,
    )
    return solve(problem, **options)


def _check_options(mode, allow_partial, randomized, max_prob, resolution_bits) -> None:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if sum([mode == "fair", bool(allow_partial), bool(randomized)]) > 1:
        raise ValueError("mode='fair', allow_partial and randomized cannot be combined")
    if randomized and (max_prob is None or not 0 < max_prob <= 1):
        raise ValueError(f"randomized=True needs 0 < max_prob <= 1, got {max_prob!r}")
    if not randomized and max_prob is not None:
        raise ValueError("max_prob only applies with randomized=True")
    if not 1 <= int(resolution_bits) <= 20:
        raise ValueError(f"resolution_bits must be in [1, 20], got {resolution_bits}")
