"""Cases from an independent audit: degenerate affinity magnitudes and near-ties."""

import itertools
import warnings
from fractions import Fraction

import numpy as np
import pytest

from startup_street.matching.solver import (
    OPTIMAL,
    make_problem,
    sample_assignment,
    solve,
    verify_certificate,
)
from tests.matching.test_solver_helpers import best_max_sum


def _dense(affinity, n_items, n_agents, **extra):
    item = np.repeat(np.arange(n_items), n_agents)
    agent = np.tile(np.arange(n_agents), n_items)
    return make_problem(
        item=item, agent=agent, affinity=affinity, n_items=n_items, n_agents=n_agents, **extra
    )


@pytest.mark.parametrize("mode", ["max_sum", "fair"])
@pytest.mark.parametrize("demand", [1, 2])
def test_all_zero_affinities_solve_exactly(mode, demand):
    # before any bids or features exist every affinity is 0: a plain, exact, certified result
    problem = _dense(np.zeros(30), 6, 5, demand=demand, max_load=3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = solve(problem, mode=mode)
    assert result.status == OPTIMAL and result.objective == 0.0
    assert result.tolerance == 0.0
    if mode == "fair" and demand > 1:
        assert result.fairness.proven and result.fairness.min_item_score == 0.0
        return  # an integer program's result: proven by the solver, no flow certificate
    check = verify_certificate(problem, result)
    assert check.ok and check.gap == 0.0


@pytest.mark.parametrize("mode", ["max_sum", "fair"])
@pytest.mark.parametrize("magnitude", [5e-324, 1e-310, 1e-300, 1e14, 1e300])
def test_subnormal_and_huge_affinities_solve(mode, magnitude):
    rng = np.random.default_rng(3)
    affinity = rng.random(20) * magnitude
    problem = _dense(affinity, 4, 5, max_load=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = solve(problem, mode=mode)
        check = verify_certificate(problem, result)
    assert result.status == OPTIMAL, result.diagnosis
    assert check.ok, check.problems
    best = best_max_sum(problem)
    if mode == "max_sum":
        assert best - result.objective <= result.tolerance
    # the grid reaches down to 1e-301 * 1e-6; below that the tolerance says how coarse it is
    assert result.tolerance <= 16 * max(magnitude * 1e-6, 1e-307, 5e-324)


def test_huge_affinities_keep_their_relative_precision():
    affinity = np.array([1e14, 1e14 + 4e8, 3e13, 7e13])  # differ far above 1e-6 relative
    problem = _dense(affinity, 2, 2, max_load=1)
    result = solve(problem)
    assert result.status == OPTIMAL
    assert result.objective == pytest.approx(max(1e14 + 7e13, 1e14 + 4e8 + 3e13), rel=1e-15)


def _near_tie_problem(order=None):
    """Three items, three agents; the best assignments differ by less than the cost grid."""
    base = np.array([[0.9, 0.9 + 3e-8, 0.1], [0.9 + 2e-8, 0.9, 0.2], [0.5, 0.5 + 4e-8, 0.5 + 1e-8]])
    item, agent = np.repeat(np.arange(3), 3), np.tile(np.arange(3), 3)
    affinity = base.ravel()
    order = np.arange(9) if order is None else np.asarray(order)
    problem = make_problem(
        item=item[order], agent=agent[order], affinity=affinity[order], n_items=3, n_agents=3,
        max_load=1,
    )  # fmt: skip
    return problem


def test_near_ties_answer_independent_of_pair_order():
    answers = set()
    for seed in range(12):
        order = np.random.default_rng(seed).permutation(9)
        problem = _near_tie_problem(order)
        result = solve(problem)
        answers.add(tuple(sorted(zip(result.item.tolist(), result.agent.tolist(), strict=True))))
        assert result.pair.tolist() == sorted(result.pair.tolist())
        assert problem.item[result.pair].tolist() == result.item.tolist()
    assert len(answers) == 1


def test_near_ties_optimal_within_the_stated_tolerance():
    problem = _near_tie_problem()
    result = solve(problem)
    best = best_max_sum(problem)
    assert result.tolerance > 0  # 0.9 + 3e-8 is not on a 1e-6 grid: not claimed exact
    assert best - result.objective <= result.tolerance
    check = verify_certificate(problem, result)
    assert check.ok and check.tolerance == result.tolerance
    assert check.bound >= best  # the certificate's bound holds for the float optimum
    assert check.gap <= check.tolerance


def test_near_ties_many_pairs_tolerance_covers_every_permutation():
    # the audit's shape: many pairs 1e-7 apart; every answer is within the stated tolerance
    rng = np.random.default_rng(5)
    affinity = 0.5 + rng.integers(0, 4, 16) * 1e-7
    item, agent = np.repeat(np.arange(4), 4), np.tile(np.arange(4), 4)
    problem = make_problem(item=item, agent=agent, affinity=affinity, n_items=4, n_agents=4,
                           max_load=1)  # fmt: skip
    best = best_max_sum(problem)
    result = solve(problem)
    assert best - result.objective <= result.tolerance


def test_grid_affinities_are_exact():
    # the reviews' affinities (1.0 and 1.5) lie on the grid: tolerance 0, gap 0
    problem = _dense(np.array([1.0, 1.5, 1.5, 1.0, 1.0, 1.0]), 3, 2, max_load=2)
    result = solve(problem)
    assert result.tolerance == 0.0
    assert verify_certificate(problem, result).gap == 0.0


def test_tampered_tolerance_is_rejected():
    problem = _near_tie_problem()
    result = solve(problem)
    import dataclasses

    lying = dataclasses.replace(result, tolerance=0.0)
    check = verify_certificate(problem, lying)
    assert not check.ok and "tolerance" in check.problems[-1]


def test_brute_force_permutations_small():
    problem = _near_tie_problem()
    seen = set()
    for perm in itertools.islice(itertools.permutations(range(9)), 0, 5000, 997):
        result = solve(_near_tie_problem(perm))
        seen.add(tuple(sorted(zip(result.item.tolist(), result.agent.tolist(), strict=True))))
    assert len(seen) == 1 and problem.n_pairs == 9


# Randomised mode: exact caps ------------------------------------------------------------------


@pytest.mark.parametrize("cap", [1 / 3, Fraction(1, 3)])
def test_randomized_one_third_cap_with_exactly_three_candidates(cap):
    # every item has exactly three candidates: P = 1/3 each is the only feasible answer
    item, agent = np.repeat(np.arange(4), 3), (np.arange(12) % 5)
    affinity = np.random.default_rng(2).random(12)
    problem = make_problem(item=item, agent=agent, affinity=affinity, n_items=4, n_agents=5)
    result = solve(problem, randomized=True, max_prob=cap, seed=3)
    assert result.status == OPTIMAL, result.diagnosis
    assert result.marginals.tolist() == [1 / 3] * 12
    assert result.stats["max_prob_exact"] == "1/3"
    assert verify_certificate(problem, result)
    counts = np.zeros(12)
    for seed in range(600):
        sample = sample_assignment(problem, result, seed=seed)
        assert np.bincount(sample.item, minlength=4).tolist() == [1, 1, 1, 1]
        counts[sample.pair] += 1
    assert np.abs(counts / 600 - 1 / 3).max() <= 4 * np.sqrt(2 / 9 / 600)


def _capped_lp(problem, cap):
    from scipy.optimize import linprog

    ni, na = problem.n_items, problem.n_agents
    a_eq = (problem.item[None, :] == np.arange(ni)[:, None]).astype(float)
    a_ub = (problem.agent[None, :] == np.arange(na)[:, None]).astype(float)
    lp = linprog(-problem.affinity, A_ub=a_ub, b_ub=problem.max_load, A_eq=a_eq,
                 b_eq=problem.demand, bounds=(0, cap), method="highs")  # fmt: skip
    assert lp.status == 0
    return -lp.fun


@pytest.mark.parametrize("cap", [1 / 3, 0.35, 0.7, 2 / 7, 0.271828])
def test_randomized_expected_objective_is_the_lp_optimum_at_the_cap(cap):
    rng = np.random.default_rng(9)
    item, agent = np.repeat(np.arange(10), 8), np.tile(np.arange(8), 10)
    problem = make_problem(item=item, agent=agent, affinity=rng.random(80), n_items=10,
                           n_agents=8, demand=2, max_load=3)  # fmt: skip
    result = solve(problem, randomized=True, max_prob=cap, seed=0)
    assert result.status == OPTIMAL, result.diagnosis
    assert result.marginals.max() <= cap + 1e-15
    exact = Fraction(result.stats["max_prob_exact"])
    # a cap that is no fraction with a denominator <= 10,000 is rounded down to 1e-4, and says so
    assert exact == Fraction(cap).limit_denominator(10_000) or exact == Fraction(1359, 5000)
    lp = _capped_lp(problem, float(exact))
    assert abs(result.expected_objective - lp) <= result.tolerance + 1e-9
    assert verify_certificate(problem, result)


def test_randomized_samples_meet_loads_and_marginals_exactly_in_expectation():
    rng = np.random.default_rng(4)
    item, agent = np.repeat(np.arange(6), 5), np.tile(np.arange(5), 6)
    problem = make_problem(
        item=item, agent=agent, affinity=rng.random(30), n_items=6, n_agents=5, demand=2,
        min_load=1, max_load=3, forbidden=[[0, 0]], forced=[[1, 1]],
    )  # fmt: skip
    result = solve(problem, randomized=True, max_prob=Fraction(3, 5), seed=1)
    assert result.status == OPTIMAL
    draws, counts = 800, np.zeros(30)
    for seed in range(draws):
        sample = sample_assignment(problem, result, seed=seed)
        load = np.bincount(sample.agent, minlength=5)
        assert (load >= 1).all() and (load <= 3).all()
        assert (np.bincount(sample.item, minlength=6) == 2).all()
        assert 1 * 5 + 1 in sample.pair.tolist() and 0 not in sample.pair.tolist()
        counts[sample.pair] += 1
    spread = 4 * np.sqrt(0.25 / draws)
    assert np.abs(counts / draws - result.marginals).max() <= spread


# Fair mode with demand > 1 -----------------------------------------------------------------


def _skewed(n_items, n_agents, demand, seed=1):
    rng = np.random.default_rng(seed)
    item = np.repeat(np.arange(n_items), n_agents)
    agent = np.tile(np.arange(n_agents), n_items)
    popularity = rng.random(n_agents) ** 2
    affinity = 0.5 * popularity[agent] + 0.5 * rng.random(item.size)
    max_load = int(np.ceil(demand * n_items / n_agents * 1.2))
    return make_problem(item=item, agent=agent, affinity=affinity, n_items=n_items,
                        n_agents=n_agents, demand=demand, max_load=max_load)  # fmt: skip


def _dominated(fair, max_sum) -> bool:
    worst, base_worst = fair.item_score.min(), max_sum.item_score.min()
    return worst <= base_worst and fair.objective < max_sum.objective - 1e-9 or (worst < base_worst)


@pytest.mark.parametrize("seconds", [0.3, 3.0])
def test_fair_demand_three_never_dominated_and_labelled(seconds):
    # the audit's shape (dense, demand 3, skewed popularity), small enough for a unit test
    problem = _skewed(60, 12, 3)
    max_sum = solve(problem)
    fair = solve(problem, mode="fair", time_limit_s=seconds)
    assert fair.mode == "fair" and fair.fairness is not None
    assert not _dominated(fair, max_sum)
    assert fair.fairness.min_item_score == pytest.approx(fair.item_score.min())
    assert fair.fairness.upper_bound >= fair.fairness.min_item_score - 1e-9
    assert (fair.status == OPTIMAL) == fair.fairness.proven


def test_fair_demand_two_raises_the_worst_item_and_proves_it():
    problem = _skewed(16, 6, 2, seed=4)
    max_sum = solve(problem)
    fair = solve(problem, mode="fair", time_limit_s=60)
    assert fair.status == OPTIMAL and fair.fairness.proven
    assert fair.fairness.method.startswith("milp")
    assert fair.item_score.min() > max_sum.item_score.min()
    gap = fair.fairness.upper_bound - fair.fairness.min_item_score
    assert 0 <= gap <= 1e-6 * fair.fairness.upper_bound + 1e-6


def test_fair_nothing_found_in_time_is_labelled_local_search(monkeypatch):
    from startup_street.matching.solver import fair as fair_module
    from startup_street.matching.solver.fair_milp import MilpStage

    monkeypatch.setattr(
        fair_module, "max_level_stage", lambda *a, **k: MilpStage(None, None, None, False, 0.1)
    )
    problem = _skewed(10, 5, 2)
    max_sum = solve(problem)
    result = solve(problem, mode="fair")
    assert result.mode == "fair" and result.status == "feasible"
    assert not result.fairness.proven and result.fairness.levels_proven == 0
    assert "local search" in result.fairness.method
    assert "no assignment in time" in result.diagnosis[0]
    assert not _dominated(result, max_sum)
    # the total is still maximised among assignments as fair as the local search's, so it is
    # at least that of the exact max-min's best total (whose worst item is at least as good)
    assert "then the largest total with that worst score (proven)" in result.fairness.method
    monkeypatch.undo()
    exact = solve(problem, mode="fair", leximin_time_s=0)
    assert exact.fairness.proven and exact.item_score.min() >= result.item_score.min() - 1e-9
    assert result.objective >= exact.objective - 1e-9


def test_fair_demand_three_dense_starts_from_a_local_search_above_max_sum():
    # the benchmark's dense demand-3 shape, where HiGHS alone found a worst item barely above
    # max-sum's in 30 s: the local search from max-sum gives it a far better start
    from startup_street.matching.solver.fair_milp import level_values
    from startup_street.matching.solver.fair_search import raise_worst
    from startup_street.matching.solver.modes import choose_scale
    from startup_street.matching.solver.network import NetworkSpec, scaled_affinity

    problem = _skewed(300, 30, 3, seed=12)
    max_sum = solve(problem)
    weight = scaled_affinity(
        problem, NetworkSpec(scale=choose_scale(problem)), np.arange(problem.n_pairs)
    )
    start = raise_worst(problem, weight, max_sum.pair, seconds=30)
    assert (np.bincount(problem.item[start], minlength=300) == 3).all()
    assert np.bincount(problem.agent[start], minlength=30).max() <= problem.max_load.max()
    before, after = (
        level_values(problem, weight, max_sum.pair),
        level_values(problem, weight, start),
    )
    assert after[0] > before[0] * 1.2
    fair = solve(problem, mode="fair", time_limit_s=1.0)
    assert fair.fairness.min_item_score > max_sum.item_score.min() * 1.2


@pytest.mark.parametrize("seed", range(20))
def test_local_search_keeps_every_rule_and_never_lowers_the_sorted_scores(seed):
    from startup_street.matching.solver.fair_milp import level_values
    from startup_street.matching.solver.fair_search import raise_worst
    from startup_street.matching.solver.modes import choose_scale
    from startup_street.matching.solver.network import NetworkSpec, scaled_affinity
    from tests.matching.test_solver_helpers import random_problem

    problem = random_problem(seed, n_items=12, n_agents=6, demand=2, max_load=4)  # tight
    max_sum = solve(problem)
    if not max_sum.ok:
        return
    weight = scaled_affinity(
        problem, NetworkSpec(scale=choose_scale(problem)), np.arange(problem.n_pairs)
    )
    start = raise_worst(problem, weight, max_sum.pair, seconds=5)
    load = np.bincount(problem.agent[start], minlength=problem.n_agents)
    assert (np.bincount(problem.item[start], minlength=problem.n_items) == problem.demand).all()
    assert ((load >= problem.min_load) & (load <= problem.max_load)).all()
    assert not problem.forbidden_mask[start].any()
    assert np.isin(np.flatnonzero(problem.forced_mask), start).all()
    before = np.diff(level_values(problem, weight, max_sum.pair), prepend=0)
    after = np.diff(level_values(problem, weight, start), prepend=0)
    differs = np.flatnonzero(before != after)
    assert differs.size == 0 or after[differs[0]] > before[differs[0]]
