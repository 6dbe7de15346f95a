"""Max-sum assignment, certificates, diagnoses and explanations of the matching solver."""

import dataclasses

import numpy as np
import pytest

from startup_street.matching.solver import (
    INFEASIBLE,
    INVALID,
    OPTIMAL,
    make_problem,
    solve,
    solve_matching,
    verify_certificate,
)
from tests.matching.test_solver_helpers import best_max_sum, random_problem

TOL = 1e-5  # affinities are scaled by 10**6 here; rounding moves the optimum by < 1e-5


def dense(n_items, n_agents, seed=0, popular=0.0):
    rng = np.random.default_rng(seed)
    item = np.repeat(np.arange(n_items), n_agents)
    agent = np.tile(np.arange(n_agents), n_items)
    affinity = popular * rng.random(n_agents)[agent] + rng.random(item.size)
    return item, agent, affinity


@pytest.mark.parametrize("seed", range(40))
def test_max_sum_random_small_equals_brute_force(seed):
    problem = random_problem(seed)
    result = solve(problem)
    best = best_max_sum(problem)
    if best is None:
        assert result.status == INFEASIBLE and result.diagnosis
        return
    assert result.status == OPTIMAL
    assert result.objective == pytest.approx(best, abs=TOL)
    check = verify_certificate(problem, result)
    assert check.ok, check.problems
    assert check.bound >= best - 1e-12


@pytest.mark.parametrize("seed", range(10))
def test_max_sum_sparse_small_equals_brute_force(seed):
    problem = random_problem(seed, n_items=5, n_agents=4, density=0.7)
    result = solve(problem)
    best = best_max_sum(problem)
    assert (result.status == OPTIMAL) == (best is not None)
    if best is not None:
        assert result.objective == pytest.approx(best, abs=TOL)
        assert verify_certificate(problem, result)


@pytest.mark.parametrize("seed", range(10))
def test_max_sum_constraints_conflicts_forced_and_loads_hold(seed):
    item, agent, affinity = dense(12, 6, seed)
    rng = np.random.default_rng(seed)
    forbidden = np.stack([np.arange(12), rng.integers(0, 5, 12)], axis=1)  # one per item
    forced = np.array([[0, 5], [1, 5]])
    result = solve_matching(
        item=item, agent=agent, affinity=affinity, n_items=12, n_agents=6, demand=2,
        min_load=2, max_load=6, forbidden=forbidden, forced=forced,
    )  # fmt: skip
    assert result.status == OPTIMAL
    assigned = set(zip(result.item.tolist(), result.agent.tolist(), strict=True))
    assert not assigned & set(map(tuple, forbidden.tolist()))
    assert {(0, 5), (1, 5)} <= assigned
    assert np.all(np.bincount(result.item, minlength=12) == 2)
    load = np.bincount(result.agent, minlength=6)
    assert load.min() >= 2 and load.max() <= 6


def test_max_sum_medium_instance_equals_linprog():
    linprog = pytest.importorskip("scipy.optimize").linprog
    sparse = pytest.importorskip("scipy.sparse")
    item, agent, affinity = dense(60, 25, seed=3, popular=0.5)
    keep = np.random.default_rng(3).random(item.size) < 0.6
    item, agent, affinity = item[keep], agent[keep], affinity[keep]
    problem = make_problem(
        item=item, agent=agent, affinity=affinity, n_items=60, n_agents=25, demand=2, max_load=6
    )
    result = solve(problem)
    lp = _linprog(linprog, sparse, item, agent, affinity, 60, 25, demand=2, max_load=6)
    assert result.objective == pytest.approx(lp, rel=1e-6)
    assert verify_certificate(problem, result)


def _linprog(linprog, sparse, item, agent, affinity, n_items, n_agents, *, demand, max_load, cap=1):
    cols = np.arange(item.size)
    a_eq = sparse.csr_array((np.ones(item.size), (item, cols)), shape=(n_items, item.size))
    a_ub = sparse.csr_array((np.ones(item.size), (agent, cols)), shape=(n_agents, item.size))
    lp = linprog(
        -affinity, A_ub=a_ub, b_ub=np.full(n_agents, max_load), A_eq=a_eq,
        b_eq=np.full(n_items, demand), bounds=(0, cap), method="highs",
    )  # fmt: skip
    assert lp.status == 0
    return -lp.fun


