"""Nearest neighbours over unit vectors in two stages (numpy only, no Django).

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
    """Rows of unit vectors with their object ids; ``nearest`` gives (ids, cosines) best first."""

    def __init__(self, ids: np.ndarray, vectors: np.ndarray):
        self.ids = np.asarray(ids, dtype=np.int64)
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        # word-major (one contiguous row per 64 dimensions): a popcount pass per word is
        # several times faster than summing across each row's words
        large = len(self.ids) >= EXACT_BELOW
        self.bits = np.ascontiguousarray(sign_bits(self.vectors).T) if large else None

    def __len__(self) -> int:
        return len(self.ids)

    def nearest(self, query: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
        query = np.asarray(query, dtype=np.float32)
        if not len(self.ids) or limit <= 0 or query.shape != self.vectors.shape[1:]:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)  # nothing embedded
        rows = self._candidates(query, limit)
        scores = self.vectors[rows] @ query if rows is not None else self.vectors @ query
        take = min(limit, len(scores))
        best = np.argpartition(-scores, take - 1)[:take]
        best = best[np.argsort(-scores[best], kind="stable")]
        chosen = rows[best] if rows is not None else best
        return self.ids[chosen], scores[best]

    def _candidates(self, query: np.ndarray, limit: int) -> np.ndarray | None:
        """Rows worth scoring exactly, or None for all of them."""
        keep = max(limit * RESCORE_FACTOR, MIN_CANDIDATES)
        if self.bits is None or keep >= len(self.ids):
            return None
        words = sign_bits(query)[0]
        distance = np.bitwise_count(self.bits[0] ^ words[0]).astype(np.uint16)
        for row, word in zip(self.bits[1:], words[1:], strict=True):
            distance += np.bitwise_count(row ^ word)
        return np.argpartition(distance, keep - 1)[:keep]
