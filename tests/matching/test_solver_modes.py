"""The fair, randomised and partial-coverage modes of the matching solver."""

import numpy as np
import pytest

from startup_street.matching.solver import (
    FEASIBLE,
    INFEASIBLE,
    OPTIMAL,
    make_problem,
    sample_assignment,
    solve,
    verify_certificate,
)
from tests.matching.test_solver_helpers import (
    best_fair,
    best_leximin,
    best_partial,
    feasible_subsets,
    random_problem,
)

TOL = 1e-5


@pytest.mark.parametrize("seed", range(30))
def test_fair_demand_one_equals_brute_force_max_min(seed):
    problem = random_problem(seed, n_items=4, n_agents=4, demand=1)
    result = solve(problem, mode="fair")
    best = best_fair(problem)
    if best is None:
        assert result.status == INFEASIBLE
        return
    worst, total = best
    assert result.status == OPTIMAL and result.fairness.proven
    assert result.fairness.min_item_score == pytest.approx(worst, abs=TOL)
    assert result.objective == pytest.approx(total, abs=TOL)
    assert verify_certificate(problem, result)


@pytest.mark.parametrize("seed", range(24))
def test_fair_demand_two_milp_equals_brute_force_leximin(seed):
    # seeds 15 and 18: raising the second-worst item costs total, so leximin differs from
    # max-min then max-total
    problem = random_problem(seed, n_items=4, n_agents=4, demand=2, max_load=3, min_load=0)
    result = solve(problem, mode="fair")
    best = best_leximin(problem)
    if best is None:
        assert result.status == INFEASIBLE
        return
    scores, total = best
    assert result.fairness.method.startswith("milp") and result.fairness.proven
    assert result.fairness.levels_proven == result.fairness.levels == scores.size
    assert np.sort(result.item_score[problem.demand > 0]) == pytest.approx(scores, abs=TOL)
    assert result.fairness.min_item_score == pytest.approx(scores[0], abs=TOL)
    assert result.fairness.upper_bound >= scores[0] - 1e-9
    assert result.objective == pytest.approx(total, abs=TOL)


def test_fair_leximin_stops_at_the_time_limit_and_says_how_far_it_got():
    problem = random_problem(15, n_items=4, n_agents=4, demand=2, max_load=3, min_load=0)
    result = solve(problem, mode="fair", time_limit_s=0.0)
    # no time left after max-min then max-total: no further level is attempted
    assert result.fairness.levels == 4
    assert result.fairness.levels_proven == (1 if result.fairness.proven else 0)


def test_fair_without_leximin_time_is_max_min_then_max_total():
    problem = random_problem(15, n_items=4, n_agents=4, demand=2, max_load=3, min_load=0)
    result = solve(problem, mode="fair", leximin_time_s=0.0)
    worst, total = best_fair(problem)
    assert result.fairness.proven and result.fairness.levels_proven == 1
    assert result.fairness.min_item_score == pytest.approx(worst, abs=TOL)
    assert result.objective == pytest.approx(total, abs=TOL)
    assert total > best_leximin(problem)[1] + 0.1  # full leximin gives up total here


def test_fair_raises_the_worst_item_above_max_sum():
    # max-sum gives item 1 its poor second choice so that item 0 can take agent 0
    problem = make_problem(
        item=[0, 0, 1, 1], agent=[0, 1, 0, 1], affinity=[10.0, 1.0, 9.0, 0.5],
        n_items=2, n_agents=2, max_load=1,
    )  # fmt: skip
    max_sum, fair = solve(problem), solve(problem, mode="fair")
    assert max_sum.item_score.min() == pytest.approx(0.5)
    assert fair.item_score.min() == pytest.approx(1.0)
    assert fair.fairness.threshold == pytest.approx(1.0)


def test_fair_heuristic_for_large_demand_reports_bound():
    problem = random_problem(3, n_items=4, n_agents=4, demand=2, max_load=3, min_load=0)
    result = solve(problem, mode="fair", exact_fair_max_pairs=0)
    assert result.fairness.method == "bottleneck-flow (heuristic)"
    assert result.fairness.min_item_score <= result.fairness.upper_bound + 1e-12
    assert result.status in (OPTIMAL, FEASIBLE)
    assert verify_certificate(problem, result)  # optimal for the thresholded network


def test_randomized_marginals_capped_and_samples_valid():
    problem = _randomized_problem()
    result = solve(problem, randomized=True, max_prob=0.5, seed=0, resolution_bits=6)
    assert result.status == OPTIMAL
    free = ~problem.forced_mask  # a forced pair is certain, whatever max_prob says
    assert result.marginals[free].max() <= 0.5 + 1e-12
    assert result.marginals[problem.forced_mask].tolist() == [1.0]
    assert verify_certificate(problem, result)
    counts = np.zeros(problem.n_pairs)
    draws = 300
    for seed in range(draws):
        sample = sample_assignment(problem, result, seed=seed)
        assert not _assignment_errors(problem, sample.pair)
        counts[sample.pair] += 1
    empirical = counts / draws
    spread = 4 * np.sqrt(0.25 / draws)  # four standard deviations of a Bernoulli(1/2) mean
    assert empirical[free].max() <= 0.5 + spread
    assert np.abs(empirical - result.marginals).max() <= spread


