from django.core.management.base import BaseCommand

from startup_street.dashboard.services import snapshot_indicators


class Command(BaseCommand):
    help = "Record tonight's value of every indicator (run nightly, from cron or the worker)."

    def handle(self, *args, **options):
        self.stdout.write(f"{snapshot_indicators()} indicator values recorded")