def test_max_sum_pruned_pricing_path_equals_linprog():
    """Enough pairs to prune (> 20,000) and popular agents, so pricing has work to do."""
    linprog = pytest.importorskip("scipy.optimize").linprog
    sparse = pytest.importorskip("scipy.sparse")
    item, agent, affinity = dense(400, 60, seed=5, popular=1.0)
    problem = make_problem(
        item=item, agent=agent, affinity=affinity, n_items=400, n_agents=60, demand=2, max_load=14
    )
    result = solve(problem)
    assert result.stats["eligible_pairs"] > result.stats["arcs"]  # it did prune
    lp = _linprog(linprog, sparse, item, agent, affinity, 400, 60, demand=2, max_load=14)
    assert result.objective == pytest.approx(lp, rel=1e-7)
    assert verify_certificate(problem, result)


def test_max_sum_pruned_min_load_on_unwanted_agent_equals_linprog():
    """Nobody's best pairs reach agent 59, yet it needs 10 items: the bypass and pricing must
    bring its pairs in."""
    linprog = pytest.importorskip("scipy.optimize").linprog
    sparse = pytest.importorskip("scipy.sparse")
    item, agent, affinity = dense(400, 60, seed=6, popular=1.0)
    affinity[agent == 59] -= 5.0
    min_load = np.zeros(60, int)
    min_load[59] = 10
    problem = make_problem(
        item=item, agent=agent, affinity=affinity, n_items=400, n_agents=60, demand=1,
        min_load=min_load, max_load=10,
    )  # fmt: skip
    result = solve(problem)
    assert np.sum(result.agent == 59) == 10
    cols = np.arange(item.size)
    a_agent = sparse.csr_array((np.ones(item.size), (agent, cols)), shape=(60, item.size))
    a_item = sparse.csr_array((np.ones(item.size), (item, cols)), shape=(400, item.size))
    lp = linprog(
        -affinity, A_ub=sparse.vstack([a_agent, -a_agent]),
        b_ub=np.r_[np.full(60, 10), -min_load], A_eq=a_item, b_eq=np.ones(400),
        bounds=(0, 1), method="highs",
    )  # fmt: skip
    assert result.objective == pytest.approx(-lp.fun, rel=1e-7)
    assert verify_certificate(problem, result)


def test_max_sum_pruned_infeasible_instance_diagnosed():
    item, agent, affinity = dense(400, 60, seed=7)
    forbidden = np.stack([item, agent], axis=1)[(agent > 0) & (item < 3)]  # items 0-2: agent 0
    result = solve_matching(
        item=item, agent=agent, affinity=affinity, n_items=400, n_agents=60, demand=1,
        max_load=[2] + [10] * 59, forbidden=forbidden,
    )  # fmt: skip
    assert result.status == INFEASIBLE
    assert "only 399 of 400" in result.diagnosis[0] and "agent 0" in result.diagnosis[0]


def test_certificate_perturbed_assignment_fails():
    item, agent, affinity = dense(6, 4, seed=1)
    problem = make_problem(
        item=item, agent=agent, affinity=affinity, n_items=6, n_agents=4, max_load=3
    )
    result = solve(problem)
    worse = _swap_to_worse(problem, result)
    check = verify_certificate(problem, worse)
    assert not check.ok
    assert any("complementary slackness" in p for p in check.problems)
    assert check.bound >= result.objective - 1e-12  # the dual bound is valid whatever happens


def _swap_to_worse(problem, result):
    """Move item 0 to another agent with spare capacity (still feasible, lower affinity)."""
    load = np.bincount(result.agent, minlength=problem.n_agents)
    k = int(np.flatnonzero(result.item == 0)[0])
    alternatives = np.flatnonzero(
        (problem.item == 0) & (problem.agent != result.agent[k]) & (load[problem.agent] < 3)
    )
    pair = result.pair.copy()
    pair[k] = alternatives[np.argmax(problem.affinity[alternatives])]
    pair.sort()
    return dataclasses.replace(
        result, pair=pair, item=problem.item[pair], agent=problem.agent[pair]
    )


