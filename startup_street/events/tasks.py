"""Background jobs of events (Django's Tasks API): thin wrappers by id."""

from django_tasks import task


@task()
def task_notify_schedule_changes(event_id: int, registration_ids: list[int]) -> None:
    from .notifications import notify_schedule_changes

    notify_schedule_changes(event_id=event_id, registration_ids=registration_ids)
