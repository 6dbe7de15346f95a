from django_tasks import task

from .reminders import remind_outcome_reports
from .services import snapshot_indicators


@task()
def task_snapshot_indicators() -> int:
    return snapshot_indicators()


@task()
def task_remind_outcome_reports() -> int:
    return remind_outcome_reports()
