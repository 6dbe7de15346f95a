"""Every hard constraint of a schedule checked, and the places of a schedule named."""

from __future__ import annotations

import time

import numpy as np

from .pins import assign_interpreters
from .problem import NONE, Issue, Pin, Problem, Schedule


def empty_schedule(p: Problem, status: str, issues, start) -> Schedule:
    none = np.full(p.n_meetings, NONE, dtype=np.int64)
    return Schedule(
        status, none, none.copy(), none.copy(), 0, 0.0, int(p.priority.sum()),
        time.perf_counter() - start, list(issues),
    )  # fmt: skip


def finish(p: Problem, slots, status, bound, issues, start) -> Schedule:
    """Name tables and interpreters for the chosen slots, then check every hard constraint."""
    tables = np.full(p.n_meetings, NONE, dtype=np.int64)
    interpreters = np.full(p.n_meetings, NONE, dtype=np.int64)
    pins = {pin.meeting: pin for pin in p.pins}
    for s in range(p.n_slots):
        here = np.flatnonzero(slots == s)
        if not len(here):
            continue
        fixed = [pins[i] for i in here if i in pins and pins[i].table != NONE]
        taken = {pin.table for pin in fixed}
        for pin in fixed:
            tables[pin.meeting] = pin.table
        spare = iter(t for t in np.flatnonzero(p.table_free[:, s]) if t not in taken)
        for i in here:
            if tables[i] == NONE:
                tables[i] = next(spare, NONE)
        needing = [i for i in here if p.language_pair[i] != NONE]
        pinned = [pins[i] for i in needing if i in pins and pins[i].interpreter != NONE]
        loose = [Pin(int(i), s) for i in needing if not (i in pins and pins[i].interpreter != NONE)]
        found = assign_interpreters(p, s, loose, pinned)
        for pin in pinned:
            interpreters[pin.meeting] = pin.interpreter
        for i, k in (found or {}).items():
            interpreters[i] = k
    objective = int(p.priority[slots != NONE].sum())
    schedule = Schedule(
        status, slots, tables, interpreters, objective, max(float(bound), objective),
        int(p.priority.sum()), time.perf_counter() - start, list(issues),
    )  # fmt: skip
    problems = verify(p, schedule)
    if problems:
        schedule.status = "invalid"
        schedule.issues += problems
    return schedule


def verify(p: Problem, sch: Schedule) -> list[Issue]:
    """Every hard constraint of a schedule; an empty list means it may be published."""
    issues: list[Issue] = []
    on = np.flatnonzero(sch.slot != NONE)
    s = sch.slot[on]
    for i in on[(sch.slot[on] < 0) | (sch.slot[on] >= p.n_slots)]:
        return [Issue("invalid", meeting=int(i))]
    people = np.concatenate([p.a[on], p.b[on]])
    meetings = np.concatenate([on, on])
    issues += _doubles("double_person", "person", people, np.concatenate([s, s]), meetings)
    for i in on:
        slot_i = int(sch.slot[i])
        for person in (int(p.a[i]), int(p.b[i])):
            if not p.person_free[person, slot_i]:
                issues.append(Issue("person_unavailable", meeting=int(i), person=person))
    t = sch.table[on]
    if (t == NONE).any() or (t >= p.table_free.shape[0]).any():
        issues.append(Issue("no_table", meeting=int(on[np.flatnonzero(t == NONE)[0]])))
    else:
        issues += _doubles("double_table", "table", t, s, on)
        for i in on[~p.table_free[t, s]]:
            issues.append(Issue("table_unavailable", meeting=int(i)))
    issues += _verify_interpreters(p, sch, on)
    for pin in p.pins:
        if sch.slot[pin.meeting] != pin.slot or (
            pin.table != NONE and sch.table[pin.meeting] != pin.table
        ):
            issues.append(Issue("pin_moved", meeting=pin.meeting, slot=pin.slot))
    if p.max_meetings is not None:
        counts = np.bincount(people, minlength=p.n_people)
        for person in np.flatnonzero(counts > p.max_meetings):
            issues.append(Issue("over_quota", person=int(person)))
    return issues


def _doubles(code: str, what: str, who: np.ndarray, s: np.ndarray, meetings) -> list[Issue]:
    key = who.astype(np.int64) * 1_000_003 + s
    _, first, counts = np.unique(key, return_index=True, return_counts=True)
    return [
        Issue(code, meeting=int(meetings[j]), slot=int(s[j]), **{what: int(who[j])})
        for j in first[counts > 1]
    ]


def _verify_interpreters(p: Problem, sch: Schedule, on: np.ndarray) -> list[Issue]:
    issues = []
    for i in on:
        k, lang = int(sch.interpreter[i]), int(p.language_pair[i])
        if lang == NONE and k == NONE:
            continue
        if k == NONE:
            issues.append(Issue("no_interpreter", meeting=int(i)))
        elif not p.interpreter_free[k, sch.slot[i]]:
            issues.append(Issue("interpreter_unavailable", meeting=int(i), interpreter=k))
        elif lang != NONE and not p.interpreter_pairs[k, lang]:
            issues.append(Issue("interpreter_language", meeting=int(i), interpreter=k))
    with_k = on[sch.interpreter[on] != NONE]
    issues += _doubles(
        "double_interpreter", "interpreter", sch.interpreter[with_k], sch.slot[with_k], with_k
    )
    for pin in p.pins:
        if pin.interpreter != NONE and sch.interpreter[pin.meeting] != pin.interpreter:
            issues.append(Issue("pin_moved", meeting=pin.meeting, slot=pin.slot))
    return issues
