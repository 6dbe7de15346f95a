from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from startup_street.accounts.models import User
from startup_street.matching.models import MatchRun
from startup_street.mentoring import selectors, services
from startup_street.organizations.models import Organization


class Command(BaseCommand):
    help = (
        "Propose mentors for the startups accepted in an organisation's calls (a MatchRun that "
        "staff confirm on the web or with --confirm); --rerun RUN solves an earlier run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("organization", help="organisation slug")
        parser.add_argument("--as", dest="actor", required=True, help="e-mail of a staff member")
        parser.add_argument("--per-startup", type=int, default=1)
        parser.add_argument("--call", type=int, default=None, help="only this call's cohort")
        parser.add_argument("--mode", choices=services.matching.MODES, default="max_sum")
        parser.add_argument("--rerun", type=int, default=None, help="id of a run to solve again")
        parser.add_argument("--refresh", action="store_true", help="with --rerun: today's data")
        parser.add_argument("--background", action="store_true", help="queue the solve")
        parser.add_argument("--confirm", action="store_true")

    def handle(self, *args, organization: str, actor: str, **options):
        org = Organization.objects.filter(slug=organization).first()
        user = User.objects.filter(email__iexact=actor).first()
        if org is None or user is None:
            raise CommandError("unknown organisation or user")
        try:
            run = self._run(org, user, options)
            self._report(run)
            if options["confirm"] and run.status == run.Status.PROPOSED:
                created = services.confirm_run(run=run, actor=user)
                self.stdout.write(f"{len(created)} mentorships created")
        except (PermissionDenied, ValidationError) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from error

    def _run(self, org, user, options) -> MatchRun:
        background = True if options["background"] else None
        if options["rerun"]:
            earlier = MatchRun.objects.filter(pk=options["rerun"], organization=org).first()
            if earlier is None:
                raise CommandError("unknown run for this organisation")
            return services.rerun_match(
                run=earlier, actor=user, refresh=options["refresh"], background=background
            )
        return services.propose_matches(
            organization=org,
            startups=selectors.cohort_of(org, options["call"]),
            actor=user,
            per_startup=options["per_startup"],
            mode=options["mode"],
            call=options["call"],
            background=background,
        )

    def _report(self, run: MatchRun) -> None:
        if run.is_pending:
            self.stdout.write(f"Match run {run.pk} queued: {run.get_status_display()}")
            return
        self.stdout.write(
            f"Match run {run.pk}: {len(run.pairs)} pairs, objective {run.objective}, "
            f"{'optimal' if run.optimal else 'not proven optimal'}, {run.seconds or 0:.3f} s"
        )
        for line in run.diagnosis:
            self.stdout.write(f"  {line}")
