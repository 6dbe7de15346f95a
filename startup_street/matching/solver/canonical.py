"""Solve in one canonical pair order, so that the answer never depends on how pairs are listed.

Among assignments of equal integer cost, OR-Tools returns whichever its arc order reaches
first. Sorting the candidate pairs by (item, agent) before building any network makes the
network, and therefore the answer, the same for every permutation of the caller's pairs;
`restore` maps the result back to the caller's pair indices. Already sorted input (the usual
case) is used as it is, without a copy.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from .problem import MatchProblem
from .result import MatchResult


def canonical(problem: MatchProblem) -> tuple[MatchProblem, np.ndarray | None]:
    """(`problem` with pairs sorted by (item, agent), the permutation) or (`problem`, None)."""
    key = problem.item * max(problem.n_agents, 1) + problem.agent
    if key.size < 2 or bool(np.all(key[1:] > key[:-1])):
        return problem, None
    order = np.argsort(key, kind="stable")
    components = None
    if problem.components:
        components = {name: _take(part, order) for name, part in problem.components.items()}
    sorted_problem = dataclasses.replace(
        problem,
        item=_take(problem.item, order),
        agent=_take(problem.agent, order),
        affinity=_take(problem.affinity, order),
        components=components,
        forbidden_mask=_take(problem.forbidden_mask, order),
        forced_mask=_take(problem.forced_mask, order),
        cache={},
    )
    return sorted_problem, order


def restore(problem: MatchProblem, result: MatchResult, order: np.ndarray | None) -> MatchResult:
    """`result` of the sorted problem, in the pair indices of the caller's `problem`."""
    if order is None:
        return result
    pairs = order[result.pair]
    by_index = np.argsort(pairs, kind="stable")
    pairs = pairs[by_index]
    marginals = None
    if result.marginals is not None:
        marginals = np.zeros(problem.n_pairs)
        marginals[order] = result.marginals
    contributions = None
    if result.contributions is not None:
        contributions = {name: part[by_index] for name, part in result.contributions.items()}
    return dataclasses.replace(
        result,
        pair=pairs,
        item=problem.item[pairs],
        agent=problem.agent[pairs],
        marginals=marginals,
        contributions=contributions,
    )


def _take(array: np.ndarray, order: np.ndarray) -> np.ndarray:
    out = array[order]
    out.setflags(write=False)
    return out
