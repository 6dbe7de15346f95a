"""Optimality certificates and their independent, vectorised verification.

A certificate is, per solve stage, the `NetworkSpec` that rebuilds the network from the problem
and the node potentials. `verify_certificate` trusts nothing else in the result: it rebuilds the
full network (every allowed pair, not the pruned one the solver used), derives the arc flows
from the assignment itself, and checks in integer arithmetic

* the assignment: demands met, loads within [min_load, max_load], no forbidden pair, every
  forced pair present;
* complementary slackness (no arc with spare capacity has negative reduced cost, no arc with
  flow has positive reduced cost), which proves the assignment optimal for the integer costs
  round(affinity * scale);
* the dual bound, which is valid whatever the potentials: no assignment (of the same coverage,
  in the partial mode) has a total affinity above `bound`. The bound includes the measured
  rounding slack (`network.rounding_error` per assignment), so it bounds the optimum in the
  caller's own float units;
* the tolerance: `gap` = bound - objective is at most the result's stated `tolerance` (0 when
  the affinities lie on the integer grid: then the assignment is exactly optimal).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .network import NetworkSpec, build_network, flows_from_pair_units, rounding_error
from .potentials import check_optimality

if TYPE_CHECKING:
    from .problem import MatchProblem
    from .result import MatchResult


@dataclass(frozen=True, eq=False)
class StageCertificate:
    spec: NetworkSpec
    potentials: np.ndarray  # int64, one per node: items, agents, source, sink
    role: str = "objective"  # "objective", or "coverage" for the first partial stage


@dataclass(frozen=True, eq=False)
class Certificate:
    stages: tuple[StageCertificate, ...]

    @property
    def scale(self) -> float:
        return self.stages[-1].spec.scale


@dataclass(frozen=True)
class CertificateCheck:
    ok: bool
    objective: float  # of the result (expected objective for a randomised result)
    bound: float  # upper bound on the objective of any feasible assignment
    gap: float  # bound - objective: rounding slack only when ok
    problems: tuple[str, ...] = ()
    tolerance: float = 0.0  # the result's stated tolerance, which `gap` must not exceed

    def __bool__(self) -> bool:
        return self.ok


def verify_certificate(problem: MatchProblem, result: MatchResult) -> CertificateCheck:
    """Check `result` against `problem` and its certificate; see the module docstring."""
    problems = assignment_problems(problem, result)
    objective = _objective(problem, result)
    if result.certificate is None:
        return CertificateCheck(False, objective, np.inf, np.inf, (*problems, "no certificate"))
    bound = np.inf
    for stage in result.certificate.stages:
        stage_bound, stage_problems = _check_stage(problem, result, stage)
        problems += [f"{stage.role} stage: {p}" for p in stage_problems]
        bound = stage_bound if stage.role == "objective" else bound
    bound = float(bound)
    gap = bound - objective
    stated = float(result.tolerance)
    if gap > stated + _float_slack(problem, result):
        problems.append(f"gap {gap:.3g} exceeds the stated tolerance {stated:.3g}")
    return CertificateCheck(not problems, objective, bound, gap, tuple(problems), stated)


def _float_slack(problem: MatchProblem, result: MatchResult) -> float:
    """Float summation error of the objective and the bound (not rounding to the grid)."""
    pair = np.asarray(result.pair, dtype=np.int64)
    count = max(int(pair.size), 1)
    largest = float(np.abs(problem.affinity[problem.allowed]).max(initial=0.0))
    return 4 * count * largest * 2.0**-52


def assignment_problems(problem: MatchProblem, result: MatchResult) -> list[str]:
    """Everything wrong with the assignment itself, as readable lines (empty when valid)."""
    pair = np.asarray(result.pair, dtype=np.int64)
    if pair.size and (pair.min() < 0 or pair.max() >= problem.n_pairs):
        return ["assignment refers to pairs that do not exist"]
    problems = []
    ordered = np.sort(pair)
    if (ordered[1:] == ordered[:-1]).any():
        problems.append("assignment lists a pair twice")
    if not (
        np.array_equal(result.item, problem.item[pair])
        and np.array_equal(result.agent, problem.agent[pair])
    ):
        problems.append("assignment item/agent arrays do not match its pair indices")
    if problem.forbidden_mask[pair].any():
        problems.append("assignment contains a forbidden pair")
    if problem.forced_mask[pair].sum() != problem.forced_mask.sum():
        problems.append("assignment misses a forced pair")
    return problems + _load_problems(problem, pair, partial=result.coverage is not None)


def _load_problems(problem: MatchProblem, pair: np.ndarray, *, partial: bool) -> list[str]:
    problems = []
    item_load = np.bincount(problem.item[pair], minlength=problem.n_items)
    agent_load = np.bincount(problem.agent[pair], minlength=problem.n_agents)
    wrong = item_load > problem.demand if partial else item_load != problem.demand
    if wrong.any():
        problems.append(f"{int(wrong.sum())} items do not get their demand")
    if ((agent_load < problem.min_load) | (agent_load > problem.max_load)).any():
        problems.append("an agent's load is outside [min_load, max_load]")
    return problems


def _objective(problem: MatchProblem, result: MatchResult) -> float:
    if result.marginals is not None:
        return float(problem.affinity @ result.marginals)
    return float(problem.affinity[np.asarray(result.pair, dtype=np.int64)].sum())


def _stage_units(problem: MatchProblem, result: MatchResult, spec: NetworkSpec) -> np.ndarray:
    if spec.units == 1:
        units = np.zeros(problem.n_pairs, dtype=np.int64)
        units[np.asarray(result.pair, dtype=np.int64)] = 1
        return units
    if result.marginals is None:
        return np.zeros(problem.n_pairs, dtype=np.int64)
    return np.rint(np.asarray(result.marginals) * spec.units).astype(np.int64)


def _check_stage(problem: MatchProblem, result: MatchResult, stage: StageCertificate):
    spec = stage.spec
    net = build_network(problem, spec)
    units = _stage_units(problem, result, spec)
    outside = units.sum() - units[net.pair_index].sum()
    if outside:
        return np.inf, ["the assignment uses pairs that this network excludes"]
    if stage.potentials.shape != (net.n_nodes,):
        return np.inf, ["potentials have the wrong shape"]
    flows = flows_from_pair_units(net, problem, units)
    report = check_optimality(net, flows, stage.potentials)
    pair_cost = int(net.cost[net.pair_arcs] @ flows[net.pair_arcs])
    scaled_bound = -(report.lower_bound - (report.cost - pair_cost))
    assignments = flows[net.pair_arcs].sum() / spec.units
    slack = assignments * rounding_error(problem, spec.scale)
    bound = scaled_bound / (spec.scale * spec.units) + slack
    return bound, list(report.problems)
