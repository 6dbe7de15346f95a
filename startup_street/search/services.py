"""Writing the search index: one entry per program, analysed in every language it is written in."""

import functools
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone, translation

from startup_street.core.enums import Country
from startup_street.programs.enums import SupportKind
from startup_street.programs.models import Program

from .analysers import tokenize
from .embeddings import get_embedder
from .lexical import decode_postings, encode_postings
from .models import IndexGeneration, SearchEntry, SearchTerm

PROGRAM = "program"
STARTUP = "startup"
MENTOR = "mentor"
INDEX_LANGUAGES = ("ko", "zh-hans", "en")


def program_text(program: Program) -> str:
    """Everything a founder might search a program by, in every language it has: titles
    (counted twice), summaries, descriptions, its calls' titles, the organisation, sectors and
    the kind of support named in every interface language."""
    parts = []
    for field in ("title", "title", "summary", "description"):
        parts += list((getattr(program, field) or {}).values())
    parts += [text for call in program.calls.all() for text in (call.title or {}).values()]
    parts += list((program.organization.name or {}).values())
    parts += [text for sector in program.sectors.all() for text in sector.name.values()]
    parts += _kind_labels(program.kind)
    parts += [program.city, *_country_names(program.country)]  # a place in every language
    return "\n".join(parts)


def _in_every_language(label) -> tuple[str, ...]:
    labels = []
    for language in INDEX_LANGUAGES:
        with translation.override(language):
            labels.append(str(label))
    return tuple(dict.fromkeys(labels))


@functools.cache
def _kind_labels(kind: str) -> tuple[str, ...]:
    return _in_every_language(SupportKind(kind).label)


@functools.cache
def _country_names(code: str) -> tuple[str, ...]:
    return _in_every_language(Country(code).label) if code in Country.values else ()


def semantic_text(program: Program) -> str:
    """What the embedding sees: titles and summaries, every language (descriptions are long)."""
    parts = [*(program.title or {}).values(), *(program.summary or {}).values()]
    return " · ".join(parts)[:2000]


def embedder():
    return get_embedder(settings.SEARCH_EMBEDDER)


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def bump_generation(kind: str = PROGRAM) -> None:
    """Tell every process's caches that the entries of ``kind`` changed (same transaction)."""
    if not IndexGeneration.objects.filter(kind=kind).update(generation=F("generation") + 1):
        IndexGeneration.objects.get_or_create(kind=kind, defaults={"generation": 1})


def index_program(program: Program, vector: np.ndarray | None = None) -> SearchEntry:
    """Write the program's analysed terms in the caller's transaction. Its embedding is written
    too when ``vector`` is given; otherwise, if the text it is made from changed, a background
    job re-embeds it once the transaction commits (the old embedding serves until then)."""
    return index_programs([program], None if vector is None else [vector])[0]


def index_programs(
    programs: list[Program],
    vectors: Sequence[np.ndarray] | None = None,
    tokens: Sequence[list[str]] | None = None,
) -> list[SearchEntry]:
    """``index_program`` for many programs: one read of their old terms, one update of the
    term counts and of the index generation. ``tokens`` are their analysed texts when the
    caller has them already."""
    if tokens is None:
        tokens = [tokenize(program_text(program)) for program in programs]
    texts = [semantic_text(program) for program in programs]
    extra = [{} for _p in programs]
    if vectors is not None:
        model_name = embedder().name
        for n, vector in enumerate(vectors):
            extra[n] = {
                "embedding": np.asarray(vector, dtype=np.float32).tobytes(),
                "embedder": model_name,
                "embedded_digest": digest(texts[n]),
            }
    entries = write_entries(PROGRAM, [p.pk for p in programs], tokens, extra)
    stale = [
        e.object_id
        for e, text in zip(entries, texts, strict=True)
        if e.embedded_digest != digest(text)
    ]
    if stale:
        from .tasks import task_embed_programs

        transaction.on_commit(lambda: task_embed_programs.enqueue(stale))
    return entries


@transaction.atomic  # its own savepoint when the caller has a transaction already
def write_entries(
    kind: str, object_ids: list[int], tokens: Sequence[list[str]], extra: Sequence[dict]
) -> list[SearchEntry]:
    """Write entries of ``kind`` (terms, postings, any ``extra`` fields), the terms new to the
    vocabulary and the generation, in the caller's transaction: one read of the existing
    entries, one insert and one update, however many there are."""
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


