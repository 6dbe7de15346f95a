"""The search view shared by the processes of one server, in memory-mapped files.

A snapshot holds one state of one kind's view (``memory.View``): the embeddings, the sorted
postings, the vocabulary and the structured fields, as arrays (``text/arrays.py``). Its name is
its version stamp: the kind, the embedding model, the index generation and a digest of the
database, the entries' state (how many, the newest write) and the term dictionary, so a
rolled-back or restored database, or another database using the same folder, never reads a
snapshot that is not its own, and a new dictionary's concept rows are built again.

The first process to need a state takes the folder's lock, builds the view (from the view it
held, reading only what changed, or from the whole index), writes the snapshot atomically and
removes the older ones; the others map the files it wrote. A process that holds a view already
keeps answering from it while another one writes (seconds at 100,000 programs) rather than
queueing its searches behind the writer, and looks again at its next query; one with no view
yet waits. A snapshot that
is missing or unreadable is built again; one that cannot be written (a full or read-only disk)
leaves the process with its own copy and a warning in the log.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.models import Count, Max
from django.utils.dateparse import parse_datetime

from startup_street.text.analysers import dictionary_digest
from startup_street.text.arrays import (
    TermTable,
    exclusive,
    give_back_memory,
    read_snapshot,
    remove_older,
    write_snapshot,
)
from startup_street.text.lexical import LexicalIndex
from startup_street.text.vectors import VectorIndex

from .memory import FacetTable, View, Vocabulary
from .models import SearchEntry

logger = logging.getLogger(__name__)

FORMAT = 2  # raise when what a snapshot holds changes


def folder() -> Path:
    return Path(settings.SEARCH_VIEW_DIR)


def _prefix(kind: str, model_name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", f"{kind}-{model_name}".lower()) + "-g"


def snapshot_path(kind: str, model_name: str, stamp: int) -> Path:
    """Where the snapshot of the index's current state is (or will be) written."""
    state = SearchEntry.objects.filter(kind=kind).aggregate(
        n=Count("pk"), newest=Max("updated_at"), top=Max("object_id")
    )
    database = connection.settings_dict
    identity = [FORMAT, list(sys.version_info[:2]), database["ENGINE"], str(database["NAME"])]
    identity += [database.get("HOST"), str(database.get("PORT")), kind, model_name, stamp]
    identity += [state["n"], str(state["newest"]), state["top"], dictionary_digest()]
    digest = hashlib.blake2b(json.dumps(identity).encode(), digest_size=10).hexdigest()
    return folder() / f"{_prefix(kind, model_name)}{stamp}-{digest}"


def load(kind: str, model_name: str, stamp: int, previous: View | None, *, build: Callable) -> View:
    path = snapshot_path(kind, model_name, stamp)
    found = read(path, stamp)
    if found is not None:
        return found
    try:
        lock = folder() / f".{_prefix(kind, model_name)}lock"
        with exclusive(lock, wait=previous is None) as held:
            if not held:  # another process is writing it: answer from the last one meanwhile
                return previous
            found = read(path, stamp)  # written by another process while this one waited
            if found is None:
                started = time.perf_counter()
                built = build(kind, model_name, stamp, previous)
                write(path, built)
                remove_older(folder(), _prefix(kind, model_name), keep=path)
                took = time.perf_counter() - started
                logger.info("search view %s written in %.1f s", path.name, took)
                found = read(path, stamp)
                if found is not None:
                    del built
                    give_back_memory()
                    return found
                return built
    except OSError:
        logger.exception("search view could not be shared through %s; kept in this process", path)
        return build(kind, model_name, stamp, previous)
    return found


def write(path: Path, current: View) -> None:
    lexical, numbers = current.lexical.arrays("lexical_")
    arrays = {**current.vectors.arrays("vectors_"), **lexical}
    arrays |= TermTable.of(current.vocabulary.pairs()).arrays("terms_")
    arrays |= FacetTable.of(current.facets).arrays()
    newest = current.newest.isoformat() if current.newest is not None else None
    write_snapshot(path, arrays, {"lexical": numbers, "newest": newest})


def read(path: Path, stamp: int) -> View | None:
    found = read_snapshot(path)
    if found is None:
        return None
    arrays, meta = found
    try:
        facets = FacetTable.from_arrays(arrays)
    except KeyError:  # written by a version that held other columns: built again
        return None
    return View(
        stamp=stamp,
        newest=parse_datetime(meta["newest"]) if meta["newest"] else None,
        vectors=VectorIndex.from_arrays(arrays, "vectors_"),
        lexical=LexicalIndex.from_arrays(arrays, meta["lexical"], "lexical_"),
        vocabulary=Vocabulary(TermTable.from_arrays(arrays, "terms_")),
        facets=facets,
    )
