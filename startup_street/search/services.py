"""Writing the search index: one entry per program, analysed in every language it is written in."""

from collections.abc import Callable, Iterable

from django.db import transaction

from startup_street.programs.enums import SupportKind
from startup_street.programs.models import Program

from .analysers import tokenize
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


def index_program(program: Program) -> SearchEntry:
    terms = " ".join(tokenize(program_text(program)))
    entry, _created = SearchEntry.objects.update_or_create(
        kind=PROGRAM, object_id=program.pk, defaults={"terms": terms}
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
    for program in programs:
        index_program(program)
    return len(programs)
