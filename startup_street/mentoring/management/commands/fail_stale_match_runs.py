from django.core.management.base import BaseCommand

from startup_street.mentoring import services


class Command(BaseCommand):
    help = (
        "Mark failed the match runs left running by a crashed worker (no heartbeat for "
        "MATCH_RUN_STALE_AFTER seconds), so that staff can re-run them; safe to run from cron."
    )

    def handle(self, *args, **options):
        count = services.fail_stale_runs()
        self.stdout.write(f"{count} stale match run(s) marked failed")
