"""Cancelling a mentoring session (web and API) and feedback only after it took place.

Visitors: the startup's founder and teammate, the mentor, the staff of the mentor's
organisation (who may cancel), and another startup's founder, another mentor of the same
organisation, the staff of another organisation and an anonymous visitor (who may not)."""

from datetime import time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from startup_street.mentoring import services
from startup_street.mentoring.models import AvailabilityWindow, MentoringSession, Mentorship
from tests.factories import bearer, make_member, make_organization, make_startup, make_user
from tests.mentoring.test_mentoring import _next, make_mentor

pytestmark = pytest.mark.django_db
ALLOWED = ["founder", "teammate", "mentor", "staff"]
REFUSED = ["other_founder", "other_mentor", "other_staff"]


@pytest.fixture
def world():
    org = make_organization(slug="mentor-hub")
    mentor, other = make_mentor(org, "mentor", hours_per_month=2), make_mentor(org, "other")
    type(mentor.user).objects.filter(pk=mentor.user.pk).update(preferred_language="en")
    people = {n: make_user(n, preferred_language="en") for n in ALLOWED + REFUSED}
    people.update(mentor=mentor.user, other_mentor=other.user)
    make_member(org, people["staff"], "program_manager")
    make_member(make_organization(), people["other_staff"], "admin")
    startup = make_startup(people["founder"], teammates=[people["teammate"]])
    make_startup(people["other_founder"])
    AvailabilityWindow.objects.create(mentor=mentor, weekday=2, starts=time(9), ends=time(12))
    mentorship = Mentorship.objects.create(mentor=mentor, startup=startup, hours_cap=2)
    Mentorship.objects.create(mentor=other, startup=make_startup(make_user()))
    session = services.book_session(
        mentorship=mentorship, user=people["founder"], starts_at=_next(2, 9), minutes=120
    )
    return {"people": people, "mentorship": mentorship, "session": session}


def _status(session) -> str:
    session.refresh_from_db()
    return session.status


