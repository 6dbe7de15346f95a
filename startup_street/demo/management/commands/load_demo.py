from django.core.management.base import BaseCommand

from startup_street.demo.generate import load_demo
from startup_street.search.kinds import reindex_all


class Command(BaseCommand):
    help = "Load the generated demo world (deterministic by seed); does nothing if it is loaded."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20261124)
        parser.add_argument("--programs", type=int, default=200)
        parser.add_argument("--startups", type=int, default=500)

    def handle(self, *args, seed: int, programs: int, startups: int, **options):
        summary = load_demo(seed=seed, programs=programs, startups=startups)
        self.stdout.write(self.style.SUCCESS(str(summary)))
        done = reindex_all()
        self.stdout.write("Search index: " + ", ".join(f"{n} {label}" for label, n in done.items()))
