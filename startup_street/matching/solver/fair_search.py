"""A fast local search that raises the worst item's scaled score (a starting point for HiGHS).

From a feasible assignment (max-sum's), repeatedly take a worst-served item A and make the best
of these moves, if it leaves both changed items above A's old score (so the sorted scores rise
lexicographically and the search ends):

  replace: A drops agent a and takes an agent c with room (loads stay within their limits);
  swap:    A gives a to item B and takes B's agent b.

Forced and disallowed pairs never move or appear. Dense matrices of items x agents, so it runs
only below `MAX_CELLS`; each step is a handful of numpy operations over that matrix. It stops at
a local optimum or after `MAX_STEPS_PER_ITEM` steps per item, so its answer does not depend on
the machine's speed unless the time limit cuts it short.
"""

from __future__ import annotations

import time

import numpy as np

from .problem import MatchProblem

MAX_CELLS = 2_000_000
MAX_STEPS_PER_ITEM = 10  # the search usually ends well before; `seconds` is only a safety net


def raise_worst(
    problem: MatchProblem, weight: np.ndarray, chosen: np.ndarray, seconds: float
) -> np.ndarray:
    """Candidate pair indices of an assignment whose sorted scores are at least `chosen`'s."""
    if problem.n_items * problem.n_agents > MAX_CELLS:
        return chosen
    allowed = np.flatnonzero(problem.allowed)
    score = np.full((problem.n_items, problem.n_agents), -np.inf)
    score[problem.item[allowed], problem.agent[allowed]] = weight[allowed]
    index = np.full(score.shape, -1, dtype=np.int64)
    index[problem.item[allowed], problem.agent[allowed]] = allowed
    held = np.zeros(score.shape, dtype=bool)
    held[problem.item[chosen], problem.agent[chosen]] = True
    fixed = np.zeros(score.shape, dtype=bool)
    forced = np.flatnonzero(problem.forced_mask & problem.allowed)
    fixed[problem.item[forced], problem.agent[forced]] = True
    search = _Search(problem, score, held, fixed)
    deadline = time.perf_counter() + seconds
    for _step in range(MAX_STEPS_PER_ITEM * problem.n_items):
        if time.perf_counter() > deadline or not search.step():
            break
    return np.sort(index[search.held])


class _Search:
    def __init__(self, problem, score, held, fixed):
        self.score, self.held, self.fixed = score, held, fixed
        self.served = problem.demand > 0
        self.min_load, self.max_load = problem.min_load, problem.max_load
        self.sums = np.where(held, score, 0.0).sum(axis=1)
        self.load = held.sum(axis=0)

    def step(self) -> bool:
        """One improving move for a worst item; False when there is none."""
        sums = np.where(self.served, self.sums, np.inf)
        a_item = int(np.argmin(sums))
        floor = sums[a_item]
        best, move = floor, None
        for agent in np.flatnonzero(self.held[a_item] & ~self.fixed[a_item]):
            value, other = self._best_replace(a_item, agent)
            if value > best:
                best, move = value, (agent, None, other)
            value, b_item, b_agent = self._best_swap(a_item, agent, floor)
            if value > best:
                best, move = value, (agent, b_item, b_agent)
        if move is None:
            return False
        self._apply(a_item, *move)
        return True

    def _best_replace(self, item: int, agent: int):
        if self.load[agent] <= self.min_load[agent]:
            return -np.inf, None
        room = ~self.held[item] & (self.load < self.max_load)
        if not room.any():
            return -np.inf, None
        gain = np.where(room, self.score[item], -np.inf)
        other = int(np.argmax(gain))
        return self.sums[item] - self.score[item, agent] + gain[other], other

    def _best_swap(self, item: int, agent: int, floor: float):
        """Item gives `agent` to some B and takes B's agent b: the best min of the two sums."""
        mine = self.sums[item] - self.score[item, agent] + self.score[item]  # per b
        with np.errstate(invalid="ignore"):  # -inf - -inf where neither pair is allowed
            theirs = self.sums[:, None] - self.score + self.score[:, agent][:, None]  # (B, b)
        ok = self.held & ~self.fixed & ~self.held[:, agent][:, None] & ~self.held[item][None, :]
        ok[item] = False
        value = np.where(ok, np.minimum(mine[None, :], theirs), -np.inf)
        flat = int(np.argmax(value))
        b_item, b_agent = divmod(flat, self.score.shape[1])
        return value[b_item, b_agent], b_item, b_agent

    def _apply(self, item, agent, b_item, b_agent) -> None:
        self._move(item, agent, b_agent)
        if b_item is not None:
            self._move(b_item, b_agent, agent)

    def _move(self, item, old, new) -> None:
        self.held[item, old], self.held[item, new] = False, True
        self.sums[item] += self.score[item, new] - self.score[item, old]
        self.load[old] -= 1
        self.load[new] += 1
