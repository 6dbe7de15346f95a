"""Decisions over a call: quotas, many at once, the waitlist, the cohort, notices, exports."""

import csv
import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from startup_street.applications import services as applications
from startup_street.applications.enums import Status
from startup_street.applications.models import Application
from startup_street.core.models import Sector
from startup_street.decisions import services as decisions
from startup_street.decisions.models import Cohort
from startup_street.decisions.selectors import decision_ranking
from startup_street.decisions.services import promote_from_waitlist
from startup_street.programs.models import Call
from startup_street.reviews import selectors, services
from startup_street.reviews.models import ReviewAssignment, Stake
from tests.factories import make_user, score, submit_one

pytestmark = pytest.mark.django_db


def _in(sector_code, application):
    application.startup.sectors.add(Sector.objects.get(code=sector_code))
    return application


def _accept(application, actor):
    return decisions.decide_application(application=application, actor=actor, decision="accepted")


def _status(application):
    return Application.objects.get(pk=application.pk).status


@pytest.fixture
def robotics_quota(call, alice):
    Call.objects.filter(pk=call.pk).update(seats=5)
    call.refresh_from_db()
    decisions.set_quota(
        call=call, actor=alice, sector=Sector.objects.get(code="robotics"), min_percent=40
    )
    return call


def test_acceptance_that_would_break_a_quota_is_refused(robotics_quota, bob):
    call = robotics_quota
    others = [_in("ai", submit_one(call)) for _ in range(4)]
    robots = [_in("robotics", submit_one(call)) for _ in range(2)]
    for application in others[:3]:
        _accept(application, bob)
    with pytest.raises(ValidationError) as error:
        _accept(others[3], bob)  # 2 of 5 seats go to robotics: one seat would be left
    assert "quota" in error.value.messages[0]
    assert _status(others[3]) == "submitted"
    for application in robots:
        _accept(application, bob)
    assert call.applications.filter(status="accepted").count() == 5


def test_cohort_needs_every_quota_met(call, alice, bob):
    decisions.set_quota(
        call=call, actor=alice, sector=Sector.objects.get(code="robotics"), min_percent=20
    )
    ai = _in("ai", submit_one(call))
    _accept(ai, bob)
    with pytest.raises(ValidationError):
        decisions.form_cohort(call=call, actor=bob)
    robot = _in("robotics", submit_one(call))
    _accept(robot, bob)
    cohort = decisions.form_cohort(call=call, actor=bob, name="Spring 2027")
    assert set(cohort.applications.all()) == {ai, robot} and cohort.name == "Spring 2027"


def test_cohort_follows_later_acceptances_and_declines(call, bob):
    first, second = submit_one(call), submit_one(call)
    _accept(first, bob)
    decisions.form_cohort(call=call, actor=bob)
    _accept(second, bob)
    founder = first.startup.members.get().user
    applications.withdraw_application(application=first, user=founder)  # declines the seat
    cohort = decisions.form_cohort(call=call, actor=bob)
    assert list(cohort.applications.all()) == [second] and Cohort.objects.count() == 1


def test_cohort_by_outsider_refused(call, charlie, bob):
    _accept(submit_one(call), bob)
    with pytest.raises(PermissionDenied):
        decisions.form_cohort(call=call, actor=charlie)


def test_bulk_decision_is_all_or_nothing(call, bob):  # the call has 3 seats
    batch = [submit_one(call) for _ in range(4)]
    with pytest.raises(ValidationError) as error:
        decisions.decide_many(
            call=call, actor=bob, application_ids=[a.pk for a in batch], decision="accepted"
        )
    assert batch[3].startup.name in error.value.messages[0]
    assert not call.applications.filter(status="accepted").exists()
    count = decisions.decide_many(
        call=call, actor=bob, application_ids=[a.pk for a in batch[:3]], decision="accepted"
    )
    assert count == 3


def test_bulk_decision_refuses_applications_of_another_call(call, organization, bob):
    from tests.factories import make_call, make_program

    elsewhere = submit_one(make_call(make_program(organization)))
    with pytest.raises(ValidationError):
        decisions.decide_many(
            call=call, actor=bob, application_ids=[elsewhere.pk], decision="rejected"
        )
    assert _status(elsewhere) == "submitted"