def test_certificate_perturbed_potentials_fail():
    item, agent, affinity = dense(5, 5, seed=2)
    problem = make_problem(item=item, agent=agent, affinity=affinity, n_items=5, n_agents=5)
    result = solve(problem)
    stage = result.certificate.stages[0]
    potentials = stage.potentials.copy()
    potentials[problem.n_items] += 10**7  # make agent 0 look far too expensive
    bad = dataclasses.replace(
        result,
        certificate=dataclasses.replace(
            result.certificate, stages=(dataclasses.replace(stage, potentials=potentials),)
        ),
    )
    assert verify_certificate(problem, result)
    assert not verify_certificate(problem, bad)


def test_certificate_invalid_assignment_reported():
    item, agent, affinity = dense(3, 3)
    problem = make_problem(
        item=item, agent=agent, affinity=affinity, n_items=3, n_agents=3,
        forbidden=[[0, 0]], forced=[[1, 1]],
    )  # fmt: skip
    result = solve(problem)
    pair = np.array([0, 1, 5])  # (0, 0) forbidden, item 0 twice, misses forced (1, 1)
    bad = dataclasses.replace(result, pair=pair, item=item[pair], agent=agent[pair])
    problems = " ".join(verify_certificate(problem, bad).problems)
    assert "forbidden" in problems and "forced" in problems and "demand" in problems


def test_infeasible_total_demand_exceeds_capacity():
    item, agent, affinity = dense(10, 4)
    result = solve_matching(
        item=item, agent=agent, affinity=affinity, n_items=10, n_agents=4, demand=3, max_load=6
    )
    assert result.status == INFEASIBLE
    assert "total demand 30 exceeds total capacity 24" in result.diagnosis[0]


def test_infeasible_item_without_allowed_agent():
    item, agent, affinity = dense(3, 2)
    forbidden = np.array([[1, 0], [1, 1]])
    result = solve_matching(
        item=item, agent=agent, affinity=affinity, n_items=3, n_agents=2, forbidden=forbidden
    )
    assert result.status == INFEASIBLE
    assert "item 1 has no allowed agent (demand 1)" in result.diagnosis


def test_infeasible_forced_pair_over_max_load():
    item, agent, affinity = dense(3, 2)
    forced = np.array([[0, 0], [1, 0]])
    result = solve_matching(
        item=item, agent=agent, affinity=affinity, n_items=3, n_agents=2, max_load=[1, 3],
        forced=forced,
    )  # fmt: skip
    assert result.status == INFEASIBLE
    assert "agent 0 has 2 forced items but max load 1" in result.diagnosis


def test_infeasible_forced_pair_also_forbidden():
    item, agent, affinity = dense(2, 2)
    pair = np.array([[0, 1]])
    result = solve_matching(
        item=item, agent=agent, affinity=affinity, n_items=2, n_agents=2, forbidden=pair,
        forced=pair,
    )  # fmt: skip
    assert result.status == INFEASIBLE
    assert "forced pair (item 0, agent 1) is also forbidden" in result.diagnosis[0]


def test_infeasible_hall_shortage_names_items_and_full_agents():
    # items 0 and 1 may only use agent 0 (max load 1); counting checks alone cannot see it
    item = np.array([0, 1, 2, 2])
    agent = np.array([0, 0, 0, 1])
    result = solve_matching(
        item=item, agent=agent, affinity=np.ones(4), n_items=3, n_agents=2, max_load=[1, 5]
    )
    assert result.status == INFEASIBLE
    line = result.diagnosis[0]
    assert "only 2 of 3 requested assignments" in line
    assert "left short: item 0" in line and "max load: agent 0" in line


def test_infeasible_min_load_unreachable():
    item, agent, affinity = dense(2, 3)
    result = solve_matching(
        item=item, agent=agent, affinity=affinity, n_items=2, n_agents=3, demand=1,
        min_load=[1, 1, 1],
    )  # fmt: skip
    assert result.status == INFEASIBLE
    assert "total minimum load 3 exceeds total demand 2" in result.diagnosis


