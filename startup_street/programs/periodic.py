"""The programs' periodic jobs (times in UTC)."""

from startup_street.core.periodic import register_periodic

# An import enqueues the indexing of what it wrote; this sweep indexes whatever a lost or
# failed job left waiting, so an imported program is never missing from search for long.
register_periodic(
    "index-pending-programs",
    task="startup_street.programs.tasks.task_index_programs",
    cron="*/10 * * * *",
)
