"""Five years of the street's past for the demo, so that the city's dashboard shows real trends on
the analyst's first log-in: each organisation's past intake rounds with their applications and
decisions, mentoring sessions held, and the quarterly outcome reports of the startups accepted.

History is written in bulk (it is the record of what happened, not new work): no e-mail, no
activity log, no status timeline; today's work is made by the other demo modules through the
apps' services.
"""

import random
from datetime import datetime, timedelta

from django.db.models import Count

from startup_street.applications.enums import Status
from startup_street.applications.models import Application
from startup_street.dashboard import rollups
from startup_street.mentoring.models import MentoringSession, Mentorship
from startup_street.programs.models import Call, Program
from startup_street.startups.models import OutcomeReport, Startup

YEARS = 5
OUTCOMES = [Status.ACCEPTED, Status.REJECTED, Status.REJECTED, Status.WITHDRAWN, Status.WAITLISTED]


def load(*, now: datetime, seed: int) -> None:
    rng = random.Random(seed + 5)
    startups = list(Startup.objects.values_list("pk", flat=True))
    if not startups:
        return
    with rollups.paused():  # written in bulk, then the dashboard's rollups counted once
        accepted = _past_intakes(rng, now, startups)
        _sessions(rng, now)
        _outcome_reports(rng, now, accepted)


def _quarters(now: datetime) -> list[datetime]:
    """A moment in each of the past YEARS * 4 quarters, oldest first (never in the future)."""
    return [now - timedelta(days=91 * n + 30) for n in range(YEARS * 4, 0, -1)]


def _past_intakes(rng: random.Random, now: datetime, startups: list[int]) -> dict[int, datetime]:
    """One past call a quarter for a third of the programs that take applications, each with
    its applicants and decisions. Returns each accepted startup's first acceptance."""
    programs = list(
        Program.objects.annotate(n=Count("calls")).filter(n__gt=0).values_list("pk", flat=True)
    )
    chosen = rng.sample(programs, k=max(1, len(programs) // 3))
    calls = []
    for program in chosen:
        for moment in _quarters(now):
            if rng.random() < 0.6:
                closes = moment + timedelta(days=rng.randint(0, 60))
                closes = min(closes, now - timedelta(days=1))
                opens = closes - timedelta(days=rng.randint(21, 45))
                calls.append(
                    Call(
                        program_id=program,
                        opens_at=opens,
                        closes_at=closes,
                        seats=rng.randint(3, 12),
                    )
                )
    calls = Call.objects.bulk_create(calls, batch_size=500)
    applications, first_accepted = [], {}
    for call in calls:
        for startup in rng.sample(startups, k=min(len(startups), rng.randint(4, 24))):
            status = rng.choice(OUTCOMES)
            submitted = call.opens_at + (call.closes_at - call.opens_at) * rng.random()
            decided = call.closes_at + timedelta(days=rng.randint(10, 40))
            applications.append(
                Application(
                    call=call,
                    startup_id=startup,
                    status=status,
                    submitted_at=submitted,
                    decided_at=min(decided, now) if status != Status.WITHDRAWN else None,
                )
            )
            if status == Status.ACCEPTED:
                first_accepted[startup] = min(
                    first_accepted.get(startup, call.closes_at), call.closes_at
                )
    Application.objects.bulk_create(applications, batch_size=1000)
    return first_accepted


def _sessions(rng: random.Random, now: datetime) -> None:
    """Two to six held sessions a quarter for each mentorship, spread over its past."""
    sessions = []
    for mentorship in Mentorship.objects.values_list("pk", flat=True):
        for moment in _quarters(now)[-rng.randint(2, 12) :]:
            for _n in range(rng.randint(2, 6)):
                start = (moment + timedelta(days=rng.randint(0, 80))).replace(
                    hour=rng.randint(0, 9), minute=0, second=0, microsecond=0
                )
                if start + timedelta(hours=2) < now:
                    sessions.append(
                        MentoringSession(
                            mentorship_id=mentorship,
                            starts_at=start,
                            ends_at=start + timedelta(minutes=rng.choice([60, 90, 120])),
                            status=rng.choice(["done"] * 5 + ["cancelled"]),
                        )
                    )
    MentoringSession.objects.bulk_create(sessions, batch_size=1000)


def _outcome_reports(rng: random.Random, now: datetime, accepted: dict[int, datetime]) -> None:
    """Each accepted startup reports every quarter since its first acceptance: growing head
    counts, an occasional round of investment; most reports verified."""
    reports, this_quarter = [], (now.year, (now.month - 1) // 3 + 1)
    for startup, since in accepted.items():
        employees = rng.randint(2, 8)
        year, quarter = since.year, (since.month - 1) // 3 + 1
        while (year, quarter) < this_quarter:
            employees = max(1, employees + rng.choice([-1, 0, 0, 1, 1, 2]))
            raised = rng.choice([0] * 8 + [rng.randint(1, 30) * 50_000_000])
            reports.append(
                OutcomeReport(
                    startup_id=startup,
                    year=year,
                    quarter=quarter,
                    employees=employees,
                    investment_raised_krw=raised,
                    patents=rng.choice([0, 0, 0, 1]),
                    verified_at=now if rng.random() < 0.85 else None,
                )
            )
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    OutcomeReport.objects.bulk_create(reports, batch_size=1000)
