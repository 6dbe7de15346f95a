"""One process's view of the stored index: every entry's embedding and postings in arrays.

The database holds the index (entries with terms, postings and embeddings, the term
statistics, the index generation), written in the transactions that change the data. A process
reads it into arrays once and then, whenever the generation counter has moved, only the entries
written since, plus the list of current ids (to drop deleted ones). Checking costs one
primary-key read a query.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

import numpy as np

from .lexical import LexicalIndex
from .models import IndexGeneration, SearchEntry
from .services import PROGRAM
from .vectors import VectorIndex

logger = logging.getLogger(__name__)

_views: dict[tuple[str, str], View] = {}
_lock = threading.Lock()


def generation(kind: str = PROGRAM) -> int:
    return (
        IndexGeneration.objects.filter(kind=kind).values_list("generation", flat=True).first() or 0
    )


@dataclass
class View:
    stamp: int
    newest: object  # the latest updated_at read
    vectors: VectorIndex
    lexical: LexicalIndex


def view(model_name: str, kind: str = PROGRAM) -> View:
    """The current view of ``kind``'s entries, with the embeddings of ``model_name``."""
    stamp = generation(kind)
    current = _views.get((kind, model_name))
    if current is not None and current.stamp == stamp:
        return current
    with _lock:
        current = _views.get((kind, model_name))
        if current is None or current.stamp != stamp:
            started = time.perf_counter()
            current = _views[(kind, model_name)] = _read(kind, model_name, stamp, current)
            logger.debug("search view %s read in %.2f s", kind, time.perf_counter() - started)
        return current


def _entries(kind: str):
    return SearchEntry.objects.filter(kind=kind).order_by()


def _fetch(entries, model_name: str):
    """(ids, postings, vectors, newest) of ``entries``; ids sorted."""
    ids, postings, vectors, newest, dim = [], [], [], None, 0
    rows = entries.order_by("object_id").values_list(
        "object_id", "postings", "embedding", "embedder", "updated_at"
    )
    for object_id, posting, embedding, embedder, updated in rows.iterator(chunk_size=2000):
        ids.append(object_id)
        postings.append(bytes(posting or b""))
        vector = bytes(embedding) if embedding is not None and embedder == model_name else b""
        vectors.append(vector)
        dim = dim or len(vector) // 4
        newest = updated if newest is None or updated > newest else newest
    return ids, postings, vectors, newest, dim


def _matrix(vectors: list[bytes], dim: int) -> np.ndarray:
    """Rows of float32; an entry not embedded yet is a zero row (it matches nothing)."""
    out = np.zeros((len(vectors), max(dim, 1)), dtype=np.float32)
    for row, blob in enumerate(vectors):
        if len(blob) == 4 * dim and dim:
            out[row] = np.frombuffer(blob, dtype=np.float32)
    return out


def forget() -> None:
    """Drop every view (the next query reads the index afresh)."""
    with _lock:
        _views.clear()


def _read(kind: str, model_name: str, stamp: int, previous: View | None) -> View:
    # A generation that went back (a restored backup) may hide older rows: read everything.
    if previous is None or previous.newest is None or stamp < previous.stamp:
        return _read_all(kind, model_name, stamp)
    current = np.fromiter(_entries(kind).values_list("object_id", flat=True), dtype=np.int64)
    current.sort()
    ids, postings, vectors, newest, dim = _fetch(
        _entries(kind).filter(updated_at__gte=previous.newest), model_name
    )
    old = previous.vectors
    if dim and old.vectors.shape[1] not in (1, dim):
        return _read_all(kind, model_name, stamp)
    missing = np.setdiff1d(current, np.concatenate([old.ids, np.array(ids, dtype=np.int64)]))
    if len(missing):  # written at the same instant as the last read: read those too
        more = _fetch(_entries(kind).filter(object_id__in=missing.tolist()), model_name)
        ids, postings, vectors = ids + more[0], postings + more[1], vectors + more[2]
        dim = dim or more[4]
    lexical = previous.lexical.with_changes(dict(zip(ids, postings, strict=True)), current)
    if lexical is None:
        return _read_all(kind, model_name, stamp)
    return View(
        stamp=stamp,
        newest=max(filter(None, [newest, previous.newest])),
        vectors=_patch_vectors(old, current, ids, vectors, dim),
        lexical=lexical,
    )


def _read_all(kind: str, model_name: str, stamp: int) -> View:
    ids, postings, vectors, newest, dim = _fetch(_entries(kind), model_name)
    return View(
        stamp=stamp,
        newest=newest,
        vectors=VectorIndex(ids, _matrix(vectors, dim)),
        lexical=LexicalIndex(ids, postings),
    )


def _patch_vectors(old: VectorIndex, current, ids, vectors, dim) -> VectorIndex:
    dim = dim or old.vectors.shape[1]
    matrix = np.zeros((len(current), dim), dtype=np.float32)
    pos = np.searchsorted(old.ids, current)
    kept = pos < len(old.ids)
    kept[kept] = old.ids[pos[kept]] == current[kept]
    if old.vectors.shape[1] == dim:
        matrix[kept] = old.vectors[pos[kept]]
    if ids:
        at = np.searchsorted(current, ids)
        inside = (at < len(current)) & (current[np.minimum(at, len(current) - 1)] == ids)
        fresh = _matrix(vectors, dim)
        matrix[at[inside]] = fresh[inside]
    return VectorIndex(current, matrix)
