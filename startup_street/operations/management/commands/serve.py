import os

from django.core import checks
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from startup_street.operations import server


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Serve in production with gunicorn: refuses to start with DEBUG on, without SECRET_KEY "
        "or ALLOWED_HOSTS, or with migrations not applied; collects the static files first. "
        "kill -HUP the master to reload gracefully."
    )
    requires_system_checks = []  # run below, after the clearer refusals

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind",
            default=os.environ.get("BIND", "127.0.0.1:8000"),
            help="HOST:PORT, or unix:PATH (default: BIND or 127.0.0.1:8000)",
        )
        parser.add_argument(
            "--workers",
            type=_positive,
            default=int(os.environ.get("WEB_CONCURRENCY", "2")),
            help="worker processes (default: WEB_CONCURRENCY or 2)",
        )
        parser.add_argument(
            "--threads",
            type=_positive,
            default=int(os.environ.get("WEB_THREADS", "1")),
            help="threads per worker (default: WEB_THREADS or 1)",
        )
        parser.add_argument(
            "--timeout",
            type=_positive,
            default=60,
            help="seconds before a silent worker is killed and replaced",
        )
        parser.add_argument(
            "--graceful-timeout",
            type=_positive,
            default=30,
            help="seconds a worker has to finish its requests on reload or stop",
        )
        parser.add_argument(
            "--max-requests",
            type=int,
            default=2000,
            help="recycle a worker after this many requests (0: never)",
        )
        parser.add_argument(
            "--no-collectstatic",
            action="store_true",
            help="the static files were collected at install (read-only image)",
        )
        parser.add_argument("--access-log", action="store_true", help="log every request")

    def handle(self, *args, **options):
        reasons = server.refusals()
        if reasons:
            raise CommandError("refusing to serve:\n  " + "\n  ".join(reasons))
        if not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        elif not server.static_manifest().exists():
            raise CommandError(
                f"no static files in {server.static_manifest().parent}: run "
                "`startup-street collectstatic --no-input` or serve without --no-collectstatic."
            )
        self.check(include_deployment_checks=True, fail_level=checks.ERROR)
        server.run(
            server.gunicorn_options(
                bind=options["bind"],
                workers=options["workers"],
                threads=options["threads"],
                timeout=options["timeout"],
                graceful_timeout=options["graceful_timeout"],
                max_requests=options["max_requests"],
                access_log=options["access_log"],
            )
        )
