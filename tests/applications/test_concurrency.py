"""Parallel submits and accepts against the real database (PostgreSQL in CI)."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from startup_street.applications import services
from startup_street.applications.models import Application
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
        lambda i: services.decide_application(
            application=applications[i], actor=bob, decision="accepted"
        ),
    )
    assert Application.objects.filter(call=call, status="accepted").count() == 10


def _submitted(call):
    owner = make_user()
    application = services.start_application(call=call, startup=make_startup(owner), user=owner)
    return services.submit_application(application=application, user=owner)


def test_parallel_bulk_decisions_are_all_or_nothing_within_the_seats(organization, bob):
    from startup_street.applications.decisions import decide_many

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
