"""Pins that cannot hold, and meetings no slot can take, with their reasons."""

from __future__ import annotations

import numpy as np

from .problem import NONE, Issue, Pin, Problem


def diagnose_pins(p: Problem) -> list[Issue]:
    """Pins that cannot hold: a clash with another pin, or someone or something not free."""
    issues: list[Issue] = []
    seen_person: dict[tuple[int, int], int] = {}
    seen_table: dict[tuple[int, int], int] = {}
    seen_interp: dict[tuple[int, int], int] = {}
    pinned: set[int] = set()
    n_tables, n_interp = p.table_free.shape[0], p.interpreter_free.shape[0]
    for pin in p.pins:
        i, s = pin.meeting, pin.slot
        if not (0 <= i < p.n_meetings and 0 <= s < p.n_slots) or i in pinned:
            issues.append(Issue("invalid", meeting=i, slot=s))
            continue
        if not (NONE <= pin.table < n_tables and NONE <= pin.interpreter < n_interp):
            issues.append(Issue("invalid", meeting=i, slot=s))
            continue
        pinned.add(i)
        for person in (int(p.a[i]), int(p.b[i])):
            if not p.person_free[person, s]:
                issues.append(Issue("pin_person_unavailable", meeting=i, person=person, slot=s))
            issues += _clash(seen_person, "pin_clash_person", i, s, person=person)
        if pin.table != NONE:
            if not p.table_free[pin.table, s]:
                issues.append(Issue("pin_table_unavailable", meeting=i, table=pin.table, slot=s))
            issues += _clash(seen_table, "pin_clash_table", i, s, table=pin.table)
        k = pin.interpreter
        if k != NONE:
            if not p.interpreter_free[k, s]:
                issues.append(
                    Issue("pin_interpreter_unavailable", meeting=i, interpreter=k, slot=s)
                )
            language = int(p.language_pair[i])
            if language != NONE and not p.interpreter_pairs[k, language]:
                issues.append(Issue("pin_interpreter_language", meeting=i, interpreter=k, slot=s))
            issues += _clash(seen_interp, "pin_clash_interpreter", i, s, interpreter=k)
    issues += _pin_capacity_issues(p)
    return issues


def _clash(seen: dict, code: str, meeting: int, slot: int, **who) -> list[Issue]:
    """A clash when someone or something (``who``) is pinned twice in ``slot``; remembers it."""
    key = (*who.values(), slot)
    other = seen.setdefault(key, meeting)
    if other == meeting:
        return []
    seen[key] = meeting
    return [Issue(code, meeting=meeting, other=other, slot=slot, **who)]


def _pin_capacity_issues(p: Problem) -> list[Issue]:
    issues = []
    by_slot: dict[int, list[Pin]] = {}
    for pin in p.pins:
        by_slot.setdefault(pin.slot, []).append(pin)
    for s, pins in by_slot.items():
        if 0 <= s < p.n_slots and len(pins) > int(p.table_free[:, s].sum()):
            issues.append(Issue("pin_no_table", meeting=pins[-1].meeting, slot=s))
        needing = [pin for pin in pins if 0 <= pin.meeting < p.n_meetings]
        needing = [pin for pin in needing if p.language_pair[pin.meeting] != NONE]
        if needing and assign_interpreters(p, s, needing, []) is None:
            issues.append(Issue("pin_no_interpreter", meeting=needing[-1].meeting, slot=s))
    if p.max_meetings is not None:
        counts = np.zeros(p.n_people, dtype=np.int64)
        for pin in p.pins:
            if 0 <= pin.meeting < p.n_meetings:
                counts[[p.a[pin.meeting], p.b[pin.meeting]]] += 1
        for person in np.flatnonzero(counts > p.max_meetings):
            issues.append(Issue("pin_over_quota", person=int(person)))
    return issues


def candidate_slots(p: Problem) -> np.ndarray:
    """(m, n_slots) bool: where each unpinned meeting could go, pins' people and tables taken."""
    free = p.person_free[p.a] & p.person_free[p.b]
    busy = np.zeros_like(p.person_free)
    tables = p.table_free.sum(axis=0)
    for pin in p.pins:
        busy[p.a[pin.meeting], pin.slot] = busy[p.b[pin.meeting], pin.slot] = True
        tables[pin.slot] -= 1
    free &= ~busy[p.a] & ~busy[p.b]
    free &= (tables > 0)[None, :]
    needs = p.language_pair != NONE
    if needs.any():
        # some free interpreter covers the pair in that slot (pins' own interpreters aside)
        covers = p.interpreter_pairs.T.astype(np.int64) @ p.interpreter_free.astype(np.int64)
        free[needs] &= covers[p.language_pair[needs]] > 0
    for pin in p.pins:
        free[pin.meeting] = False
    return free


def unschedulable(p: Problem, candidates: np.ndarray) -> list[Issue]:
    """Meetings that no slot can take, with the reason (availability or interpreters)."""
    issues = []
    pinned = {pin.meeting for pin in p.pins}
    common = p.person_free[p.a] & p.person_free[p.b]
    for i in np.flatnonzero(~candidates.any(axis=1)):
        if int(i) in pinned:
            continue
        if not common[i].any():
            issues.append(Issue("no_common_slot", meeting=int(i)))
        elif p.language_pair[i] != NONE:
            issues.append(Issue("no_interpreter", meeting=int(i)))
        else:
            issues.append(Issue("no_free_slot", meeting=int(i)))
    return issues


def assign_interpreters(p: Problem, s: int, loose: list[Pin], pinned: list[Pin]):
    """Meeting -> interpreter for ``loose`` in slot ``s`` (Kuhn's augmenting paths), or None."""
    free = p.interpreter_free[:, s].copy()
    for pin in pinned:
        free[pin.interpreter] = False
    owner: dict[int, int] = {}
    options = {
        pin.meeting: [
            int(k)
            for k in np.flatnonzero(free & p.interpreter_pairs[:, p.language_pair[pin.meeting]])
        ]
        for pin in loose
    }

    def augment(i: int, seen: set[int]) -> bool:
        for k in options[i]:
            if k in seen:
                continue
            seen.add(k)
            if k not in owner or augment(owner[k], seen):
                owner[k] = i
                return True
        return False

    for pin in loose:
        if not augment(pin.meeting, set()):
            return None
    return {i: k for k, i in owner.items()}
