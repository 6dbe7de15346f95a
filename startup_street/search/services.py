"""Writing the search index: entries of analysed terms, postings, embeddings and the structured
fields that ranking compares with a query, for any kind of object.

The search app knows no model above it: each app that has searchable objects writes their
entries through ``write_entries`` / ``store_embeddings`` (programs: ``programs/indexing.py``,
mentors: ``mentoring/indexing.py``) and registers its kind (``kinds.py``). Startups, which sit
below search, are indexed here.
"""

import functools
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone, translation

from startup_street.core.enums import Country
from startup_street.text.analysers import tokenize
from startup_street.text.embeddings import get_embedder
from startup_street.text.lexical import decode_postings, encode_postings

from .models import IndexGeneration, SearchEntry, SearchTerm

PROGRAM = "program"
STARTUP = "startup"
MENTOR = "mentor"
INDEX_LANGUAGES = ("ko", "zh-hans", "en")


def in_every_language(label) -> tuple[str, ...]:
    """A lazily translated label in each interface language, repeats dropped."""
    labels = []
    for language in INDEX_LANGUAGES:
        with translation.override(language):
            labels.append(str(label))
    return tuple(dict.fromkeys(labels))


@functools.cache
def country_names(code: str) -> tuple[str, ...]:
    return in_every_language(Country(code).label) if code in Country.values else ()


def embedder():
    return get_embedder(settings.SEARCH_EMBEDDER, threads=settings.SEARCH_BLAS_THREADS)


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def bump_generation(kind: str = PROGRAM) -> None:
    """Tell every process's caches that the entries of ``kind`` changed (same transaction)."""
    if not IndexGeneration.objects.filter(kind=kind).update(generation=F("generation") + 1):
        IndexGeneration.objects.get_or_create(kind=kind, defaults={"generation": 1})


def embedding_fields(vectors: np.ndarray, text_digest: str) -> dict:
    """The entry fields that hold one object's embeddings (one row per embedded text)."""
    return {
        "embedding": np.asarray(vectors, dtype=np.float32).tobytes(),
        "embedder": embedder().name,
        "embedded_digest": text_digest,
    }


@transaction.atomic  # its own savepoint when the caller has a transaction already
def write_entries(
    kind: str, object_ids: list[int], tokens: Sequence[list[str]], extra: Sequence[dict]
) -> list[SearchEntry]:
    """Write entries of ``kind`` (terms, postings, any ``extra`` fields: ``fields``, the
    embedding's), the terms new to the vocabulary and the generation, in the caller's
    transaction: one read of the existing entries, one insert and one update, however many
    there are."""
    analysed = [Counter(terms) for terms in tokens]
    ids = term_ids(kind, set().union(*analysed))
    existing = {
        entry.object_id: entry
        for entry in SearchEntry.objects.filter(kind=kind, object_id__in=object_ids).defer(
            "terms", "postings", "embedding"
        )
    }
    now = timezone.now()
    entries, new, changed = [], [], {"terms", "postings", "updated_at"}
    for n, (object_id, counts) in enumerate(zip(object_ids, analysed, strict=True)):
        entry = existing.get(object_id)
        if entry is None:
            entry = SearchEntry(kind=kind, object_id=object_id)
            new.append(entry)
        entry.terms = " ".join(tokens[n])  # in order: PostgreSQL matches phrases by position
        entry.postings = encode_postings({ids[term]: k for term, k in counts.items()})
        entry.updated_at = now
        for name, value in extra[n].items():
            setattr(entry, name, value)
        changed.update(extra[n])
        entries.append(entry)
    SearchEntry.objects.bulk_create(new, batch_size=500)
    SearchEntry.objects.bulk_update(
        [entry for entry in entries if entry.object_id in existing], sorted(changed), batch_size=500
    )
    bump_generation(kind)
    return entries


def stale_embeddings(kind: str, texts: Mapping[int, str]) -> list[int]:
    """The objects of ``texts`` (object id -> the text its embedding is made from) whose entry
    was embedded from another text or by another model."""
    model = embedder().name
    entries = SearchEntry.objects.filter(kind=kind, object_id__in=list(texts))
    held = {
        pk: (d, name)
        for pk, d, name in entries.values_list("object_id", "embedded_digest", "embedder")
    }
    return [pk for pk, text in texts.items() if pk in held and held[pk] != (digest(text), model)]


