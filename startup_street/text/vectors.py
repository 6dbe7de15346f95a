"""Nearest neighbours over unit vectors in two stages (numpy only, no Django).

An entry may hold several rows (e.g. a program's title, and its title with its summary): an
entry's similarity to a query is that of its best row, so a short query that sits near a title
but far from the longer text still finds it.

A dot product with every one of 100,000 512-wide float32 rows reads 200 MB per query; instead
the first stage compares one-bit signs (64 bytes a row, Hamming distance by popcount), which
keeps the true neighbours among its few hundred best, and the second stage scores only those
exactly. ``bench/bench_search.py`` reports how often the two-stage top 20 equals the exact one.
"""

from __future__ import annotations

import numpy as np

RESCORE_FACTOR = 8  # candidates kept by the first stage, per neighbour asked for
MIN_CANDIDATES = 400
EXACT_BELOW = 20_000  # rows; fewer than this are cheaper to score exactly


def sign_bits(vectors: np.ndarray) -> np.ndarray:
    """One bit a dimension (1 where the component is positive), packed into uint64 words."""
    vectors = np.atleast_2d(vectors)
    width = -(-vectors.shape[1] // 64) * 64  # pad to whole words
    padded = np.zeros((vectors.shape[0], width), dtype=bool)
    padded[:, : vectors.shape[1]] = vectors > 0
    return np.packbits(padded, axis=1).view(np.uint64)


class VectorIndex:
    """Entries (object ids, ascending) with one or more unit-vector rows each; ``nearest``
    gives (ids, cosines of their best rows) best first."""

    def __init__(self, ids: np.ndarray, vectors: np.ndarray, counts: np.ndarray | None = None):
        self.ids = np.asarray(ids, dtype=np.int64)
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if counts is None:
            counts = np.ones(len(self.ids), dtype=np.int64)
        self.counts = np.asarray(counts, dtype=np.int64)
        self.first = np.concatenate([[0], np.cumsum(self.counts)[:-1]]).astype(np.int64)
        self.owner = np.repeat(np.arange(len(self.ids), dtype=np.int64), self.counts)
        # word-major (one contiguous row per 64 dimensions): a popcount pass per word is
        # several times faster than summing across each row's words
        large = len(self.vectors) >= EXACT_BELOW
        self.bits = np.ascontiguousarray(sign_bits(self.vectors).T) if large else None

    STORED = ("ids", "vectors", "counts", "first", "owner", "bits")

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The arrays that make this index (to store in a snapshot, ``text/arrays.py``)."""
        out = {f"{prefix}{name}": getattr(self, name) for name in self.STORED}
        if self.bits is None:
            del out[f"{prefix}bits"]
        return out

    @classmethod
    def from_arrays(cls, arrays, prefix: str) -> VectorIndex:
        """The index made of ``arrays`` as they are (e.g. mapped from a file), nothing
        recomputed or copied."""
        index = object.__new__(cls)
        for name in cls.STORED:
            setattr(index, name, arrays.get(f"{prefix}{name}"))
        return index

    def __len__(self) -> int:
        return len(self.ids)

    def rows_of(self, position: int) -> np.ndarray:
        return self.vectors[self.first[position] : self.first[position] + self.counts[position]]

    def nearest(self, query: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
        query = np.asarray(query, dtype=np.float32)
        if not len(self.ids) or limit <= 0 or query.shape != self.vectors.shape[1:]:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)  # nothing embedded
        per_entry = max(1, int(np.ceil(len(self.vectors) / max(len(self.ids), 1))))
        rows = self._candidates(query, limit * per_entry)
        if rows is not None:
            rows.sort()  # read the rows in the order they lie in memory
        scores = self.vectors[rows] @ query if rows is not None else self.vectors @ query
        owners = self.owner[rows] if rows is not None else self.owner
        best = np.full(len(self.ids), -np.inf, dtype=np.float32)
        np.maximum.at(best, owners, scores)
        seen = np.flatnonzero(best > -np.inf)
        take = min(limit, len(seen))
        if not take:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        chosen = seen[np.argpartition(-best[seen], take - 1)[:take]]
        chosen = chosen[np.argsort(-best[chosen], kind="stable")]
        return self.ids[chosen], best[chosen]

    def similarity(self, query: np.ndarray, object_ids) -> np.ndarray:
        """Cosine of the best row of each of ``object_ids`` (0 for an id not held)."""
        wanted = np.asarray(object_ids, dtype=np.int64)
        out = np.zeros(len(wanted), dtype=np.float32)
        query = np.asarray(query, dtype=np.float32)
        if not len(self.ids) or not len(wanted) or query.shape != self.vectors.shape[1:]:
            return out
        at = np.minimum(np.searchsorted(self.ids, wanted), len(self.ids) - 1)
        held = np.flatnonzero(self.ids[at] == wanted)
        if not len(held):
            return out
        positions = at[held]
        counts = self.counts[positions]
        rows = np.repeat(self.first[positions], counts) + (
            np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        )
        scores = self.vectors[rows] @ query
        best = np.maximum.reduceat(scores, np.concatenate([[0], np.cumsum(counts)[:-1]]))
        out[held] = best
        return out

    def _candidates(self, query: np.ndarray, limit: int) -> np.ndarray | None:
        """Rows worth scoring exactly, or None for all of them."""
        keep = max(limit * RESCORE_FACTOR, MIN_CANDIDATES)
        if self.bits is None or keep >= len(self.vectors):
            return None
        words = sign_bits(query)[0]
        # one pass a word into buffers made once (no temporary array a word)
        distance = np.zeros(self.bits.shape[1], dtype=np.uint16)
        differ = np.empty(self.bits.shape[1], dtype=np.uint64)
        count = np.empty(self.bits.shape[1], dtype=np.uint8)
        for row, word in zip(self.bits, words, strict=True):
            np.bitwise_xor(row, word, out=differ)
            np.bitwise_count(differ, out=count)
            np.add(distance, count, out=distance)
        return _closest(distance, keep)


def _closest(distance: np.ndarray, keep: int) -> np.ndarray:
    """The rows of the ``keep`` smallest distances (small integers: bits that differ), ties at
    the cut taken in row order. A count of each distance finds the cut in one pass, where a
    partition of every row would take several."""
    counts = np.bincount(distance, minlength=1)
    cut = int(np.searchsorted(np.cumsum(counts), keep))  # the distance where ``keep`` is met
    below = np.flatnonzero(distance < cut)
    at_cut = np.flatnonzero(distance == cut)[: keep - len(below)]
    return np.concatenate([below, at_cut])
