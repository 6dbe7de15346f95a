"""Event meeting scheduling: the solver (CP-SAT, whole or in a neighbourhood search) against the
greedy baseline in the same run.

Events of 100, 500 and 2,000 participants, 5x as many mutual requests as participants, 16 slots,
enough tables, 10% of pairs needing an interpreter from a pool of 8 (ko-zh, some also ko-en or
zh-en), everyone away for two random slots and interpreters for four. Prints the share of the
requested priority scheduled by each, the gap of each to the solver's bound (an upper bound on
any schedule, so the true gap is no larger), when the solver first came within 2% of it, and its
wall time against the limit; every hard constraint of both schedules is checked.

    python bench/bench_events.py [--sizes 100,500,2000] [--seed 7] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from startup_street.events import scheduling  # noqa: E402

SLOTS = 16
INTERPRETERS = 8
LIMITS = {100: 10.0, 500: 30.0, 2000: 120.0}


def generate(n: int, *, seed: int, slots: int = SLOTS) -> scheduling.Problem:
    rng = np.random.default_rng(seed)
    m = 5 * n
    pairs = set()
    while len(pairs) < m:
        a, b = rng.integers(0, n, size=2)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    pairs = np.array(sorted(pairs))
    rng.shuffle(pairs)
    priority = rng.choice([2, 4, 6], size=m, p=[0.5, 0.35, 0.15])  # would+would .. must+must
    person_free = np.ones((n, slots), dtype=bool)
    away = rng.integers(0, slots, size=(n, 2))
    person_free[np.arange(n)[:, None], away] = False
    language = np.full(m, scheduling.NONE)
    needing = rng.choice(m, size=m // 10, replace=False)
    language[needing] = rng.choice([0, 1, 2], size=len(needing), p=[0.8, 0.1, 0.1])
    covers = np.zeros((INTERPRETERS, 3), dtype=bool)
    covers[:, 0] = True
    covers[::2, 1] = True
    covers[1::3, 2] = True
    interp_free = np.ones((INTERPRETERS, slots), dtype=bool)
    interp_free[np.arange(INTERPRETERS)[:, None], rng.integers(0, slots, (INTERPRETERS, 4))] = 0
    return scheduling.make_problem(
        n_people=n,
        n_slots=slots,
        pairs=pairs,
        priority=priority,
        person_free=person_free,
        n_tables=n // 2,
        language_pair=language,
        interpreter_pairs=covers,
        interpreter_free=interp_free,
    )


def share(schedule) -> float:
    return schedule.objective / schedule.requested if schedule.requested else 0.0


def seconds_to(schedule, gap: float) -> str:
    """When the search first met priority within ``gap`` of the final bound ("-": never)."""
    for seconds, met in schedule.progress:
        if schedule.bound - met <= gap * schedule.bound:
            return f"{seconds:.1f}"
    return "-"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,500,2000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (os.getloadavg)")
    print(
        "gap: how far below the bound (an LP without slots, or CP-SAT's own bound) the priority"
        " met is;\nno schedule can meet more than the bound, so the true gap is no larger."
    )
    header = (
        "participants requests  greedy share  greedy gap  greedy s  solver share  gap     "
        "to 2% s  solver s  limit  status   checked"
    )
    print(header)
    for n in (int(v) for v in args.sizes.split(",")):
        problem = generate(n, seed=args.seed + n)
        greedy = scheduling.solve_greedy(problem)
        start = time.perf_counter()
        best = scheduling.solve(problem, time_limit_s=LIMITS.get(n, 60.0), workers=args.workers)
        wall = time.perf_counter() - start
        problems = scheduling.verify(problem, best) + scheduling.verify(problem, greedy)
        greedy_gap = (best.bound - greedy.objective) / best.bound if best.bound else 0.0
        print(
            f"{n:>12} {problem.n_meetings:>8}  {share(greedy):>12.4f}  {greedy_gap:>10.2%}"
            f"  {greedy.seconds:>8.2f}  {share(best):>12.4f}  {best.gap:>6.2%}"
            f"  {seconds_to(best, 0.02):>7}  {wall:>8.2f}  {LIMITS.get(n, 60):>5.0f}"
            f"  {best.status:<8} {'ok' if not problems else problems[:3]}"
        )
        if problems:
            raise SystemExit("a schedule broke a hard constraint")


if __name__ == "__main__":
    main()
