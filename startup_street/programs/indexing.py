"""The programs' search entries: what a program is found by, written through the search
engine's services in the transaction that changes the program.

Keeping the index in step with programs is infrastructure, not business logic: ``connect()``
(called from ``ProgramsConfig.ready``) follows saves and deletes of programs and their calls,
so the index commits with the data.
"""

import contextlib
import contextvars
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save

from startup_street.organizations.models import Organization
from startup_street.organizations.signals import organizations_updated
from startup_street.search import services
from startup_street.search.hints import places_of
from startup_street.search.kinds import Kind, register
from startup_street.search.models import SearchEntry
from startup_street.search.services import PROGRAM
from startup_street.text.analysers import tokenize

from .eligibility import REVENUE_BANDS
from .enums import SupportKind
from .models import Call, Program


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
    parts += [program.city, *services.country_names(program.country)]  # every language
    return "\n".join(parts)


@functools.cache
def _kind_labels(kind: str) -> tuple[str, ...]:
    return services.in_every_language(SupportKind(kind).label)


def semantic_text(program: Program) -> str:
    """What the embeddings see: titles and summaries, every language (descriptions are long)."""
    return "\n".join(semantic_texts(program))


def semantic_texts(program: Program) -> list[str]:
    """The texts embedded, one row each: the titles with the summaries, and the titles alone
    (a short query sits near a title and far from a long text; a program is as near to a
    query as its nearest row)."""
    titles = list((program.title or {}).values())
    full = " · ".join([*titles, *(program.summary or {}).values()])[:2000]
    return [full, " · ".join(titles)[:2000]]


def program_fields(program: Program) -> dict:
    """The structured fields that ranking compares with what a query names: kind of support,
    place (the city's place concepts, so 서울, 首尔 and Seoul meet a place named in any
    language), sectors, languages, and the eligibility its calls state."""
    rules = [call.eligibility or {} for call in program.calls.all()]
    years = [rule.get("max_years_since_founding") for rule in rules]
    teams = [rule["team_size"] for rule in rules if isinstance(rule.get("team_size"), dict)]
    bands = [rule["max_revenue_band"] for rule in rules if rule.get("max_revenue_band")]
    return {
        "kind": program.kind,
        "city": program.city or "",
        "country": program.country or "",
        "places": places_of(program.city or ""),
        "sectors": sorted(sector.code for sector in program.sectors.all()),
        "languages": sorted(program.title or ()),
        "stages": sorted(program.stages or ()),
        "max_years": max(years) if years and None not in years else None,
        "team": [teams[0].get("min", 0), teams[0].get("max", 10_000)] if teams else None,
        "revenue": max(bands, key=REVENUE_BANDS.index) if bands else None,
    }


def index_program(program: Program, vector: np.ndarray | None = None) -> SearchEntry:
    """Write the program's analysed terms in the caller's transaction. Its embeddings are
    written too when ``vector`` (rows of ``semantic_texts``) is given; otherwise, if the text
    they are made from changed, a background job re-embeds it once the transaction commits
    (the old embeddings serve until then)."""
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
    extra = [{"fields": program_fields(program)} for program in programs]
    if vectors is not None:
        for n, rows in enumerate(vectors):
            extra[n].update(services.embedding_fields(rows, services.digest(texts[n])))
    entries = services.write_entries(PROGRAM, [p.pk for p in programs], tokens, extra)
    stale = [
        e.object_id
        for e, text in zip(entries, texts, strict=True)
        if e.embedded_digest != services.digest(text)
    ]
    if stale:
        from .tasks import task_embed_programs

        transaction.on_commit(lambda: task_embed_programs.enqueue(stale))
    return entries


def embed_programs(program_ids: Iterable[int]) -> int:
    """Embed the programs whose entry is missing or stale; idempotent. Returns how many."""
    programs = {p.pk: p for p in Program.objects.filter(pk__in=list(program_ids))}
    texts = {pk: semantic_text(program) for pk, program in programs.items()}
    stale = services.stale_embeddings(PROGRAM, texts)
    if not stale:
        return 0
    rows = _encode([semantic_texts(programs[pk]) for pk in stale])
    embedded = {
        pk: (vectors, services.digest(texts[pk])) for pk, vectors in zip(stale, rows, strict=True)
    }
    return services.store_embeddings(PROGRAM, embedded)


def _encode(texts: list[list[str]]) -> list[np.ndarray]:
    """Each program's rows of embeddings; identical texts (copied programs) embedded once."""
    unique = list(dict.fromkeys(text for group in texts for text in group))
    encoded = services.embedder().encode(unique)
    row = {text: n for n, text in enumerate(unique)}
    return [encoded[[row[text] for text in group]] for group in texts]


def programs_needing_indexing() -> QuerySet[Program]:
    """Programs whose search entry is missing or older than the program or its organisation
    (whose name it holds): written in bulk (an import), they wait for ``index_pending_programs``
    (the background job that the import enqueues, and the periodic sweep that catches a job
    lost on the way, or an organisation imported with a new name)."""
    current = SearchEntry.objects.filter(
        kind=PROGRAM,
        object_id=OuterRef("pk"),
        updated_at__gte=OuterRef("updated_at"),
    ).filter(updated_at__gte=OuterRef("organization__updated_at"))
    return Program.objects.exclude(Exists(current))


