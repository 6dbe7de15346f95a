"""Benchmark of the matching solver against OR-Tools alone and an independent LP (HiGHS).

    python bench/bench_matching.py [--quick]

Cases, generated deterministically from a seed:
  (i)   2,000 applications x 600 reviewers, all 1.2M pairs, demand 3, max load 12, 1% conflicts
  (ii)  20,000 startups x 2,000 mentors, 50 candidates each, demand 1, max load 15
  (iii) 100,000 x 10,000, 50 candidates each, demand 1, max load 15 (skipped with --quick)

Affinities mix a per-agent popularity (everyone wants the same good reviewers, so loads bind)
with pair noise. Each case runs in a fresh subprocess that loads the arrays from disk, so its
peak RSS is the solver's own (ru_maxrss after the solve; "delta" is above the RSS with the data
loaded). Baselines in the same run: OR-Tools' SimpleMinCostFlow on the same full network
(solve only, build excluded) and scipy.optimize.linprog(method="highs") on (i) and (ii).
Exit status 1 if a constraint is violated or the objective differs from the LP by > 1e-4.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from startup_street.matching.solver import make_problem, solve, verify_certificate  # noqa: E402
from startup_street.matching.solver.flow import run_min_cost_flow  # noqa: E402
from startup_street.matching.solver.modes import choose_scale  # noqa: E402
from startup_street.matching.solver.network import NetworkSpec, build_network  # noqa: E402


@dataclass(frozen=True)
class Case:
    n_items: int
    n_agents: int
    per_item: int | None  # candidates per item; None: every pair (dense)
    demand: int
    max_load: int
    conflicts: float  # share of pairs that are conflicts of interest


CASES = {
    "i": Case(2_000, 600, None, demand=3, max_load=12, conflicts=0.01),
    "ii": Case(20_000, 2_000, 50, demand=1, max_load=15, conflicts=0.0),
    "iii": Case(100_000, 10_000, 50, demand=1, max_load=15, conflicts=0.0),
}
TARGET_S = {"i": 2.0, "ii": 2.0, "iii": 10.0}
TARGET_RSS_MIB = {"iii": 2048}
LP_CASES = ("i", "ii")
GAP_LIMIT = 1e-4


def generate(name: str, seed: int = 7) -> dict:
    case = CASES[name]
    rng = np.random.default_rng(seed)
    n_items, n_agents = case.n_items, case.n_agents
    item, agent = _pairs(rng, n_items, n_agents, case.per_item)
    popularity = rng.random(n_agents) ** 2
    affinity = 0.5 * popularity[agent] + 0.5 * rng.random(item.size)
    conflict = rng.random(item.size) < case.conflicts
    forbidden = np.stack([item[conflict], agent[conflict]], axis=1)
    return {
        "item": item,
        "agent": agent,
        "affinity": affinity,
        "forbidden": forbidden,
        "n_items": n_items,
        "n_agents": n_agents,
        "demand": case.demand,
        "max_load": case.max_load,
    }


def _pairs(rng, n_items: int, n_agents: int, per_item: int | None):
    if per_item is None:
        return np.repeat(np.arange(n_items), n_agents), np.tile(np.arange(n_agents), n_items)
    item = np.repeat(np.arange(n_items), per_item)
    agent = rng.integers(0, n_agents, item.size)
    key = np.sort(item * n_agents + agent)
    key = key[np.r_[True, key[1:] != key[:-1]]]  # drop repeated candidates
    return key // n_agents, key % n_agents


def run_case(path: Path, name: str) -> dict:
    """In the child process: solve, measure, verify, run the baselines."""
    data = dict(np.load(path))
    kwargs = {k: (int(v) if v.ndim == 0 else v) for k, v in data.items()}
    rss_loaded = _current_rss_mib()
    start = time.perf_counter()
    problem = make_problem(**kwargs)
    result = solve(problem)
    ours = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row = {"case": name, "ours_s": ours, "status": result.status, "objective": result.objective}
    row.update(peak_rss_mib=peak, rss_delta_mib=peak - rss_loaded, stats=_jsonable(result.stats))
    row["constraints_ok"] = constraints_ok(kwargs, result)
    start = time.perf_counter()
    row["certificate_ok"] = bool(verify_certificate(problem, result))
    row["verify_s"] = time.perf_counter() - start
    row["ortools_only_s"] = ortools_only(problem)
    if name in LP_CASES:
        row["lp_s"], row["lp_objective"] = lp_objective(kwargs)
    if name == "ii":
        row["fair"] = fair_summary(problem, result)
    return row


def constraints_ok(data: dict, result) -> bool:
    """Independent numpy check: demand met, loads within limits, no conflict assigned."""
    item, agent = result.item, result.agent
    demand_ok = np.all(np.bincount(item, minlength=data["n_items"]) == data["demand"])
    load = np.bincount(agent, minlength=data["n_agents"])
    load_ok = np.all(load <= data["max_load"])
    pair_key = item * data["n_agents"] + agent
    conflicts = data["forbidden"]
    conflict_key = conflicts[:, 0] * data["n_agents"] + conflicts[:, 1]
    no_conflict = not np.isin(pair_key, conflict_key).any()
    return bool(result.ok and demand_ok and load_ok and no_conflict)


def ortools_only(problem) -> float:
    """SimpleMinCostFlow on the full network (every allowed pair); the solve call alone."""
    net = build_network(problem, NetworkSpec(scale=choose_scale(problem)))
    run = run_min_cost_flow(net)
    assert run.status == "optimal", run.status
    return run.seconds


def lp_objective(data: dict) -> tuple[float, float]:
    """max sum(a x) s.t. item sums = demand, agent sums <= max_load, 0 <= x <= 1 (HiGHS)."""
    from scipy.optimize import linprog
    from scipy.sparse import csr_array

    item, agent, affinity = data["item"], data["agent"], data["affinity"]
    conflicts = data["forbidden"]
    keep = ~np.isin(
        item * data["n_agents"] + agent, conflicts[:, 0] * data["n_agents"] + conflicts[:, 1]
    )
    item, agent, affinity = item[keep], agent[keep], affinity[keep]
    cols = np.arange(item.size)
    ones = np.ones(item.size)
    a_eq = csr_array((ones, (item, cols)), shape=(data["n_items"], item.size))
    a_ub = csr_array((ones, (agent, cols)), shape=(data["n_agents"], item.size))
    start = time.perf_counter()
    lp = linprog(
        -affinity,
        A_ub=a_ub,
        b_ub=np.full(data["n_agents"], data["max_load"]),
        A_eq=a_eq,
        b_eq=np.full(data["n_items"], data["demand"]),
        bounds=(0, 1),
        method="highs",
    )
    seconds = time.perf_counter() - start
    assert lp.status == 0, lp.message
    return seconds, float(-lp.fun)


def fair_summary(problem, max_sum) -> dict:
    start = time.perf_counter()
    fair = solve(problem, mode="fair")
    seconds = time.perf_counter() - start
    served = problem.demand > 0
    return {
        "fair_s": seconds,
        "status": fair.status,
        "fair_worst": float(fair.item_score[served].min()),
        "max_sum_worst": float(max_sum.item_score[served].min()),
        "fair_objective": fair.objective,
        "max_sum_objective": max_sum.objective,
        "proven": fair.fairness.proven,
        "certificate_ok": bool(verify_certificate(problem, fair)),
    }


def _current_rss_mib() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def _jsonable(stats: dict) -> dict:
    return json.loads(json.dumps(stats, default=float))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip case (iii)")
    parser.add_argument("--child", nargs=2, metavar=("NPZ", "CASE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(Path(args.child[0]), args.child[1])))
        return 0
    names = ["i", "ii"] if args.quick else ["i", "ii", "iii"]
    rows = [_run_in_child(name) for name in names]
    return report(rows)


def _run_in_child(name: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.npz"
        np.savez(path, **generate(name))
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(path), name],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(rows: list[dict]) -> int:
    print(f"matching benchmark ({_cpu_count()} CPUs); times in seconds, RSS in MiB")
    header = (
        f"{'case':<5}{'ours':>7}{'OR-Tools':>9}{'LP':>8}{'objective':>15}{'LP objective':>15}"
        f"{'rel.gap':>10}{'peak RSS':>9}{'(delta)':>8}{'constraints':>12}{'cert':>6}{'target':>8}"
    )
    print(header)
    failed = False
    for row in rows:
        gap = _gap(row)
        met = row["ours_s"] <= TARGET_S[row["case"]] and row["peak_rss_mib"] <= TARGET_RSS_MIB.get(
            row["case"], np.inf
        )
        failed |= not row["constraints_ok"] or (gap is not None and gap > GAP_LIMIT)
        print(
            f"{row['case']:<5}{row['ours_s']:>7.2f}{row['ortools_only_s']:>9.2f}"
            f"{_fmt(row.get('lp_s'), '.2f'):>8}{row['objective']:>15.6f}"
            f"{_fmt(row.get('lp_objective'), '.6f'):>15}{_fmt(gap, '.1e'):>10}"
            f"{row['peak_rss_mib']:>9.0f}{row['rss_delta_mib']:>8.0f}"
            f"{'ok' if row['constraints_ok'] else 'VIOLATED':>12}"
            f"{'ok' if row['certificate_ok'] else 'FAIL':>6}{'met' if met else 'missed':>8}"
        )
    _print_details(rows)
    return 1 if failed else 0


def _print_details(rows: list[dict]) -> None:
    for row in rows:
        stats = row["stats"]
        print(
            f"  ({row['case']}) OR-Tools inside ours {stats.get('solve_s', 0):.2f}s over "
            f"{stats.get('arcs')} arcs of {stats.get('eligible_pairs')} pairs, "
            f"{stats.get('pricing_rounds')} pricing rounds, "
            f"{stats.get('bellman_ford_rounds')} Bellman-Ford rounds; verify {row['verify_s']:.2f}s"
        )
        if "fair" in row:
            fair = row["fair"]
            print(
                f"  ({row['case']}) fair: {fair['fair_s']:.2f}s, "
                f"worst item {fair['fair_worst']:.4f} "
                f"(max_sum: {fair['max_sum_worst']:.4f}), total {fair['fair_objective']:.3f} "
                f"(max_sum: {fair['max_sum_objective']:.3f}), proven {fair['proven']}, "
                f"certificate {'ok' if fair['certificate_ok'] else 'FAIL'}"
            )


def _gap(row: dict) -> float | None:
    if "lp_objective" not in row:
        return None
    return abs(row["objective"] - row["lp_objective"]) / max(1.0, abs(row["lp_objective"]))


def _fmt(value, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def _cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0))


if __name__ == "__main__":
    sys.exit(main())
