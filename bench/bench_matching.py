"""Benchmark of the matching solver against plain OR-Tools and an independent LP (HiGHS).

    python bench/bench_matching.py [--quick]

Cases, generated deterministically from a seed:
  (i)   2,000 applications x 600 reviewers, all 1.2M pairs, demand 3, max load 12, 1% conflicts
  (ii)  20,000 startups x 2,000 mentors, 50 candidates each, demand 1, max load 15
  (iii) 100,000 x 10,000, 50 candidates each, demand 1, max load 15 (skipped with --quick)
  (iv)  20,000 x 2,000, heavily skewed: candidates and affinity follow a Zipf-like popularity

Affinities mix a per-agent popularity (everyone wants the same good reviewers, so loads bind)
with pair noise. Each case runs in a fresh subprocess that loads the arrays from disk, so its
peak RSS is the solver's own (ru_maxrss after our first solve; "delta" is above the RSS with the
data loaded). In the same process, best of two each: ours (make_problem + solve, from arrays to
a certified assignment) and plain OR-Tools: SimpleMinCostFlow built from the same arrays with
add_arcs_with_capacity_and_unit_cost on numpy arrays, solved, flows read back (build included,
no certificate). scipy.optimize.linprog(method="highs") on (i) and (ii).
Then the fair and randomised modes against exact references: fair (demand 1, bottleneck flow)
against a max-min by scipy's bipartite matching; fair with demand 3 on a 40 x 10 dense instance
against an independent HiGHS integer program on the unscaled affinities, and on a 300 x 30 dense
one with its proof status, bound and leximin levels proven; randomised (cap 1/3) against the
capped LP (HiGHS) and its empirical marginals over 100 samples. `uptime`'s load is printed before
and after.
Exit status 1 if a constraint is violated or the objective differs from the LP by > 1e-4.
"""

from __future__ import annotations

import argparse
import json
import os
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

from ortools.graph.python import min_cost_flow  # noqa: E402

from startup_street.matching.solver import (  # noqa: E402
    make_problem,
    sample_assignment,
    solve,
    verify_certificate,
)


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
    "iv": Case(20_000, 2_000, 50, demand=1, max_load=15, conflicts=0.0),
}
TARGET_RATIO = 1.10  # ours / plain OR-Tools, best of two each
TARGET_RSS_MIB = {"iii": 2048}
LP_CASES = ("i", "ii")
SKEWED = ("iv",)
GAP_LIMIT = 1e-4


def generate(name: str, seed: int = 7) -> dict:
    case = CASES[name]
    rng = np.random.default_rng(seed)
    n_items, n_agents = case.n_items, case.n_agents
    if name in SKEWED:
        popularity = 1.0 / (1.0 + np.arange(n_agents)) ** 0.8
        popularity = popularity[rng.permutation(n_agents)]
        item, agent = _skewed_pairs(rng, n_items, n_agents, case.per_item, popularity)
        affinity = 0.7 * (popularity / popularity.max())[agent] + 0.3 * rng.random(item.size)
    else:
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


def _skewed_pairs(rng, n_items: int, n_agents: int, per_item: int, popularity):
    item = np.repeat(np.arange(n_items), per_item)
    agent = rng.choice(n_agents, item.size, p=popularity / popularity.sum())
    key = np.unique(item * n_agents + agent)
    return key // n_agents, key % n_agents


