"""The CP-SAT model: one boolean per meeting and slot where it may go, around meetings held fixed.

Meetings held fixed (pins, or in the neighbourhood search everything outside the neighbourhood)
take their people's slots, a table and, where they need one, an interpreter; what is left is the
room the free meetings may use. Tables are counted per slot; interpreters per slot by Hall's
condition over the language pairs (exact: interpreters are named after solving)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from .problem import NONE, Problem


@dataclass
class Room:
    busy: np.ndarray  # (n_people, n_slots) taken by a fixed meeting
    tables: np.ndarray  # (n_slots,) tables left
    interpreters: np.ndarray  # (n_interpreters, n_slots) free and not named by a pin
    needs: np.ndarray  # (n_pairs, n_slots) fixed meetings needing an interpreter not yet named
    left: np.ndarray | None  # (n_people,) meetings each may still have, or None: no quota


def room_around(p: Problem, fixed: np.ndarray) -> Room:
    """What ``fixed`` (a slot per meeting, NONE for those not fixed) leaves for the others."""
    on = np.flatnonzero(fixed != NONE)
    s = fixed[on]
    busy = np.zeros_like(p.person_free)
    busy[p.a[on], s] = True
    busy[p.b[on], s] = True
    tables = p.table_free.sum(axis=0) - np.bincount(s, minlength=p.n_slots)
    interpreters = p.interpreter_free.copy()
    named = np.zeros(p.n_meetings, dtype=bool)
    for pin in p.pins:
        if pin.interpreter != NONE and fixed[pin.meeting] != NONE:
            interpreters[pin.interpreter, fixed[pin.meeting]] = False
            named[pin.meeting] = True
    needs = np.zeros((p.interpreter_pairs.shape[1], p.n_slots), dtype=np.int64)
    unnamed = (p.language_pair[on] != NONE) & ~named[on]
    np.add.at(needs, (p.language_pair[on][unnamed], s[unnamed]), 1)
    left = None
    if p.max_meetings is not None:
        taken = np.bincount(np.concatenate([p.a[on], p.b[on]]), minlength=p.n_people)
        left = p.max_meetings - taken
    return Room(busy, tables, interpreters, needs, left)


def places(p: Problem, room: Room, free: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(meeting, slot) pairs where each meeting in ``free`` (indices) could go."""
    a, b = p.a[free], p.b[free]
    ok = p.person_free[a] & p.person_free[b] & ~room.busy[a] & ~room.busy[b]
    ok &= (room.tables > 0)[None, :]
    language = p.language_pair[free]
    needs = language != NONE
    if needs.any():
        covers = p.interpreter_pairs.T.astype(np.int64) @ room.interpreters.astype(np.int64)
        ok[needs] &= covers[language[needs]] > 0
    if room.left is not None:
        ok[(room.left[a] <= 0) | (room.left[b] <= 0)] = False
    row, slot = np.nonzero(ok)
    return free[row], slot


def build(p: Problem, room: Room, meeting: np.ndarray, slot: np.ndarray):
    """The model over ``meeting`` x ``slot`` and its booleans, maximising the priority met."""
    model = cp_model.CpModel()
    x = [model.NewBoolVar("") for _ in range(len(meeting))]
    if not x:
        return model, x
    for group in _groups(meeting, x):
        model.AddAtMostOne(group)
    people = np.concatenate([p.a[meeting], p.b[meeting]])
    doubled = x + x
    for group in _groups(people * p.n_slots + np.concatenate([slot, slot]), doubled):
        model.AddAtMostOne(group)
    counts = np.bincount(slot, minlength=p.n_slots)
    for s in np.flatnonzero(counts > room.tables):
        model.Add(sum(x[j] for j in np.flatnonzero(slot == s)) <= int(room.tables[s]))
    _add_interpreters(model, p, room, x, meeting, slot)
    if room.left is not None:
        load = np.bincount(people, minlength=p.n_people)
        for person in np.flatnonzero(load > room.left):
            members = np.flatnonzero(people == person)
            model.Add(sum(doubled[j] for j in members) <= int(room.left[person]))
    model.Maximize(sum(int(p.priority[i]) * v for i, v in zip(meeting, x, strict=True)))
    return model, x


def _groups(keys: np.ndarray, values: list):
    order = np.argsort(keys, kind="stable")
    cuts = np.flatnonzero(np.diff(keys[order])) + 1
    for chunk in np.split(order, cuts):
        if len(chunk) > 1:
            yield [values[j] for j in chunk]


def _add_interpreters(model, p: Problem, room: Room, x, meeting, slot) -> None:
    language = p.language_pair[meeting]
    # pairs the fixed meetings need count too: they share the interpreters covering several pairs
    fixed_needs = {int(v) for v in np.flatnonzero(room.needs.any(axis=1))}
    needed = sorted({int(v) for v in language if v != NONE} | fixed_needs)
    if not (language != NONE).any():
        return
    for size in range(1, len(needed) + 1):
        for subset in itertools.combinations(needed, size):
            in_subset = np.isin(language, subset)
            covering = p.interpreter_pairs[:, list(subset)].any(axis=1)
            for s in np.unique(slot[in_subset]):
                members = np.flatnonzero(in_subset & (slot == s))
                seats = int((room.interpreters[:, s] & covering).sum())
                seats -= int(room.needs[list(subset), s].sum())
                if len(members) > seats:
                    model.Add(sum(x[j] for j in members) <= max(seats, 0))
