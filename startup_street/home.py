"""What each person's home page shows: one small read per role, only for the roles they have
(``navigation.roles_of``). Reads only; every figure comes from the apps' own models."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from startup_street.accounts.models import User
from startup_street.applications.enums import DECIDED, Status
from startup_street.applications.models import Application
from startup_street.applications.selectors import applications_of
from startup_street.matching.models import MatchRun
from startup_street.mentoring.models import MentoringSession, MentorProfile, Mentorship
from startup_street.mentoring.selectors import held_hours
from startup_street.organizations.models import Organization
from startup_street.organizations.selectors import organizations_staffed_by
from startup_street.programs.models import Call, Program
from startup_street.programs.selectors import open_calls
from startup_street.reviews.selectors import assignments_of
from startup_street.reviews.sheets import applicant_shown
from startup_street.spaces import selectors as spaces
from startup_street.spaces.enums import HOLDING
from startup_street.startups.models import Startup
from startup_street.startups.selectors import startups_of

SHOWN = 8


def founder_home(user) -> dict:
    now = timezone.now()
    applications = list(  # the status the team sees: a held decision is not told yet
        applications_of(user)
        .select_related("call__program__organization")
        .order_by("call__closes_at")[:50]
    )
    drafts = [a for a in applications if a.status == Status.DRAFT and a.call.closes_at > now]
    waiting = [a for a in applications if a.status in (Status.SUBMITTED, Status.UNDER_REVIEW)]
    decided = sorted(
        (a for a in applications if a.status in DECIDED),
        key=lambda a: a.decided_at or a.updated_at,
        reverse=True,
    )
    sessions = (
        MentoringSession.objects.filter(
            mentorship__startup__members__user=user,
            status=MentoringSession.Status.BOOKED,
            ends_at__gte=now,
        )
        .select_related("mentorship__mentor__user", "mentorship__startup")
        .order_by("starts_at")
    )
    return {
        "startups": list(startups_of(user)),
        "drafts": drafts[:SHOWN],
        "waiting": waiting[:SHOWN],
        "decided": decided[:SHOWN],
        "next_session": sessions.first(),
    }


def spaces_home(user, *, founder: bool, staff: bool) -> dict:
    """A founder's next bookings and hours left this month; staff's requests to decide."""
    context = {}
    if founder:
        month = spaces.current_month(user.time_zone)
        upcoming = spaces.bookings_of(user).filter(ends_at__gte=timezone.now(), status__in=HOLDING)
        context["space_bookings"] = list(upcoming.order_by("starts_at")[:4])
        context["space_balances"] = spaces.hours_left_of(user, month)
        context["space_month"] = month
    if staff and spaces.spaces_managed_by(user).exists():
        requests = spaces.pending_requests(user).select_related("space", "startup")
        context["space_requests"] = list(requests[:4])
        context["space_request_count"] = requests.count()
        context["space_plan_count"] = spaces.plans_to_decide(user).count()
    return context


def reviewer_home(user) -> dict:
    assignments = list(assignments_of(user).order_by("application__call__closes_at", "pk"))
    to_do = [a for a in assignments if not (hasattr(a, "review") and a.review.submitted_at)]
    for assignment in to_do:  # as this reviewer may name it (blind review)
        assignment.applicant = applicant_shown(user, assignment)
    by_call: dict[int, dict] = {}
    for assignment in assignments:
        call = assignment.application.call
        row = by_call.setdefault(call.pk, {"call": call, "total": 0, "done": 0})
        row["total"] += 1
        row["done"] += bool(hasattr(assignment, "review") and assignment.review.submitted_at)
    for row in by_call.values():
        row["left"] = row["total"] - row["done"]
        closed = getattr(row["call"], "rubric", None) and row["call"].rubric.phase == "closed"
        row["closed"] = bool(closed)
    return {
        "to_do": to_do[:SHOWN],
        "to_do_count": len(to_do),
        "done_count": len(assignments) - len(to_do),
        "review_calls": sorted(by_call.values(), key=lambda row: -row["left"]),
    }


def staff_home(user) -> dict:
    organizations = list(organizations_staffed_by(user).order_by("slug"))
    recent = timezone.now() - timedelta(days=120)
    calls = (  # the twelve latest calls still open or closed within 120 days, counted in SQL
        Call.objects.filter(program__organization__in=organizations, closes_at__gt=recent)
        .select_related("program__organization")
        .annotate(
            submitted=Count(
                "applications", filter=~Q(applications__status__in=[Status.DRAFT]), distinct=True
            ),
            drafts=Count(
                "applications", filter=Q(applications__status=Status.DRAFT), distinct=True
            ),
            accepted=Count(
                "applications", filter=Q(applications__status=Status.ACCEPTED), distinct=True
            ),
            assignments=Count("applications__review_assignments", distinct=True),
            reviews_done=Count(
                "applications__review_assignments",
                filter=Q(applications__review_assignments__review__submitted_at__isnull=False),
                distinct=True,
            ),
        )
        .order_by("-closes_at", "-pk")[:12]
    )
    runs = MatchRun.objects.filter(
        kind=MatchRun.Kind.MENTORS, organization__in=organizations
    ).order_by("-created_at")[:3]
    program_counts = dict(
        Program.objects.filter(organization__in=organizations)
        .values_list("organization")
        .annotate(n=Count("pk"))
    )
    for organization in organizations:
        organization.program_count = program_counts.get(organization.pk, 0)
    return {"organizations": organizations, "staff_calls": list(calls), "match_runs": list(runs)}


def mentor_home(user) -> dict:
    now = timezone.now()
    profile = (
        MentorProfile.objects.filter(user=user)
        .select_related("organization")
        .prefetch_related("windows")
        .first()
    )
    mentorships = list(
        Mentorship.objects.filter(mentor__user=user, status=Mentorship.Status.ACTIVE)
        .select_related("startup")
        .order_by("startup__name")
    )
    sessions = MentoringSession.objects.filter(mentorship__mentor__user=user).select_related(
        "mentorship__startup"
    )
    upcoming = sessions.filter(status=MentoringSession.Status.BOOKED, ends_at__gte=now)
    to_note = sessions.filter(
        Q(status=MentoringSession.Status.DONE)
        | Q(status=MentoringSession.Status.BOOKED, ends_at__lt=now),
        mentor_notes="",
    )
    return {
        "mentor_profile": profile,
        "mentorships": mentorships,
        "upcoming_sessions": list(upcoming.order_by("starts_at")[:SHOWN]),
        "sessions_to_note": list(to_note.order_by("-starts_at")[:SHOWN]),
    }


def city_figures() -> dict:
    """The figures the platform holds today, city-wide (no private application content)."""
    now = timezone.now()
    statuses = dict(Application.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return {
        "organisations": Organization.objects.filter(is_active=True).count(),
        "programs": Program.objects.filter(is_published=True).count(),
        "open_calls": open_calls(Call.objects.filter(program__is_published=True)).count(),
        "startups": Startup.objects.count(),
        "submitted": sum(n for s, n in statuses.items() if s != Status.DRAFT),
        "accepted": statuses.get(Status.ACCEPTED, 0),
        "mentorships": Mentorship.objects.count(),
        "held_hours": held_hours(),
        "space_hours": spaces.booked_hours(start=now - timedelta(days=30), end=now),
        "testbed_runs": sum(
            spaces.demonstration_outcomes(
                start=(now - timedelta(days=365)).date(), end=now.date()
            ).values()
        ),
    }


def admin_home(user) -> dict:
    return {
        "user_count": User.objects.count(),
        "failed_runs": MatchRun.objects.filter(status=MatchRun.Status.FAILED).count(),
    }