def run_case(path: Path, name: str) -> dict:
    """In the child process: solve, measure, verify, run the baselines."""
    data = dict(np.load(path))
    kwargs = {k: (int(v) if v.ndim == 0 else v) for k, v in data.items()}
    rss_loaded = _current_rss_mib()
    ours, result, problem = _ours(kwargs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    plain, plain_objective = plain_ortools(kwargs)
    again, _result, _problem = _ours(kwargs)
    plain_again, _objective = plain_ortools(kwargs)
    row = {"case": name, "ours_s": min(ours, again), "status": result.status}
    row.update(objective=result.objective, tolerance=result.tolerance)
    row.update(ortools_only_s=min(plain, plain_again), ortools_objective=plain_objective)
    row.update(peak_rss_mib=peak, rss_delta_mib=peak - rss_loaded, stats=_jsonable(result.stats))
    row["constraints_ok"] = constraints_ok(kwargs, result)
    start = time.perf_counter()
    row["certificate_ok"] = bool(verify_certificate(problem, result))
    row["verify_s"] = time.perf_counter() - start
    if name in LP_CASES:
        row["lp_s"], row["lp_objective"] = lp_objective(kwargs)
    return row


def _ours(kwargs: dict):
    start = time.perf_counter()
    problem = make_problem(**kwargs)
    result = solve(problem)
    return time.perf_counter() - start, result, problem


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


def plain_ortools(data: dict) -> tuple[float, float]:
    """SimpleMinCostFlow from the same arrays, the fastest way OR-Tools allows (one vectorised
    add_arcs_with_capacity_and_unit_cost, one set_nodes_supplies, one flows read): seconds from
    the arrays to the assigned pairs, and the float objective of that assignment."""
    start = time.perf_counter()
    item, agent, affinity = data["item"], data["agent"], data["affinity"]
    ni, na = data["n_items"], data["n_agents"]
    conflicts = data["forbidden"]
    keep = ~np.isin(item * na + agent, conflicts[:, 0] * na + conflicts[:, 1])
    item, agent, affinity = item[keep], agent[keep], affinity[keep]
    scale = 10.0 ** (6 - np.floor(np.log10(np.abs(affinity).max())))
    source, sink = ni + na, ni + na + 1
    tail = np.concatenate([np.full(ni, source), item, ni + np.arange(na)]).astype(np.int32)
    head = np.concatenate([np.arange(ni), ni + agent, np.full(na, sink)]).astype(np.int32)
    capacity = np.concatenate(
        [np.full(ni, data["demand"]), np.ones(item.size), np.full(na, data["max_load"])]
    ).astype(np.int64)
    cost = np.concatenate([np.zeros(ni), -np.rint(affinity * scale), np.zeros(na)]).astype(np.int64)
    supply = np.zeros(ni + na + 2, dtype=np.int64)
    supply[source] = ni * data["demand"]
    supply[sink] = -supply[source]
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(tail, head, capacity, cost)
    flow.set_nodes_supplies(np.arange(ni + na + 2, dtype=np.int32), supply)
    assert flow.solve() == flow.OPTIMAL
    chosen = flow.flows(np.arange(ni, ni + item.size, dtype=np.int32)) > 0
    seconds = time.perf_counter() - start
    return seconds, float(affinity[chosen].sum())


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


def modes_report() -> tuple[list[str], bool]:
    """Fair and randomised modes against their exact references; (lines, failed)."""
    from scipy.optimize import linprog
    from scipy.sparse import csr_array

    lines, failed = [], False
    # fair, demand 1: bottleneck flow vs a HiGHS integer program's max-min
    data = _medium(2_000, 200, 20, demand=1, max_load=12, seed=11)
    problem = make_problem(**data)
    start = time.perf_counter()
    fair = solve(problem, mode="fair")
    fair_s = time.perf_counter() - start
    max_sum = solve(problem)
    start = time.perf_counter()
    reference = _matching_max_min(data)
    ref_s = time.perf_counter() - start
    worst = fair.fairness.min_item_score
    failed |= reference is not None and abs(worst - reference) > 1e-9
    lines.append(
        f"fair d=1  2,000x200 (40k pairs): ours {fair_s:.2f}s worst {worst:.6f} "
        f"({fair.fairness.method}, proven {fair.fairness.proven}); bipartite-matching max-min "
        f"{_fmt(reference, '.6f')} in {ref_s:.2f}s; max-sum worst "
        f"{max_sum.item_score.min():.6f}; total {fair.objective:.3f} vs max-sum "
        f"{max_sum.objective:.3f}; certificate {_ok(verify_certificate(problem, fair))}"
    )
    # fair, demand 3: against an independent HiGHS integer program (small), then the proof
    # status, bound and leximin levels on the dense 300 x 30
    for n_items, n_agents, seed in ((40, 10, 14), (300, 30, 12)):
        line, dominated_or_wrong = _fair_demand_three(n_items, n_agents, seed)
        failed |= dominated_or_wrong
        lines.append(line)
    # randomised, cap 1/3: expected objective vs the capped LP, empirical marginals
    data = _medium(300, 40, None, demand=3, max_load=30, seed=13)
    problem = make_problem(**data)
    start = time.perf_counter()
    randomized = solve(problem, randomized=True, max_prob=1 / 3, seed=0)
    rand_s = time.perf_counter() - start
    start = time.perf_counter()
    lp = _capped_lp(data, 1 / 3, linprog, csr_array)
    lp_s = time.perf_counter() - start
    draws, counts = 100, np.zeros(problem.n_pairs)
    start = time.perf_counter()
    for seed in range(draws):
        counts[sample_assignment(problem, randomized, seed=seed).pair] += 1
    sample_s = (time.perf_counter() - start) / draws
    marginals = randomized.marginals
    error = np.sqrt(np.maximum(marginals * (1 - marginals), 1e-12) / draws)
    deviation = (np.abs(counts / draws - marginals) / error)[(marginals > 0) & (marginals < 1)]
    gap = abs(randomized.expected_objective - lp)
    failed |= gap > 1e-6 * max(1.0, abs(lp)) or randomized.marginals.max() > 1 / 3 + 1e-15
    expected = randomized.expected_objective
    lines.append(
        f"random 1/3 300x40 dense, d=3: ours {rand_s:.2f}s expected {expected:.6f} vs HiGHS "
        f"LP {lp:.6f} ({lp_s:.2f}s), gap {gap:.1e}; max P {marginals.max():.6f}; "
        f"{sample_s * 1000:.0f} ms a sample; over {draws} samples the {deviation.size} "
        f"fractional pairs' frequencies are within {deviation.max():.1f} standard errors "
        f"(mean {deviation.mean():.2f}); certificate {_ok(verify_certificate(problem, randomized))}"
    )
    return lines, failed


def _fair_demand_three(n_items: int, n_agents: int, seed: int) -> tuple[str, bool]:
    data = _medium(n_items, n_agents, None, demand=3, max_load=n_items * 3 * 6 // (n_agents * 5),
                   seed=seed)  # fmt: skip
    problem = make_problem(**data)
    start = time.perf_counter()
    fair = solve(problem, mode="fair", time_limit_s=30)
    fair_s = time.perf_counter() - start
    max_sum = solve(problem)
    report, base_worst = fair.fairness, max_sum.item_score.min()
    dominated = report.min_item_score < base_worst or (
        report.min_item_score == base_worst and fair.objective < max_sum.objective
    )
    line = (
        f"fair d=3  {n_items}x{n_agents} dense ({problem.n_pairs:,} pairs): ours {fair_s:.2f}s "
        f"{fair.status} worst {report.min_item_score:.6f} <= bound {report.upper_bound:.6f} "
        f"(proven {report.proven}, leximin levels proven {report.levels_proven} of "
        f"{report.levels}, {report.method}); max-sum worst {base_worst:.6f}; total "
        f"{fair.objective:.3f} vs max-sum {max_sum.objective:.3f}; dominated {dominated}"
    )
    if n_items * n_agents > 1_000:
        return line, dominated
    start = time.perf_counter()
    reference, ref_proven = _milp_max_min(data)
    ref_s = time.perf_counter() - start
    wrong = ref_proven and report.proven and abs(report.min_item_score - reference) > 1e-5
    line += (
        f"; independent HiGHS integer program max-min {reference:.6f} "
        f"(proven {ref_proven}) in {ref_s:.2f}s"
    )
    return line, dominated or wrong


def _milp_max_min(data: dict) -> tuple[float, bool]:
    """max t s.t. every item's float affinity sum >= t, item sums = demand, loads <= max_load,
    x binary: scipy's milp on the unscaled affinities (independent of the solver's model)."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csr_array, hstack, vstack

    item, agent, affinity = data["item"], data["agent"], data["affinity"]
    ni, na, n = data["n_items"], data["n_agents"], item.size
    cols = np.arange(n)
    matrix = vstack(
        [
            hstack([csr_array((np.ones(n), (item, cols)), shape=(ni, n)), csr_array((ni, 1))]),
            hstack([csr_array((np.ones(n), (agent, cols)), shape=(na, n)), csr_array((na, 1))]),
            hstack(
                [csr_array((affinity, (item, cols)), shape=(ni, n)), csr_array(-np.ones((ni, 1)))]
            ),
        ]
    )
    low = np.r_[np.full(ni, data["demand"]), np.zeros(na), np.zeros(ni)]
    high = np.r_[np.full(ni, data["demand"]), np.full(na, data["max_load"]), np.full(ni, np.inf)]
    result = milp(
        np.r_[np.zeros(n), -1.0],
        integrality=np.r_[np.ones(n), 0],
        bounds=Bounds(np.r_[np.zeros(n), -np.inf], np.r_[np.ones(n), np.inf]),
        constraints=LinearConstraint(matrix, low, high),
        options={"time_limit": 120, "mip_rel_gap": 1e-9},
    )
    return float(-result.fun), result.status == 0


def _medium(n_items, n_agents, per_item, *, demand, max_load, seed) -> dict:
    rng = np.random.default_rng(seed)
    item, agent = _pairs(rng, n_items, n_agents, per_item)
    popularity = rng.random(n_agents) ** 2
    affinity = 0.5 * popularity[agent] + 0.5 * rng.random(item.size)
    return {
        "item": item,
        "agent": agent,
        "affinity": affinity,
        "forbidden": np.zeros((0, 2), dtype=np.int64),
        "n_items": n_items,
        "n_agents": n_agents,
        "demand": demand,
        "max_load": max_load,
    }


def _matching_max_min(data: dict) -> float:
    """Demand 1: the largest t such that every item can get an agent with affinity >= t, by
    binary search with scipy's maximum_bipartite_matching on agents copied max_load times
    (independent of OR-Tools)."""
    from scipy.sparse import csr_array
    from scipy.sparse.csgraph import maximum_bipartite_matching

    item, agent, affinity = data["item"], data["agent"], data["affinity"]
    ni, na, copies = data["n_items"], data["n_agents"], data["max_load"]

    def feasible(t: float) -> bool:
        keep = affinity >= t
        rows = np.repeat(item[keep], copies)
        cols = (agent[keep][:, None] * copies + np.arange(copies)).ravel()
        graph = csr_array((np.ones(rows.size), (rows, cols)), shape=(ni, na * copies))
        return bool((maximum_bipartite_matching(graph, perm_type="column") >= 0).all())

    values = np.unique(affinity)
    low, high = 0, values.size - 1
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if feasible(values[mid]) else (low, mid - 1)
    return float(values[low])


def _capped_lp(data: dict, cap: float, linprog, csr_array) -> float:
    item, agent, affinity = data["item"], data["agent"], data["affinity"]
    ni, na, n = data["n_items"], data["n_agents"], item.size
    cols = np.arange(n)
    lp = linprog(
        -affinity,
        A_ub=csr_array((np.ones(n), (agent, cols)), shape=(na, n)),
        b_ub=np.full(na, data["max_load"]),
        A_eq=csr_array((np.ones(n), (item, cols)), shape=(ni, n)),
        b_eq=np.full(ni, data["demand"]),
        bounds=(0, cap),
        method="highs",
    )
    assert lp.status == 0, lp.message
    return float(-lp.fun)


def _ok(check) -> str:
    return "ok" if check else "FAIL"


def _current_rss_mib() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def _jsonable(stats: dict) -> dict:
    return json.loads(json.dumps(stats, default=float))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip case (iii)")
    parser.add_argument("--cases", nargs="+", choices=sorted(CASES), help="only these cases")
    parser.add_argument("--child", nargs=2, metavar=("NPZ", "CASE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(Path(args.child[0]), args.child[1])))
        return 0
    print(f"load before: {_uptime()}", flush=True)
    names = args.cases or (["ii", "iv", "i"] if args.quick else ["ii", "iv", "iii", "i"])
    print_header()
    failed = False
    for name in names:  # each row as soon as it is measured
        failed |= print_row(_run_in_child(name))
    print("modes against exact references:", flush=True)
    lines, modes_failed = modes_report()
    for line in lines:
        print(f"  {line}", flush=True)
    print(f"load after: {_uptime()}")
    return 1 if failed or modes_failed else 0


def _uptime() -> str:
    try:
        out = subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout
        return out.strip()
    except (OSError, subprocess.CalledProcessError):
        return "load average: " + ", ".join(f"{v:.2f}" for v in os.getloadavg())


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


def print_header() -> None:
    print(
        f"matching benchmark ({_cpu_count()} CPUs); seconds (best of two, same process), "
        "RSS in MiB; ratio = ours / plain OR-Tools, target <= 1.10"
    )
    print(
        f"{'case':<5}{'ours':>7}{'OR-Tools':>9}{'ratio':>7}{'LP':>8}{'objective':>15}"
        f"{'OR-Tools obj':>15}{'LP objective':>15}{'tolerance':>10}{'peak RSS':>9}{'(delta)':>8}"
        f"{'constraints':>12}{'cert':>6}{'target':>8}",
        flush=True,
    )


def print_row(row: dict) -> bool:
    """Print one case's row and details; True if it failed a correctness check."""
    gap = _gap(row)
    ratio = row["ours_s"] / row["ortools_only_s"]
    met = ratio <= TARGET_RATIO and row["peak_rss_mib"] <= TARGET_RSS_MIB.get(row["case"], np.inf)
    print(
        f"{row['case']:<5}{row['ours_s']:>7.2f}{row['ortools_only_s']:>9.2f}{ratio:>7.2f}"
        f"{_fmt(row.get('lp_s'), '.2f'):>8}{row['objective']:>15.6f}"
        f"{row['ortools_objective']:>15.6f}"
        f"{_fmt(row.get('lp_objective'), '.6f'):>15}{row['tolerance']:>10.1e}"
        f"{row['peak_rss_mib']:>9.0f}{row['rss_delta_mib']:>8.0f}"
        f"{'ok' if row['constraints_ok'] else 'VIOLATED':>12}"
        f"{'ok' if row['certificate_ok'] else 'FAIL':>6}{'met' if met else 'missed':>8}"
    )
    stats = row["stats"]
    print(
        f"  ({row['case']}) {stats.get('networks_solved')} network(s) solved, "
        f"OR-Tools inside ours {stats.get('solve_s', 0):.2f}s over "
        f"{stats.get('arcs')} arcs of {stats.get('eligible_pairs')} pairs, "
        f"{stats.get('pricing_rounds')} pricing rounds, "
        f"{stats.get('bellman_ford_rounds')} Bellman-Ford rounds; verify {row['verify_s']:.2f}s; "
        f"load {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    return not row["constraints_ok"] or (gap is not None and gap > GAP_LIMIT)


def _gap(row: dict) -> float | None:
    if "lp_objective" not in row:
        return None
    return abs(row["objective"] - row["lp_objective"]) / max(1.0, abs(row["lp_objective"]))


def _fmt(value, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def _cpu_count() -> int:
    return len(os.sched_getaffinity(0))


if __name__ == "__main__":
    sys.exit(main())
