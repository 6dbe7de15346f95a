"""Read-only arrays in files that every process of a server maps into memory (numpy only, no
Django).

A snapshot is a folder of ``.npy`` files and a ``meta.json``, written under a temporary name,
each file flushed to disk (fsync), then renamed into place in one step: a reader sees a whole
snapshot or none. Readers open the files with ``np.load(mmap_mode="r")``: the pages live in the
operating system's page cache once, however many processes map them, and nobody can write to
them by mistake. A snapshot is never changed after it is written; a newer state is a new
snapshot under a new name (its version stamp), and the old one is removed once newer ones exist
(a process that still maps it keeps its pages until it lets go).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import mmap
import os
import shutil
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np

META = "meta.json"
STALE_TEMPORARY_S = 3600  # a temporary folder this old was left by a writer that died


def write_snapshot(path: Path, arrays: Mapping[str, np.ndarray], meta: dict) -> Path:
    """Write ``arrays`` and ``meta`` as the snapshot ``path``, atomically; a snapshot already
    there (another process wrote the same state first) is kept."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.parent / f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp"
    temporary.mkdir()
    try:
        for name, array in arrays.items():
            with open(temporary / f"{name}.npy", "wb") as out:
                np.save(out, np.ascontiguousarray(array), allow_pickle=False)
                _sync(out)
        with open(temporary / META, "w", encoding="utf-8") as out:
            json.dump({**meta, "arrays": sorted(arrays)}, out)
            _sync(out)
        _sync_folder(temporary)
        try:
            os.rename(temporary, path)
        except OSError:  # written meanwhile by another process: theirs is the same state
            if not (path / META).exists():
                raise
        _sync_folder(path.parent)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    return path


def read_snapshot(path: Path) -> tuple[dict[str, np.ndarray], dict] | None:
    """(arrays mapped read-only, meta) of the snapshot ``path``; None when there is none or it
    cannot be read (the caller rebuilds it)."""
    try:
        meta = json.loads((path / META).read_text(encoding="utf-8"))
        # Plain ndarray views of the mappings: the same shared pages, without np.memmap's
        # per-index overhead (a memmap makes a new memmap object of every element or slice
        # read, which cost a query milliseconds over its few hundred candidates).
        arrays = {
            name: np.load(path / f"{name}.npy", mmap_mode="r", allow_pickle=False).view(np.ndarray)
            for name in meta["arrays"]
        }
    except (OSError, ValueError, KeyError):
        return None
    return arrays, meta


def is_mapped(array: np.ndarray) -> bool:
    """Whether ``array`` reads a file mapped into memory (a snapshot's), not a copy of it."""
    while array is not None:
        if isinstance(array, np.memmap | mmap.mmap):
            return True
        array = getattr(array, "base", None)
    return False


def remove_older(folder: Path, prefix: str, keep: Path) -> None:
    """Remove the snapshots named ``prefix<stamp>-...`` in ``folder`` with a lower stamp than
    ``keep`` (or a higher one left an hour ago: a database restored to an older state), and
    temporary folders left by writers that died. A newer snapshot that another process has just
    written stays."""
    if not folder.is_dir():
        return
    now, stamp = time.time(), _stamp(keep.name, prefix)
    for entry in folder.iterdir():
        if entry == keep or not entry.is_dir():
            continue
        old = now - entry.stat().st_mtime > STALE_TEMPORARY_S
        other = _stamp(entry.name, prefix)
        if (other is not None and (other < stamp or old)) or (entry.name.endswith(".tmp") and old):
            shutil.rmtree(entry, ignore_errors=True)


def _stamp(name: str, prefix: str) -> int | None:
    if not name.startswith(prefix):
        return None
    number = name[len(prefix) :].split("-", 1)[0]
    return int(number) if number.isdigit() else None