def test_freed_seat_goes_to_the_best_ranked_waitlisted(call, criteria, reviewers, alice, bob):
    accepted = [submit_one(call) for _ in range(3)]
    waiting = [submit_one(call) for _ in range(2)]
    for application in accepted:
        _accept(application, bob)
    for application, value in zip(waiting, (2, 5), strict=True):
        assignment = services.assign_reviewer(
            application=application, reviewer=reviewers[0], actor=alice
        )
        score(assignment, reviewers[0], value, criteria=criteria)
        decisions.decide_application(application=application, actor=bob, decision="waitlisted")
    assert promote_from_waitlist(call=call, actor=bob) == []  # no seat free
    founder = accepted[0].startup.members.get().user
    applications.withdraw_application(application=accepted[0], user=founder)
    promoted = promote_from_waitlist(call=call, actor=bob)
    assert [a.pk for a in promoted] == [waiting[1].pk]
    assert _status(waiting[0]) == "waitlisted"


def test_a_decision_is_told_once_in_each_members_language(
    call, bob, django_capture_on_commit_callbacks
):
    founder = make_user("founder", preferred_language="ko")
    application = submit_one(call, owner=founder)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _accept(application, bob)
    assert len(mail.outbox) == 1  # not once for "under review" and again for "accepted"
    with translation.override("ko"):
        expected = gettext("Your application: %(status)s") % {"status": Status.ACCEPTED.label}
    assert mail.outbox[0].subject == expected and expected != "Your application: Accepted"


def test_notice_reaches_each_founder_in_their_language_once(
    call, bob, django_capture_on_commit_callbacks
):
    ko, zh = make_user("ko", preferred_language="ko"), make_user("zh", preferred_language="zh-hans")
    for founder in (ko, zh):
        decisions.decide_application(
            application=submit_one(call, owner=founder), actor=bob, decision="waitlisted"
        )
    submit_one(call)  # still submitted: not addressed
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notice = decisions.send_notice(
            call=call,
            actor=bob,
            statuses=["waitlisted"],
            subject={"en": "Waitlist", "ko": "대기자 명단"},
            body={"en": "You are on the waitlist.", "ko": "대기자 명단에 있습니다."},
            original_language="en",
        )
    by_person = {m.to[0]: m.subject for m in mail.outbox}
    assert by_person == {ko.email: "대기자 명단", zh.email: "Waitlist"}  # zh falls back
    notice.refresh_from_db()
    assert notice.recipients == 2 and notice.sent_at
    from startup_street.decisions.notifications import deliver_notice

    assert deliver_notice(notice.pk) == 2 and len(mail.outbox) == 2  # idempotent


def test_notice_needs_recipients_and_a_subject(call, bob):
    with pytest.raises(ValidationError):
        decisions.send_notice(
            call=call,
            actor=bob,
            statuses=[],
            subject={"en": "x"},
            body={"en": "y"},
            original_language="en",
        )
    with pytest.raises(ValidationError):
        decisions.send_notice(
            call=call,
            actor=bob,
            statuses=["draft"],
            subject={},
            body={"en": "y"},
            original_language="en",
        )


def test_ranking_filters_narrow_rows_not_normalisation(call, criteria, reviewers, alice, bob):
    robot, other = _in("robotics", submit_one(call)), submit_one(call)
    for application, value in ((robot, 5), (other, 1)):
        assignment = services.assign_reviewer(
            application=application, reviewer=reviewers[0], actor=alice
        )
        score(assignment, reviewers[0], value, criteria=criteria)
    rows = selectors.ranking(call, sector="robotics")
    assert [row["application"] for row in rows] == [robot]
    assert rows[0]["normalised"] == pytest.approx(1.0)
    _accept(other, bob)
    assert [r["application"] for r in decision_ranking(call, status="accepted")] == [other]
    assert selectors.ranking(call, reviewed="complete") == []  # 3 reviewers wanted, 1 each


