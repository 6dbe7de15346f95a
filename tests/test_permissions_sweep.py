"""Endpoints whose services are tested on their own: here, that the web and API doors refuse
an outsider and change nothing."""

from datetime import time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from startup_street.applications import services as applications
from startup_street.applications.models import Application, Attachment, Question
from startup_street.mentoring.models import (
    AvailabilityWindow,
    FounderPreference,
    MentoringSession,
    Mentorship,
)
from startup_street.reviews import services as reviews
from startup_street.reviews.models import ReviewAssignment
from tests.factories import bearer, make_call, make_member, make_program, make_startup, make_user
from tests.mentoring.test_mentoring import make_mentor

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture
def world(organization, alice, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    call = make_call(make_program(organization))
    form = applications.form_for(call)
    deck = Question.objects.create(form=form, kind="file", label={"en": "Deck"})
    founder = make_user("founder")
    application = applications.start_application(
        call=call, startup=make_startup(founder), user=founder
    )
    upload = SimpleUploadedFile("deck.pdf", PDF, content_type="application/pdf")
    attachment = applications.attach_file(
        application=application, question=deck, user=founder, upload=upload
    )
    applications.submit_application(application=application, user=founder)
    reviewer = make_user("reviewer")
    make_member(organization, reviewer, "reviewer")
    assignment = reviews.assign_reviewer(application=application, reviewer=reviewer, actor=alice)
    mentor = make_mentor(organization, "mentor")
    AvailabilityWindow.objects.create(mentor=mentor, weekday=0, starts=time(0), ends=time(23))
    mentorship = Mentorship.objects.create(mentor=mentor, startup=application.startup)
    start = timezone.now() + timedelta(days=1)
    session = MentoringSession.objects.create(
        mentorship=mentorship, starts_at=start, ends_at=start + timedelta(hours=1)
    )
    return {
        "call": call,
        "application": application,
        "attachment": attachment,
        "assignment": assignment,
        "session": session,
        "deck": deck,
    }


def _doors(w):
    a, c = w["application"], w["call"]
    return [
        ("post", reverse("applications:autosave", args=[a.pk]), {str(w["deck"].pk): "x"}),
        ("post", reverse("applications:withdraw", args=[a.pk]), {}),
        ("post", reverse("decisions:decide", args=[a.pk]), {"decision": "accepted"}),
        ("post", reverse("applications:upload", args=[a.pk, w["deck"].pk]), {}),
        ("get", reverse("applications:download", args=[a.pk, w["attachment"].pk]), {}),
        ("post", reverse("applications:form_builder", args=[c.pk]), {"kind": "short_text"}),
        ("get", reverse("reviews:detail", args=[w["assignment"].pk]), {}),
        ("get", reverse("reviews:attachment", args=[w["assignment"].pk, w["attachment"].pk]), {}),
        ("post", reverse("reviews:declare_conflict", args=[w["assignment"].pk]), {}),
        ("post", reverse("reviews:assign", args=[c.pk]), {"application": a.pk, "reviewer": 1}),
        ("post", reverse("reviews:auto_assign", args=[c.pk]), {}),
        ("get", reverse("mentoring:session_ics", args=[w["session"].pk]), {}),
        ("post", reverse("mentoring:feedback", args=[w["session"].pk]), {"notes": "x"}),
        ("get", reverse("mentoring:detail", args=[w["session"].mentorship_id]), {}),
        ("post", reverse("mentoring:match", args=["seoul-hub"]), {"per_startup": 1}),
        ("post", reverse("decisions:release", args=[c.pk]), {"confirm": "on"}),
        (
            "post",
            reverse("mentoring:preferences", args=[a.startup.slug]),
            {"mentor": w["session"].mentorship.mentor_id, "value": "want"},
        ),
    ]


def test_outsider_is_refused_everywhere_and_changes_nothing(client, world, charlie):
    client.force_login(charlie)
    for method, url, data in _doors(world):
        response = getattr(client, method)(url, data)
        assert response.status_code in {403, 404}, (url, response.status_code)
    world["application"].refresh_from_db()
    assert world["application"].status == "submitted"
    assert Attachment.objects.count() == 1 and ReviewAssignment.objects.count() == 1
    assert Question.objects.count() == 1 and Application.objects.count() == 1
    assert world["session"].mentorship.mentor.user.review_conflicts.count() == 0
    world["session"].refresh_from_db()
    assert world["session"].founder_feedback == "" and world["session"].mentor_notes == ""
    assert not FounderPreference.objects.exists()


def test_other_reviewer_cannot_read_the_assigned_attachment(client, world, organization):
    other = make_user("other-reviewer")
    make_member(organization, other, "reviewer")
    client.force_login(other)
    url = reverse("reviews:attachment", args=[world["assignment"].pk, world["attachment"].pk])
    assert client.get(url).status_code == 404


def test_match_run_api_hidden_from_outsider(client, world, alice, charlie):
    run = client.post(
        "/api/v1/mentoring/match-runs",
        {"organization": "seoul-hub"},
        content_type="application/json",
        **bearer(alice),
    ).json()
    assert (
        client.get(f"/api/v1/mentoring/match-runs/{run['id']}", **bearer(charlie)).status_code
        == 404
    )
    confirm = client.post(f"/api/v1/mentoring/match-runs/{run['id']}/confirm", **bearer(charlie))
    assert confirm.status_code == 404
