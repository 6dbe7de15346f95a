from django_tasks import task

from .services import snapshot_indicators


@task()
def task_snapshot_indicators() -> int:
    return snapshot_indicators()
