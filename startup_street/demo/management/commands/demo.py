from django.core.management import call_command
from django.core.management.base import BaseCommand

from startup_street.demo.events import PARTNER_EMAIL, PARTNER_ROLE
from startup_street.demo.generate import DEMO_PASSWORD, demo_accounts, load_demo
from startup_street.search.kinds import reindex_all


class Command(BaseCommand):
    help = "Migrate, load the demo world (once) and serve it on http://127.0.0.1:8000."

    def add_arguments(self, parser):
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="Prepare only; do not serve.")

    def handle(self, *args, addrport: str, no_serve: bool, **options):
        call_command("migrate", interactive=False, verbosity=0)
        summary = load_demo()
        self.stdout.write(self.style.SUCCESS(str(summary)))
        done = reindex_all()
        self.stdout.write("Search index: " + ", ".join(f"{n} {label}" for label, n in done.items()))
        self.stdout.write(f"Demo log-ins (password for all: {DEMO_PASSWORD}):")
        for role, email in [*demo_accounts(), (PARTNER_ROLE, PARTNER_EMAIL)]:
            self.stdout.write(f"  {role:<28} {email}")
        if not no_serve:
            call_command("runserver", addrport, use_reloader=False)
