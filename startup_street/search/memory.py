"""One process's view of the stored index: every entry's embedding and postings in arrays,
the term vocabulary (term -> id) and, for programs, the fields that hints read (kind of support,
city, country, sectors).

The database holds the index (entries with terms, postings and embeddings, the term
statistics, the index generation), written in the transactions that change the data. A process
reads it into arrays once and then, whenever the generation counter has moved, only the entries
written since, plus the list of current ids (to drop deleted ones). Checking costs one
primary-key read a query; everything else a ranking needs is then in memory, so a query's other
SQL is the visibility filter and the page of rows.

The arrays are shared by the processes of one server (``shared.py``): the first process that
needs a new generation builds it and writes it as a snapshot of memory-mapped files under
SEARCH_VIEW_DIR; the others map the same files, so an added web worker costs little memory.
SEARCH_SHARED_VIEW=0 keeps a copy per process instead.
"""

from __future__ import annotations

import logging
import marshal
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from startup_street.text.analysers import concept_forms, dictionary_concepts
from startup_street.text.arrays import TermTable
from startup_street.text.lexical import LexicalIndex, decode_postings
from startup_street.text.locks import ForkSafeLock
from startup_street.text.vectors import VectorIndex

from .models import IndexGeneration, SearchEntry, SearchTerm
from .services import PROGRAM

logger = logging.getLogger(__name__)

_views: dict[tuple[str, str], View] = {}
_lock = ForkSafeLock()


def generation(kind: str = PROGRAM) -> int:
    """The index generation of ``kind``: one primary-key read, written as SQL (every query
    asks, and building the ORM query cost more than running it)."""
    from django.db import connection

    meta, quote = IndexGeneration._meta, connection.ops.quote_name
    sql = "SELECT {} FROM {} WHERE {} = %s".format(  # noqa: S608 - the model's own names
        quote(meta.get_field("generation").column),
        quote(meta.db_table),
        quote(meta.get_field("kind").column),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [kind])
        row = cursor.fetchone()
    return int(row[0]) if row else 0


class Facets(NamedTuple):
    """An entry's structured fields (written by its app's indexer) that ranking compares with
    what a query names."""

    kind: str
    city: str
    country: str
    sectors: frozenset
    languages: frozenset  # the languages its title is written in
    places: frozenset  # place concepts its city names, in any language
    stages: frozenset  # the stages it takes (empty: any)
    max_years: int | None  # years since founding its calls take at most (None: any)
    team: tuple[int, int] | None  # team sizes its calls take
    revenue: str | None  # the highest revenue band its calls take

    @classmethod
    def of(cls, fields: dict | None) -> Facets | None:
        if not fields:
            return None
        team = fields.get("team")
        return cls(
            fields.get("kind", ""),
            fields.get("city", ""),
            fields.get("country", ""),
            frozenset(fields.get("sectors", ())),
            frozenset(fields.get("languages", ())),
            frozenset(fields.get("places", ())),
            frozenset(fields.get("stages", ())),
            fields.get("max_years"),
            tuple(team) if team else None,
            fields.get("revenue"),
        )


# The fields a query compares with sets of values, held as columns (see ``FacetTable``).
COLUMNS = ("kind", "country", "sectors", "languages", "places", "stages")
# Numbers a query's stated eligibility is compared with, one per entry (-1: no limit).
NUMBERS = ("max_years", "team_low", "team_high", "revenue")