def test_reviews_export_has_scores_comments_and_z(client, call, criteria, reviewers, alice):
    application = submit_one(call)
    assignment = services.assign_reviewer(
        application=application, reviewer=reviewers[0], actor=alice
    )
    score(
        assignment, reviewers[0], 4, criteria=criteria, to_staff="=HYPERLINK(1)", to_applicant="ok"
    )
    client.force_login(alice)
    response = client.get(reverse("reviews:export", args=[call.pk]), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:6] == [
        "application",
        "startup",
        "reviewer",
        "submitted_at_utc",
        "total",
        "z_score",
    ]
    assert "Team" in rows[0] and "Market" in rows[0]
    assert rows[1][2] == reviewers[0].email and rows[1][6:8] == ["4", "4"]
    assert "'=HYPERLINK(1)" in rows[1]  # never a live formula in a spreadsheet
    xlsx = client.get(reverse("reviews:export", args=[call.pk]), {"format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("decisions:decide_many", {"decision": "accepted"}),
        ("decisions:waitlist", {}),
        ("decisions:quota", {"sector": 1, "min_percent": 20}),
        ("decisions:cohort", {"name": "x"}),
        ("decisions:notice", {"statuses": ["submitted"]}),
    ],
)
def test_decision_doors_refuse_outsiders(client, call, charlie, url, data):
    client.force_login(charlie)
    assert client.post(reverse(url, args=[call.pk]), data).status_code == 403
    assert not call.quotas.exists() and not call.notices.exists()


def test_unassign_and_stake_doors_refuse_outsiders(client, call, reviewers, alice, charlie):
    application = submit_one(call)
    assignment = services.assign_reviewer(
        application=application, reviewer=reviewers[0], actor=alice
    )
    client.force_login(charlie)
    unassign = reverse("reviews:unassign", args=[call.pk, assignment.pk])
    assert client.post(unassign).status_code == 403
    stake = {"startup": application.startup_id, "kind": "investor", "person": reviewers[0].email}
    assert client.post(reverse("reviews:stake", args=[call.pk]), stake).status_code == 403
    assert ReviewAssignment.objects.filter(pk=assignment.pk).exists()
    assert not Stake.objects.exists()


def test_staff_unassign_and_record_a_stake_on_the_page(client, call, reviewers, alice):
    application = submit_one(call)
    first, second = (
        services.assign_reviewer(application=application, reviewer=r, actor=alice)
        for r in reviewers[:2]
    )
    client.force_login(alice)
    client.post(reverse("reviews:unassign", args=[call.pk, first.pk]))
    stake = {"startup": application.startup_id, "kind": "investor", "person": reviewers[1].email}
    response = client.post(reverse("reviews:stake", args=[call.pk]), stake, follow=True)
    assert "1 new conflict of interest was found" in response.content.decode()
    assert not ReviewAssignment.objects.exists()  # the second went with its new conflict


def test_decisions_page_in_a_browserless_round(client, call, bob):
    batch = [_in("robotics", submit_one(call)) for _ in range(2)]
    client.force_login(bob)
    page = client.get(reverse("decisions:decisions", args=[call.pk]), {"sector": "robotics"})
    assert page.status_code == 200 and batch[0].startup.name in page.content.decode()
    client.post(
        reverse("decisions:decide_many", args=[call.pk]),
        {"applications": [a.pk for a in batch], "decision": "accepted"},
    )
    client.post(reverse("decisions:cohort", args=[call.pk]), {"name": "Robots 2027"})
    assert set(Cohort.objects.get(call=call).applications.all()) == set(batch)


def test_decisions_page_queries_do_not_grow(client, call, bob, django_assert_max_num_queries):
    for _ in range(2):
        submit_one(call)
    client.force_login(bob)
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("decisions:decisions", args=[call.pk]))
    for _ in range(8):
        submit_one(call)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("decisions:decisions", args=[call.pk]))


def test_bulk_decision_form_chooses_no_decision_for_staff(client, call, bob):
    from django.urls import reverse

    client.force_login(bob)
    page = client.get(reverse("decisions:decisions", args=[call.pk])).content.decode()
    select = page.split('name="decision"')[1].split("</select>")[0]
    assert 'value="" selected' in select or "selected" not in select
    assert "Yes, decide for the selected" in page  # asks before deciding many at once
