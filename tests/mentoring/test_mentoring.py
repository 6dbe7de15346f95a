from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from startup_street.core.models import Sector
from startup_street.matching.models import MatchRun
from startup_street.mentoring import selectors, services
from startup_street.mentoring.models import (
    AvailabilityWindow,
    MentoringSession,
    MentorProfile,
    Mentorship,
)
from tests.factories import make_member, make_startup, make_user

pytestmark = pytest.mark.django_db
SEOUL = ZoneInfo("Asia/Seoul")


def make_mentor(organization, name, sectors=(), languages=("ko",), zone="Asia/Seoul", **extra):
    user = make_user(name, time_zone=zone)
    profile = MentorProfile.objects.create(
        user=user,
        organization=organization,
        headline={"en": name},
        languages=list(languages),
        **extra,
    )
    profile.expertise.set(Sector.objects.filter(code__in=sectors))
    return profile


def _next(weekday: int, hour: int) -> datetime:
    today = timezone.now().astimezone(SEOUL).date() + timedelta(days=1)
    day = today + timedelta(days=(weekday - today.weekday()) % 7)
    return datetime.combine(day, time(hour), tzinfo=SEOUL)


@pytest.fixture
def mentorship(organization, startup):
    mentor = make_mentor(organization, "mentor", sectors=["robotics"], hours_per_month=3)
    AvailabilityWindow.objects.create(mentor=mentor, weekday=2, starts=time(9), ends=time(12))
    return Mentorship.objects.create(mentor=mentor, startup=startup, hours_cap=2)


def test_match_prefers_expertise_and_language(organization, alice, bob):
    robot = make_startup(alice, country="KR", slug="robot")
    robot.sectors.set(Sector.objects.filter(code="robotics"))
    bio = make_startup(bob, country="CN", original_language="zh-hans", slug="bio")
    bio.sectors.set(Sector.objects.filter(code="bio"))
    robotics_mentor = make_mentor(organization, "rm", sectors=["robotics"], languages=["ko"])
    bio_mentor = make_mentor(
        organization, "bm", sectors=["bio"], languages=["zh-hans"], zone="Asia/Shanghai"
    )
    run = services.propose_matches(
        organization=organization, startups=type(robot).objects.all(), actor=alice
    )
    pairs = {(p["startup"], p["mentor"]) for p in run.pairs}
    assert pairs == {(robot.pk, robotics_mentor.pk), (bio.pk, bio_mentor.pk)}
    assert run.optimal and run.status == "proposed"
    assert dict(run.pairs[0]["why"])["sector"] == pytest.approx(1.0)
    assert not Mentorship.objects.exists()  # a proposal changes nothing


def test_confirm_creates_mentorships_once(organization, alice, startup):
    make_mentor(organization, "m1", sectors=["ai"])
    run = services.propose_matches(
        organization=organization, startups=type(startup).objects.all(), actor=alice
    )
    created = services.confirm_run(run=run, actor=alice)
    assert len(created) == 1 and created[0].explanation
    with pytest.raises(ValidationError):
        services.confirm_run(run=run, actor=alice)


def test_capacity_caps_mentor_and_reports_shortfall(organization, alice):
    startups = [make_startup(make_user()) for _ in range(3)]
    make_mentor(organization, "busy", max_startups=2)
    run = services.propose_matches(
        organization=organization,
        startups=type(startups[0]).objects.filter(pk__in=[s.pk for s in startups]),
        actor=alice,
    )
    assert len(run.pairs) == 2 and run.diagnosis


def test_outsider_cannot_match(organization, charlie, startup):
    with pytest.raises(PermissionDenied):
        services.propose_matches(
            organization=organization, startups=type(startup).objects.all(), actor=charlie
        )
    assert not MatchRun.objects.exists()


