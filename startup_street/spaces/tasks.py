"""Background jobs of spaces (Django's Tasks API): thin wrappers over services, by id."""

from django_tasks import task

from .services import release_unconfirmed_series, send_booking_update, send_waitlist_offer


@task()
def task_send_booking_update(booking_id: int, change: str) -> None:
    send_booking_update(booking_id, change)


@task()
def task_send_waitlist_offer(entry_id: int) -> None:
    send_waitlist_offer(entry_id)


@task()
def task_release_unconfirmed_series() -> None:
    """Periodic: occurrences of series not re-confirmed in time are released."""
    release_unconfirmed_series()
