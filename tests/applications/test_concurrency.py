"""Parallel submits and accepts against the real database (PostgreSQL in CI)."""

from concurrent.futures import ThreadPoolExecutor, wait
from threading import Event

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from startup_street.applications import services
from startup_street.applications.models import Application, Question
from startup_street.decisions import services as decision_services
from tests.factories import make_call, make_program, make_startup, make_user

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs a server database for real parallelism"
    ),
]


def _parallel(n: int, fn):
    def run(i):
        try:
            return fn(i)
        except ValidationError:
            return None
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=min(n, 20)) as pool:
        return list(pool.map(run, range(n)))


def test_fifty_parallel_submits_make_one_submission(organization):
    call = make_call(make_program(organization))
    founder = make_user("founder")
    application = services.start_application(call=call, startup=make_startup(founder), user=founder)
    _parallel(50, lambda i: services.submit_application(application=application, user=founder))
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.timeline.filter(to_status="submitted").count() == 1


def test_hundred_parallel_accepts_fill_exactly_ten_seats(organization, bob):
    call = make_call(make_program(organization), seats=10)
    applications = []
    for _ in range(100):
        owner = make_user()
        application = services.start_application(call=call, startup=make_startup(owner), user=owner)
        services.submit_application(application=application, user=owner)
        applications.append(application)
    _parallel(
        100,
        lambda i: decision_services.decide_application(
            application=applications[i], actor=bob, decision="accepted"
        ),
    )
    assert Application.objects.filter(call=call, status="accepted").count() == 10


def _submitted(call):
    owner = make_user()
    application = services.start_application(call=call, startup=make_startup(owner), user=owner)
    return services.submit_application(application=application, user=owner)


def test_parallel_bulk_decisions_are_all_or_nothing_within_the_seats(organization, bob):
    from startup_street.decisions.services import decide_many

    call = make_call(make_program(organization), seats=10)
    batches = [[_submitted(call).pk for _ in range(3)] for _ in range(8)]
    _parallel(
        8,
        lambda i: decide_many(
            call=call, actor=bob, application_ids=batches[i], decision="accepted"
        ),
    )
    accepted = set(
        Application.objects.filter(call=call, status="accepted").values_list("pk", flat=True)
    )
    assert len(accepted) == 9  # three whole batches; a fourth would need twelve seats
    assert all(set(batch) <= accepted or not set(batch) & accepted for batch in batches)


def test_fifty_parallel_reviews_of_one_assignment_make_one_review(organization, alice):
    from startup_street.reviews import services as reviews
    from startup_street.reviews.models import Review, Score
    from tests.factories import make_member

    call = make_call(make_program(organization))
    reviewer = make_user("reviewer")
    make_member(organization, reviewer, "reviewer")
    criterion = reviews.add_criterion(
        call=call, actor=alice, label={"en": "Team"}, weight=1, scale_min=1, scale_max=5
    )
    assignment = reviews.assign_reviewer(
        application=_submitted(call), reviewer=reviewer, actor=alice
    )
    _parallel(
        50,
        lambda i: reviews.submit_review(
            assignment=assignment, reviewer=reviewer, scores={criterion.pk: 1 + i % 5}
        ),
    )
    assert Review.objects.count() == 1 and Score.objects.count() == 1


def _form_race(organization, alice):
    """A call with an optional question and a founder's draft that leaves it unanswered."""
    call = make_call(make_program(organization))
    question = services.add_question(
        call=call,
        actor=alice,
        kind="short_text",
        label={"en": "Pitch"},
        help_text={},
        required=False,
        max_length=None,
        choices=[],
    )
    founder = make_user("founder")
    draft = services.start_application(call=call, startup=make_startup(founder), user=founder)
    return question, draft, founder


def _require(question, actor):
    return services.update_question(
        question=question,
        actor=actor,
        kind="short_text",
        label={"en": "Pitch"},
        help_text={},
        required=True,
        max_length=None,
        choices=[],
    )


def _held(first, then):
    """Run ``first`` in a transaction left open while ``then`` starts in another thread; commit
    ``first`` once ``then`` has had the time to run past it if nothing made it wait. What
    ``then`` returned or raised, and whether it was still waiting at the commit."""
    done, commit = Event(), Event()

    def hold():
        try:
            with transaction.atomic():
                first()
                done.set()
                commit.wait(10)
        finally:
            connections.close_all()

    def second():
        try:
            return then()
        except ValidationError as error:
            return error
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2) as pool:
        holder = pool.submit(hold)
        assert done.wait(10)
        waiter = pool.submit(second)
        wait([waiter], timeout=0.5)
        waited = not waiter.done()
        commit.set()
        holder.result(timeout=10)
        return waiter.result(timeout=10), waited


def test_form_edit_waits_for_a_submission_in_flight_and_is_refused(organization, alice):
    question, draft, founder = _form_race(organization, alice)
    outcome, waited = _held(
        lambda: services.submit_application(application=draft, user=founder),
        lambda: _require(question, alice),
    )
    assert waited and isinstance(outcome, ValidationError)
    assert not Question.objects.get(pk=question.pk).required
    draft.refresh_from_db()
    assert draft.status == "submitted"


def test_submission_waits_for_a_form_edit_in_flight_and_meets_it(organization, alice):
    question, draft, founder = _form_race(organization, alice)
    outcome, waited = _held(
        lambda: _require(question, alice),
        lambda: services.submit_application(application=draft, user=founder),
    )
    assert waited and isinstance(outcome, ValidationError)  # the now required answer is missing
    assert Question.objects.get(pk=question.pk).required
    draft.refresh_from_db()
    assert draft.status == "draft"