def test_invalid_negative_demand_and_mismatched_lengths():
    result = solve_matching(
        item=[0, 1], agent=[0, 0, 1], affinity=[1.0, 2.0], n_items=2, n_agents=2, demand=[1, -1]
    )
    assert result.status == INVALID
    text = " ".join(result.diagnosis)
    assert "item 1 has demand -1" in text and "same length" in text


def test_invalid_duplicate_pair_and_stray_forced_pair():
    result = solve_matching(
        item=[0, 0, 1], agent=[1, 1, 0], affinity=[1.0, 2.0, 3.0], n_items=2, n_agents=2
    )
    assert result.status == INVALID and "appears more than once" in result.diagnosis[0]
    result = solve_matching(
        item=[0, 1], agent=[1, 0], affinity=[1.0, 3.0], n_items=2, n_agents=2, forced=[[0, 0]]
    )
    assert result.status == INVALID and "not candidates: (0, 0)" in result.diagnosis[0]


def test_invalid_types_raise_value_error():
    with pytest.raises(ValueError, match="item must hold integers"):
        make_problem(item=[0.5], agent=[0], affinity=[1.0], n_items=1, n_agents=1)
    with pytest.raises(ValueError, match="n_agents must be an int"):
        make_problem(item=[0], agent=[0], affinity=[1.0], n_items=1, n_agents="1")
    with pytest.raises(ValueError, match="shape"):
        make_problem(item=[0], agent=[0], affinity=[1.0], n_items=1, n_agents=1, forced=[0, 0])
    problem = make_problem(item=[0], agent=[0], affinity=[1.0], n_items=1, n_agents=1)
    with pytest.raises(ValueError, match="mode"):
        solve(problem, mode="best")


def test_explanations_components_sorted_by_size():
    item, agent = np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])
    components = {
        "topic": np.array([0.5, 0.1, 0.2, 0.9]),
        "language": np.array([0.1, 0.3, -0.6, 0.0]),
        "history": np.array([0.2, 0.0, 0.1, 0.05]),
    }
    affinity = sum(components.values())
    result = solve_matching(
        item=item, agent=agent, affinity=affinity, n_items=2, n_agents=2, components=components
    )
    assert result.pair.tolist() == [0, 3]
    assert result.explain(0) == [("topic", 0.5), ("history", 0.2), ("language", 0.1)]
    assert [name for name, _ in result.explain(1)] == ["topic", "history", "language"]
    names, order, values = result.ranked_contributions()
    assert names == ("topic", "language", "history") and order.shape == values.shape == (2, 3)


def test_explanations_components_must_sum_to_affinity():
    result = solve_matching(
        item=[0], agent=[0], affinity=[1.0], n_items=1, n_agents=1, components={"a": [0.5]}
    )
    assert result.status == INVALID and "sum to affinity" in result.diagnosis[0]


def test_max_sum_negative_affinities_and_zero_demand():
    result = solve_matching(
        item=[0, 0, 1, 2], agent=[0, 1, 1, 0], affinity=[-2.0, -1.0, -5.0, 3.0], n_items=3,
        n_agents=2, demand=[1, 0, 1],
    )  # fmt: skip
    assert result.status == OPTIMAL
    assert result.pair.tolist() == [1, 3] and result.objective == pytest.approx(2.0)


def test_max_sum_tiny_affinities_next_to_huge_one_refine_scale():
    rng = np.random.default_rng(0)
    item, agent = np.repeat(np.arange(50), 10), np.tile(np.arange(10), 50)
    affinity = rng.random(500) * 1e-4
    affinity[0] = -100.0  # sets the first scale (10**4) but is never worth assigning
    problem = make_problem(
        item=item, agent=agent, affinity=affinity, n_items=50, n_agents=10, max_load=10
    )
    result = solve(problem)
    check = verify_certificate(problem, result)
    assert result.certificate.scale > 1e4
    assert check.ok and check.gap <= 1e-4 * result.objective
    best = affinity.reshape(50, 10).max(axis=1).sum()  # loads never bind here
    assert result.objective == pytest.approx(best, rel=1e-4)
