from datetime import datetime, timedelta

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from startup_street.applications.enums import Status as ApplicationStatus
from startup_street.applications.models import Application
from startup_street.core.timezones import get_zone
from startup_street.matching.models import MatchRun
from startup_street.organizations.selectors import organizations_staffed_by
from startup_street.startups.models import Startup

from .models import FounderPreference, MentorBid, MentoringSession, MentorProfile, Mentorship

_LENGTH = ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())


def mentorships_of(user) -> QuerySet[Mentorship]:
    """The mentorships a user is part of, as mentor or as a member of the startup's team."""
    if not user.is_authenticated:
        return Mentorship.objects.none()
    return (
        Mentorship.objects.filter(Q(mentor__user=user) | Q(startup__members__user=user))
        .select_related("mentor__user", "startup")
        .distinct()
    )


def mentorships_visible_to(user) -> QuerySet[Mentorship]:
    """Its mentor's, its startup team's, and the mentor's organisation's staff's."""
    if not user.is_authenticated:
        return Mentorship.objects.none()
    return (
        Mentorship.objects.filter(
            Q(mentor__user=user)
            | Q(startup__members__user=user)
            | Q(mentor__organization__in=organizations_staffed_by(user))
        )
        .select_related("mentor__user", "startup")
        .distinct()
    )


def sessions_visible_to(user) -> QuerySet[MentoringSession]:
    """The sessions of the mentorships ``user`` may see (who may cancel them, too)."""
    return MentoringSession.objects.filter(
        mentorship__in=mentorships_visible_to(user)
    ).select_related("mentorship__mentor__user", "mentorship__startup")


def cohort_of(organization, call_id: int | None = None) -> QuerySet[Startup]:
    """The startups accepted in an organisation's calls (or in one of them)."""
    startups = Startup.objects.filter(
        applications__call__program__organization=organization,
        applications__status=ApplicationStatus.ACCEPTED,
    )
    if call_id:
        startups = startups.filter(applications__call_id=call_id)
    return startups.distinct()


def match_runs_visible_to(user) -> QuerySet[MatchRun]:
    """Mentor match runs of the organisations the user is staff of."""
    return MatchRun.objects.filter(
        kind=MatchRun.Kind.MENTORS, organization__in=organizations_staffed_by(user)
    ).select_related("created_by")


def named_edits(run: MatchRun, *, startups=None, mentors=None) -> list[dict]:
    """The run's hand edits, each with `startup_name` and `mentor_name` (the mentor's display
    name); one deleted since is named by its id. Two queries for any number of edits, none when
    the caller passes the startups and mentors it already has ({id: object})."""
    if startups is None:
        startups = Startup.objects.only("name").in_bulk({e["startup"] for e in run.edits})
    if mentors is None:
        mentors = MentorProfile.objects.select_related("user").in_bulk(
            {e["mentor"] for e in run.edits}
        )
    return [
        {
            **edit,
            "startup_name": _startup_name(startups.get(edit["startup"]), edit["startup"]),
            "mentor_name": _mentor_name(mentors.get(edit["mentor"]), edit["mentor"]),
        }
        for edit in run.edits
    ]


def _startup_name(startup, pk: int) -> str:
    return startup.name if startup else _("Deleted startup #%(id)d") % {"id": pk}


def _mentor_name(mentor, pk: int) -> str:
    return str(mentor.user) if mentor else _("Deleted mentor #%(id)d") % {"id": pk}


def next_windows(mentor: MentorProfile, now: datetime | None = None) -> list[dict]:
    """Each published weekly window at its next date, as aware datetimes in the mentor's zone,
    so that a page can show it in both the mentor's and the viewer's zones."""
    zone = get_zone(mentor.user.time_zone)
    today = (now or timezone.now()).astimezone(zone).date()
    rows = []
    for window in mentor.windows.all():
        day = today + timedelta(days=(window.weekday - today.weekday()) % 7)
        rows.append(
            {
                "window": window,
                "starts": datetime.combine(day, window.starts, tzinfo=zone),
                "ends": datetime.combine(day, window.ends, tzinfo=zone),
            }
        )
    return rows


def bids_of(mentor: MentorProfile) -> dict[int, str]:
    """startup id -> the mentor's declared preference."""
    return dict(MentorBid.objects.filter(mentor=mentor).values_list("startup_id", "value"))


def mentors_for(startup: Startup) -> QuerySet[MentorProfile]:
    """The active mentors a startup may state preferences for: those of the organisations in
    whose cohorts it is (``cohort_of`` seen from the startup's side)."""
    accepted = Application.objects.filter(startup=startup, status=ApplicationStatus.ACCEPTED)
    organizations = accepted.values("call__program__organization")
    return (
        MentorProfile.objects.filter(organization__in=organizations, is_active=True)
        .select_related("user", "organization")
        .order_by("organization__name", "user__display_name", "pk")
    )


def founder_preferences_of(startup: Startup) -> dict[int, str]:
    """mentor id -> the startup's declared preference."""
    return dict(FounderPreference.objects.filter(startup=startup).values_list("mentor_id", "value"))


def held_hours(organization=None) -> float:
    """Mentoring hours held (for the dashboard), optionally for one organisation's mentors."""
    sessions = MentoringSession.objects.filter(status=MentoringSession.Status.DONE)
    if organization is not None:
        sessions = sessions.filter(mentorship__mentor__organization=organization)
    total = sessions.aggregate(total=Sum(_LENGTH))["total"]
    return round(total.total_seconds() / 3600, 2) if total else 0.0


def held_hours_by_month(
    *,
    organization=None,
    program=None,
    since: datetime | None = None,
    until: datetime | None = None,
    zone: str = "Asia/Seoul",
) -> list[dict]:
    """Hours held per organisation, program and month (months in ``zone``), for the dashboard.

    Rows: ``{"organization": id, "program": id or None, "month": date, "sessions": n,
    "hours": float}``, ordered by month, organisation, program. The organisation is the
    mentor's; the program is the one whose hours the mentorship uses.
    """
    sessions = MentoringSession.objects.filter(status=MentoringSession.Status.DONE)
    if organization is not None:
        sessions = sessions.filter(mentorship__mentor__organization=organization)
    if program is not None:
        sessions = sessions.filter(mentorship__program=program)
    if since is not None:
        sessions = sessions.filter(starts_at__gte=since)
    if until is not None:
        sessions = sessions.filter(starts_at__lt=until)
    rows = (
        sessions.annotate(month=TruncMonth("starts_at", tzinfo=get_zone(zone)))
        .values("mentorship__mentor__organization", "mentorship__program", "month")
        .annotate(sessions=Count("pk"), length=Sum(_LENGTH))
        .order_by("month", "mentorship__mentor__organization", "mentorship__program")
    )
    return [
        {
            "organization": row["mentorship__mentor__organization"],
            "program": row["mentorship__program"],
            "month": row["month"].date() if isinstance(row["month"], datetime) else row["month"],
            "sessions": row["sessions"],
            "hours": round(row["length"].total_seconds() / 3600, 2),
        }
        for row in rows
    ]


def mentored_pairs(startup_ids, reviewer_ids) -> set[tuple[int, int]]:
    """(person id, startup id) for each of the people who mentored one of the startups, in any
    status (ended mentorships count too): what reviews counts as a conflict of interest."""
    return set(
        Mentorship.objects.filter(
            startup_id__in=list(startup_ids), mentor__user_id__in=list(reviewer_ids)
        ).values_list("mentor__user_id", "startup_id")
    )
