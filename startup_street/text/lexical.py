"""BM25 over stored postings, in memory (numpy only, no Django).

Each search entry stores its postings beside its terms: for each distinct term, the term's id
(a row of the term statistics table) and how often it occurs (``encode_postings``). A process
reads them once into one array sorted by term (a plain integer sort of packed keys); a query then
gathers the postings of its few terms and sums their BM25 weights with one ``bincount``: the cost
follows the length of the query's posting lists, with no per-row work in the database. Entries
written since the array was built are scored from a small overlay until it is rebuilt
(``LexicalIndex.with_changes``).

BM25: idf = ln(1 + (N - df + 0.5) / (df + 0.5)),
      tf part = tf (k1 + 1) / (tf + k1 (1 - b + b dl / avgdl)).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

K1 = 1.2
B = 0.75
REBUILD_AFTER = 1_000  # overlay entries; beyond this the sorted arrays are rebuilt
MAX_ROWS = 1 << 24  # entries one index can hold (rows are packed into 24 bits)


def encode_postings(counts: Mapping[int, int]) -> bytes:
    """The stored form of one entry's postings (term id -> count): little-endian int64s, the
    term id shifted left 16 bits with the count (capped at 65,535) below."""
    return np.fromiter(
        ((term_id << 16) | min(n, 0xFFFF) for term_id, n in counts.items()),
        dtype="<i8",
        count=len(counts),
    ).tobytes()


def decode_postings(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    """(term ids, counts) of one stored entry."""
    values = np.frombuffer(blob, dtype="<i8")
    return values >> 16, (values & 0xFFFF).astype(np.float32)


def _documents(overlay) -> dict[int, int]:
    """term id -> how many of the overlay's entries hold it."""
    held: dict[int, int] = {}
    for postings, _tf in overlay.values():
        for term_id in postings.tolist():
            held[term_id] = held.get(term_id, 0) + 1
    return held