class FacetTable(Mapping):
    """Entry id -> its ``Facets``, held packed in arrays and unpacked when asked for, with the
    fields of ``COLUMNS`` also held as columns (each entry's values as codes, offsets per
    entry), so that ranking compares a query's few hundred candidates with what it names in a
    few array operations (``matches``) instead of unpacking each."""

    def __init__(self, ids: np.ndarray, offsets: np.ndarray, packed: np.ndarray, columns: dict):
        self.ids, self.offsets, self.packed, self.columns = ids, offsets, packed, columns
        text = bytes(columns["names"]).decode("utf-8")
        self.codes = {name: n for n, name in enumerate(text.split("\0"))} if text else {}

    @classmethod
    def of(cls, facets: Mapping[int, Facets]) -> FacetTable:
        if isinstance(facets, FacetTable):
            return facets
        ids = np.array(sorted(facets), dtype=np.int64)
        rows = [facets[pk] for pk in ids.tolist()]
        blobs = [marshal.dumps(tuple(row)) for row in rows]
        codes: dict[str, int] = {}
        columns = {}
        for name in COLUMNS:
            values = [
                [value] if isinstance(value, str) else sorted(value)
                for value in (getattr(row, name) for row in rows)
            ]
            columns[f"{name}_offsets"] = _offsets([len(v) for v in values])
            columns[f"{name}_codes"] = np.fromiter(
                (codes.setdefault(v, len(codes)) for row in values for v in row),
                dtype=np.int32,
            )
        columns["names"] = np.frombuffer("\0".join(codes).encode("utf-8"), dtype=np.uint8)
        numbers = [
            (
                -1 if row.max_years is None else row.max_years,
                *((-1, -1) if not row.team else (row.team[0] or 0, _or(row.team[1], 10_000))),
                1 if row.revenue else 0,
            )
            for row in rows
        ]
        found = np.array(numbers, dtype=np.int64).reshape(len(rows), len(NUMBERS))
        columns |= {name: found[:, n].copy() for n, name in enumerate(NUMBERS)}
        return cls(ids, _offsets([len(b) for b in blobs]), _bytes(blobs), columns)

    @classmethod
    def from_arrays(cls, arrays) -> FacetTable:
        """The table made of ``arrays``; KeyError when one of its columns is missing."""
        columns = {key[len("facets_") :]: value for key, value in arrays.items()}
        columns = {k: v for k, v in columns.items() if k not in ("ids", "offsets", "packed")}
        wanted = [f"{name}_{part}" for name in COLUMNS for part in ("offsets", "codes")]
        if missing := set(wanted + list(NUMBERS) + ["names"]) - columns.keys():
            raise KeyError(sorted(missing))
        return cls(arrays["facets_ids"], arrays["facets_offsets"], arrays["facets_packed"], columns)

    def arrays(self) -> dict[str, np.ndarray]:
        out = {"facets_ids": self.ids, "facets_offsets": self.offsets}
        out["facets_packed"] = self.packed
        return out | {f"facets_{key}": value for key, value in self.columns.items()}

    def locate(self, object_ids: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """(positions, held): where each of ``object_ids`` lies in the table, and whether it
        is there at all (an entry without structured fields is not)."""
        wanted = np.asarray(object_ids, dtype=np.int64)
        if not len(self.ids):
            return np.zeros(len(wanted), dtype=np.int64), np.zeros(len(wanted), dtype=bool)
        at = np.minimum(np.searchsorted(self.ids, wanted), len(self.ids) - 1)
        return at, self.ids[at] == wanted

    def matches(self, name: str, at: np.ndarray, values) -> np.ndarray:
        """For the entries at positions ``at`` (``locate``): how many of their ``name`` values
        are among ``values``."""
        offsets, codes = self.columns[f"{name}_offsets"], self.columns[f"{name}_codes"]
        wanted = [self.codes[v] for v in values if v in self.codes]
        if not wanted or not len(at):
            return np.zeros(len(at))
        starts, counts = offsets[at], offsets[at + 1] - offsets[at]
        total = int(counts.sum())
        owner = np.repeat(np.arange(len(at)), counts)
        within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        hit = np.isin(codes[np.repeat(starts, counts) + within], wanted)
        return np.bincount(owner, weights=hit, minlength=len(at))

    def sizes(self, name: str, at: np.ndarray) -> np.ndarray:
        """How many ``name`` values each of the entries at positions ``at`` holds."""
        offsets = self.columns[f"{name}_offsets"]
        if not len(self.ids):
            return np.zeros(len(at), dtype=np.int64)
        return offsets[at + 1] - offsets[at]

    def numbers(self, name: str, at: np.ndarray) -> np.ndarray:
        """The ``name`` number (``NUMBERS``) of the entries at positions ``at``."""
        if not len(self.ids):
            return np.full(len(at), -1, dtype=np.int64)
        return self.columns[name][at]

    def __getitem__(self, pk: int) -> Facets:
        found = self.get(pk)
        if found is None:
            raise KeyError(pk)
        return found

    def get(self, pk: int, default=None) -> Facets | None:
        # Mapping.get would go through __getitem__ and an exception for each id not held.
        ids = self.ids
        at = int(ids.searchsorted(pk))
        if at >= len(ids) or ids[at] != pk:
            return default
        start, end = int(self.offsets[at]), int(self.offsets[at + 1])
        # marshal: written by this server into its own data folder, which whoever could alter
        # could alter the database beside it too
        return Facets(*marshal.loads(self.packed[start:end]))  # noqa: S302

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids.tolist())

    def __len__(self) -> int:
        return len(self.ids)


