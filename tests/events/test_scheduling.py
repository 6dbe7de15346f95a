"""The scheduler, pure: every hard constraint on every generated schedule, and its reasons."""

import numpy as np
import pytest

from startup_street.events import scheduling
from startup_street.events.scheduling import NONE, Pin, make_problem, search


def random_problem(seed: int, n: int = 30, slots: int = 6, tables: int = 5, pins=()):
    rng = np.random.default_rng(seed)
    pairs = set()
    while len(pairs) < 3 * n:
        a, b = rng.integers(0, n, 2)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    pairs = sorted(pairs)
    m = len(pairs)
    language = np.where(rng.random(m) < 0.3, rng.integers(0, 2, m), NONE)
    return make_problem(
        n_people=n,
        n_slots=slots,
        pairs=pairs,
        priority=rng.integers(1, 7, m),
        person_free=rng.random((n, slots)) > 0.2,
        table_free=rng.random((tables, slots)) > 0.1,
        language_pair=language,
        interpreter_pairs=[[True, False], [True, True], [False, True]],
        interpreter_free=rng.random((3, slots)) > 0.3,
        max_meetings=rng.integers(2, 6, n),
        pins=pins,
    )


def check_hard_constraints(p, s):
    """Independent of ``scheduling.verify``: nothing double-booked, everyone free."""
    on = np.flatnonzero(s.slot != NONE)
    seen = set()
    for i in on:
        slot = s.slot[i]
        for person in (p.a[i], p.b[i]):
            assert p.person_free[person, slot]
            assert ("person", person, slot) not in seen
            seen.add(("person", person, slot))
        assert s.table[i] != NONE and p.table_free[s.table[i], slot]
        assert ("table", s.table[i], slot) not in seen
        seen.add(("table", s.table[i], slot))
        if p.language_pair[i] != NONE:
            k = s.interpreter[i]
            assert k != NONE and p.interpreter_pairs[k, p.language_pair[i]]
            assert p.interpreter_free[k, slot]
            assert ("interpreter", k, slot) not in seen
            seen.add(("interpreter", k, slot))
    counts = np.bincount(np.concatenate([p.a[on], p.b[on]]), minlength=p.n_people)
    if p.max_meetings is not None:
        assert (counts <= p.max_meetings).all()
    assert s.objective == p.priority[on].sum()


@pytest.mark.parametrize("seed", range(12))
def test_every_schedule_keeps_every_hard_constraint(seed):
    problem = random_problem(seed)
    for schedule in (scheduling.solve(problem, time_limit_s=5), scheduling.solve_greedy(problem)):
        assert schedule.status in {"optimal", "feasible"}
        check_hard_constraints(problem, schedule)
        assert scheduling.verify(problem, schedule) == []


@pytest.mark.parametrize("seed", range(6))
def test_neighbourhood_search_keeps_every_hard_constraint_and_the_pins(seed, monkeypatch):
    # the search that large events get, forced onto small ones; pins taken from a valid schedule
    monkeypatch.setattr(search, "WHOLE_MODEL_PLACES", 0)
    first = scheduling.solve_greedy(random_problem(seed, n=40))
    placed = np.flatnonzero(first.slot != NONE)[:4]
    pins = [Pin(int(i), int(first.slot[i])) for i in placed[:2]] + [
        Pin(int(i), int(first.slot[i]), table=int(first.table[i]), interpreter=int(k))
        for i, k in zip(placed[2:], first.interpreter[placed[2:]], strict=True)
    ]
    problem = random_problem(seed, n=40, pins=pins)
    best = scheduling.solve(problem, time_limit_s=2)
    greedy = scheduling.solve_greedy(problem)
    assert best.status in {"optimal", "feasible"} and scheduling.verify(problem, best) == []
    check_hard_constraints(problem, best)
    assert all(best.slot[pin.meeting] == pin.slot for pin in pins)
    assert greedy.objective <= best.objective <= best.bound + 1e-6
    assert [met for _, met in best.progress] == sorted(met for _, met in best.progress)


def test_interpreters_that_pinned_meetings_need_are_not_given_away():
    # two pinned ko-en meetings need both interpreters (one covers ko-zh as well) in slot 0, the
    # only slot the ko-zh meeting could take: it must be left out, not double-book an interpreter
    problem = make_problem(
        n_people=6, n_slots=1, pairs=[(0, 1), (2, 3), (4, 5)], priority=[1, 1, 5], n_tables=3,
        language_pair=[1, 1, 0], interpreter_pairs=[[True, True], [False, True]],
        pins=[Pin(0, 0), Pin(1, 0)],
    )  # fmt: skip
    for schedule in (scheduling.solve(problem), scheduling.solve_greedy(problem)):
        assert schedule.status in {"optimal", "feasible"}
        assert list(schedule.slot) == [0, 0, NONE]
        check_hard_constraints(problem, schedule)


@pytest.mark.parametrize("seed", range(4))
def test_solver_meets_at_least_the_greedy_priority_within_its_bound(seed):
    problem = random_problem(seed, n=40)
    best = scheduling.solve(problem, time_limit_s=10)
    greedy = scheduling.solve_greedy(problem)
    assert best.objective >= greedy.objective
    assert best.objective <= best.bound + 1e-6
    assert 0 <= best.gap < 1