@contextlib.contextmanager
def exclusive(path: Path, *, wait: bool = True) -> Iterator[bool]:
    """Hold an exclusive lock on the file ``path`` (made if missing) between processes of this
    machine: one of them builds a snapshot while the others wait for it. Yields whether the
    lock is held (always, unless ``wait`` is false and another process holds it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _sync(handle) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def _sync_folder(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def give_back_memory() -> None:
    """Hand the memory freed by building a view back to the operating system: the C library
    keeps freed heap pages for reuse, which would leave the process that built a snapshot
    holding hundreds of MiB it no longer uses."""
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


def term_hash(term: str) -> int:
    """A 63-bit hash of a term, the same in every process (Python's own is salted)."""
    digest = hashlib.blake2b(term.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 1


class TermTable:
    """term -> id held in arrays (no Python object per term): the terms' hashes sorted, each
    with its id and its text (to tell apart two terms with one hash)."""

    def __init__(self, hashes, ids, offsets, text, sorted_ids=None):
        self.hashes, self.ids, self.offsets, self.text = hashes, ids, offsets, text
        self.sorted_ids = np.sort(ids) if sorted_ids is None else sorted_ids

    @classmethod
    def of(cls, pairs: Mapping[str, int]) -> TermTable:
        terms = list(pairs)
        hashes = np.fromiter((term_hash(t) for t in terms), dtype=np.int64, count=len(terms))
        order = np.argsort(hashes, kind="stable")
        encoded = [terms[i].encode() for i in order.tolist()]
        lengths = np.fromiter((len(e) for e in encoded), dtype=np.int64, count=len(encoded))
        offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        ids = np.fromiter(pairs.values(), dtype=np.int64, count=len(terms))[order]
        text = np.frombuffer(b"".join(encoded), dtype=np.uint8)
        return cls(hashes[order], ids, offsets, text)

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], prefix: str) -> TermTable:
        names = ("hashes", "ids", "offsets", "text", "sorted_ids")
        return cls(*(arrays[f"{prefix}{name}"] for name in names))

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        names = ("hashes", "ids", "offsets", "text", "sorted_ids")
        return {f"{prefix}{name}": getattr(self, name) for name in names}

    def __len__(self) -> int:
        return len(self.ids)

    def get(self, term: str) -> int | None:
        wanted, encoded = term_hash(term), term.encode()
        at = int(np.searchsorted(self.hashes, wanted))
        while at < len(self.hashes) and self.hashes[at] == wanted:
            start, end = int(self.offsets[at]), int(self.offsets[at + 1])
            if self.text[start:end].tobytes() == encoded:
                return int(self.ids[at])
            at += 1
        return None

    def get_many(self, terms) -> dict[str, int]:
        """term -> id of those of ``terms`` the table holds: one search for all of them (the
        spelling of a query looks up hundreds of variants)."""
        terms = list(terms)
        if not terms or not len(self.hashes):
            return {}
        wanted = np.fromiter((term_hash(t) for t in terms), dtype=np.int64, count=len(terms))
        at = np.searchsorted(self.hashes, wanted)
        found = {}
        for n in np.flatnonzero(self.hashes[np.minimum(at, len(self.hashes) - 1)] == wanted):
            if (term_id := self.get(terms[n])) is not None:
                found[terms[n]] = term_id
        return found

    def holds_ids(self, term_ids: np.ndarray) -> np.ndarray:
        """Which of ``term_ids`` the table holds."""
        term_ids = np.asarray(term_ids, dtype=np.int64)
        if not len(self.sorted_ids):
            return np.zeros(len(term_ids), dtype=bool)
        at = np.minimum(np.searchsorted(self.sorted_ids, term_ids), len(self.sorted_ids) - 1)
        return self.sorted_ids[at] == term_ids

    def items(self) -> Iterator[tuple[str, int]]:
        text = self.text.tobytes()
        offsets = self.offsets.tolist()
        for n, term_id in enumerate(self.ids.tolist()):
            yield text[offsets[n] : offsets[n + 1]].decode(), term_id