def _or(value, default):
    return default if value is None else value


def _offsets(lengths: list[int]) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(np.asarray(lengths, dtype=np.int64))]).astype(np.int64)


def _bytes(blobs: list[bytes]) -> np.ndarray:
    return np.frombuffer(b"".join(blobs), dtype=np.uint8)


@dataclass
class View:
    stamp: int
    newest: object  # the latest updated_at read
    vectors: VectorIndex
    lexical: LexicalIndex
    vocabulary: Vocabulary
    facets: FacetTable  # entries that have structured fields

    def statistics(self, terms) -> dict[str, tuple[int, int]]:
        """term -> (its id, how many current entries hold it), for the terms some entry holds."""
        known = list(self.vocabulary.get_many(set(terms)).items())
        counts = self.lexical.documents([term_id for _term, term_id in known])
        return {term: (i, n) for (term, i), n in zip(known, counts, strict=True) if n > 0}


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
            current = _views[(kind, model_name)] = _load(kind, model_name, stamp, current)
            logger.debug("search view %s read in %.2f s", kind, time.perf_counter() - started)
        return current


def _load(kind: str, model_name: str, stamp: int, previous: View | None) -> View:
    """The view at ``stamp``: mapped from the server's shared snapshot (built and written by
    the first process that needs it) or, with SEARCH_SHARED_VIEW off, read into this
    process's own memory."""
    from django.conf import settings

    if not settings.SEARCH_SHARED_VIEW:
        return _read(kind, model_name, stamp, previous)
    from . import shared

    return shared.load(kind, model_name, stamp, previous, build=_read)


def _entries(kind: str):
    return SearchEntry.objects.filter(kind=kind).order_by()


def _fetch(entries, model_name: str, facets: dict[int, Facets]):
    """(ids, postings, vectors, newest, dim) of ``entries``, ids sorted; their structured
    fields go into ``facets``."""
    ids, postings, vectors, newest = [], [], [], None
    rows = entries.order_by("object_id").values_list(
        "object_id", "postings", "embedding", "embedder", "updated_at", "fields"
    )
    for object_id, posting, embedding, embedder, updated, fields in rows.iterator(chunk_size=2000):
        ids.append(object_id)
        if (found := Facets.of(fields)) is not None:
            facets[object_id] = found
        else:
            facets.pop(object_id, None)
        postings.append(bytes(posting or b""))
        vector = bytes(embedding) if embedding is not None and embedder == model_name else b""
        vectors.append(vector)
        newest = updated if newest is None or updated > newest else newest
    return ids, postings, vectors, newest


