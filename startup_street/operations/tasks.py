"""The periodic jobs' tasks: thin wrappers over the services that cron used to run."""

from django_tasks import task


@task()
def task_send_deadline_reminders() -> int:
    from startup_street.programs.alerts import send_deadline_reminders

    return send_deadline_reminders()


@task()
def task_fail_stale_match_runs() -> int:
    from startup_street.mentoring.services import fail_stale_runs

    return fail_stale_runs()


@task()
def task_prune_task_results(days: int = 30) -> int:
    """Forget finished jobs older than ``days`` (dead letters keep their own copy)."""
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted


@task()
def task_backup() -> str:
    """The nightly backup into BACKUP_DIR, the newest BACKUP_KEEP kept."""
    from .backup import backup_nightly

    return str(backup_nightly())
