from django.core.management.base import BaseCommand

from startup_street.dashboard.rollups import rebuild_rollups


class Command(BaseCommand):
    help = (
        "Recount the dashboard's rollups from the records (after writes that skip Django's "
        "signals: bulk loads, QuerySet.update, loaddata, SQL)."
    )

    def handle(self, *args, **options):
        for name, rows in rebuild_rollups().items():
            self.stdout.write(f"{name}: {rows} rows")
