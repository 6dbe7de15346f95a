"""Background jobs of applications (Django's Tasks API): thin wrappers over services, by id."""

from django_tasks import task

from .notifications import deliver_notice, notify_status


@task()
def task_notify_status(status_change_id: int) -> None:
    """E-mail the team about one status change."""
    notify_status(status_change_id)


@task()
def task_deliver_notice(notice_id: int) -> None:
    """Send a staff notice to its applicants; a notice already sent is left alone."""
    deliver_notice(notice_id)
