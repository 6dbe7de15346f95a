"""Writes of the operations app: what a failed job becomes, and re-running a dead letter."""

from __future__ import annotations

import logging
import random
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.compat import Task, TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import DeadLetter

logger = logging.getLogger(__name__)


def is_transient(exception_class_path: str) -> bool:
    """Whether the error is one worth trying again (settings.TASKS_TRANSIENT_ERRORS)."""
    try:
        error = import_string(exception_class_path)
    except ImportError:
        return False
    transient = tuple(import_string(path) for path in settings.TASKS_TRANSIENT_ERRORS)
    return isinstance(error, type) and issubclass(error, transient)


def retry_delay(attempt: int) -> float:
    """Seconds before attempt ``attempt + 1``: the back-off doubled each time, +-20% jitter."""
    delay = settings.TASKS_RETRY_BACKOFF * 2 ** (attempt - 1)
    return min(delay, settings.TASKS_RETRY_MAX_DELAY) * random.uniform(0.8, 1.2)


def retry_or_bury(*, result: DBTaskResult) -> DeadLetter | None:
    """After a failed attempt: queue the job again later when its error is transient and it
    has attempts left, else record it as a dead letter (returned)."""
    attempts = len(result.worker_ids)
    if is_transient(result.exception_class_path) and attempts < settings.TASKS_MAX_ATTEMPTS:
        run_after = timezone.now() + timedelta(seconds=retry_delay(attempts))
        DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.FAILED).update(
            status=TaskResultStatus.READY, run_after=run_after, finished_at=None
        )
        logger.warning(
            "job %s %s failed (%s), attempt %d of %d; again at %s",
            result.task_path,
            result.pk,
            result.exception_class_path,
            attempts,
            settings.TASKS_MAX_ATTEMPTS,
            run_after.isoformat(),
        )
        return None
    letter, _created = DeadLetter.objects.get_or_create(
        task_result_id=result.pk,
        defaults={
            "task_path": result.task_path,
            "queue_name": result.queue_name,
            "args_kwargs": result.args_kwargs,
            "attempts": attempts,
            "exception_class_path": result.exception_class_path,
            "traceback": result.traceback,
            "failed_at": result.finished_at or timezone.now(),
        },
    )
    logger.error(
        "job %s %s failed for good after %d attempt(s): %s",
        result.task_path,
        result.pk,
        attempts,
        result.exception_class_path,
    )
    return letter


@transaction.atomic
def rerun_dead_letter(*, letter: DeadLetter) -> DeadLetter:
    """Enqueue the dead letter's job again with its arguments; the letter records the new job."""
    letter = DeadLetter.objects.select_for_update().get(pk=letter.pk)
    if letter.rerun_at is not None:
        return letter
    task = import_string(letter.task_path)
    if not isinstance(task, Task):
        raise ValueError(f"{letter.task_path} is not a task")
    arguments = letter.args_kwargs or {}
    result = task.using(queue_name=letter.queue_name).enqueue(
        *arguments.get("args", []), **arguments.get("kwargs", {})
    )
    letter.rerun_at = timezone.now()
    letter.rerun_task_result_id = result.id
    letter.full_clean()
    letter.save(update_fields=["rerun_at", "rerun_task_result_id"])
    return letter
