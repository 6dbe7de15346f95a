"""The database queue's worker (django-tasks-db's), with retries and dead letters."""

from __future__ import annotations

from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from .services import retry_or_bury


class RetryingWorker(Worker):
    def run_task(self, db_task_result: DBTaskResult) -> None:
        super().run_task(db_task_result)
        if db_task_result.status == TaskResultStatus.FAILED:
            retry_or_bury(result=db_task_result)
