"""Meeting scheduling for events: pure (numpy + OR-Tools CP-SAT), no Django.

Meetings (pairs of people with a priority) go into slots, at tables, with an interpreter where
the pair shares no working language. Hard constraints: nobody, no table and no interpreter is in
two meetings of one slot; people, tables and interpreters only in slots they are free; an
interpreter only for a language pair they cover; pinned meetings stay where organisers put them;
optionally at most ``max_meetings`` per person. The objective: the most priority met.

Tables are interchangeable within a slot, so the model counts them per slot and names them after
solving. Interpreters are counted per slot by Hall's condition over the language pairs (few: at
most three for ko, zh-hans and en): for every set S of pairs, the meetings needing a pair in S are
at most the free interpreters covering some pair in S. That is exactly when a matching of
meetings to interpreters exists, which is then found per slot by augmenting paths.

Problems are returned as ``Issue`` codes with indices; the caller words them for people.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field

import numpy as np
from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model

NONE = -1
MAX_LANGUAGE_PAIRS = 8  # Hall's sets grow as 2**pairs


@dataclass(frozen=True)
class Pin:
    """A meeting fixed by an organiser; ``table`` / ``interpreter`` NONE lets the solver choose."""

    meeting: int
    slot: int
    table: int = NONE
    interpreter: int = NONE


@dataclass(frozen=True)
class Issue:
    code: str
    meeting: int = NONE
    other: int = NONE
    person: int = NONE
    slot: int = NONE
    table: int = NONE
    interpreter: int = NONE


# Issues that stop a solve: the organisers must change their pins or the data first.
BLOCKING = {
    "invalid",
    "pin_clash_person",
    "pin_clash_table",
    "pin_clash_interpreter",
    "pin_person_unavailable",
    "pin_table_unavailable",
    "pin_interpreter_unavailable",
    "pin_interpreter_language",
    "pin_no_table",
    "pin_no_interpreter",
    "pin_over_quota",
}


@dataclass
class Problem:
    n_people: int
    n_slots: int
    a: np.ndarray  # (m,) person index of one side
    b: np.ndarray  # (m,) person index of the other
    priority: np.ndarray  # (m,) positive integers
    person_free: np.ndarray  # (n_people, n_slots) bool
    table_free: np.ndarray  # (n_tables, n_slots) bool
    language_pair: np.ndarray  # (m,) NONE or the index of the language pair needing interpreting
    interpreter_pairs: np.ndarray  # (n_interpreters, n_pairs) bool
    interpreter_free: np.ndarray  # (n_interpreters, n_slots) bool
    pins: tuple[Pin, ...] = ()
    max_meetings: np.ndarray | None = None  # (n_people,) or None

    @property
    def n_meetings(self) -> int:
        return len(self.a)


@dataclass
class Schedule:
    status: str  # optimal | feasible | empty | invalid
    slot: np.ndarray
    table: np.ndarray
    interpreter: np.ndarray
    objective: int
    bound: float
    requested: int
    seconds: float
    issues: list[Issue] = field(default_factory=list)

    @property
    def gap(self) -> float:
        """Relative distance to the best any schedule could do (0 when proven optimal)."""
        if self.status == "optimal" or self.bound <= 0:
            return 0.0
        return max(0.0, (self.bound - self.objective) / self.bound)

    @property
    def scheduled(self) -> int:
        return int((self.slot != NONE).sum())


def make_problem(
    *,
    n_people: int,
    n_slots: int,
    pairs,
    priority,
    person_free=None,
    n_tables: int | None = None,
    table_free=None,
    language_pair=None,
    interpreter_pairs=None,
    interpreter_free=None,
    pins=(),
    max_meetings=None,
) -> Problem:
    """A problem from plain lists or arrays; missing availability means always free."""
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    m = len(pairs)
    if table_free is None:
        table_free = np.ones((n_tables if n_tables is not None else m, n_slots), dtype=bool)
    interpreter_pairs = np.asarray(
        interpreter_pairs if interpreter_pairs is not None else np.zeros((0, 0)), dtype=bool
    )
    n_interp = interpreter_pairs.shape[0]
    return Problem(
        n_people=n_people,
        n_slots=n_slots,
        a=pairs[:, 0].copy(),
        b=pairs[:, 1].copy(),
        priority=np.asarray(priority, dtype=np.int64).reshape(m),
        person_free=_bools(person_free, (n_people, n_slots)),
        table_free=np.asarray(table_free, dtype=bool),
        language_pair=np.asarray(
            language_pair if language_pair is not None else np.full(m, NONE), dtype=np.int64
        ),
        interpreter_pairs=interpreter_pairs,
        interpreter_free=_bools(interpreter_free, (n_interp, n_slots)),
        pins=tuple(pins),
        max_meetings=None if max_meetings is None else np.asarray(max_meetings, dtype=np.int64),
    )


def _bools(value, shape) -> np.ndarray:
    return np.ones(shape, dtype=bool) if value is None else np.asarray(value, dtype=bool)


def validate(p: Problem) -> list[Issue]:
    m, s = p.n_meetings, p.n_slots
    shapes_ok = (
        p.b.shape == (m,)
        and p.priority.shape == (m,)
        and p.language_pair.shape == (m,)
        and p.person_free.shape == (p.n_people, s)
        and p.table_free.ndim == 2
        and p.table_free.shape[1] == s
        and p.interpreter_free.shape == (p.interpreter_pairs.shape[0], s)
        and (p.max_meetings is None or p.max_meetings.shape == (p.n_people,))
    )
    if not shapes_ok or s < 0 or p.n_people < 0:
        return [Issue("invalid")]
    people_ok = m == 0 or (
        min(p.a.min(), p.b.min()) >= 0 and max(p.a.max(), p.b.max()) < p.n_people
    )
    n_pairs = p.interpreter_pairs.shape[1] if p.interpreter_pairs.ndim == 2 else 0
    languages_ok = m == 0 or (p.language_pair.min() >= NONE and p.language_pair.max() < n_pairs)
    if not people_ok or not languages_ok or (m and (p.priority <= 0).any()):
        return [Issue("invalid")]
    if (p.a == p.b).any() or n_pairs > MAX_LANGUAGE_PAIRS:
        return [Issue("invalid")]
    return []


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
            if (person, s) in seen_person:
                other = seen_person[(person, s)]
                issues.append(
                    Issue("pin_clash_person", meeting=i, other=other, person=person, slot=s)
                )
            seen_person[(person, s)] = i
        if pin.table != NONE:
            if not p.table_free[pin.table, s]:
                issues.append(Issue("pin_table_unavailable", meeting=i, table=pin.table, slot=s))
            if (pin.table, s) in seen_table:
                other = seen_table[(pin.table, s)]
                issues.append(
                    Issue("pin_clash_table", meeting=i, other=other, table=pin.table, slot=s)
                )
            seen_table[(pin.table, s)] = i
        k = pin.interpreter
        if k != NONE:
            if not p.interpreter_free[k, s]:
                issues.append(
                    Issue("pin_interpreter_unavailable", meeting=i, interpreter=k, slot=s)
                )
            language = int(p.language_pair[i])
            if language != NONE and not p.interpreter_pairs[k, language]:
                issues.append(Issue("pin_interpreter_language", meeting=i, interpreter=k, slot=s))
            if (k, s) in seen_interp:
                other = seen_interp[(k, s)]
                issues.append(
                    Issue("pin_clash_interpreter", meeting=i, other=other, interpreter=k, slot=s)
                )
            seen_interp[(k, s)] = i
    issues += _pin_capacity_issues(p)
    return issues


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
        if needing and _assign_interpreters(p, s, needing, []) is None:
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


def solve(p: Problem, *, time_limit_s: float = 30.0, workers: int = 2, seed: int = 0) -> Schedule:
    """The schedule meeting the most priority; never raises for bad data (see ``issues``)."""
    start = time.perf_counter()
    issues = validate(p) or diagnose_pins(p)
    if any(issue.code in BLOCKING for issue in issues):
        return _empty(p, "invalid", issues, start)
    candidates = candidate_slots(p)
    issues += unschedulable(p, candidates)
    greedy = solve_greedy(p, candidates=candidates)
    relaxed = relaxed_bound(p, candidates)
    if greedy.objective >= int(relaxed):  # the greedy schedule meets the bound: proven best
        return _finish(p, greedy.slot, "optimal", greedy.objective, issues, start)
    meeting, slot = np.nonzero(candidates)
    model = cp_model.CpModel()
    x = [model.NewBoolVar("") for _ in range(len(meeting))]
    _add_constraints(model, p, x, meeting, slot)
    model.Maximize(sum(int(p.priority[i]) * v for i, v in zip(meeting, x, strict=True)))
    for v, i, s in zip(x, meeting, slot, strict=True):
        model.AddHint(v, bool(greedy.slot[i] == s))
    solver = cp_model.CpSolver()
    # the time limit covers the whole call: what reading and building took is taken off
    solver.parameters.max_time_in_seconds = max(1.0, time_limit_s - (time.perf_counter() - start))
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = seed
    code = solver.Solve(model)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return _finish(p, greedy.slot, "feasible", float(p.priority.sum()), issues, start)
    chosen = np.array([solver.BooleanValue(v) for v in x], dtype=bool)
    slots = np.full(p.n_meetings, NONE, dtype=np.int64)
    slots[meeting[chosen]] = slot[chosen]
    status = "optimal" if code == cp_model.OPTIMAL else "feasible"
    bound = float(solver.BestObjectiveBound()) + _pinned_priority(p)
    if status != "optimal":
        bound = min(bound, relaxed)
    return _finish(p, slots, status, bound, issues, start)


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


def _pinned_priority(p: Problem) -> int:
    return int(sum(int(p.priority[pin.meeting]) for pin in p.pins))


def _groups(keys: np.ndarray, values: list):
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    cuts = np.flatnonzero(np.diff(sorted_keys)) + 1
    for chunk in np.split(order, cuts):
        if len(chunk) > 1:
            yield [values[j] for j in chunk]


def _add_constraints(model, p: Problem, x, meeting, slot) -> None:
    n = len(x)
    if n == 0:
        return
    for group in _groups(meeting, x):
        model.AddAtMostOne(group)
    both = np.concatenate([p.a[meeting], p.b[meeting]])
    person_slot = both * p.n_slots + np.concatenate([slot, slot])
    doubled = x + x
    for group in _groups(person_slot, doubled):
        model.AddAtMostOne(group)
    tables = p.table_free.sum(axis=0)
    for pin in p.pins:
        tables[pin.slot] -= 1
    counts = np.bincount(slot, minlength=p.n_slots)
    for s in np.flatnonzero(counts > tables):
        model.Add(sum(x[j] for j in np.flatnonzero(slot == s)) <= int(tables[s]))
    _add_interpreters(model, p, x, meeting, slot)
    if p.max_meetings is not None:
        left = p.max_meetings.copy()
        for pin in p.pins:
            left[[p.a[pin.meeting], p.b[pin.meeting]]] -= 1
        people = np.concatenate([p.a[meeting], p.b[meeting]])
        load = np.bincount(people, minlength=p.n_people)
        for person in np.flatnonzero(load > left):
            model.Add(
                sum(doubled[j] for j in np.flatnonzero(people == person)) <= int(left[person])
            )


def _add_interpreters(model, p: Problem, x, meeting, slot) -> None:
    language = p.language_pair[meeting]
    needed = sorted({int(v) for v in language if v != NONE})
    if not needed:
        return
    free = p.interpreter_free.copy()
    pinned_needs = np.zeros((p.interpreter_pairs.shape[1], p.n_slots), dtype=np.int64)
    for pin in p.pins:
        if pin.interpreter != NONE:
            free[pin.interpreter, pin.slot] = False
        elif p.language_pair[pin.meeting] != NONE:
            pinned_needs[p.language_pair[pin.meeting], pin.slot] += 1
    for size in range(1, len(needed) + 1):
        for subset in itertools.combinations(needed, size):
            in_subset = np.isin(language, subset)
            covering = p.interpreter_pairs[:, list(subset)].any(axis=1)
            for s in range(p.n_slots):
                members = np.flatnonzero(in_subset & (slot == s))
                if not len(members):
                    continue
                room = int((free[:, s] & covering).sum()) - int(pinned_needs[list(subset), s].sum())
                if len(members) > room:
                    model.Add(sum(x[j] for j in members) <= max(room, 0))


def solve_greedy(p: Problem, *, candidates: np.ndarray | None = None) -> Schedule:
    """Baseline: highest priority first, each into its earliest slot that still fits."""
    start = time.perf_counter()
    issues = validate(p) or diagnose_pins(p)
    if any(issue.code in BLOCKING for issue in issues):
        return _empty(p, "invalid", issues, start)
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
    return _finish(p, slots, "feasible", float(p.priority.sum()), issues, start)


def _empty(p: Problem, status: str, issues, start) -> Schedule:
    none = np.full(p.n_meetings, NONE, dtype=np.int64)
    return Schedule(
        status, none, none.copy(), none.copy(), 0, 0.0, int(p.priority.sum()),
        time.perf_counter() - start, list(issues),
    )  # fmt: skip


def _finish(p: Problem, slots, status, bound, issues, start) -> Schedule:
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
        found = _assign_interpreters(p, s, loose, pinned)
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


def _assign_interpreters(p: Problem, s: int, loose: list[Pin], pinned: list[Pin]):
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
