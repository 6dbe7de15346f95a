"""The review and decision doors answer hostile input without a server error."""

import pytest
from django.urls import reverse

from startup_street.reviews import services
from tests.factories import submit_one
from tests.test_no_server_errors import JUNK

pytestmark = pytest.mark.django_db
JUNK_FORM = {
    **JUNK,
    "applications": ["x", "-1", "999999"],
    "decision": "promote",
    "statuses": ["draft", "💥"],
    "min_percent": "1e309",
    "sector": "../../etc",
    "reviewer": "0",
    "application": "abc",
    "phase": "later",
    "reviewers_per_application": "-5",
    "kind": "thief",
    "person": "a@" * 50,
}


@pytest.mark.parametrize("who", [None, "alice", "charlie"])
def test_review_doors_survive_junk(client, call, reviewers, alice, request, who):
    application = submit_one(call)
    assignment = services.assign_reviewer(
        application=application, reviewer=reviewers[0], actor=alice
    )
    if who:
        client.force_login(request.getfixturevalue(who))
    c, a = call.pk, application.pk
    paths = [
        reverse(name, args=[c])
        for name in (
            "reviews:manage",
            "reviews:rubric",
            "reviews:auto_assign",
            "reviews:assign",
            "reviews:stake",
            "reviews:export",
            "decisions:decisions",
            "decisions:decide_many",
            "decisions:waitlist",
            "decisions:quota",
            "decisions:cohort",
            "decisions:notice",
        )
    ] + [
        reverse("reviews:history", args=[a]),
        reverse("reviews:detail", args=[assignment.pk]),
        reverse("reviews:unassign", args=[c, assignment.pk]),
        f"/api/v1/reviews/calls/{c}/ranking",
        f"/api/v1/reviews/calls/{c}/rubric",
        f"/api/v1/applications/calls/{c}/decisions",
        f"/api/v1/applications/{a}/history",
    ]
    for path in paths:
        for response in (
            client.get(path, JUNK_FORM),
            client.post(path, JUNK_FORM),
            client.patch(path, "{bad json", content_type="application/json"),
        ):
            assert response.status_code < 500, (path, response.status_code)
