"""The mined term lexicon: ko / en / zh index terms paired by ``bench/mine_terms.py`` from
aligned news sentences (NTREX-128), each pair confirmed by the multilingual embedding model.

A second, weaker bridge between languages than the hand-written term dictionary (``terms.tsv``):
a query's term that names no concept of the dictionary is expanded with its mined translations,
at a lower weight; a term the dictionary knows keeps the dictionary's forms only. The file is
read once per process; a row that is malformed (wrong number of columns, an unknown language, a
term that is not letters and digits, a score that is not a number) is skipped.
"""

from __future__ import annotations

import csv
import functools
import logging
import math
from collections.abc import Iterable
from pathlib import Path

from .analysers import LANGS, MAX_TERM_CHARS, match_concepts

logger = logging.getLogger(__name__)

MINED_PATH = Path(__file__).parent / "data" / "mined_terms.tsv"
COLUMNS = ("lang_a", "term_a", "lang_b", "term_b", "score", "shared", "cosine", "source")
MAX_MINED_TERMS = 16  # mined translations a query adds, at most
MINED_WEIGHT = 0.5  # a mined translation's weight in the expanded BM25, beside 1 for the others


@functools.cache
def mined_lexicon() -> dict[str, tuple[str, ...]]:
    """The shipped lexicon, read once per process."""
    return read_mined(MINED_PATH)


def read_mined(path: Path = MINED_PATH) -> dict[str, tuple[str, ...]]:
    """Index term -> its mined translations (other languages), best-scored first."""
    pairs: dict[str, list[tuple[float, str]]] = {}
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError:
        logger.warning("no mined term lexicon at %s", path)
        return {}
    with handle:
        for row in csv.reader(handle, delimiter="\t"):
            pair = _pair(row)
            if pair:
                left, right, score = pair
                pairs.setdefault(left, []).append((score, right))
                pairs.setdefault(right, []).append((score, left))
    return {term: tuple(t for _s, t in sorted(got, reverse=True)) for term, got in pairs.items()}


def _pair(row: list[str]) -> tuple[str, str, float] | None:
    if len(row) != len(COLUMNS) or row[0] == COLUMNS[0]:
        return None
    lang_a, term_a, lang_b, term_b, score_text = (cell.strip() for cell in row[:5])
    if lang_a not in LANGS or lang_b not in LANGS or lang_a == lang_b:
        return None
    if not all(_usable(term) for term in (term_a, term_b)):
        return None
    try:
        score = float(score_text)
    except ValueError:
        return None
    return (term_a, term_b, score) if math.isfinite(score) and score > 0 else None


def _usable(term: str) -> bool:
    return bool(term) and term.isalnum() and len(term) <= MAX_TERM_CHARS


def mined_translations(terms: Iterable[str], known: Iterable[str] = ()) -> list[str]:
    """The mined translations of the ``terms`` that name no concept of the term dictionary,
    less the terms themselves and ``known`` (e.g. the dictionary's expansions), at most
    ``MAX_MINED_TERMS``, each term's best first."""
    lexicon = mined_lexicon()
    terms = list(terms)
    skip = set(terms) | set(known)
    out: list[str] = []
    for term in terms:
        if term not in lexicon or match_concepts([term]):
            continue
        for found in lexicon[term]:
            if found not in skip and len(out) < MAX_MINED_TERMS:
                skip.add(found)
                out.append(found)
    return out
