"""The demo's mentoring: KIC Beijing's mentors with profiles and weekly hours, a confirmed match
for the startups its closed round accepted, a session held last week and one booked for next
week (made through the matching and booking services)."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from startup_street.accounts.models import User
from startup_street.core.models import Sector
from startup_street.mentoring.models import (
    AvailabilityWindow,
    MentoringSession,
    MentorProfile,
    Mentorship,
)
from startup_street.mentoring.run_snapshot import read_pairs
from startup_street.mentoring.selectors import cohort_of
from startup_street.mentoring.services.matching import propose_matches
from startup_street.mentoring.services.proposals import add_pair, confirm_run, remove_pair
from startup_street.mentoring.services.sessions import book_session
from startup_street.organizations.models import Organization
from startup_street.startups.models import Startup
from startup_street.text.embeddings import get_embedder

from .data import work
from .data.people import MENTORS, org_domain

ORG = "kic-beijing"
MANAGER = f"kic-manager@{org_domain(ORG)}"
DEMO_MENTOR = f"mentor@{org_domain(ORG)}"
HOURS = [(1, time(10), time(12)), (3, time(14), time(17))]  # Tue and Thu, the mentor's zone


def load(*, now: datetime, seed: int) -> None:
    organization = Organization.objects.get(slug=ORG)
    manager = User.objects.get(email=MANAGER)
    mentor = _profiles(organization)
    cohort = cohort_of(organization)
    if not cohort.exists():
        return
    # Hashing vectors: the demo loads in seconds, without reading the language model.
    run = propose_matches(
        organization=organization,
        startups=cohort,
        actor=manager,
        per_startup=1,
        embedder=get_embedder("hashing"),
        background=False,
    )
    robowave = Startup.objects.get(slug="robowave")
    pairs = {p.startup: p.mentor for p in read_pairs(run)}
    if robowave.pk in pairs and pairs[robowave.pk] != mentor.pk:  # the demo founder meets them
        remove_pair(run=run, actor=manager, startup_id=robowave.pk, mentor_id=pairs[robowave.pk])
        add_pair(run=run, actor=manager, startup_id=robowave.pk, mentor_id=mentor.pk)
    run.refresh_from_db()
    confirm_run(run=run, actor=manager)
    _sessions(now, mentor, robowave)


def _profiles(organization) -> MentorProfile:
    sectors = dict(Sector.objects.values_list("code", "pk"))
    emails = [DEMO_MENTOR, *(account.email for account in MENTORS)]
    for user in User.objects.filter(email__in=emails):
        key = user.email.split("@")[0]
        headline, bio, expertise, languages, stages, hours, startups = work.MENTOR_PROFILES[key]
        profile = MentorProfile(
            user=user,
            organization=organization,
            headline=headline,
            bio={k: v for k, v in bio.items() if v},
            languages=languages,
            stages=stages,
            hours_per_month=hours,
            max_startups=startups,
            original_language=user.preferred_language,
        )
        profile.full_clean()
        profile.save()
        profile.expertise.set([sectors[code] for code in expertise])
        AvailabilityWindow.objects.bulk_create(
            AvailabilityWindow(mentor=profile, weekday=day, starts=starts, ends=ends)
            for day, starts, ends in HOURS
        )
    return MentorProfile.objects.get(user__email=DEMO_MENTOR)


def _sessions(now: datetime, mentor: MentorProfile, robowave: Startup) -> None:
    zone = ZoneInfo(mentor.user.time_zone)
    mentorships = list(Mentorship.objects.filter(mentor=mentor).order_by("pk"))
    founder = robowave.members.get(role="owner").user
    ours = next(m for m in mentorships if m.startup_id == robowave.pk)
    last_week = _weekday_at(now, zone, weekday=3, at=time(15), weeks=-1)
    MentoringSession.objects.create(
        mentorship=ours,
        starts_at=last_week,
        ends_at=last_week + timedelta(hours=1),
        status=MentoringSession.Status.DONE,
        booked_by=founder,
        mentor_notes=work.SESSION_NOTES[mentor.original_language],
        founder_feedback=work.SESSION_FEEDBACK["ko"],
        founder_rating=5,
    )
    book_session(
        mentorship=ours,
        user=founder,
        starts_at=_weekday_at(now, zone, weekday=3, at=time(15), weeks=1),
        minutes=60,
    )
    for other in mentorships:  # held last week, the mentor's notes still to write
        if other.pk != ours.pk:
            held = _weekday_at(now, zone, weekday=1, at=time(10), weeks=-1)
            MentoringSession.objects.create(
                mentorship=other,
                starts_at=held,
                ends_at=held + timedelta(hours=1),
                status=MentoringSession.Status.DONE,
                booked_by=mentor.user,
            )


def _weekday_at(now: datetime, zone, *, weekday: int, at: time, weeks: int) -> datetime:
    """``at`` on ``weekday`` of the week ``weeks`` from this one, in ``zone``."""
    today = now.astimezone(zone).date()
    day = today + timedelta(days=(weekday - today.weekday()) + 7 * weeks)
    return datetime.combine(day, at, zone)
