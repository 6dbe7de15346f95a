"""Held decisions: recorded as made, told to nobody until staff release them together."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from startup_street.applications.enums import Status
from startup_street.applications.models import Application
from startup_street.decisions import services as decisions
from startup_street.decisions.models import Decision
from startup_street.decisions.selectors import decisions_held
from startup_street.decisions.services import release_decisions
from tests.factories import bearer, make_user, submit_one

pytestmark = pytest.mark.django_db
PENDING = Decision.objects.filter(released_at__isnull=True)


@pytest.fixture
def held_call(call, alice):
    decisions.set_hold(call=call, actor=alice, hold=True)
    return call


def _decide(application, actor, decision="accepted"):
    return decisions.decide_application(application=application, actor=actor, decision=decision)


def _subject(language, status):
    with translation.override(language):
        return gettext("Your application: %(status)s") % {"status": Status(status).label}


def test_held_decision_sends_no_mail_and_is_hidden_from_the_founder(
    client, held_call, bob, django_capture_on_commit_callbacks
):
    founder = make_user("founder", preferred_language="ko")
    application = submit_one(held_call, owner=founder)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _decide(application, bob)
    assert mail.outbox == []
    recorded = Decision.objects.get(application=application, released_at__isnull=True)
    assert recorded.value == Status.ACCEPTED and recorded.decided_by == bob  # recorded
    client.force_login(founder)
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    with translation.override("ko"):
        accepted, under_review = str(Status.ACCEPTED.label), str(Status.UNDER_REVIEW.label)
    assert under_review in page and accepted not in page
    listing = client.get(reverse("applications:mine")).content.decode()
    assert under_review in listing and accepted not in listing
    api = client.get(f"/api/v1/applications/{application.pk}", **bearer(founder)).json()
    assert api["status"] == "under_review" and api["decided_at"] is None
    assert "accepted" not in {step["to_status"] for step in api["timeline"]}
    found = client.get("/api/v1/applications?status=accepted", **bearer(founder)).json()
    assert found["count"] == 0
    found = client.get("/api/v1/applications?status=under_review", **bearer(founder)).json()
    assert [item["id"] for item in found["items"]] == [application.pk]


def test_staff_see_the_real_held_decision(client, held_call, bob):
    application = submit_one(held_call)
    _decide(application, bob)
    api = client.get(f"/api/v1/applications/{application.pk}", **bearer(bob)).json()
    assert api["status"] == "accepted" and api["decided_at"]
    client.force_login(bob)
    page = client.get(reverse("decisions:decisions", args=[held_call.pk])).content.decode()
    assert str(Status.ACCEPTED.label) in page and "Release decisions" in page


def test_a_notice_does_not_tell_a_held_decision(held_call, bob, django_capture_on_commit_callbacks):
    application = submit_one(held_call)
    _decide(application, bob)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notice = decisions.send_notice(
            call=held_call,
            actor=bob,
            statuses=["accepted"],
            subject={"en": "Welcome"},
            body={"en": "You are in."},
            original_language="en",
        )
    notice.refresh_from_db()
    assert mail.outbox == [] and notice.recipients == 0


def test_release_sends_one_mail_per_held_decision_in_each_language(
    client, held_call, bob, django_capture_on_commit_callbacks
):
    ko, zh = make_user("ko", preferred_language="ko"), make_user("zh", preferred_language="zh-hans")
    accepted, waitlisted = submit_one(held_call, owner=ko), submit_one(held_call, owner=zh)
    _decide(accepted, bob, "waitlisted")
    _decide(Application.objects.get(pk=accepted.pk), bob, "accepted")  # changed its mind
    _decide(waitlisted, bob, "waitlisted")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert release_decisions(call=held_call, actor=bob) == 2
    by_person = {m.to[0]: m.subject for m in mail.outbox}
    assert len(mail.outbox) == 2
    assert by_person == {
        ko.email: _subject("ko", "accepted"),
        zh.email: _subject("zh-hans", "waitlisted"),
    }
    assert not PENDING.exists()
    api = client.get(f"/api/v1/applications/{accepted.pk}", **bearer(ko)).json()
    assert api["status"] == "accepted"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert release_decisions(call=held_call, actor=bob) == 0
    assert mail.outbox == []


def test_decisions_after_a_release_are_told_as_made(
    held_call, bob, django_capture_on_commit_callbacks
):
    release_decisions(call=held_call, actor=bob)
    assert decisions_held(held_call) is False
    application = submit_one(held_call)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _decide(application, bob, "rejected")
    assert len(mail.outbox) == 1


def test_bulk_decisions_while_held(held_call, bob, django_capture_on_commit_callbacks):
    ids = [submit_one(held_call).pk for _n in range(3)]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            decisions.decide_many(
                call=held_call, actor=bob, application_ids=ids, decision="rejected"
            )
            == 3
        )
    assert mail.outbox == []
    assert set(
        Application.objects.filter(pk__in=ids).values_list("status", "decisions__value")
    ) == {("under_review", "rejected")}
    with django_capture_on_commit_callbacks(execute=True):
        assert release_decisions(call=held_call, actor=bob) == 3
    assert len(mail.outbox) == 3


def test_release_on_the_page_needs_a_confirmation(
    client, held_call, bob, django_capture_on_commit_callbacks
):
    _decide(submit_one(held_call), bob)
    client.force_login(bob)
    url = reverse("decisions:release", args=[held_call.pk])
    mail.outbox.clear()
    client.post(url, {})
    assert PENDING.exists() and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"confirm": "on"}).status_code == 302
    assert not PENDING.exists() and len(mail.outbox) == 1


def test_release_doors_refuse_everyone_but_the_calls_staff(
    client, held_call, bob, charlie, django_capture_on_commit_callbacks
):
    founder = make_user("founder")
    _decide(submit_one(held_call, owner=founder), bob)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for person in (founder, charlie):
            client.force_login(person)
            web = client.post(reverse("decisions:release", args=[held_call.pk]), {"confirm": "on"})
            assert web.status_code == 403
            api = client.post(
                f"/api/v1/applications/calls/{held_call.pk}/decisions/release", **bearer(person)
            )
            assert api.status_code == 403
        assert (
            client.post(
                "/api/v1/applications/calls/999999/decisions/release", **bearer(charlie)
            ).status_code
            == 404
        )
    assert PENDING.count() == 1 and mail.outbox == []
    assert decisions_held(held_call) is True


def test_release_through_the_api(client, held_call, bob, django_capture_on_commit_callbacks):
    _decide(submit_one(held_call), bob)
    url = f"/api/v1/applications/calls/{held_call.pk}/decisions/release"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, **bearer(bob)).json() == {"count": 1}
    assert client.post(url, **bearer(bob)).json() == {"count": 0}


def test_hold_is_a_review_setting_in_the_api(client, call, bob):
    url = f"/api/v1/reviews/calls/{call.pk}/rubric"
    response = client.patch(
        url, {"hold_decisions": True}, content_type="application/json", **bearer(bob)
    )
    assert response.status_code == 200 and response.json()["hold_decisions"] is True
