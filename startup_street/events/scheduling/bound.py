"""An upper bound on the priority any schedule can meet."""

from __future__ import annotations

import itertools

import numpy as np
from ortools.linear_solver import pywraplp

from .problem import NONE, Problem


def relaxed_bound(p: Problem, candidates: np.ndarray) -> float:
    """An upper bound on any schedule's priority from an LP without slots (GLOP): each meeting
    chosen at most once, each person in at most as many meetings as they have free slots, the
    tables' and (by Hall's sets) the interpreters' seats over the day."""
    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None:
        return float(p.priority.sum())
    pinned = {pin.meeting for pin in p.pins}
    live = [i for i in range(p.n_meetings) if candidates[i].any() or i in pinned]
    y = {i: solver.NumVar(1.0 if i in pinned else 0.0, 1.0, "") for i in live}
    by_person: dict[int, list] = {}
    for i in live:
        by_person.setdefault(int(p.a[i]), []).append(y[i])
        by_person.setdefault(int(p.b[i]), []).append(y[i])
    free_slots = p.person_free.sum(axis=1)
    for person, terms in by_person.items():
        if len(terms) > free_slots[person]:
            solver.Add(solver.Sum(terms) <= int(free_slots[person]))
    solver.Add(solver.Sum(list(y.values())) <= int(p.table_free.sum()))
    needed = sorted({int(p.language_pair[i]) for i in live if p.language_pair[i] != NONE})
    for size in range(1, len(needed) + 1):
        for subset in itertools.combinations(needed, size):
            terms = [y[i] for i in live if p.language_pair[i] in subset]
            covering = p.interpreter_pairs[:, list(subset)].any(axis=1)
            solver.Add(solver.Sum(terms) <= int(p.interpreter_free[covering].sum()))
    solver.Maximize(solver.Sum([int(p.priority[i]) * y[i] for i in live]))
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        return float(p.priority.sum())
    return float(solver.Objective().Value()) + 1e-6
