"""The platform's own periodic jobs (times in UTC). Other apps add theirs in their own
``periodic.py`` (see startup_street/core/periodic.py)."""

from django.conf import settings

from startup_street.core.periodic import register_periodic

TASKS = "startup_street.operations.tasks"

register_periodic(
    "deadline-reminders", task=f"{TASKS}.task_send_deadline_reminders", cron="5 * * * *"
)
register_periodic(
    "stale-match-runs", task=f"{TASKS}.task_fail_stale_match_runs", cron="*/5 * * * *"
)
register_periodic("prune-task-results", task=f"{TASKS}.task_prune_task_results", cron="40 3 * * *")
if settings.BACKUP_DIR:
    register_periodic("nightly-backup", task=f"{TASKS}.task_backup", cron="10 2 * * *")
