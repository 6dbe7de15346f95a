"""Mentoring hours: program caps at booking, and hours held for the dashboard."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from startup_street.mentoring import selectors, services
from startup_street.mentoring.models import (
    AvailabilityWindow,
    MentoringSession,
    Mentorship,
    ProgramMentoring,
)
from tests.factories import make_organization, make_program
from tests.mentoring.test_mentoring import _next, make_mentor

pytestmark = pytest.mark.django_db
SEOUL = ZoneInfo("Asia/Seoul")


@pytest.fixture
def program(organization):
    return make_program(organization)


def _mentorship(organization, startup, program, name):
    mentor = make_mentor(organization, name, hours_per_month=20)
    AvailabilityWindow.objects.create(mentor=mentor, weekday=2, starts=time(9), ends=time(18))
    return Mentorship.objects.create(mentor=mentor, startup=startup, program=program, hours_cap=9)


def test_program_hours_per_startup_span_all_its_mentors(organization, alice, startup, program):
    services.set_program_hours(program=program, actor=alice, hours_per_startup=2, hours_total=None)
    first = _mentorship(organization, startup, program, "m1")
    second = _mentorship(organization, startup, program, "m2")
    services.book_session(mentorship=first, user=alice, starts_at=_next(2, 9), minutes=90)
    with pytest.raises(ValidationError, match="2 mentoring hours in this program"):
        services.book_session(mentorship=second, user=alice, starts_at=_next(2, 13), minutes=60)
    services.book_session(mentorship=second, user=alice, starts_at=_next(2, 13), minutes=30)
    assert MentoringSession.objects.count() == 2


def test_program_total_hours_span_all_startups(organization, alice, bob, startup, program):
    from tests.factories import make_startup

    services.set_program_hours(program=program, actor=alice, hours_per_startup=None, hours_total=1)
    mine = _mentorship(organization, startup, program, "m1")
    theirs = _mentorship(organization, make_startup(bob), program, "m2")
    services.book_session(mentorship=mine, user=alice, starts_at=_next(2, 9), minutes=60)
    with pytest.raises(ValidationError, match="program's mentoring hours are used up"):
        services.book_session(mentorship=theirs, user=bob, starts_at=_next(2, 12), minutes=15)


def test_cancelled_sessions_give_their_hours_back(organization, alice, startup, program):
    services.set_program_hours(program=program, actor=alice, hours_per_startup=1, hours_total=None)
    mentorship = _mentorship(organization, startup, program, "m1")
    session = services.book_session(
        mentorship=mentorship, user=alice, starts_at=_next(2, 9), minutes=60
    )
    session.status = MentoringSession.Status.CANCELLED
    session.save()
    services.book_session(mentorship=mentorship, user=alice, starts_at=_next(2, 11), minutes=60)


def test_program_hours_staff_only_and_validated(organization, alice, charlie, program):
    with pytest.raises(PermissionDenied):
        services.set_program_hours(
            program=program, actor=charlie, hours_per_startup=5, hours_total=None
        )
    with pytest.raises(ValidationError):
        services.set_program_hours(
            program=program, actor=alice, hours_per_startup=0, hours_total=None
        )
    assert not ProgramMentoring.objects.exists()


def _held(mentorship, starts: datetime, hours: float, status="done"):
    return MentoringSession.objects.create(
        mentorship=mentorship,
        starts_at=starts,
        ends_at=starts + timedelta(hours=hours),
        status=status,
    )


def test_held_hours_by_month_program_and_organisation(organization, startup, program):
    mentorship = _mentorship(organization, startup, program, "m1")
    other_org = make_organization()
    outside = Mentorship.objects.create(
        mentor=make_mentor(other_org, "m2"), startup=startup, program=None
    )
    # 31 March 23:30 in Seoul is 14:30 UTC: it counts for March in Seoul.
    _held(mentorship, datetime(2026, 3, 31, 23, 30, tzinfo=SEOUL), 1)
    _held(mentorship, datetime(2026, 4, 2, 10, tzinfo=SEOUL), 1.5)
    _held(mentorship, datetime(2026, 4, 9, 10, tzinfo=SEOUL), 2, status="booked")  # not held
    _held(outside, datetime(2026, 4, 3, 10, tzinfo=SEOUL), 0.5)
    rows = selectors.held_hours_by_month()
    assert rows == [
        {
            "organization": organization.pk,
            "program": program.pk,
            "month": date(2026, 3, 1),
            "sessions": 1,
            "hours": 1.0,
        },
        {
            "organization": organization.pk,
            "program": program.pk,
            "month": date(2026, 4, 1),
            "sessions": 1,
            "hours": 1.5,
        },
        {
            "organization": other_org.pk,
            "program": None,
            "month": date(2026, 4, 1),
            "sessions": 1,
            "hours": 0.5,
        },
    ]
    assert [r["hours"] for r in selectors.held_hours_by_month(program=program)] == [1.0, 1.5]
    assert selectors.held_hours_by_month(organization=other_org)[0]["hours"] == 0.5
    april = selectors.held_hours_by_month(
        since=datetime(2026, 4, 1, tzinfo=SEOUL), until=datetime(2026, 5, 1, tzinfo=SEOUL)
    )
    assert sum(r["hours"] for r in april) == 2.0
    assert selectors.held_hours() == 3.0
