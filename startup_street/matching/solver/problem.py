"""The matching problem: candidate pairs, demands, loads, conflicts and forced pairs as arrays.

`make_problem` normalises what a caller passes (scalars, lists, arrays) into one frozen
`MatchProblem`. Wrong *types* raise `ValueError`; wrong *values* (mismatched lengths, indices out
of range, negative demand, duplicate pairs) are collected in `problem.errors`, so that `solve`
can answer with an "invalid" result and a readable diagnosis instead of an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

_EMPTY_PAIRS = np.zeros((0, 2), dtype=np.int64)
MAX_LISTED = 5  # offenders named in one diagnosis line; the rest are counted


@dataclass(frozen=True, eq=False)
class MatchProblem:
    """A normalised instance. Arrays are read-only; index `p` means candidate pair `p`."""

    item: np.ndarray
    agent: np.ndarray
    affinity: np.ndarray
    n_items: int
    n_agents: int
    demand: np.ndarray
    min_load: np.ndarray
    max_load: np.ndarray
    forbidden: np.ndarray
    forced: np.ndarray
    components: dict[str, np.ndarray] | None = None
    errors: tuple[str, ...] = ()
    forbidden_mask: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    forced_mask: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    cache: dict = field(default_factory=dict, repr=False)  # derived arrays, e.g. scaled costs

    @property
    def n_pairs(self) -> int:
        return int(self.item.size)

    @property
    def allowed(self) -> np.ndarray:
        """Candidate pairs that are not conflicts."""
        return ~self.forbidden_mask

    @property
    def total_demand(self) -> int:
        return int(self.demand.sum())


def make_problem(
    *,
    item,
    agent,
    affinity,
    n_items: int,
    n_agents: int,
    demand=1,
    min_load=0,
    max_load=None,
    forbidden=None,
    forced=None,
    components: dict | None = None,
) -> MatchProblem:
    """Build a `MatchProblem` from arrays; see the module docstring for how errors are reported.

    `forbidden` and `forced` are arrays of shape (k, 2) whose rows are (item, agent).
    `max_load=None` means no upper limit on an agent's load.
    """
    n_items, n_agents = _count("n_items", n_items), _count("n_agents", n_agents)
    errors: list[str] = []
    item, agent = _int_array("item", item), _int_array("agent", agent)
    affinity = _float_array("affinity", affinity)
    demand = _per_entity("demand", demand, n_items, "item", errors)
    min_load = _per_entity("min_load", min_load, n_agents, "agent", errors)
    unlimited = max(int(demand.sum()), 0) if demand.size else 0
    max_load = _per_entity(
        "max_load", unlimited if max_load is None else max_load, n_agents, "agent", errors
    )
    forbidden, forced = _pair_rows("forbidden", forbidden), _pair_rows("forced", forced)
    errors += _pair_array_errors(item, agent, affinity, n_items, n_agents)
    errors += _load_errors(min_load, max_load)
    components = _components(components, affinity, errors)
    for name, rows in (("forbidden", forbidden), ("forced", forced)):
        errors += _row_range_errors(name, rows, n_items, n_agents)
    masks = _pair_masks(item, agent, n_agents, forbidden, forced, errors)
    return MatchProblem(
        item=_frozen(item),
        agent=_frozen(agent),
        affinity=_frozen(affinity),
        n_items=n_items,
        n_agents=n_agents,
        demand=_frozen(demand),
        min_load=_frozen(min_load),
        max_load=_frozen(max_load),
        forbidden=_frozen(forbidden),
        forced=_frozen(forced),
        components=components,
        errors=tuple(errors),
        forbidden_mask=_frozen(masks[0]),
        forced_mask=_frozen(masks[1]),
    )


def name_some(noun: str, values: np.ndarray) -> str:
    """'item 3', 'items 3, 7, 9' or 'items 3, 7, 9, 11, 12 and 40 more'."""
    values = np.asarray(values).ravel()
    shown = ", ".join(str(int(v)) for v in values[:MAX_LISTED])
    more = values.size - MAX_LISTED
    label = noun if values.size == 1 else f"{noun}s"
    return f"{label} {shown}" + (f" and {more} more" if more > 0 else "")


def _frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


def _count(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{name} must be an int, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must be >= 0, got {value}")
    return int(value)


def _int_array(name: str, value) -> np.ndarray:
    array = np.asarray(value)
    if array.size == 0:
        return np.zeros(0, dtype=np.int64)
    if array.dtype.kind not in "iu":
        raise ValueError(f"{name} must hold integers, got dtype {array.dtype}")
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {array.shape}")
    return array.astype(np.int64, copy=True)


def _float_array(name: str, value) -> np.ndarray:
    array = np.asarray(value)
    if array.dtype.kind not in "iuf" and array.size:
        raise ValueError(f"{name} must hold numbers, got dtype {array.dtype}")
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {array.shape}")
    return array.astype(np.float64, copy=True)


def _per_entity(name: str, value, n: int, entity: str, errors: list[str]) -> np.ndarray:
    array = np.asarray(value)
    if array.dtype.kind not in "iu" and not (array.dtype.kind == "f" and _integral(array)):
        raise ValueError(f"{name} must be an int or an array of ints, got dtype {array.dtype}")
    if array.ndim == 0:
        array = np.full(n, int(array), dtype=np.int64)
    elif array.shape != (n,):
        errors.append(f"{name} has {array.size} values but there are {n} {entity}s")
        return np.zeros(n, dtype=np.int64)
    array = array.astype(np.int64, copy=True)
    negative = np.flatnonzero(array < 0)
    if negative.size:
        first = int(negative[0])
        errors.append(
            f"{name} must be >= 0: {entity} {first} has {name} {int(array[first])}"
            + (f" ({negative.size} {entity}s in all)" if negative.size > 1 else "")
        )
    return array


def _integral(array: np.ndarray) -> bool:
    return bool(array.size) and bool(
        np.all(np.isfinite(array)) and np.all(array == np.round(array))
    )


def _pair_rows(name: str, value) -> np.ndarray:
    if value is None:
        return _EMPTY_PAIRS.copy()
    rows = np.asarray(value)
    if rows.size == 0:
        return _EMPTY_PAIRS.copy()
    if rows.dtype.kind not in "iu":
        raise ValueError(f"{name} must hold integer (item, agent) rows, got dtype {rows.dtype}")
    if rows.ndim != 2 or rows.shape[1] != 2:
        raise ValueError(f"{name} must have shape (k, 2) with rows (item, agent), got {rows.shape}")
    return rows.astype(np.int64, copy=True)


def _pair_array_errors(item, agent, affinity, n_items: int, n_agents: int) -> list[str]:
    if not item.size == agent.size == affinity.size:
        return [
            f"item, agent and affinity must have the same length, got "
            f"{item.size}, {agent.size} and {affinity.size}"
        ]
    errors = _range_errors("item", item, n_items) + _range_errors("agent", agent, n_agents)
    bad = np.flatnonzero(~np.isfinite(affinity))
    if bad.size:
        errors.append(f"affinity is not finite for {name_some('pair', bad)}")
    return errors


def _range_errors(name: str, values: np.ndarray, n: int) -> list[str]:
    bad = np.flatnonzero((values < 0) | (values >= n))
    if not bad.size:
        return []
    return [f"{name} index out of range [0, {n}): {name_some('value', values[bad])}"]


def _row_range_errors(name: str, rows: np.ndarray, n_items: int, n_agents: int) -> list[str]:
    errors = _range_errors(f"{name} item", rows[:, 0], n_items)
    return errors + _range_errors(f"{name} agent", rows[:, 1], n_agents)


def _load_errors(min_load: np.ndarray, max_load: np.ndarray) -> list[str]:
    bad = np.flatnonzero(min_load > max_load)
    if not bad.size:
        return []
    return [f"min_load exceeds max_load for {name_some('agent', bad)}"]


def _components(components, affinity: np.ndarray, errors: list[str]):
    if components is None:
        return None
    if not isinstance(components, dict) or not components:
        raise ValueError("components must be a non-empty dict of name -> per-pair array")
    parts = {str(name): _float_array(f"components[{name!r}]", v) for name, v in components.items()}
    if any(part.shape != affinity.shape for part in parts.values()):
        errors.append("every components array must have one value per candidate pair")
        return None
    total = np.sum(np.stack(list(parts.values())), axis=0)
    if not np.allclose(total, affinity, rtol=1e-9, atol=1e-9):
        errors.append("components must sum to affinity for every candidate pair")
    return {name: _frozen(part) for name, part in parts.items()}


def _pair_masks(item, agent, n_agents: int, forbidden, forced, errors: list[str]):
    """Map forbidden and forced rows onto candidate pairs; report duplicates and strays."""
    forbidden_mask = np.zeros(item.size, dtype=bool)
    forced_mask = np.zeros(item.size, dtype=bool)
    if errors:
        return forbidden_mask, forced_mask
    key = item * n_agents + agent
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    duplicate = np.flatnonzero(sorted_key[1:] == sorted_key[:-1])
    if duplicate.size:
        first = order[duplicate[0]]
        errors.append(
            f"candidate pair (item {int(item[first])}, agent {int(agent[first])}) appears more "
            f"than once ({duplicate.size} duplicates in all)"
        )
        return forbidden_mask, forced_mask
    forbidden_mask[_lookup(sorted_key, order, forbidden, n_agents)[0]] = True
    found, missing = _lookup(sorted_key, order, forced, n_agents)
    forced_mask[found] = True
    if missing.size:
        pairs = ", ".join(f"({int(i)}, {int(a)})" for i, a in forced[missing[:MAX_LISTED]])
        errors.append(f"forced pairs must be candidate pairs; not candidates: {pairs}")
    return forbidden_mask, forced_mask


def _lookup(sorted_key, order, rows, n_agents: int):
    """Candidate indices of `rows` that exist, and row numbers of those that do not."""
    if not rows.size or not sorted_key.size:
        return np.zeros(0, dtype=np.int64), np.arange(rows.shape[0])
    wanted = rows[:, 0] * n_agents + rows[:, 1]
    pos = np.minimum(np.searchsorted(sorted_key, wanted), sorted_key.size - 1)
    hit = sorted_key[pos] == wanted
    return order[pos[hit]], np.flatnonzero(~hit)
