"""Spaces' periodic jobs (times in UTC). Hourly, so that a series whose re-confirmation day has
ended is released soon after midnight in its space's own zone, wherever that is."""

from startup_street.core.periodic import register_periodic

register_periodic(
    "release-unconfirmed-series",
    task="startup_street.spaces.tasks.task_release_unconfirmed_series",
    cron="5 * * * *",
)
