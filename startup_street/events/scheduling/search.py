"""The schedule meeting the most priority: CP-SAT on the whole model when it is small, otherwise
a neighbourhood search that starts from the greedy schedule and lets CP-SAT re-place the meetings
of a few people (or of the interpreters) at a time, everything else held where it is.

Every step keeps a complete schedule that breaks no hard constraint and never meets less priority
than the one before. The bound that the gap is measured against is the LP without slots
(``bound.relaxed_bound``), or CP-SAT's own bound when it solved the whole model: both are upper
bounds on what any schedule could meet, so the gap reported is never smaller than the truth."""

from __future__ import annotations

import math
import time

import numpy as np
from ortools.sat.python import cp_model

from .bound import relaxed_bound
from .greedy import solve_greedy
from .model import build, places, room_around
from .pins import candidate_slots, diagnose_pins, unschedulable
from .problem import BLOCKING, NONE, Problem, Schedule, validate
from .verify import empty_schedule, finish

WHOLE_MODEL_PLACES = 3_000  # up to this many (meeting, slot) booleans CP-SAT gets the whole model
NEIGHBOURHOOD_PEOPLE = 8  # people whose meetings one step of the search re-places
STEP_SECONDS = 0.3
INTERPRETER_STEPS = 0.25  # share of the steps that re-place meetings needing an interpreter


def solve(
    p: Problem,
    *,
    time_limit_s: float = 30.0,
    workers: int = 2,
    seed: int = 0,
    gap_limit: float = 0.0,
) -> Schedule:
    """The schedule meeting the most priority found within ``time_limit_s`` (the whole call), or
    sooner once it is within ``gap_limit`` of the bound; never raises for bad data (``issues``).
    ``workers``: CP-SAT's threads on a whole model; each step of the search uses one."""
    start = time.perf_counter()
    deadline = start + time_limit_s
    issues = validate(p) or diagnose_pins(p)
    if any(issue.code in BLOCKING for issue in issues):
        return empty_schedule(p, "invalid", issues, start)
    candidates = candidate_slots(p)
    issues += unschedulable(p, candidates)
    greedy = solve_greedy(p, candidates=candidates)
    bound = relaxed_bound(p, candidates)
    if greedy.objective >= math.floor(bound):  # the greedy schedule meets the bound: proven best
        return finish(p, greedy.slot, "optimal", greedy.objective, issues, start)
    progress = [(time.perf_counter() - start, greedy.objective)]
    if candidates.sum() <= WHOLE_MODEL_PLACES:
        slots, status, bound = _solve_whole(
            p, greedy.slot, bound, deadline, workers, seed, gap_limit
        )
    else:
        search = _Search(p, candidates, greedy.slot, seed)
        # naming and checking the answer takes about what the greedy schedule took: kept aside
        search.run(deadline - greedy.seconds, bound, gap_limit, began=start)
        slots, status = search.current, "feasible"
        progress += search.progress
        if search.value >= math.floor(bound):
            status = "optimal"
    result = finish(p, slots, status, bound, issues, start)
    if result.status == "invalid":  # never expected; the greedy schedule is checked and kept
        return finish(p, greedy.slot, "feasible", bound, issues, start)
    result.progress = progress + [(result.seconds, result.objective)]
    return result


def _pin_slots(p: Problem) -> np.ndarray:
    fixed = np.full(p.n_meetings, NONE, dtype=np.int64)
    for pin in p.pins:
        fixed[pin.meeting] = pin.slot
    return fixed


def _solve_whole(p: Problem, hint, bound, deadline, workers, seed, gap_limit):
    fixed = _pin_slots(p)
    room = room_around(p, fixed)
    meeting, slot = places(p, room, np.flatnonzero(fixed == NONE))
    model, x = build(p, room, meeting, slot)
    for v, i, s in zip(x, meeting, slot, strict=True):
        model.AddHint(v, bool(hint[i] == s))
    solver = _solver(deadline - time.perf_counter(), workers, seed)
    solver.parameters.relative_gap_limit = gap_limit
    code = solver.Solve(model)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return hint, "feasible", bound
    slots = fixed.copy()
    chosen = np.array([solver.BooleanValue(v) for v in x], dtype=bool)
    slots[meeting[chosen]] = slot[chosen]
    pinned = sum(int(p.priority[pin.meeting]) for pin in p.pins)
    if code == cp_model.OPTIMAL:
        return slots, "optimal", float(solver.ObjectiveValue()) + pinned
    return slots, "feasible", min(bound, float(solver.BestObjectiveBound()) + pinned)