def index_startup(startup) -> SearchEntry:
    """A startup's entry (staff search): name, pitch and description in every language,
    sectors, city and country."""
    parts = [startup.name, *(startup.tagline or {}).values(), *(startup.description or {}).values()]
    parts += [text for sector in startup.sectors.all() for text in sector.name.values()]
    parts += [startup.city, startup.region, *_country_names(startup.country)]
    return write_entries(STARTUP, [startup.pk], [tokenize("\n".join(filter(None, parts)))], [{}])[0]


def index_mentor(profile) -> SearchEntry:
    """A mentor's entry (staff search): name, headline, biography, expertise, languages."""
    parts = [profile.user.display_name, *(profile.headline or {}).values()]
    parts += [*(profile.bio or {}).values(), *profile.languages]
    parts += [text for sector in profile.expertise.all() for text in sector.name.values()]
    return write_entries(MENTOR, [profile.pk], [tokenize("\n".join(filter(None, parts)))], [{}])[0]


@transaction.atomic
def remove_entry(kind: str, object_id: int) -> None:
    """Remove an entry (its terms stay in the vocabulary until ``prune_terms``)."""
    if SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()[0]:
        bump_generation(kind)


def embed_programs(program_ids: Iterable[int]) -> int:
    """Embed the programs whose entry is missing or stale; idempotent. Returns how many."""
    model = embedder()
    entries = {
        e.object_id: e
        for e in SearchEntry.objects.filter(kind=PROGRAM, object_id__in=list(program_ids))
    }
    programs = Program.objects.filter(pk__in=entries).prefetch_related("sectors")
    stale = [
        (program, text)
        for program in programs
        for text in [semantic_text(program)]
        if entries[program.pk].embedded_digest != digest(text)
        or entries[program.pk].embedder != model.name
    ]
    if not stale:
        return 0
    vectors = model.encode([text for _p, text in stale])
    now = timezone.now()
    with transaction.atomic():
        for (program, text), vector in zip(stale, vectors, strict=True):
            SearchEntry.objects.filter(pk=entries[program.pk].pk).update(
                embedding=vector.astype(np.float32).tobytes(),
                embedder=model.name,
                embedded_digest=digest(text),
                updated_at=now,
            )
        bump_generation(PROGRAM)
    return len(stale)


def remove_program(program_id: int) -> None:
    remove_entry(PROGRAM, program_id)


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


def reindex_people(progress: Callable[[int], None] | None = None) -> int:
    """Rebuild the staff search's entries of every startup and mentor."""
    from startup_street.mentoring.models import MentorProfile
    from startup_street.startups.models import Startup

    done = 0
    with transaction.atomic():
        SearchEntry.objects.filter(kind__in=[STARTUP, MENTOR]).delete()
        SearchTerm.objects.filter(kind__in=[STARTUP, MENTOR]).delete()
        for startup in Startup.objects.prefetch_related("sectors").iterator(chunk_size=500):
            index_startup(startup)
            done += 1
        profiles = MentorProfile.objects.select_related("user").prefetch_related("expertise")
        for profile in profiles.iterator(chunk_size=500):
            index_mentor(profile)
            done += 1
    if progress:
        progress(done)
    return done


def reindex(
    programs: Iterable[Program] | None = None, progress: Callable[[int], None] | None = None
) -> int:
    """Rebuild the entries of ``programs`` (default: all), in batches of one transaction each."""
    qs = programs if programs is not None else Program.objects.all()
    qs = qs.select_related("organization").prefetch_related("sectors", "calls").order_by("pk")
    done = 0
    batch: list[Program] = []
    for program in qs.iterator(chunk_size=500):
        batch.append(program)
        if len(batch) == 500:
            done += _write(batch)
            batch = []
            if progress:
                progress(done)
    done += _write(batch)
    if programs is None:  # a full rebuild also clears what no longer exists
        SearchEntry.objects.filter(kind=PROGRAM).exclude(
            object_id__in=Program.objects.values("pk")
        ).delete()
        with transaction.atomic():
            prune_terms(PROGRAM)
            bump_generation(PROGRAM)
    if progress:
        progress(done)
    return done


@transaction.atomic
def _write(programs: list[Program]) -> int:
    if not programs:
        return 0
    texts = [semantic_text(p) for p in programs]
    unique = list(dict.fromkeys(texts))  # identical texts (copied programs) embedded once
    encoded = embedder().encode(unique)
    row = {text: n for n, text in enumerate(unique)}
    index_programs(programs, encoded[[row[text] for text in texts]])
    return len(programs)
