"""Background jobs of mentoring (Django's Tasks API): thin wrappers over services, by id."""

from django_tasks import task

from .services import run_match, send_cancellation, send_invitations


@task()
def task_run_match(run_id: int) -> None:
    """Solve a queued mentor match run; a run already solved is left alone."""
    run_match(run_id=run_id)


@task()
def task_send_invitations(session_id: int) -> None:
    """E-mail a booked session's .ics invitation to the mentor and the team."""
    send_invitations(session_id)


@task()
def task_send_cancellation(session_id: int, actor_id: int | None) -> None:
    """E-mail a cancelled session's withdrawal to everyone but who cancelled it."""
    send_cancellation(session_id, actor_id)