def test_book_inside_hours_sends_invitations(mentorship, alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        session = services.book_session(
            mentorship=mentorship, user=alice, starts_at=_next(2, 10), minutes=60
        )
    assert session.hours == 1
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert mentorship.mentor.user.email in recipients and alice.email in recipients
    assert mail.outbox[0].attachments[0][2] == "text/calendar"


@pytest.mark.parametrize(
    ("weekday", "hour", "minutes"),
    [(2, 8, 60), (2, 11, 90), (3, 10, 60), (2, 10, 5)],
)
def test_book_outside_hours_or_bad_length_refused(mentorship, alice, weekday, hour, minutes):
    with pytest.raises(ValidationError):
        services.book_session(
            mentorship=mentorship, user=alice, starts_at=_next(weekday, hour), minutes=minutes
        )
    assert not mentorship.sessions.exists()


def test_book_respects_overlap_and_caps(mentorship, alice, bob):
    services.book_session(mentorship=mentorship, user=alice, starts_at=_next(2, 9), minutes=60)
    with pytest.raises(ValidationError):  # overlaps
        services.book_session(mentorship=mentorship, user=bob, starts_at=_next(2, 9), minutes=30)
    services.book_session(mentorship=mentorship, user=bob, starts_at=_next(2, 10), minutes=60)
    with pytest.raises(ValidationError):  # the startup's 2 hours are used
        services.book_session(mentorship=mentorship, user=bob, starts_at=_next(2, 11), minutes=30)


def test_outsider_cannot_book(mentorship, charlie):
    with pytest.raises(PermissionDenied):
        services.book_session(
            mentorship=mentorship, user=charlie, starts_at=_next(2, 10), minutes=60
        )


def test_feedback_sides_and_held_hours(mentorship, alice, charlie):
    session = services.book_session(
        mentorship=mentorship, user=alice, starts_at=_next(2, 10), minutes=60
    )
    type(session).objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    session.refresh_from_db()
    services.record_feedback(session=session, user=alice, notes="Useful", rating=5)
    services.record_feedback(session=session, user=mentorship.mentor.user, notes="Next: pricing")
    session.refresh_from_db()
    assert (session.founder_rating, session.mentor_notes, session.status) == (
        5,
        "Next: pricing",
        "done",
    )
    assert selectors.held_hours() == 1.0
    with pytest.raises(PermissionDenied):
        services.record_feedback(session=session, user=charlie, notes="x")
    with pytest.raises(ValidationError):
        services.record_feedback(session=session, user=alice, rating=9)


@pytest.mark.parametrize(("who", "status"), [("alice", 200), ("bob", 200), ("charlie", 404)])
def test_mentorship_page_for_parties_only(client, mentorship, request, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("mentoring:detail", args=[mentorship.pk])).status_code == status


def test_mentorship_page_shows_both_zones(client, mentorship, alice):
    alice.time_zone = "Asia/Shanghai"
    alice.save()
    services.book_session(mentorship=mentorship, user=alice, starts_at=_next(2, 10), minutes=60)
    client.force_login(alice)
    body = client.get(reverse("mentoring:detail", args=[mentorship.pk])).content.decode()
    assert "9 a.m. CST (Asia/Shanghai)" in body and "10 a.m. KST (Asia/Seoul)" in body


@pytest.mark.parametrize(("who", "status"), [("alice", 200), ("charlie", 404)])
def test_match_page_staff_only(client, organization, request, who, status):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("mentoring:match", args=[organization.slug]))
    assert response.status_code == status


def test_mentor_edits_profile_and_hours(client, organization, charlie):
    from tests.factories import make_member

    make_member(organization, charlie, "mentor")
    client.force_login(charlie)
    data = {
        "headline_en": "Robotics operator",
        "original_language": "en",
        "expertise": ["robotics"],
        "languages": ["ko", "en"],
        "hours_per_month": "6",
        "max_startups": "2",
        "is_active": "on",
        "windows-TOTAL_FORMS": "1",
        "windows-INITIAL_FORMS": "0",
        "windows-0-weekday": "1",
        "windows-0-starts": "14:00",
        "windows-0-ends": "16:00",
    }
    data["expertise"] = [Sector.objects.get(code="robotics").pk]
    response = client.post(reverse("mentoring:profile"), data)
    assert response.status_code == 302
    profile = MentorProfile.objects.get(user=charlie)
    assert profile.languages == ["ko", "en"] and profile.windows.get().starts == time(14)


