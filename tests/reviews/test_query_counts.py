"""Decisions and conflicts over many applications read what they share once, not once each."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from startup_street.applications.enums import Status
from startup_street.applications.models import Application
from startup_street.core.models import Sector
from startup_street.decisions import services as decisions
from startup_street.decisions.services import promote_from_waitlist
from startup_street.reviews import conflicts
from startup_street.reviews.models import Conflict, ReviewAssignment
from tests.factories import make_call, make_program, submit_one

pytestmark = pytest.mark.django_db


def _reads(queries) -> int:
    """The queries that read (writes grow with what is written, and must)."""
    return sum(1 for q in queries if q["sql"].lstrip().upper().startswith("SELECT"))


def _call_with(organization, alice, count):
    call = make_call(make_program(organization), seats=count + 2)
    decisions.set_quota(
        call=call, actor=alice, sector=Sector.objects.get(code="robotics"), min_percent=20
    )
    decisions.set_quota(
        call=call, actor=alice, sector=Sector.objects.get(code="ai"), min_percent=10
    )
    robotics = Sector.objects.get(code="robotics")
    made = []
    for _ in range(count):
        application = submit_one(call)
        application.startup.sectors.add(robotics)
        made.append(application)
    return call, made


def _decide_many(organization, alice, bob, count):
    call, made = _call_with(organization, alice, count)
    with CaptureQueriesContext(connection) as queries:
        decided = decisions.decide_many(
            call=call, actor=bob, application_ids=[a.pk for a in made], decision=Status.ACCEPTED
        )
    assert decided == count
    assert call.applications.filter(status=Status.ACCEPTED).count() == count
    return queries.captured_queries


def test_deciding_many_reads_the_call_once_whatever_their_number(organization, alice, bob):
    few, many = (_decide_many(organization, alice, bob, n) for n in (2, 6))
    assert _reads(few) == _reads(many)
    calls = [q for q in many if 'FROM "programs_call"' in q["sql"]]
    assert len(calls) == 1  # the call, locked once


def _promote(organization, alice, bob, count):
    call, made = _call_with(organization, alice, count)
    for application in made:
        decisions.decide_application(application=application, actor=bob, decision=Status.WAITLISTED)
    with CaptureQueriesContext(connection) as queries:
        promoted = promote_from_waitlist(call=call, actor=bob)
    assert len(promoted) == count
    return queries.captured_queries


def test_promoting_from_the_waitlist_reads_the_call_once_whatever_their_number(
    organization, alice, bob
):
    few, many = (_promote(organization, alice, bob, n) for n in (2, 6))
    assert _reads(few) == _reads(many)


def test_seats_still_stop_a_bulk_acceptance(organization, alice, bob):
    call, made = _call_with(organization, alice, 4)
    call.seats = 3
    call.save(update_fields=["seats"])
    with pytest.raises(Exception, match="seats"):
        decisions.decide_many(
            call=call, actor=bob, application_ids=[a.pk for a in made], decision=Status.ACCEPTED
        )
    assert not call.applications.filter(status=Status.ACCEPTED).exists()


def _detect(organization, alice, reviewers, count):
    call = make_call(make_program(organization), seats=count)
    made = [submit_one(call) for _ in range(count)]
    for application in made:
        for reviewer in reviewers[:2]:
            ReviewAssignment.objects.create(
                application=application, reviewer=reviewer, assigned_by=alice
            )
            conflicts.record_stake(
                startup=application.startup, actor=alice, kind="investor", person=reviewer
            )
    ReviewAssignment.objects.create(application=made[0], reviewer=reviewers[2], assigned_by=alice)
    with CaptureQueriesContext(connection) as queries:
        created = conflicts.detect_conflicts(call=call, actor=alice)
    assert created == 2 * count
    assert list(ReviewAssignment.objects.filter(application__call=call)) == list(
        ReviewAssignment.objects.filter(reviewer=reviewers[2], application__call=call)
    )
    assert (
        Conflict.history.filter(
            history_user=alice, startup_id__in=[a.startup_id for a in made]
        ).count()
        == 2 * count
    )
    assert ReviewAssignment.history.filter(
        history_type="-", history_user=alice, application_id__in=[a.pk for a in made]
    ).count() == (2 * count)
    return queries.captured_queries


def test_detecting_conflicts_reads_and_records_in_a_few_queries(organization, alice, reviewers):
    few, many = (_detect(organization, alice, reviewers, n) for n in (2, 6))
    assert _reads(few) == _reads(many)
    inserts = [q for q in many if q["sql"].lstrip().upper().startswith("INSERT")]
    conflict_inserts = [q for q in inserts if 'INTO "reviews_conflict"' in q["sql"]]
    assert len(conflict_inserts) == 1


def test_staff_may_record_a_stake_in_one_query_whatever_the_applications(
    organization, alice, reviewers
):
    application = submit_one(make_call(make_program(organization)))
    for _ in range(3):
        Application.objects.create(
            call=make_call(make_program(organization)),
            startup=application.startup,
            created_by=application.created_by,
        )
    with CaptureQueriesContext(connection) as queries:
        assert conflicts._may_record_stake(alice, application.startup)
    assert len(queries.captured_queries) == 1