def _randomized_problem():
    rng = np.random.default_rng(11)
    item = np.repeat(np.arange(6), 5)
    agent = np.tile(np.arange(5), 6)
    return make_problem(
        item=item, agent=agent, affinity=rng.random(item.size), n_items=6, n_agents=5,
        demand=2, max_load=3, forbidden=[[0, 0]], forced=[[1, 1]],
    )  # fmt: skip


def _assignment_errors(problem, pair) -> list[str]:
    errors = []
    if np.any(np.bincount(problem.item[pair], minlength=problem.n_items) != problem.demand):
        errors.append("demand")
    if np.any(np.bincount(problem.agent[pair], minlength=problem.n_agents) > problem.max_load):
        errors.append("load")
    if problem.forbidden_mask[pair].any() or problem.forced_mask[pair].sum() != 1:
        errors.append("conflict or forced")
    return errors


def test_randomized_expected_objective_equals_capped_lp():
    linprog = pytest.importorskip("scipy.optimize").linprog
    rng = np.random.default_rng(4)
    item, agent = np.repeat(np.arange(8), 6), np.tile(np.arange(6), 8)
    affinity = rng.random(item.size)
    problem = make_problem(
        item=item, agent=agent, affinity=affinity, n_items=8, n_agents=6, demand=2, max_load=4
    )
    result = solve(problem, randomized=True, max_prob=0.375, seed=1, resolution_bits=8)
    a_eq = (item[None, :] == np.arange(8)[:, None]).astype(float)
    a_ub = (agent[None, :] == np.arange(6)[:, None]).astype(float)
    lp = linprog(-affinity, A_ub=a_ub, b_ub=np.full(6, 4), A_eq=a_eq, b_eq=np.full(8, 2),
                 bounds=(0, 0.375), method="highs")  # fmt: skip
    assert lp.status == 0
    assert result.expected_objective == pytest.approx(-lp.fun, abs=TOL)
    assert result.expected_objective <= solve(problem).objective + TOL


def test_randomized_max_prob_too_tight_is_infeasible():
    problem = make_problem(item=[0, 0], agent=[0, 1], affinity=[1.0, 2.0], n_items=1, n_agents=2,
                           demand=2)  # fmt: skip
    result = solve(problem, randomized=True, max_prob=0.5)
    assert result.status == INFEASIBLE
    assert "needs at least 4" in result.diagnosis[0]


def test_randomized_same_seed_same_sample():
    problem = _randomized_problem()
    first = solve(problem, randomized=True, max_prob=0.6, seed=7)
    second = solve(problem, randomized=True, max_prob=0.6, seed=7)
    assert first.pair.tolist() == second.pair.tolist()


@pytest.mark.parametrize("seed", range(20))
def test_partial_equals_brute_force_lexicographic(seed):
    rng = np.random.default_rng(100 + seed)
    problem = random_problem(
        seed, demand=rng.integers(1, 4, 4), max_load=rng.integers(0, 3, 4), min_load=0
    )
    result = solve(problem, allow_partial=True)
    best = best_partial(problem)
    if best is None:  # a forced pair on an agent with max load 0
        assert result.status == INFEASIBLE
        return
    covered, assigned, total = best
    assert result.status == OPTIMAL
    assert result.coverage.items_covered == covered
    assert result.coverage.assigned == assigned
    assert result.objective == pytest.approx(total, abs=TOL)
    check = verify_certificate(problem, result)
    assert check.ok, check.problems


def test_partial_serves_everyone_once_before_anyone_twice():
    # 3 items want 2 agents each, 3 agents take 1 each; item 0 would love both of its agents
    problem = make_problem(
        item=[0, 0, 1, 1, 2, 2], agent=[0, 1, 0, 2, 1, 2],
        affinity=[10.0, 10.0, 1.0, 0.5, 0.8, 0.4], n_items=3, n_agents=3, demand=2, max_load=1,
    )  # fmt: skip
    assert solve(problem).status == INFEASIBLE
    result = solve(problem, allow_partial=True)
    assert result.pair.tolist() == [1, 2, 5]  # everyone once, then the best affinity
    assert result.diagnosis == (
        "3 of 6 requested assignments made; 3 of 3 items got at least one agent",
    )


def test_partial_names_items_left_without_agent():
    problem = make_problem(
        item=[0, 1, 2], agent=[0, 0, 0], affinity=[5.0, 1.0, 0.1], n_items=3, n_agents=1,
        max_load=2,
    )  # fmt: skip
    result = solve(problem, allow_partial=True)
    assert result.pair.tolist() == [0, 1]
    assert "no agent available for item 2" in result.diagnosis[1]


def test_partial_feasible_instance_equals_max_sum():
    problem = random_problem(5)
    assert feasible_subsets(problem).size
    full, partial = solve(problem), solve(problem, allow_partial=True)
    assert partial.objective == pytest.approx(full.objective, abs=TOL)
    assert partial.coverage.assigned == partial.coverage.total_demand