def index_pending_programs(program_ids: Iterable[int] | None = None, batch: int = 500) -> int:
    """Write the search entries of the programs that need them (of ``program_ids``, or all),
    a batch per transaction; their embeddings follow as a job of their own. Idempotent:
    programs indexed meanwhile are skipped. Returns how many were indexed."""
    pending = programs_needing_indexing()
    if program_ids is not None:
        pending = pending.filter(pk__in=list(program_ids))
    ids = list(pending.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        with transaction.atomic():
            programs = programs_needing_indexing().filter(pk__in=ids[start : start + batch])
            programs = programs.select_related("organization").prefetch_related("sectors", "calls")
            index_programs(list(programs))
    return len(ids)


def remove_program(program_id: int) -> None:
    services.remove_entry(PROGRAM, program_id)


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
        services.remove_entries_except(PROGRAM, Program.objects.values("pk"))
    if progress:
        progress(done)
    return done


@transaction.atomic
def _write(programs: list[Program]) -> int:
    if not programs:
        return 0
    index_programs(programs, _encode([semantic_texts(p) for p in programs]))
    return len(programs)


# --- keeping the index in step ------------------------------------------------------------

# Inside ``deferred_indexing()`` the saves of programs and calls only note the program; the
# notes are indexed by one background job once the transaction commits (an admin import saves
# each row, its sectors and its call: three entries written a row otherwise).
_deferred: contextvars.ContextVar[set[int] | None] = contextvars.ContextVar(
    "deferred_program_indexing", default=None
)


@contextlib.contextmanager
def deferred_indexing(*, enqueue: bool = True) -> Iterator[set[int]]:
    """Index the programs saved inside the block together, by one job enqueued when the block
    has ended (at the commit of an enclosing transaction, if any); until it runs they are
    listed by ``programs_needing_indexing`` and swept up if it is lost. ``enqueue=False`` (an
    import's preview, rolled back) or an error leaves them to the sweep."""
    waiting: set[int] = set()
    token = _deferred.set(waiting)
    try:
        yield waiting
    finally:
        _deferred.reset(token)
    if enqueue and waiting:
        from .tasks import task_index_programs

        transaction.on_commit(lambda: task_index_programs.enqueue(sorted(waiting)))


def _index_or_defer(program: Program) -> None:
    waiting = _deferred.get()
    if waiting is None:
        index_program(program)
    else:
        waiting.add(program.pk)


def _program_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _index_or_defer(instance)


def _sectors_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Program):
        _index_or_defer(instance)


def _program_deleted(sender, instance, **kwargs):
    remove_program(instance.pk)


def _call_changed(sender, instance, raw=False, **kwargs):
    # A call's title is searched as part of its program's entry.
    if not raw and Program.objects.filter(pk=instance.program_id).exists():
        _index_or_defer(instance.program)


def _call_deleted(sender, instance, origin=None, **kwargs):
    # Deleting a program (or its organisation) deletes its calls first, while the program row
    # is still there: its entry goes with it, so only a deletion of calls themselves re-indexes.
    if origin is None or isinstance(origin, Call) or getattr(origin, "model", None) is Call:
        _call_changed(sender, instance)


def _organization_saved(sender, instance, raw=False, created=False, **kwargs):
    # A program is found by its organisation's name: an edited organisation's programs are
    # indexed again in its transaction (an organisation written in bulk, by an import, leaves
    # them to ``programs_needing_indexing`` and the sweep).
    if raw or created:
        return
    programs = instance.programs.select_related("organization").prefetch_related("sectors", "calls")
    ids = list(programs.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), 500):
        index_programs(list(programs.filter(pk__in=ids[start : start + 500])))


def _organizations_imported(sender, ids, **kwargs):
    from .tasks import task_index_programs

    programs = list(Program.objects.filter(organization__in=ids).values_list("pk", flat=True))
    if programs:
        transaction.on_commit(lambda: task_index_programs.enqueue(programs))


def connect() -> None:
    """Follow programs, their calls and their organisation's name into the search index;
    register the program kind."""
    uid = "programs.search"
    post_save.connect(_organization_saved, sender=Organization, dispatch_uid=f"{uid}.org_saved")
    organizations_updated.connect(_organizations_imported, dispatch_uid=f"{uid}.orgs_imported")
    post_save.connect(_program_saved, sender=Program, dispatch_uid=f"{uid}.saved")
    m2m_changed.connect(
        _sectors_changed, sender=Program.sectors.through, dispatch_uid=f"{uid}.sectors"
    )
    post_delete.connect(_program_deleted, sender=Program, dispatch_uid=f"{uid}.deleted")
    post_save.connect(_call_changed, sender=Call, dispatch_uid=f"{uid}.call_saved")
    post_delete.connect(_call_deleted, sender=Call, dispatch_uid=f"{uid}.call_deleted")
    register(Kind(PROGRAM, "programs", reindex, count=Program.objects.count))
