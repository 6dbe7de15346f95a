"""What the health endpoint checks: the database, migrations, the task queue's backlog and the
search models. Each check is a small function returning a :class:`Check`; ``run_checks`` runs
them all, each one's failure caught and named, so one broken part never hides another.

``ok`` and ``degraded`` answer 200 (the process serves; ``degraded``: search has fallen back to
character hashing, or imported programs have waited too long for their search entries, which
staff also see in the admin); ``failed`` answers 503.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

OK, DEGRADED, FAILED = "ok", "degraded", "failed"
_RANK = {OK: 0, DEGRADED: 1, FAILED: 2}


@dataclass(frozen=True)
class Check:
    name: str
    status: str
    detail: str = ""
    warning: str = field(default="", compare=False)  # translated, shown to staff in the admin


@dataclass(frozen=True)
class Report:
    checks: list[Check]

    @property
    def status(self) -> str:
        return max((check.status for check in self.checks), key=_RANK.__getitem__, default=OK)

    def as_dict(self) -> dict:
        return {
            "status": self.status,
            "checks": {c.name: {"status": c.status, "detail": c.detail} for c in self.checks},
        }


def check_database() -> Check:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return Check("database", OK, connection.vendor)


_migrated = False  # once every migration is applied, a running process's code cannot regress


def check_migrations() -> Check:
    global _migrated
    if not _migrated:
        from .server import unapplied_migrations

        unapplied = unapplied_migrations()
        if unapplied:
            return Check(
                "migrations",
                FAILED,
                f"{len(unapplied)} not applied (first: {unapplied[0]}): run startup-street migrate",
            )
        _migrated = True
    return Check("migrations", OK, "all applied")


def check_tasks() -> Check:
    """A database queue whose oldest ready job waits longer than HEALTH_TASK_MAX_WAIT seconds
    has no worker taking jobs (or too few)."""
    from django_tasks import task_backends
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    from .models import DeadLetter

    if not isinstance(task_backends["default"], DatabaseBackend):
        return Check("tasks", OK, "jobs run in the web process")
    ready = DBTaskResult.objects.ready()
    waiting = ready.count()
    dead = DeadLetter.objects.filter(rerun_at__isnull=True).count()
    summary = f"{waiting} waiting, {dead} dead letter(s)"
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    if oldest is not None:
        age = (timezone.now() - oldest).total_seconds()
        if age > settings.HEALTH_TASK_MAX_WAIT:
            return Check(
                "tasks",
                FAILED,
                f"{summary}; the oldest for {age:.0f} s: is `startup-street worker` running?",
                _("Background jobs are waiting: no worker is taking them."),
            )
    return Check("tasks", OK, summary)


def check_search() -> Check:
    """Whether search has its embedding model or fell back to character hashing. The one place
    that asks the search package; repoint it if that package offers its own status."""
    from startup_street.text import embeddings

    wanted = embeddings.canonical_name(settings.SEARCH_EMBEDDER)
    if wanted == embeddings.HASHING:
        return Check("search", OK, "character hashing, as configured")
    loaded = embeddings._cache.get(wanted)  # noqa: SLF001 - peek only: never load it here
    if loaded is None:
        if embeddings.available_embedders() == [embeddings.HASHING]:
            return _fallen_back("no embedding model is installed")
        return Check("search", OK, "embedding model not loaded in this process yet")
    if loaded.name == embeddings.HASHING:
        return _fallen_back(f"{wanted} could not be loaded")
    return Check("search", OK, loaded.name)


def _fallen_back(reason: str) -> Check:
    return Check(
        "search",
        DEGRADED,
        f"{reason}: search falls back to character hashing (no cross-language matches)",
        _(
            "Search has fallen back to character hashing: the embedding model could not be "
            "loaded, so queries no longer find programs written in other languages."
        ),
    )


def check_indexing() -> Check:
    """Programs written in bulk (an import) wait for their search entries, written by a job the
    import enqueues and by a sweep every ten minutes. One waiting longer than
    HEALTH_INDEX_MAX_WAIT seconds is missing from search: the jobs are not running."""
    from django.db.models import Count, Min

    from startup_street.programs.indexing import programs_needing_indexing

    pending = programs_needing_indexing().aggregate(n=Count("pk"), oldest=Min("updated_at"))
    waiting = pending["n"]
    summary = f"{waiting} program(s) waiting for their search entries"
    if pending["oldest"] is not None:
        age = (timezone.now() - pending["oldest"]).total_seconds()
        if age > settings.HEALTH_INDEX_MAX_WAIT:
            return Check(
                "indexing",
                DEGRADED,
                f"{summary}; the oldest for {age:.0f} s: are the background jobs running?",
                ngettext(
                    "%(count)d program is waiting to be indexed and cannot be found by search "
                    "yet: background jobs are not running.",
                    "%(count)d programs are waiting to be indexed and cannot be found by search "
                    "yet: background jobs are not running.",
                    waiting,
                )
                % {"count": waiting},
            )
    return Check("indexing", OK, summary)


CHECKS = (check_database, check_migrations, check_tasks, check_search, check_indexing)


def run_checks() -> Report:
    results = []
    for check in CHECKS:
        name = check.__name__.removeprefix("check_")
        started = time.perf_counter()
        try:
            result = check()
        except Exception as error:  # noqa: BLE001 - a health check reports, never raises
            result = Check(name, FAILED, f"{type(error).__name__}: {error}")
        if result.status != OK:
            logger.warning("health: %s %s (%s)", result.name, result.status, result.detail)
        logger.debug("health: %s in %.3f s", result.name, time.perf_counter() - started)
        results.append(result)
    return Report(results)
