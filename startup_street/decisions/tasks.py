"""Background jobs of decisions (Django's Tasks API): thin wrappers over services, by id."""

from django_tasks import task

from .notifications import deliver_notice


@task()
def task_deliver_notice(notice_id: int) -> None:
    """Send a staff notice to its applicants; a notice already sent is left alone."""
    deliver_notice(notice_id)
