import sys
import time

from django.core.management.base import BaseCommand

from startup_street.search.kinds import KINDS


class Command(BaseCommand):
    help = "Rebuild the search index of every program (with a progress bar), startup and mentor."

    def handle(self, *args, **options):
        for kind in KINDS.values():
            total = kind.count() if kind.count else 0
            started = time.perf_counter()

            def progress(done: int, total=total, started=started) -> None:
                width = 30
                filled = width * done // max(total, 1)
                rate = done / max(time.perf_counter() - started, 1e-9)
                sys.stderr.write(
                    f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {rate:.0f}/s"
                )
                sys.stderr.flush()

            done = kind.reindex(progress=progress if total else None)
            if total:
                sys.stderr.write("\n")
            seconds = time.perf_counter() - started
            self.stdout.write(f"{done} {kind.label} indexed in {seconds:.1f} s")
        # The web servers' shared view of the programs (memory-mapped files), written now
        # rather than by the first search.
        from startup_street.search.memory import view
        from startup_street.search.services import embedder

        view(embedder().name)
