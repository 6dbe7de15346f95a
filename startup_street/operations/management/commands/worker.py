from django.core.management.base import CommandError
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from startup_street.operations import schedule
from startup_street.operations.worker import RetryingWorker


class Command(DatabaseWorkerCommand):
    help = (
        "Run background jobs from the database queue (TASKS_BACKEND=database), as many workers "
        "as wanted on any machine: transient failures are retried with back-off, the others "
        "become dead letters in the admin; every worker also keeps the periodic schedule, "
        "each job enqueued once per slot."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-schedule", action="store_true", help="take jobs only; keep no schedule"
        )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        max_tasks,
        worker_id,
        exclude_queues,
        no_schedule,
        **options,
    ):
        self.configure_logging(verbosity)
        queues = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queues:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = RetryingWorker(
            queue_names=queues,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        scheduler = None if no_schedule or batch or max_tasks else schedule.start()
        worker.configure_signals()
        try:
            worker.run()
        finally:
            if scheduler is not None:
                scheduler.shutdown(wait=False)