def _solver(seconds: float, workers: int, seed: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = seed
    return solver


class _Search:
    """Large-neighbourhood search over complete, valid schedules."""

    def __init__(self, p: Problem, candidates: np.ndarray, start: np.ndarray, seed: int):
        self.p = p
        self.rng = np.random.default_rng(seed)
        self.seed = seed
        self.current = start.copy()
        self.value = int(p.priority[start != NONE].sum())
        pinned = np.zeros(p.n_meetings, dtype=bool)
        pinned[[pin.meeting for pin in p.pins]] = True
        self.live = candidates.any(axis=1) & ~pinned
        people = np.concatenate([p.a, p.b])
        order = np.argsort(people, kind="stable")
        self.meetings_of = np.split(
            order % p.n_meetings, np.cumsum(np.bincount(people, minlength=p.n_people))[:-1]
        )
        self.interpreted = np.flatnonzero(self.live & (p.language_pair != NONE))
        self.steps = 0
        self.progress: list[tuple[float, int]] = []  # (seconds since ``began``, priority met)

    def run(self, deadline: float, bound: float, gap_limit: float, *, began: float) -> None:
        target = max(math.floor(bound) * (1 - gap_limit), 0)
        while self.value < target and time.perf_counter() < deadline - 0.05:
            use_interpreters = len(self.interpreted) and self.rng.random() < INTERPRETER_STEPS
            release = self._interpreters() if use_interpreters else self._people()
            if self._step(release, deadline):
                self.progress.append((time.perf_counter() - began, self.value))

    def _people(self) -> np.ndarray:
        """Meetings of a few people around a meeting left out (chosen by its priority)."""
        p = self.p
        missed = np.flatnonzero(self.live & (self.current == NONE))
        if len(missed):
            weight = p.priority[missed] / p.priority[missed].sum()
            i = self.rng.choice(missed, p=weight)
            people = [int(p.a[i]), int(p.b[i])]
        else:
            people = [int(self.rng.integers(p.n_people))]
        chosen = set(people)
        while len(chosen) < NEIGHBOURHOOD_PEOPLE and people:
            person = people.pop(int(self.rng.integers(len(people))))
            mine = self.meetings_of[person]
            for other in self.rng.permutation(np.concatenate([p.a[mine], p.b[mine]])):
                if len(chosen) >= NEIGHBOURHOOD_PEOPLE:
                    break
                if int(other) not in chosen:
                    chosen.add(int(other))
                    people.append(int(other))
        release = np.concatenate([self.meetings_of[person] for person in chosen])
        return np.unique(release[self.live[release]])

    def _interpreters(self) -> np.ndarray:
        """Meetings needing an interpreter: those placed in half the slots and some left out."""
        p = self.p
        slots = self.rng.random(p.n_slots) < 0.5
        placed = self.interpreted[self.current[self.interpreted] != NONE]
        placed = placed[slots[self.current[placed]]]
        missed = self.interpreted[self.current[self.interpreted] == NONE]
        if len(missed) > 4 * len(placed) + 8:
            weight = p.priority[missed] / p.priority[missed].sum()
            missed = self.rng.choice(missed, size=4 * len(placed) + 8, replace=False, p=weight)
        return np.union1d(placed, missed)

    def _step(self, release: np.ndarray, deadline: float) -> bool:
        """Re-place the meetings in ``release``; True when the schedule meets more priority."""
        p = self.p
        fixed = self.current.copy()
        fixed[release] = NONE
        room = room_around(p, fixed)
        meeting, slot = places(p, room, release)
        model, x = build(p, room, meeting, slot)
        for v, i, s in zip(x, meeting, slot, strict=True):
            model.AddHint(v, bool(self.current[i] == s))
        seconds = min(STEP_SECONDS, deadline - time.perf_counter())
        solver = _solver(seconds, 1, self.seed + self.steps)
        self.steps += 1
        if solver.Solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return False
        chosen = np.array([solver.BooleanValue(v) for v in x], dtype=bool)
        fixed[meeting[chosen]] = slot[chosen]
        value = int(p.priority[fixed != NONE].sum())
        better = value > self.value
        if value >= self.value:
            self.current, self.value = fixed, value
        return better
