"""Conflicts of interest: every kind detected, recorded with history, and never assigned."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from startup_street.mentoring.models import MentorProfile, Mentorship
from startup_street.reviews import conflicts, services
from startup_street.reviews.assignment import auto_assign
from startup_street.reviews.models import Conflict, ReviewAssignment, Rubric
from tests.factories import make_member, make_organization, make_user, submit_one

pytestmark = pytest.mark.django_db


def _reasons(reviewer, application):
    return set(
        Conflict.objects.filter(reviewer=reviewer, startup=application.startup).values_list(
            "reason", flat=True
        )
    )


def test_personal_investor_is_conflicted_and_never_auto_assigned(call, reviewers, alice):
    Rubric.objects.create(call=call, reviewers_per_application=4, max_per_reviewer=5)
    application = submit_one(call)
    conflicts.record_stake(
        startup=application.startup, actor=alice, kind="investor", person=reviewers[0]
    )
    outcome = auto_assign(call=call, actor=alice)  # detection runs inside, not only in the view
    assert outcome.created == 3
    assert not ReviewAssignment.objects.filter(reviewer=reviewers[0]).exists()
    assert _reasons(reviewers[0], application) == {"investor"}


def test_fund_stake_conflicts_every_member_of_the_fund(call, reviewers, alice):
    fund = make_organization(kind="investor")
    make_member(fund, reviewers[1], "mentor")
    application = submit_one(call)
    conflicts.record_stake(
        startup=application.startup, actor=alice, kind="shareholder", organization=fund
    )
    conflicts.detect_conflicts(call=call, actor=alice)
    assert _reasons(reviewers[1], application) == {"investor"}
    assert not Conflict.objects.filter(reviewer=reviewers[2]).exists()


def test_previous_mentoring_is_a_conflict_even_when_ended(call, organization, reviewers, alice):
    application = submit_one(call)
    profile = MentorProfile.objects.create(
        user=reviewers[2], organization=organization, headline={"en": "Mentor"}
    )
    Mentorship.objects.create(mentor=profile, startup=application.startup, status="ended")
    conflicts.detect_conflicts(call=call, actor=alice)
    assert _reasons(reviewers[2], application) == {"mentoring"}


def test_shared_organisation_outside_the_call_is_a_conflict(call, organization, reviewers, alice):
    university = make_organization(kind="university")
    founder = make_user("founder")
    make_member(university, founder, "mentor")
    make_member(university, reviewers[3], "reviewer")
    application = submit_one(call, owner=founder)
    make_member(organization, founder, "mentor")  # the call's own organisation does not count
    conflicts.detect_conflicts(call=call, actor=alice)
    assert _reasons(reviewers[3], application) == {"same_organization"}
    assert not Conflict.objects.filter(reviewer__in=reviewers[:3]).exists()


def test_manual_assignment_detects_a_conflict_nobody_looked_for(call, reviewers, alice):
    application = submit_one(call, owner=make_user("ceo", email="ceo@review0.kr"))
    with pytest.raises(ValidationError):
        services.assign_reviewer(application=application, reviewer=reviewers[0], actor=alice)
    assert not ReviewAssignment.objects.exists()
    assert _reasons(reviewers[0], application) == {"email_domain"}
    history = Conflict.history.get(reviewer=reviewers[0])
    assert history.history_type == "+" and history.history_user == alice


def test_stake_recorded_later_removes_the_unreviewed_assignment(call, reviewers, alice):
    application = submit_one(call)
    assignment = services.assign_reviewer(
        application=application, reviewer=reviewers[0], actor=alice
    )
    conflicts.record_stake(
        startup=application.startup, actor=alice, kind="investor", person=reviewers[0]
    )
    conflicts.detect_conflicts(call=call, actor=alice)
    assert not ReviewAssignment.objects.filter(pk=assignment.pk).exists()
    removed = ReviewAssignment.history.get(id=assignment.pk, history_type="-")
    assert removed.history_user == alice


def test_founder_may_record_their_investors(call, reviewers):
    founder = make_user("founder")
    application = submit_one(call, owner=founder)
    stake = conflicts.record_stake(
        startup=application.startup, actor=founder, kind="investor", person=reviewers[1]
    )
    again = conflicts.record_stake(
        startup=application.startup, actor=founder, kind="investor", person=reviewers[1]
    )
    assert stake == again and stake.recorded_by == founder


def test_outsider_cannot_record_a_stake(call, reviewers, charlie):
    application = submit_one(call)
    with pytest.raises(PermissionDenied):
        conflicts.record_stake(
            startup=application.startup, actor=charlie, kind="investor", person=reviewers[0]
        )


def test_stake_names_exactly_one_holder(call, reviewers, alice):
    application = submit_one(call)
    with pytest.raises(ValidationError):
        conflicts.record_stake(startup=application.startup, actor=alice, kind="investor")


def test_detection_queries_do_not_grow_with_applicants(
    call, reviewers, alice, django_assert_max_num_queries
):
    for _ in range(3):
        submit_one(call)
    with django_assert_max_num_queries(8):
        conflicts.detected_conflicts(call)
    for _ in range(10):
        submit_one(call)
    with django_assert_max_num_queries(8):
        conflicts.detected_conflicts(call)