def _matrix(vectors: list[bytes], dim: int) -> tuple[np.ndarray, np.ndarray]:
    """(rows of float32, rows per entry): an entry holds as many rows as its embedding has
    (several embedded texts); one not embedded yet is one zero row (it matches nothing)."""
    counts = np.array(
        [len(b) // (4 * dim) if dim and b and len(b) % (4 * dim) == 0 else 1 for b in vectors],
        dtype=np.int64,
    )
    out = np.zeros((int(counts.sum()), max(dim, 1)), dtype=np.float32)
    start = 0
    for blob, count in zip(vectors, counts.tolist(), strict=True):
        if dim and blob and len(blob) == 4 * dim * count:
            out[start : start + count] = np.frombuffer(blob, dtype=np.float32).reshape(count, dim)
        start += count
    return out, counts


def _dimension(model_name: str) -> int:
    from startup_street.text.embeddings import get_embedder

    return get_embedder(model_name).dim


def warm() -> None:
    """Load the analysers, the embedding model and the program view now (a new web process
    calls this in a thread, so its first search does not wait seconds for them). A search
    arriving meanwhile waits for the same read rather than starting its own."""
    from django.db import connection

    from startup_street.text.analysers import load_analysers

    from .services import embedder

    started = time.perf_counter()
    try:
        load_analysers()
        model = embedder()
        model.encode(["warm up"], is_query=True)
        view(model.name)
        logger.info("search warmed in %.1f s", time.perf_counter() - started)
    except Exception:  # noqa: BLE001 - e.g. migrations not applied yet: the first search reads
        logger.exception("search could not be warmed at start")
    finally:
        connection.close()  # this thread's own connection


def warm_in_background() -> threading.Thread | None:
    from django.conf import settings

    if not settings.SEARCH_WARM_AT_START:
        return None
    thread = threading.Thread(target=warm, name="search-warm", daemon=True)
    thread.start()
    return thread


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
    facets = dict(previous.facets)
    ids, postings, vectors, newest = _fetch(
        _entries(kind).filter(updated_at__gte=previous.newest), model_name, facets
    )
    old = previous.vectors
    dim = _dimension(model_name)
    if old.vectors.shape[1] not in (1, dim):
        return _read_all(kind, model_name, stamp)
    missing = np.setdiff1d(current, np.concatenate([old.ids, np.array(ids, dtype=np.int64)]))
    if len(missing):  # written at the same instant as the last read: read those too
        more = _fetch(_entries(kind).filter(object_id__in=missing.tolist()), model_name, facets)
        ids, postings, vectors = ids + more[0], postings + more[1], vectors + more[2]
    lexical = previous.lexical.with_changes(dict(zip(ids, postings, strict=True)), current)
    if lexical is None:
        return _read_all(kind, model_name, stamp)
    held = {t for blob in postings for t in decode_postings(blob)[0].tolist()}
    vocabulary = previous.vocabulary.read(kind, held)
    present = set(current.tolist())
    facets = {pk: f for pk, f in facets.items() if pk in present}
    return View(
        stamp=stamp,
        newest=max(filter(None, [newest, previous.newest])),
        vectors=_patch_vectors(old, current, ids, vectors, dim),
        lexical=lexical,
        vocabulary=vocabulary,
        facets=FacetTable.of(facets),
    )


def _read_all(kind: str, model_name: str, stamp: int) -> View:
    facets: dict[int, Facets] = {}
    ids, postings, vectors, newest = _fetch(_entries(kind), model_name, facets)
    vocabulary = Vocabulary().read(kind)
    lexical = LexicalIndex(ids, postings)
    concepts = {c: forms for c in dictionary_concepts() if (forms := form_ids(c, vocabulary))}
    lexical.index_concepts(concepts)
    return View(
        stamp=stamp,
        newest=newest,
        vectors=VectorIndex(ids, *_matrix(vectors, _dimension(model_name))),
        lexical=lexical,
        vocabulary=vocabulary,
        facets=FacetTable.of(facets),
    )


def form_ids(concept: str, vocabulary: Vocabulary) -> list[list[int]]:
    """The concept's forms (in every language) as term ids, less those no entry holds."""
    groups = [[vocabulary.get(word) for word in form.split()] for form in concept_forms(concept)]
    return [group for group in groups if None not in group]


class Vocabulary:
    """term -> id of the terms the view's entries hold; shared with the views that follow and
    only ever added to (a term keeps its id while any entry holds it; a stale pair names a term
    no current entry holds, which then counts 0). ``table``: the terms of a shared snapshot
    (arrays mapped from a file); terms read since are held in a dict beside it."""

    def __init__(self, table: TermTable | None = None):
        self.table = table
        self.ids: dict[str, int] = {}
        self.known: set[int] = set()

    def get(self, term: str) -> int | None:
        found = self.ids.get(term)
        if found is None and self.table is not None:
            found = self.table.get(term)
        return found

    def get_many(self, terms) -> dict[str, int]:
        """term -> id of those of ``terms`` held."""
        found = {term: i for term in terms if (i := self.ids.get(term)) is not None}
        if self.table is not None:
            found |= self.table.get_many(term for term in terms if term not in found)
        return found

    def pairs(self) -> dict[str, int]:
        """Every (term, id) held, the table's included."""
        return {**dict(self.table.items() if self.table is not None else ()), **self.ids}

    def read(self, kind: str, term_ids: set[int] | None = None) -> Vocabulary:
        """Add the terms of ``term_ids`` not read yet (None: every term of ``kind``). Terms
        are looked up by the ids the entries' postings hold, not as "ids above the last one
        read": concurrent writers may commit their new terms out of id order."""
        rows = SearchTerm.objects.filter(kind=kind).order_by()
        if term_ids is None:
            chunks = [rows]
        else:
            wanted = np.fromiter(term_ids - self.known, dtype=np.int64)
            if self.table is not None:
                wanted = wanted[~self.table.holds_ids(wanted)]
            wanted = sorted(wanted.tolist())
            chunks = [
                rows.filter(pk__in=wanted[i : i + CHUNK]) for i in range(0, len(wanted), CHUNK)
            ]
        for chunk in chunks:
            for term, pk in chunk.values_list("term", "pk").iterator(chunk_size=5000):
                self.ids[term] = pk
                self.known.add(pk)
        return self


CHUNK = 5000  # ids per IN (...) list


def _patch_vectors(old: VectorIndex, current, ids, vectors, dim) -> VectorIndex:
    """``old`` with the entries of ``ids`` (their embeddings ``vectors``) replaced or added and
    those not in ``current`` (every id, ascending) dropped."""
    fresh, fresh_counts = _matrix(vectors, dim)
    fresh_ids = np.asarray(ids, dtype=np.int64)
    order = np.argsort(fresh_ids, kind="stable")
    fresh_first = np.concatenate([[0], np.cumsum(fresh_counts)[:-1]]).astype(np.int64)
    # each current entry's rows: from the fresh read if it is there, else from the old index
    at_fresh = np.searchsorted(fresh_ids[order], current)
    in_fresh = np.zeros(len(current), dtype=bool)
    if len(fresh_ids):
        clipped = np.minimum(at_fresh, len(fresh_ids) - 1)
        in_fresh = fresh_ids[order][clipped] == current
    at_old = np.minimum(np.searchsorted(old.ids, current), max(len(old.ids) - 1, 0))
    in_old = ~in_fresh & (len(old.ids) > 0)
    if len(old.ids):
        in_old &= old.ids[at_old] == current
    same_width = old.vectors.shape[1] == dim
    counts = np.ones(len(current), dtype=np.int64)
    starts = np.zeros(len(current), dtype=np.int64)
    source = np.zeros(len(current), dtype=np.int8)  # 0 none (a zero row), 1 old, 2 fresh
    if same_width:
        counts[in_old] = old.counts[at_old[in_old]]
        starts[in_old] = old.first[at_old[in_old]]
        source[in_old] = 1
    if len(fresh_ids):
        fresh_pos = order[np.minimum(at_fresh, len(fresh_ids) - 1)]
        counts[in_fresh] = fresh_counts[fresh_pos[in_fresh]]
        starts[in_fresh] = fresh_first[fresh_pos[in_fresh]]
        source[in_fresh] = 2
    total = int(counts.sum())
    within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    rows = np.repeat(starts, counts) + within
    kinds = np.repeat(source, counts)
    matrix = np.zeros((total, dim), dtype=np.float32)
    matrix[kinds == 1] = old.vectors[rows[kinds == 1]]
    matrix[kinds == 2] = fresh[rows[kinds == 2]]
    return VectorIndex(current, matrix, counts)
