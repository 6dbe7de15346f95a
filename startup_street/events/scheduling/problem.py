"""The scheduler's input and output: problems, pins, issues and schedules."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

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
    # (seconds since the call began, priority met) each time the search met more
    progress: list[tuple[float, int]] = field(default_factory=list)

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
