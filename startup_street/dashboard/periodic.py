"""The dashboard's nightly snapshot of every indicator (16:15 UTC is 01:15 in Seoul), and the
daily check for outcome reports owed (00:30 UTC is 09:30 in Seoul)."""

from startup_street.core.periodic import register_periodic

register_periodic(
    "indicator-snapshots",
    task="startup_street.dashboard.tasks.task_snapshot_indicators",
    cron="15 16 * * *",
)
register_periodic(
    "outcome-report-reminders",
    task="startup_street.dashboard.tasks.task_remind_outcome_reports",
    cron="30 0 * * *",
)
