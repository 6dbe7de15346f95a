from django.core.management.base import BaseCommand

from startup_street.demo.generate import load_demo
from startup_street.search.services import reindex, reindex_people


class Command(BaseCommand):
    help = "Load the generated demo world (deterministic by seed); does nothing if it is loaded."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20261124)
        parser.add_argument("--programs", type=int, default=200)
        parser.add_argument("--startups", type=int, default=500)

    def handle(self, *args, seed: int, programs: int, startups: int, **options):
        summary = load_demo(seed=seed, programs=programs, startups=startups)
        self.stdout.write(self.style.SUCCESS(str(summary)))
        programs, people = reindex(), reindex_people()
        self.stdout.write(f"Search index: {programs} programs, {people} startups and mentors")
