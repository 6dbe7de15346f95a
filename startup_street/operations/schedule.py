"""The periodic schedule, kept by every ``startup-street worker`` (no crontab).

APScheduler's cron triggers fire in a thread of each worker; at each firing the worker claims
the job's slot (the minute it fired for) with a unique row, and only the worker that claimed it
enqueues the job. So any number of workers on any number of machines enqueue each job once per
slot, and the schedule keeps running while one worker is left.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from django.db import IntegrityError, connection, transaction
from django.utils.module_loading import import_string

from startup_street.core.periodic import PeriodicJob, periodic_jobs

from .models import ScheduledRun

logger = logging.getLogger(__name__)


def slot_of(moment: datetime) -> datetime:
    """The minute a firing belongs to: the nearest, so clocks a little apart agree."""
    return (moment + timedelta(seconds=30)).replace(second=0, microsecond=0)


def enqueue_once(job: PeriodicJob, *, slot: datetime) -> bool:
    """Enqueue ``job`` for ``slot`` unless some worker already has; True when this one did."""
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(job=job.name, slot=slot)
            result = import_string(job.task).enqueue()
            run.task_result_id = result.id
            run.save(update_fields=["task_result_id"])
    except IntegrityError:
        return False
    logger.info("periodic job %s enqueued for %s", job.name, slot.isoformat())
    return True


def _fire(job: PeriodicJob) -> None:
    try:
        enqueue_once(job, slot=slot_of(datetime.now(UTC)))
    except Exception:  # a scheduler thread must outlive one failed firing
        logger.exception("periodic job %s could not be enqueued", job.name)
    finally:
        connection.close()  # this thread's own connection


def start(jobs: list[PeriodicJob] | None = None):
    """Start the schedule in a background thread; returns the scheduler (``shutdown()`` it)."""
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.triggers.cron import CronTrigger

    scheduler = BackgroundScheduler(timezone=UTC)
    for job in periodic_jobs() if jobs is None else jobs:
        scheduler.add_job(
            _fire,
            CronTrigger.from_crontab(job.cron, timezone=UTC),
            args=[job],
            id=job.name,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=300,
        )
    scheduler.start()
    for entry in scheduler.get_jobs():
        logger.info("schedule: %s next at %s", entry.id, entry.next_run_time)
    return scheduler