class LexicalIndex:
    """Entries (object ids) with their postings, sorted by term hash."""

    def __init__(self, ids: Sequence[int], blobs: Sequence[bytes]):
        if len(ids) >= MAX_ROWS:
            raise ValueError(f"at most {MAX_ROWS - 1} entries per index")
        self.ids = np.asarray(ids, dtype=np.int64)
        lengths = np.fromiter((len(b) // 8 for b in blobs), dtype=np.int64, count=len(blobs))
        values = np.frombuffer(b"".join(blobs), dtype="<i8").astype(np.uint64)
        rows = np.repeat(np.arange(len(self.ids), dtype=np.uint64), lengths)
        # One sort of (term id | row | count) keys puts the postings in term order.
        keys = ((values >> np.uint64(16)) << np.uint64(40)) | (rows << np.uint64(16))
        keys |= values & np.uint64(0xFFFF)
        keys.sort()
        term_ids = (keys >> np.uint64(40)).astype(np.int64)
        self.rows = ((keys >> np.uint64(16)) & np.uint64(MAX_ROWS - 1)).astype(np.int32)
        tf = (keys & np.uint64(0xFFFF)).astype(np.float32)
        del keys, values
        doc_length = np.bincount(self.rows, weights=tf, minlength=len(self.ids))
        self.average_length = float(doc_length.mean()) if len(doc_length) else 1.0
        boundary = np.flatnonzero(np.diff(term_ids)) + 1
        self.starts = np.concatenate([[0], boundary, [len(term_ids)]]).astype(np.int64)
        self.terms = term_ids[self.starts[:-1]] if len(term_ids) else term_ids
        self.weights = self._tf_part(tf, doc_length[self.rows].astype(np.float32))
        self.overlay: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self.overlay_documents: dict[int, int] = {}  # term id -> overlay entries holding it
        self.hidden = np.zeros(len(self.ids), dtype=bool)  # rows changed or deleted since
        self.hidden_count = 0
        self.concepts: dict[str, np.ndarray] = {}  # concept -> rows holding it (``index_concepts``)
        self.phrases: dict[tuple, np.ndarray] = {}  # its phrases' term ids -> rows holding them

    def __len__(self) -> int:
        return len(self.ids) - self.hidden_count + len(self.overlay)

    STORED = ("ids", "rows", "starts", "terms", "weights", "hidden")

    def arrays(self, prefix: str) -> tuple[dict[str, np.ndarray], dict]:
        """(the arrays, the numbers) that make this index, its overlay included (to store in a
        snapshot, ``text/arrays.py``)."""
        out = {f"{prefix}{name}": getattr(self, name) for name in self.STORED}
        overlaid = list(self.overlay.items())
        out[f"{prefix}overlay_ids"] = np.array([pk for pk, _p in overlaid], dtype=np.int64)
        out[f"{prefix}overlay_lengths"] = np.array(
            [len(terms) for _pk, (terms, _tf) in overlaid], dtype=np.int64
        )
        out[f"{prefix}overlay_terms"] = np.concatenate(
            [np.zeros(0, dtype=np.int64)] + [terms for _pk, (terms, _tf) in overlaid]
        ).astype(np.int64)
        out[f"{prefix}overlay_tf"] = np.concatenate(
            [np.zeros(0, dtype=np.float32)] + [tf for _pk, (_terms, tf) in overlaid]
        ).astype(np.float32)
        names = sorted(self.concepts)
        out[f"{prefix}concept_rows"] = np.concatenate(
            [np.zeros(0, dtype=np.int32)] + [self.concepts[name] for name in names]
        ).astype(np.int32)
        out[f"{prefix}concept_offsets"] = np.cumsum(
            [0] + [len(self.concepts[name]) for name in names], dtype=np.int64
        )
        keys = list(self.phrases)
        out[f"{prefix}phrase_terms"] = np.array([t for key in keys for t in key], dtype=np.int64)
        out[f"{prefix}phrase_term_offsets"] = np.cumsum(
            [0] + [len(k) for k in keys], dtype=np.int64
        )
        out[f"{prefix}phrase_rows"] = np.concatenate(
            [np.zeros(0, dtype=np.int32)] + [self.phrases[key] for key in keys]
        ).astype(np.int32)
        out[f"{prefix}phrase_row_offsets"] = np.cumsum(
            [0] + [len(self.phrases[key]) for key in keys], dtype=np.int64
        )
        return out, {"average_length": self.average_length, "concepts": names}

    @classmethod
    def from_arrays(cls, arrays, numbers: dict, prefix: str) -> LexicalIndex:
        """The index made of ``arrays`` as they are (e.g. mapped from a file): the sorted
        postings are not copied; the overlay (a few entries at most) is read into memory."""
        index = object.__new__(cls)
        for name in cls.STORED:
            setattr(index, name, arrays[f"{prefix}{name}"])
        index.average_length = numbers["average_length"]
        names = numbers.get("concepts", [])
        rows, offsets = arrays.get(f"{prefix}concept_rows"), arrays.get(f"{prefix}concept_offsets")
        index.concepts = {}
        if rows is not None and offsets is not None and len(offsets) == len(names) + 1:
            bounds = offsets.tolist()
            index.concepts = {n: rows[bounds[k] : bounds[k + 1]] for k, n in enumerate(names)}
        index.phrases = {}
        if f"{prefix}phrase_rows" in arrays:
            terms = arrays[f"{prefix}phrase_terms"].tolist()
            term_bounds = arrays[f"{prefix}phrase_term_offsets"].tolist()
            rows, bounds = arrays[f"{prefix}phrase_rows"], arrays[f"{prefix}phrase_row_offsets"]
            for k in range(len(term_bounds) - 1):
                key = tuple(terms[term_bounds[k] : term_bounds[k + 1]])
                index.phrases[key] = rows[int(bounds[k]) : int(bounds[k + 1])]
        index.hidden_count = int(np.count_nonzero(index.hidden))
        ids = arrays[f"{prefix}overlay_ids"].tolist()
        bounds = np.concatenate([[0], np.cumsum(arrays[f"{prefix}overlay_lengths"])]).tolist()
        terms = np.array(arrays[f"{prefix}overlay_terms"])
        tf = np.array(arrays[f"{prefix}overlay_tf"])
        index.overlay = {
            pk: (terms[bounds[n] : bounds[n + 1]], tf[bounds[n] : bounds[n + 1]])
            for n, pk in enumerate(ids)
        }
        index.overlay_documents = _documents(index.overlay)
        return index

    def _tf_part(self, tf: np.ndarray, doc_length: np.ndarray) -> np.ndarray:
        norm = K1 * (1 - B + B * doc_length / max(self.average_length, 1e-9))
        return (tf * (K1 + 1) / (tf + norm)).astype(np.float32)

    def with_changes(self, changed: dict[int, bytes], present: np.ndarray) -> LexicalIndex | None:
        """This index with the ``changed`` entries (object id -> postings) laid over it and
        every row whose object is not in ``present`` (all current object ids) hidden; None
        when the overlay has grown past ``REBUILD_AFTER`` and a rebuild is due."""
        overlay = {**self.overlay, **{pk: decode_postings(b) for pk, b in changed.items()}}
        keep = set(present.tolist())
        overlay = {pk: postings for pk, postings in overlay.items() if pk in keep}
        if len(overlay) > REBUILD_AFTER:
            return None
        copy = object.__new__(LexicalIndex)
        copy.__dict__.update(self.__dict__)
        copy.overlay = overlay
        overlaid = np.fromiter(overlay, dtype=np.int64, count=len(overlay))
        copy.hidden = np.isin(self.ids, overlaid) | ~np.isin(self.ids, present)
        copy.hidden_count = int(copy.hidden.sum())
        copy.overlay_documents = _documents(overlay)
        return copy

    def documents(self, term_ids: Sequence[int]) -> list[int]:
        """How many current entries hold each of ``term_ids`` (the terms' document
        frequencies, counted from the postings themselves)."""
        at = np.searchsorted(self.terms, np.asarray(term_ids, dtype=np.int64))
        out = []
        for term_id, position in zip(term_ids, at.tolist(), strict=True):
            n = 0
            if position < len(self.terms) and self.terms[position] == term_id:
                start, end = int(self.starts[position]), int(self.starts[position + 1])
                n = end - start
                if self.hidden_count:
                    n -= int(self.hidden[self.rows[start:end]].sum())
            out.append(n + self.overlay_documents.get(term_id, 0))
        return out

    def holds(self, groups: Sequence[Sequence[int]], object_ids: Sequence[int]) -> np.ndarray:
        """For each of ``object_ids``: whether its entry holds every term of at least one of
        ``groups`` (term ids; a group is the words of one phrase)."""
        wanted = np.asarray(object_ids, dtype=np.int64)
        out = np.zeros(len(wanted), dtype=bool)
        if not len(wanted) or not groups:
            return out
        at = np.minimum(np.searchsorted(self.ids, wanted), max(len(self.ids) - 1, 0))
        valid = np.zeros(len(wanted), dtype=bool)
        if len(self.ids):
            valid = (self.ids[at] == wanted) & ~self.hidden[at]
        for group in groups:
            has = valid.copy()
            for term_id in group:
                position = int(np.searchsorted(self.terms, term_id))
                if position >= len(self.terms) or self.terms[position] != term_id:
                    has[:] = False
                    break
                rows = self.rows[self.starts[position] : self.starts[position + 1]]  # sorted
                found = np.minimum(np.searchsorted(rows, at), len(rows) - 1)
                has &= rows[found] == at
            out |= has
        for k, pk in enumerate(wanted.tolist() if self.overlay else ()):
            if pk in self.overlay:
                held = set(self.overlay[pk][0].tolist())
                out[k] = any(all(t in held for t in group) for group in groups)
        return out

    def index_concepts(self, concepts: Mapping[str, Sequence[Sequence[int]]]) -> None:
        """Keep, for each concept (its forms as term ids), the rows holding any of its forms, so
        that a query naming it reads one list instead of uniting the lists of every form: the
        common concepts ("startup", in most programs in three languages) cost a query
        milliseconds otherwise. Rows changed since are hidden as usual; the overlay is read
        apart."""
        found, phrases = {}, {}
        for name, forms in concepts.items():
            lists = [
                rows for form in forms if (rows := self._rows_holding(form, phrases)) is not None
            ]
            if lists:
                found[name] = np.unique(np.concatenate(lists)).astype(np.int32)
        self.concepts = found
        self.phrases = {key: rows for key, rows in phrases.items() if rows is not None}

    def concept_scores(
        self,
        concepts: Sequence[Sequence[Sequence[int]]],
        cache: dict | None = None,
        names: Sequence[str] = (),
    ) -> ConceptScores:
        """For every current entry: the sum, over ``concepts`` (each a list of its forms, a form
        being the term ids of one word or phrase), of the concept's idf where the entry holds
        any of its forms, whatever the language. Each concept counts once however many of its
        forms an entry holds, so a program written in one language scores as one written in
        another. Returns the scores with each concept's idf. ``cache``: the rows of phrases
        found so far for the same query (``search_many`` reads and adds to it too)."""
        total = max(len(self), 1)
        scores = np.zeros(len(self.ids), dtype=np.float32)
        overlay = dict.fromkeys(self.overlay, 0.0)
        held_sets = {pk: set(postings.tolist()) for pk, (postings, _tf) in self.overlay.items()}
        weights = []
        for n, forms in enumerate(concepts):
            indexed = self.concepts.get(names[n]) if n < len(names) else None
            if indexed is not None:
                rows = indexed[~self.hidden[indexed]] if self.hidden_count else indexed
                mask, base = None, len(rows)
            else:
                mask = np.zeros(len(self.ids), dtype=bool)
                for form in forms:
                    rows = self._rows_holding(form, cache)
                    if rows is not None:
                        mask[rows] = True
                if self.hidden_count:
                    mask &= ~self.hidden
                base = np.count_nonzero(mask)
            held = [pk for pk, terms in held_sets.items() if any(set(f) <= terms for f in forms)]
            documents = base + len(held)
            weight = float(np.log1p((total - documents + 0.5) / (documents + 0.5)))
            weights.append(weight if documents else 0.0)
            if not documents:
                continue
            if mask is None:
                scores[rows] += np.float32(weight)
            else:
                np.add(scores, np.float32(weight), out=scores, where=mask)
            for pk in held:
                overlay[pk] += weight
        return ConceptScores(self.ids, scores, {k: v for k, v in overlay.items() if v}, weights)

    def _rows_holding(self, form: Sequence[int], cache: dict | None = None) -> np.ndarray | None:
        """Rows whose entry holds every term of ``form``; None when none does."""
        if len(form) == 1:
            got = self._postings(form[0])
            return None if got is None else got[0]
        return self._common(tuple(form), {} if cache is None else cache)

    def search(
        self,
        terms: Mapping[int, tuple[int, float]],
        total: int,
        limit: int = 500,
        phrases: Sequence[Sequence[tuple[int, int, float]]] = (),
    ) -> list[tuple[int, float]]:
        """(object id, BM25 score) best first, for the entries holding any of ``terms``
        (term id -> (entries holding it, weight of its part)) among ``total`` entries.
        ``phrases`` are groups of (term id, entries holding it, weight) whose parts count only
        in an entry that holds every term of the group ("proof of concept" scores nothing
        where only "concept" is)."""
        return self.search_many([(terms, phrases)], total, limit)[0]

    def search_many(
        self, queries: Sequence[tuple], total: int, limit: int = 500, cache: dict | None = None
    ) -> list[list]:
        """``search`` for several (terms, phrases) of one query at once, e.g. its own words and
        then its words with their other languages' forms: a posting list or a phrase's rows
        are read once for all of them, and a set that holds every part of the set before it
        (each term at the same weight) starts from that set's scores. ``cache``: as for
        ``concept_scores``."""
        out, before = [], None
        cache = {} if cache is None else cache
        for terms, phrases in queries:
            if (not terms and not phrases) or not len(self):
                out.append([])
                before = None
                continue
            singles, groups = self._weighted(terms, phrases, total)
            parts = self._parts(singles, groups, cache)
            if before is not None and all(
                parts.get(key, (0, 0, None))[2] == k for key, (_r, _w, k) in before[0].items()
            ):
                scores = before[1].copy()
                todo = [part for key, part in parts.items() if key not in before[0]]
            else:
                scores = np.zeros(len(self.ids), dtype=np.float64) if parts else None
                todo = list(parts.values())
            _add(scores, todo)
            before = (parts, scores) if scores is not None else None
            out.append(self._best(scores, singles, groups, limit))
        return out

    def _weighted(self, terms, phrases, total: int) -> tuple[list, list]:
        """(singles, groups): each term's id with its idf times its weight."""

        def idf(df: float, weight: float) -> float:
            return float(np.log1p((total - df + 0.5) / (df + 0.5)) * weight)

        singles = [(t, idf(df, w)) for t, (df, w) in sorted(terms.items())]
        groups = [[(t, idf(df, w)) for t, df, w in phrase] for phrase in phrases if phrase]
        return singles, groups

    def _best(self, scores, singles, groups, limit: int) -> list[tuple[int, float]]:
        found = {}
        if scores is not None:
            if self.hidden_count:
                scores[self.hidden] = 0
            found = _top(scores, self.ids, limit)
        found.update(self._overlay_scores(singles, groups))
        return sorted(found.items(), key=lambda item: (-item[1], item[0]))[:limit]

    def _postings(self, term_id: int) -> tuple[np.ndarray, np.ndarray] | None:
        """(rows, tf parts) of one term, rows ascending; None if no entry holds it."""
        position = int(np.searchsorted(self.terms, term_id))
        if position >= len(self.terms) or self.terms[position] != term_id:
            return None
        start, end = self.starts[position], self.starts[position + 1]
        return self.rows[start:end], self.weights[start:end]

    def _parts(self, singles, groups, cache: dict | None = None) -> dict:
        """key -> (rows, tf parts, factor): a term's postings, or one term's postings in the
        rows that hold every term of its phrase; ``cache`` keeps the phrases' rows for the
        next call of the same query."""
        cache = {} if cache is None else cache
        parts = {}
        for term_id, k in singles:
            if (got := self._postings(term_id)) is not None:
                parts[term_id] = (got[0], got[1], k)
        seen: dict[tuple, int] = {}
        for group in groups:
            key = tuple(term_id for term_id, _k in group)
            seen[key] = seen.get(key, -1) + 1  # a phrase named twice counts twice
            if (common := self._common(key, cache)) is None:
                continue
            if ("tf", key) not in cache:
                # each term's rows in the phrase's rows, in order: marked in one pass over each
                # list, which costs less than looking each row up in lists of 10,000s
                marked = np.zeros(len(self.ids), dtype=bool)
                marked[common] = True
                lists = [self._postings(term_id) for term_id in key]
                cache[("tf", key)] = [w[marked[rows]] for rows, w in lists]
            for n, ((_t, k), tf) in enumerate(zip(group, cache[("tf", key)], strict=True)):
                parts[(key, seen[key], n)] = (common, tf, k)
        return parts

    def _common(self, term_ids: tuple, cache: dict) -> np.ndarray | None:
        """The rows holding every one of ``term_ids`` (None if a term is held nowhere), kept
        in ``cache``."""
        if term_ids not in cache and term_ids in self.phrases:
            cache[term_ids] = self.phrases[term_ids]
        elif term_ids not in cache:
            lists = [self._postings(term_id) for term_id in term_ids]
            missing = any(got is None for got in lists)
            cache[term_ids] = None if missing else _common_rows([rows for rows, _w in lists])
        return cache[term_ids]

    def _base_scores(self, singles, groups) -> np.ndarray | None:
        """Each row's BM25 score. A term's rows are distinct, so its weights are added with one
        scatter (``scores[rows] += ...``) rather than gathered into one ``bincount``: the same
        sums, in the same order, without copying every posting of the query first."""
        parts = self._parts(singles, groups)
        if not parts:
            return None
        return _add(np.zeros(len(self.ids), dtype=np.float64), parts.values())

    def _overlay_scores(self, singles, groups) -> dict[int, float]:
        out = {}
        for pk, (postings, tf) in self.overlay.items():
            held = dict(zip(postings.tolist(), tf.tolist(), strict=True))
            length = np.array([tf.sum()], dtype=np.float32)
            parts = [(held[t], k) for t, k in singles if t in held]
            for group in groups:
                if all(t in held for t, _k in group):
                    parts += [(held[t], k) for t, k in group]
            if parts:
                counts = np.array([n for n, _k in parts], dtype=np.float32)
                factors = np.array([k for _n, k in parts], dtype=np.float32)
                out[pk] = float((self._tf_part(counts, length) * factors).sum())
        return out


class ConceptScores:
    """``LexicalIndex.concept_scores``: each entry's score, best entries and lookups by id."""

    def __init__(self, ids: np.ndarray, scores: np.ndarray, overlay: dict, weights: list):
        self.ids, self.scores, self.overlay, self.weights = ids, scores, overlay, weights

    def best(self, limit: int) -> list[tuple[int, float]]:
        """(object id, score) of the ``limit`` best entries, best first (ties by id)."""
        found = _top(self.scores, self.ids, limit)
        found.update(self.overlay)
        return sorted(found.items(), key=lambda item: (-item[1], item[0]))[:limit]

    def of(self, object_ids: Sequence[int]) -> np.ndarray:
        """The scores of ``object_ids`` (0 for an id with no entry)."""
        wanted = np.asarray(object_ids, dtype=np.int64)
        out = np.zeros(len(wanted))
        if len(self.ids) and len(wanted):
            at = np.minimum(np.searchsorted(self.ids, wanted), len(self.ids) - 1)
            found = self.ids[at] == wanted
            out[found] = self.scores[at[found]]
        for k, pk in enumerate(wanted.tolist()):
            if pk in self.overlay:
                out[k] = self.overlay[pk]
        return out


def _add(scores: np.ndarray, parts) -> np.ndarray:
    """``scores`` with each part's weights (rows, tf parts, factor) added, one scatter a part."""
    for rows, weights, k in parts:
        scores[rows] += weights * k
    return scores


def _top(scores: np.ndarray, ids: np.ndarray, limit: int) -> dict[int, float]:
    """id -> score of the ``limit`` best rows of ``scores`` that are above 0, ties broken by
    id. While many rows score, the rows above a threshold are found first (halved from the
    best score until enough are above it: a few comparisons of the whole array, each cheaper
    than one partition of it), and only those are ordered."""
    if limit <= 0 or not len(scores):
        return {}
    if np.count_nonzero(scores) > 4 * limit:
        threshold = float(scores.max()) / 2
        for _ in range(12):
            hits = np.flatnonzero(scores >= threshold)
            if len(hits) >= limit:
                break
            threshold /= 4
        else:
            hits = np.flatnonzero(scores > 0)
    else:
        hits = np.flatnonzero(scores > 0)
    if len(hits) > limit:  # the limit-th best score, and every row at or above it
        kth = np.partition(scores[hits], len(hits) - limit)[len(hits) - limit]
        hits = hits[scores[hits] >= kth]
    order = np.lexsort((ids[hits], -scores[hits]))[:limit]
    best = hits[order]
    return dict(zip(ids[best].tolist(), scores[best].tolist(), strict=True))


def _common_rows(lists: Sequence[np.ndarray]) -> np.ndarray:
    """The rows in every one of ``lists`` (each ascending, distinct), ascending: the shortest
    list looked up in the others (``np.intersect1d`` would sort them all together)."""
    lists = sorted(lists, key=len)
    common = lists[0]
    for other in lists[1:]:
        if not len(common):
            break
        at = np.minimum(np.searchsorted(other, common), len(other) - 1)
        common = common[other[at] == common]
    return common