def test_solver_finds_the_optimum_greedy_misses():
    # A-B is worth most but greedily taking it in slot 0 blocks C-A and B-D, which only fit there
    problem = make_problem(
        n_people=4,
        n_slots=2,
        pairs=[(0, 1), (2, 0), (1, 3)],
        priority=[5, 4, 4],
        person_free=[[True, True], [True, True], [True, False], [True, False]],
        n_tables=2,
    )
    greedy = scheduling.solve_greedy(problem)
    best = scheduling.solve(problem, time_limit_s=5)
    assert greedy.objective == 5
    assert best.objective == 13 and best.status == "optimal" and best.gap == 0
    assert list(best.slot) == [1, 0, 0]


def test_interpreters_are_matched_by_language_pair():
    # two ko-zh meetings and one ko-en in one slot; interpreters: ko-zh only, ko-zh + ko-en
    problem = make_problem(
        n_people=6,
        n_slots=1,
        pairs=[(0, 1), (2, 3), (4, 5)],
        priority=[1, 1, 1],
        n_tables=3,
        language_pair=[0, 0, 1],
        interpreter_pairs=[[True, False], [True, True]],
    )
    best = scheduling.solve(problem, time_limit_s=5)
    assert best.scheduled == 2
    check_hard_constraints(problem, best)
    with_en = np.flatnonzero(best.slot == 0)
    assert 2 not in with_en or best.interpreter[2] == 1


def test_pins_stay_and_the_rest_is_solved_around_them():
    problem = random_problem(3, pins=[Pin(0, 2)])
    schedule = scheduling.solve(problem, time_limit_s=5)
    if schedule.status == "invalid":  # the random pin may sit where someone is away
        assert any(i.code.startswith("pin_") for i in schedule.issues)
        return
    assert schedule.slot[0] == 2
    check_hard_constraints(problem, schedule)


def two_meetings_sharing_person(**kwargs):
    return make_problem(n_people=3, n_slots=2, pairs=[(0, 1), (0, 2)], priority=[1, 1], **kwargs)


def test_conflicting_pins_are_refused_with_the_reason():
    problem = two_meetings_sharing_person(n_tables=2, pins=[Pin(0, 1), Pin(1, 1)])
    schedule = scheduling.solve(problem)
    assert schedule.status == "invalid" and schedule.scheduled == 0
    clash = [i for i in schedule.issues if i.code == "pin_clash_person"]
    assert clash == [scheduling.Issue("pin_clash_person", meeting=1, other=0, person=0, slot=1)]


def test_pins_on_one_table_or_interpreter_clash():
    problem = make_problem(
        n_people=4, n_slots=1, pairs=[(0, 1), (2, 3)], priority=[1, 1], n_tables=2,
        language_pair=[0, 0], interpreter_pairs=[[True], [True]],
        pins=[Pin(0, 0, table=1, interpreter=0), Pin(1, 0, table=1, interpreter=0)],
    )  # fmt: skip
    codes = {issue.code for issue in scheduling.solve(problem).issues}
    assert {"pin_clash_table", "pin_clash_interpreter"} <= codes


def test_pin_where_someone_is_away_is_refused():
    problem = two_meetings_sharing_person(
        n_tables=2, person_free=[[True, False], [True, True], [True, True]], pins=[Pin(0, 1)]
    )
    schedule = scheduling.solve(problem)
    assert schedule.status == "invalid"
    assert scheduling.Issue("pin_person_unavailable", meeting=0, person=0, slot=1) in (
        schedule.issues
    )


def test_impossible_availability_and_missing_interpreter_are_reported():
    problem = make_problem(
        n_people=4,
        n_slots=2,
        pairs=[(0, 1), (2, 3)],
        priority=[1, 1],
        n_tables=2,
        person_free=[[True, False], [False, True], [True, True], [True, True]],
        language_pair=[NONE, 0],
        interpreter_pairs=[[False, True]],
    )
    schedule = scheduling.solve(problem)
    assert schedule.scheduled == 0
    assert {(i.code, i.meeting) for i in schedule.issues} == {
        ("no_common_slot", 0),
        ("no_interpreter", 1),
    }


def test_quota_caps_meetings_per_person_and_pins_past_it_are_refused():
    problem = two_meetings_sharing_person(n_tables=2, max_meetings=[1, 5, 5])
    assert scheduling.solve(problem).scheduled == 1
    over = two_meetings_sharing_person(
        n_tables=2, max_meetings=[1, 5, 5], pins=[Pin(0, 0), Pin(1, 1)]
    )
    assert "pin_over_quota" in {i.code for i in scheduling.solve(over).issues}


def test_verify_catches_every_kind_of_double_booking():
    problem = make_problem(
        n_people=4, n_slots=1, pairs=[(0, 1), (0, 2), (2, 3)], priority=[1, 1, 1], n_tables=2,
        language_pair=[0, NONE, 0], interpreter_pairs=[[True]],
    )  # fmt: skip
    bad = scheduling.Schedule(
        "feasible", np.array([0, 0, 0]), np.array([0, 1, 0]), np.array([0, NONE, 0]),
        3, 3.0, 3, 0.0,
    )  # fmt: skip
    codes = {issue.code for issue in scheduling.verify(problem, bad)}
    assert {"double_person", "double_table", "double_interpreter"} <= codes


def test_bad_input_is_invalid_not_an_exception():
    problem = make_problem(n_people=2, n_slots=1, pairs=[(0, 5)], priority=[1], n_tables=1)
    assert scheduling.solve(problem).status == "invalid"
    assert (
        scheduling.solve(
            make_problem(n_people=2, n_slots=1, pairs=[(0, 1)], priority=[0], n_tables=1)
        ).status
        == "invalid"
    )
