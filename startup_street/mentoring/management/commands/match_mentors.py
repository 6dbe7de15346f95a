from django.core.management.base import BaseCommand, CommandError

from startup_street.accounts.models import User
from startup_street.mentoring import services
from startup_street.organizations.models import Organization
from startup_street.startups.models import Startup


class Command(BaseCommand):
    help = (
        "Propose mentors for the startups accepted in an organisation's calls (a MatchRun that "
        "staff confirm on the web or with --confirm)."
    )

    def add_arguments(self, parser):
        parser.add_argument("organization", help="organisation slug")
        parser.add_argument("--as", dest="actor", required=True, help="e-mail of a staff member")
        parser.add_argument("--per-startup", type=int, default=1)
        parser.add_argument("--confirm", action="store_true")

    def handle(self, *args, organization: str, actor: str, per_startup: int, confirm: bool, **kw):
        org = Organization.objects.filter(slug=organization).first()
        user = User.objects.filter(email__iexact=actor).first()
        if org is None or user is None:
            raise CommandError("unknown organisation or user")
        startups = Startup.objects.filter(
            applications__call__program__organization=org, applications__status="accepted"
        ).distinct()
        run = services.propose_matches(
            organization=org, startups=startups, actor=user, per_startup=per_startup
        )
        self.stdout.write(
            f"Match run {run.pk}: {len(run.pairs)} pairs, objective {run.objective}, "
            f"{'optimal' if run.optimal else 'not proven optimal'}, {run.seconds or 0:.3f} s"
        )
        for line in run.diagnosis:
            self.stdout.write(f"  {line}")
        if confirm and run.status == run.Status.PROPOSED:
            created = services.confirm_run(run=run, actor=user)
            self.stdout.write(f"{len(created)} mentorships created")
