"""Writing the search index: one entry per program, analysed in every language it is written in."""

from collections.abc import Callable, Iterable

import numpy as np
from django.conf import settings
from django.db import transaction

from startup_street.programs.enums import SupportKind
from startup_street.programs.models import Program

from .analysers import tokenize
from .embeddings import get_embedder
from .models import SearchEntry

PROGRAM = "program"


def program_text(program: Program) -> str:
    """Everything a founder might search a program by, in every language it has."""
    parts = []
    for field in ("title", "title", "summary", "description"):  # the title counts twice
        parts += list((getattr(program, field) or {}).values())
    parts += list((program.organization.name or {}).values())
    parts += [text for sector in program.sectors.all() for text in sector.name.values()]
    parts.append(str(SupportKind(program.kind).label))
    return "\n".join(parts)


def semantic_text(program: Program) -> str:
    """What the embedding sees: titles and summaries, every language (descriptions are long)."""
    parts = [*(program.title or {}).values(), *(program.summary or {}).values()]
    return " · ".join(parts)[:2000]


def embedder():
    return get_embedder(settings.SEARCH_EMBEDDER)


def index_program(program: Program, vector: np.ndarray | None = None) -> SearchEntry:
    """Write the program's entry: analysed terms and its embedding, in the caller's transaction."""
    model = embedder()
    if vector is None:
        vector = model.encode([semantic_text(program)])[0]
    entry, _created = SearchEntry.objects.update_or_create(
        kind=PROGRAM,
        object_id=program.pk,
        defaults={
            "terms": " ".join(tokenize(program_text(program))),
            "embedding": np.asarray(vector, dtype=np.float32).tobytes(),
            "embedder": model.name,
        },
    )
    return entry


def remove_program(program_id: int) -> None:
    SearchEntry.objects.filter(kind=PROGRAM, object_id=program_id).delete()


def reindex(
    programs: Iterable[Program] | None = None, progress: Callable[[int], None] | None = None
) -> int:
    """Rebuild the entries of ``programs`` (default: all), in batches of one transaction each."""
    qs = programs if programs is not None else Program.objects.all()
    qs = qs.select_related("organization").prefetch_related("sectors").order_by("pk")
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
