"""Each documented demo log-in lands on real work: logging in as every demo role, its home page
shows that role's own things, made by the demo through the apps' services."""

import pytest
from django.urls import reverse

from startup_street.applications.models import Application
from startup_street.demo.generate import DEMO_PASSWORD, demo_accounts, load_demo
from startup_street.matching.models import MatchRun
from startup_street.mentoring.models import MentoringSession, Mentorship
from startup_street.reviews.models import ReviewAssignment

SMALL_WITH_WORK = {"programs": 12, "startups": 40}


def _email(prefix: str) -> str:
    return next(email for _role, email in demo_accounts() if email.startswith(prefix + "@"))


@pytest.fixture
def home_of(client, db):
    """Loads the demo (once per test: it is written in the test's transaction) and returns a
    function that logs in as a demo account, through the log-in form, and reads its home."""
    load_demo(**SMALL_WITH_WORK)

    def home(prefix: str) -> str:
        client.logout()
        credentials = {"username": _email(prefix), "password": DEMO_PASSWORD}
        logged_in = client.post(reverse("accounts:login"), credentials)
        assert logged_in.status_code == 302, prefix
        response = client.get(reverse("core:home"))
        assert response.status_code == 200
        return response.content.decode()

    return home


def test_every_demo_log_in_lands_on_its_work(home_of):
    """One test, as loading the demo with its work takes a while."""
    for check in (
        founder_sees_a_draft_with_days_left_an_acceptance_and_the_next_session,
        teammate_sees_the_same_startups_work,
        beijing_founder_sees_a_draft_an_application_under_review_and_a_decision,
        reviewer_sees_a_queue_with_counts,
        hub_admin_sees_the_round_under_review_with_its_links,
        kic_manager_sees_a_confirmed_match,
        mentor_sees_startups_hours_and_sessions,
        analyst_sees_the_street_in_figures,
        admin_sees_the_administration,
    ):
        check(home_of)


def founder_sees_a_draft_with_days_left_an_acceptance_and_the_next_session(home_of):
    page = home_of("founder")
    assert 'id="founder"' in page
    assert "status--draft" in page and 'class="dday' in page
    assert "status--accepted" in page
    assert reverse("mentoring:detail", args=[_robowave_mentorship()]) in page


def teammate_sees_the_same_startups_work(home_of):
    page = home_of("teammate")
    assert "status--draft" in page and "status--accepted" in page


def beijing_founder_sees_a_draft_an_application_under_review_and_a_decision(home_of):
    page = home_of("founder-cn")
    assert "status--draft" in page
    assert "status--under_review" in page
    assert "status--accepted" in page


def reviewer_sees_a_queue_with_counts(home_of):
    page = home_of("reviewer")
    mine = ReviewAssignment.objects.filter(reviewer__email=_email("reviewer"))
    to_do = [a for a in mine if not (hasattr(a, "review") and a.review.submitted_at)]
    assert to_do and len(to_do) < mine.count()  # some done, some still to do
    assert 'id="reviewer"' in page
    assert reverse("reviews:detail", args=[to_do[0].pk]) in page


def hub_admin_sees_the_round_under_review_with_its_links(home_of):
    page = home_of("hub-admin")
    call = (
        Application.objects.filter(
            call__program__organization__slug="seoul-startup-hub", status="under_review"
        )
        .first()
        .call
    )
    assert 'id="staff"' in page
    for name in ("applications:form_builder", "reviews:manage", "decisions:decisions"):
        assert reverse(name, args=[call.pk]) in page
    assert 'id="founder"' not in page


def kic_manager_sees_a_confirmed_match(home_of):
    page = home_of("kic-manager")
    run = MatchRun.objects.get(organization__slug="kic-beijing", status="confirmed")
    assert reverse("mentoring:run", args=[run.pk]) in page
    assert "status--confirmed" in page


def mentor_sees_startups_hours_and_sessions(home_of):
    page = home_of("mentor")
    assert 'id="mentor"' in page
    assert reverse("mentoring:detail", args=[_robowave_mentorship()]) in page
    booked = MentoringSession.objects.get(
        mentorship__mentor__user__email=_email("mentor"), status="booked"
    )
    assert booked.starts_at.year >= 2026 and "status--booked" in page


def analyst_sees_the_street_in_figures(home_of):
    page = home_of("analyst")
    assert 'id="figures"' in page
    assert 'id="staff"' not in page and 'id="founder"' not in page


def admin_sees_the_administration(home_of):
    page = home_of("admin")
    assert 'id="admin"' in page and reverse("admin:index") in page


def _robowave_mentorship() -> int:
    return Mentorship.objects.get(startup__slug="robowave").pk
