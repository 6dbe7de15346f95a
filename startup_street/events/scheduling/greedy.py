"""The baseline: highest priority first, each into its earliest slot that still fits."""

from __future__ import annotations

import time

import numpy as np

from .pins import assign_interpreters, candidate_slots, diagnose_pins
from .problem import BLOCKING, NONE, Pin, Problem, Schedule, validate
from .verify import empty_schedule, finish


def solve_greedy(p: Problem, *, candidates: np.ndarray | None = None) -> Schedule:
    """Baseline: highest priority first, each into its earliest slot that still fits."""
    start = time.perf_counter()
    issues = validate(p) or diagnose_pins(p)
    if any(issue.code in BLOCKING for issue in issues):
        return empty_schedule(p, "invalid", issues, start)
    if candidates is None:
        candidates = candidate_slots(p)
    busy = np.zeros_like(p.person_free)
    tables = p.table_free.sum(axis=0)
    interp = p.interpreter_free.copy()
    load = np.zeros(p.n_people, dtype=np.int64)
    cap = p.max_meetings if p.max_meetings is not None else np.full(p.n_people, 1 << 40)
    slots = np.full(p.n_meetings, NONE, dtype=np.int64)
    for pin in p.pins:
        i, s = pin.meeting, pin.slot
        busy[p.a[i], s] = busy[p.b[i], s] = True
        tables[s] -= 1
        load[[p.a[i], p.b[i]]] += 1
        slots[i] = s
        if pin.interpreter != NONE:
            interp[pin.interpreter, s] = False
    _seat_pinned_interpreters(p, interp)
    for i in np.argsort(-p.priority, kind="stable"):
        ai, bi = p.a[i], p.b[i]
        if load[ai] >= cap[ai] or load[bi] >= cap[bi]:
            continue
        options = candidates[i] & ~busy[ai] & ~busy[bi] & (tables > 0)
        lang = p.language_pair[i]
        for s in np.flatnonzero(options):
            if lang != NONE:
                free = np.flatnonzero(interp[:, s] & p.interpreter_pairs[:, lang])
                if not len(free):
                    continue
                interp[free[0], s] = False
            busy[ai, s] = busy[bi, s] = True
            tables[s] -= 1
            load[[ai, bi]] += 1
            slots[i] = s
            break
    return finish(p, slots, "feasible", float(p.priority.sum()), issues, start)


def _seat_pinned_interpreters(p: Problem, interp: np.ndarray) -> None:
    """Take an interpreter for each pinned meeting that needs one and has none named (such a
    matching exists: ``diagnose_pins`` checked it), so no meeting placed later takes theirs."""
    for s in {pin.slot for pin in p.pins}:
        here = [pin for pin in p.pins if pin.slot == s]
        named = [pin for pin in here if pin.interpreter != NONE]
        loose = [
            Pin(pin.meeting, s)
            for pin in here
            if pin.interpreter == NONE and p.language_pair[pin.meeting] != NONE
        ]
        for k in (assign_interpreters(p, s, loose, named) or {}).values():
            interp[k, s] = False
