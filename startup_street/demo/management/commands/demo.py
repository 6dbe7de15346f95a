from django.core.management import call_command
from django.core.management.base import BaseCommand

from startup_street.demo.generate import DEMO_PASSWORD, demo_accounts, load_demo
from startup_street.search.services import reindex, reindex_people


class Command(BaseCommand):
    help = "Migrate, load the demo world (once) and serve it on http://127.0.0.1:8000."

    def add_arguments(self, parser):
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="Prepare only; do not serve.")

    def handle(self, *args, addrport: str, no_serve: bool, **options):
        call_command("migrate", interactive=False, verbosity=0)
        summary = load_demo()
        self.stdout.write(self.style.SUCCESS(str(summary)))
        programs, people = reindex(), reindex_people()
        self.stdout.write(f"Search index: {programs} programs, {people} startups and mentors")
        self.stdout.write(f"Demo log-ins (password for all: {DEMO_PASSWORD}):")
        for role, email in demo_accounts():
            self.stdout.write(f"  {role:<28} {email}")
        if not no_serve:
            call_command("runserver", addrport, use_reloader=False)