@transaction.atomic
def store_embeddings(kind: str, embedded: Mapping[int, tuple[np.ndarray, str]]) -> int:
    """Write embeddings (object id -> (rows, the digest of the text they were made from)) to
    the existing entries of ``kind``; returns how many."""
    now = timezone.now()  # an update() leaves auto_now alone: the views read changes by it
    for object_id, (vectors, text_digest) in embedded.items():
        SearchEntry.objects.filter(kind=kind, object_id=object_id).update(
            **embedding_fields(vectors, text_digest), updated_at=now
        )
    if embedded:
        bump_generation(kind)
    return len(embedded)


def index_startup(startup) -> SearchEntry:
    """A startup's entry (staff search): name, pitch and description in every language,
    sectors, city and country."""
    parts = [startup.name, *(startup.tagline or {}).values(), *(startup.description or {}).values()]
    parts += [text for sector in startup.sectors.all() for text in sector.name.values()]
    parts += [startup.city, startup.region, *country_names(startup.country)]
    return write_entries(STARTUP, [startup.pk], [tokenize("\n".join(filter(None, parts)))], [{}])[0]


def reindex_startups(progress: Callable[[int], None] | None = None) -> int:
    """Rebuild the staff search's entries of every startup."""
    from startup_street.startups.models import Startup

    done = 0
    with transaction.atomic():
        SearchEntry.objects.filter(kind=STARTUP).delete()
        SearchTerm.objects.filter(kind=STARTUP).delete()
        for startup in Startup.objects.prefetch_related("sectors").iterator(chunk_size=500):
            index_startup(startup)
            done += 1
    if progress:
        progress(done)
    return done


@transaction.atomic
def remove_entry(kind: str, object_id: int) -> None:
    """Remove an entry (its terms stay in the vocabulary until ``prune_terms``)."""
    if SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()[0]:
        bump_generation(kind)


def remove_entries_except(kind: str, object_ids) -> None:
    """After a full rebuild: drop the entries of ``kind`` whose object is not in ``object_ids``
    (a queryset of ids or a list), prune the vocabulary and move the generation."""
    SearchEntry.objects.filter(kind=kind).exclude(object_id__in=object_ids).delete()
    with transaction.atomic():
        prune_terms(kind)
        bump_generation(kind)


def term_ids(kind: str, terms: Iterable[str]) -> dict[str, int]:
    """The vocabulary ids of ``terms``, adding the ones it lacks. Existing rows are only read,
    never updated: a term shared by many entries is no row that every write must lock (in one
    transaction writing thousands of entries, PostgreSQL would walk each updated row's chain of
    versions again at every write)."""

    def chunks(items: list[str]):
        return (items[start : start + 500] for start in range(0, len(items), 500))

    def read(items: list[str]) -> None:
        for chunk in chunks(items):
            rows = SearchTerm.objects.filter(kind=kind, term__in=chunk)
            out.update(rows.values_list("term", "pk"))

    terms, out = set(terms), {}
    read(sorted(terms))
    missing = sorted(terms - out.keys())
    table = SearchTerm._meta.db_table
    with connection.cursor() as cursor:
        for chunk in chunks(missing):
            cursor.execute(
                f"INSERT INTO {table} (kind, term) VALUES "  # noqa: S608 - no user text
                + ", ".join(["(%s, %s)"] * len(chunk))
                + " ON CONFLICT (kind, term) DO NOTHING",
                [value for term in chunk for value in (kind, term)],
            )
    read(missing)
    return out


def prune_terms(kind: str = PROGRAM) -> int:
    """Delete the vocabulary's terms that no entry of ``kind`` holds any more (after a full
    reindex); returns how many terms remain."""
    held: set[int] = set()
    entries = SearchEntry.objects.filter(kind=kind).values_list("postings", flat=True)
    for blob in entries.iterator(chunk_size=2000):
        held.update(decode_postings(bytes(blob or b""))[0].tolist())
    stale = set(SearchTerm.objects.filter(kind=kind).values_list("pk", flat=True)) - held
    stale_ids = sorted(stale)
    for start in range(0, len(stale_ids), 5000):
        SearchTerm.objects.filter(pk__in=stale_ids[start : start + 5000]).delete()
    return len(held)
