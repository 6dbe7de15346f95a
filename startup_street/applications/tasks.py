"""Background jobs of applications (Django's Tasks API): thin wrappers over services, by id."""

from django_tasks import task

from .notifications import notify_status


@task()
def task_notify_status(status_change_id: int) -> None:
    """E-mail the team about one status change."""
    notify_status(status_change_id)