@pytest.mark.parametrize("who", ALLOWED)
def test_cancel_in_the_web_by_each_party(world, who, client, django_capture_on_commit_callbacks):
    session = world["session"]
    client.force_login(world["people"][who])
    url = reverse("mentoring:cancel_session", args=[session.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Yes, cancel the session" in page.content.decode()
    assert _status(session) == "booked"  # asking writes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert response.status_code == 200 and _status(session) == "cancelled"
    assert "The session is cancelled" in response.content.decode()
    told = {address for message in mail.outbox for address in message.to}
    parties = {world["people"][n].email for n in ("founder", "teammate", "mentor")}
    assert told == parties - {world["people"][who].email}
    assert all(m.subject == "Mentoring session cancelled" for m in mail.outbox)
    assert "STATUS:CANCELLED" in str(mail.outbox[0].attachments[0][1])


@pytest.mark.parametrize("who", REFUSED)
def test_cancel_refused_to_outsiders(world, who, client):
    session = world["session"]
    client.force_login(world["people"][who])
    url = reverse("mentoring:cancel_session", args=[session.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    api = client.post(
        f"/api/v1/mentoring/sessions/{session.pk}/cancel", **bearer(world["people"][who])
    )
    assert api.status_code == 404
    detail = reverse("mentoring:detail", args=[world["mentorship"].pk])
    assert client.get(detail).status_code == 404
    assert _status(session) == "booked"


def test_cancel_refused_to_anonymous(world, client):
    session = world["session"]
    response = client.post(reverse("mentoring:cancel_session", args=[session.pk]))
    assert response.status_code == 302 and "login" in response["Location"]
    api = client.post(f"/api/v1/mentoring/sessions/{session.pk}/cancel")
    assert api.status_code == 401
    assert _status(session) == "booked"


def test_cancelled_hours_are_booked_again(world):
    founder, mentorship = world["people"]["founder"], world["mentorship"]
    with pytest.raises(ValidationError):  # the 2 hours of the cap and of the month are used
        services.book_session(
            mentorship=mentorship, user=founder, starts_at=_next(2, 9), minutes=60
        )
    services.cancel_session(session=world["session"], user=world["people"]["mentor"])
    again = services.book_session(
        mentorship=mentorship, user=founder, starts_at=_next(2, 9), minutes=120
    )
    assert again.status == "booked"


def test_api_cancels_then_refuses_twice_and_past(world, client):
    session = world["session"]
    url = f"/api/v1/mentoring/sessions/{session.pk}/cancel"
    auth = bearer(world["people"]["staff"])
    first = client.post(url, **auth)
    assert first.status_code == 200 and first.json()["status"] == "cancelled"
    second = client.post(url, **auth)
    assert second.status_code == 422
    assert second.json()["errors"]["__all__"] == ["This session is already cancelled."]
    past = MentoringSession.objects.create(
        mentorship=world["mentorship"],
        starts_at=timezone.now() - timedelta(hours=2),
        ends_at=timezone.now() - timedelta(hours=1),
    )
    late = client.post(f"/api/v1/mentoring/sessions/{past.pk}/cancel", **auth)
    assert late.status_code == 422 and "can no longer be cancelled" in late.json()["detail"] + str(
        late.json()["errors"]
    )
    assert _status(past) == "booked"


def test_cancel_of_a_past_session_is_a_clear_error_in_korean(world, client):
    past = MentoringSession.objects.create(
        mentorship=world["mentorship"],
        starts_at=timezone.now() - timedelta(hours=2),
        ends_at=timezone.now() - timedelta(hours=1),
    )
    founder = world["people"]["founder"]
    founder.preferred_language = "ko"
    founder.save()
    client.force_login(founder)
    response = client.post(
        reverse("mentoring:cancel_session", args=[past.pk]),
        follow=True,
        HTTP_ACCEPT_LANGUAGE="ko",
    )
    assert response.status_code == 200 and _status(past) == "booked"
    assert "취소할 수 없습니다" in response.content.decode()


def test_cancelled_session_shows_as_such_and_staff_read_the_page(world, client):
    services.cancel_session(session=world["session"], user=world["people"]["founder"])
    client.force_login(world["people"]["staff"])
    page = client.get(reverse("mentoring:detail", args=[world["mentorship"].pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "status--cancelled" in html and "Cancelled" in html
    assert "Book a session" not in html  # staff read; the mentor and the team book


def test_feedback_not_offered_nor_taken_before_the_session_ends(world, client):
    session, founder = world["session"], world["people"]["founder"]
    client.force_login(founder)
    page = client.get(reverse("mentoring:detail", args=[world["mentorship"].pk]))
    assert reverse("mentoring:feedback", args=[session.pk]) not in page.content.decode()
    response = client.post(
        reverse("mentoring:feedback", args=[session.pk]),
        {"notes": "Great", "rating": 5},
        follow=True,
    )
    assert "Feedback opens once the session has taken place." in response.content.decode()
    session.refresh_from_db()
    assert (session.founder_feedback, session.founder_rating) == ("", None)
    with pytest.raises(ValidationError):
        services.record_feedback(session=session, user=world["people"]["mentor"], notes="x")


def test_feedback_offered_and_taken_after_the_session(world, client):
    session, founder = world["session"], world["people"]["founder"]
    MentoringSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    client.force_login(founder)
    page = client.get(reverse("mentoring:detail", args=[world["mentorship"].pk]))
    html = page.content.decode()
    assert reverse("mentoring:feedback", args=[session.pk]) in html
    assert f'<label for="notes-{session.pk}">' in html  # a label the founder can read
    assert "Your feedback on the session" in html
    client.post(reverse("mentoring:feedback", args=[session.pk]), {"notes": "Great", "rating": 5})
    session.refresh_from_db()
    assert (session.founder_rating, session.status) == (5, "done")


def test_staff_find_their_organisations_mentorships(world, client):
    client.force_login(world["people"]["staff"])
    html = client.get(reverse("mentoring:mine")).content.decode()
    assert reverse("mentoring:detail", args=[world["mentorship"].pk]) in html
    client.force_login(world["people"]["other_staff"])
    html = client.get(reverse("mentoring:mine")).content.decode()
    assert reverse("mentoring:detail", args=[world["mentorship"].pk]) not in html


def test_mentorship_page_queries_do_not_grow_with_its_sessions(world, client):
    client.force_login(world["people"]["staff"])
    url = reverse("mentoring:detail", args=[world["mentorship"].pk])
    client.get(url)  # the session's first page reads what every later page has

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    for days in range(1, 6):
        MentoringSession.objects.create(
            mentorship=world["mentorship"],
            starts_at=timezone.now() - timedelta(days=days, hours=1),
            ends_at=timezone.now() - timedelta(days=days),
        )
    assert count() == few


def test_each_past_session_has_its_own_feedback_fields_with_what_was_said(world, client):
    mentorship = world["mentorship"]
    past = [
        MentoringSession.objects.create(
            mentorship=mentorship,
            starts_at=timezone.now() - timedelta(days=days, hours=1),
            ends_at=timezone.now() - timedelta(days=days),
            founder_feedback=f"Said {days}",
        )
        for days in (1, 2)
    ]
    client.force_login(world["people"]["founder"])
    html = client.get(reverse("mentoring:detail", args=[mentorship.pk])).content.decode()
    for session in past:
        assert f'id="notes-{session.pk}"' in html and f'id="rating-{session.pk}"' in html
        assert f"Said {session.founder_feedback[-1]}</textarea>" in html
    client.force_login(world["people"]["mentor"])
    html = client.get(reverse("mentoring:detail", args=[mentorship.pk])).content.decode()
    assert f'id="notes-{past[0].pk}"' in html and 'name="rating"' not in html
