"""Writing the search index: one entry per program, analysed in every language it is written in."""

import functools
import hashlib
from collections.abc import Callable, Iterable

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation

from startup_street.programs.enums import SupportKind
from startup_street.programs.models import Program

from .analysers import tokenize
from .embeddings import get_embedder
from .models import IndexGeneration, SearchEntry

PROGRAM = "program"
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
    return "\n".join(parts)


@functools.cache
def _kind_labels(kind: str) -> tuple[str, ...]:
    labels = []
    for language in INDEX_LANGUAGES:
        with translation.override(language):
            labels.append(str(SupportKind(kind).label))
    return tuple(dict.fromkeys(labels))


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
    too when ``vector`` is given (a batch reindex); otherwise, if the text it is made from
    changed, a background job re-embeds it once the transaction commits (the old embedding
    serves until then)."""
    text = semantic_text(program)
    defaults = {"terms": " ".join(tokenize(program_text(program)))}
    if vector is not None:
        defaults.update(
            embedding=np.asarray(vector, dtype=np.float32).tobytes(),
            embedder=embedder().name,
            embedded_digest=digest(text),
        )
    entry, _created = SearchEntry.objects.update_or_create(
        kind=PROGRAM, object_id=program.pk, defaults=defaults
    )
    bump_generation(PROGRAM)
    if entry.embedded_digest != digest(text):
        from .tasks import task_embed_programs

        transaction.on_commit(lambda: task_embed_programs.enqueue([program.pk]))
    return entry


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
    SearchEntry.objects.filter(kind=PROGRAM, object_id=program_id).delete()
    bump_generation(PROGRAM)


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
    if progress:
        progress(done)
    return done


@transaction.atomic
def _write(programs: list[Program]) -> int:
    if not programs:
        return 0
    vectors = embedder().encode([semantic_text(p) for p in programs])  # one batch
    for program, vector in zip(programs, vectors, strict=True):
        index_program(program, vector)
    return len(programs)
