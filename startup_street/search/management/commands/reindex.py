import sys
import time

from django.core.management.base import BaseCommand

from startup_street.programs.models import Program
from startup_street.search.services import reindex, reindex_people


class Command(BaseCommand):
    help = "Rebuild the search index of every program (with a progress bar), startup and mentor."

    def handle(self, *args, **options):
        total = Program.objects.count()
        started = time.perf_counter()

        def progress(done: int) -> None:
            width = 30
            filled = width * done // max(total, 1)
            rate = done / max(time.perf_counter() - started, 1e-9)
            sys.stderr.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {rate:.0f}/s"
            )
            sys.stderr.flush()

        done = reindex(progress=progress)
        sys.stderr.write("\n")
        self.stdout.write(f"{done} programs indexed in {time.perf_counter() - started:.1f} s")
        self.stdout.write(f"{reindex_people()} startups and mentors indexed for staff search")