def test_mentor_hours_ending_before_start_rejected(client, organization, charlie):
    from tests.factories import make_member

    make_member(organization, charlie, "mentor")
    charlie.preferred_language = "ko"
    charlie.save()
    client.force_login(charlie)
    response = client.post(
        reverse("mentoring:profile"),
        {
            "headline_en": "x",
            "original_language": "en",
            "languages": ["en"],
            "hours_per_month": "6",
            "max_startups": "2",
            "windows-TOTAL_FORMS": "1",
            "windows-INITIAL_FORMS": "0",
            "windows-0-weekday": "1",
            "windows-0-starts": "16:00",
            "windows-0-ends": "14:00",
        },
        HTTP_ACCEPT_LANGUAGE="ko",
    )
    assert response.status_code == 200
    assert not MentorProfile.objects.filter(user=charlie).exists()
    with translation.override("ko"):
        errors = {
            k: [str(e) for e in v] for k, v in response.context["hours"].forms[0].errors.items()
        }
    assert errors == {
        "ends": ["종료 시간은 시작 시간보다 늦어야 합니다."]
    }  # on the field, in Korean
    assert "mentoring_window_order" not in response.content.decode()


def test_non_mentor_cannot_open_profile(client, charlie):
    client.force_login(charlie)
    assert client.get(reverse("mentoring:profile")).status_code == 403


def test_run_page_explains_in_words(client, organization, alice, startup):
    make_mentor(organization, "m1", sectors=["ai"])
    startup.sectors.set(Sector.objects.filter(code="ai"))
    run = services.propose_matches(
        organization=organization, startups=type(startup).objects.all(), actor=alice
    )
    client.force_login(alice)
    body = client.get(reverse("mentoring:run", args=[run.pk])).content.decode()
    assert "shared expertise" in body


def test_published_hours_shown_in_both_zones(client, mentorship, alice):
    alice.time_zone = "Asia/Shanghai"
    alice.save()
    client.force_login(alice)
    body = client.get(reverse("mentoring:detail", args=[mentorship.pk])).content.decode()
    assert "09:00–12:00 KST (Asia/Seoul)" in body
    assert "8 a.m. CST (Asia/Shanghai)" in body and "11 a.m. CST (Asia/Shanghai)" in body


def _explained(mentorship):
    mentorship.explanation = [["base", 1.0], ["language", 0.6], ["sector", 1.2], ["zone", 0.0]]
    mentorship.save(update_fields=["explanation"])
    return reverse("mentoring:detail", args=[mentorship.pk])


def test_founder_reads_why_this_match_in_words_without_figures(client, mentorship, alice):
    client.force_login(alice)
    body = client.get(_explained(mentorship)).content.decode()
    assert "Why this match: shared expertise, shared working language" in body
    assert "0.60" not in body and "1.20" not in body
    assert "Details for specialists" not in body
    assert "time-zone overlap" not in body  # a part that did not count is no reason


def test_founder_reads_why_this_match_with_chinese_punctuation(client, mentorship, alice):
    alice.preferred_language = "zh-hans"
    alice.save()
    client.force_login(alice)
    body = client.get(_explained(mentorship), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "匹配理由：" in body and "、" in body
    assert "0.60" not in body


def test_staff_find_the_figures_behind_the_reasons_under_details(client, mentorship, organization):
    staff = make_user("dora", preferred_language="en")
    make_member(organization, staff, "program_manager")
    client.force_login(staff)
    body = client.get(_explained(mentorship)).content.decode()
    details = body[body.index("Details for specialists") :]
    assert "shared working language 0.60" in details
    assert "Why this match: shared expertise, shared working language" in body


def test_sessions_to_come_are_listed_first_and_past_ones_latest_first(client, mentorship, alice):
    now = timezone.now()
    made = {
        name: MentoringSession.objects.create(
            mentorship=mentorship, starts_at=now + offset, ends_at=now + offset + timedelta(hours=1)
        )
        for name, offset in [
            ("long ago", timedelta(days=-60)),
            ("next week", timedelta(days=7)),
            ("last week", timedelta(days=-7)),
            ("tomorrow", timedelta(days=1)),
        ]
    }
    client.force_login(alice)
    response = client.get(reverse("mentoring:detail", args=[mentorship.pk]))
    order = [session.pk for session in response.context["sessions"]]
    expected = ["tomorrow", "next week", "last week", "long ago"]
    assert order == [made[name].pk for name in expected]
    body = response.content.decode()
    assert body.count("Add to calendar (.ics)") == 2  # only for sessions still to come
    assert body.count("Give feedback") == 2  # only for sessions that took place
