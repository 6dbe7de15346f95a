"""What staff and reviewers read about scores and automatic assignment: plain words, with the
solver's figures only behind a disclosure; irreversible steps asked before they are taken."""

import re

import pytest
from django.urls import reverse

from startup_street.core.models import ActivityLog
from startup_street.reviews import services
from startup_street.reviews.models import ReviewAssignment, Rubric
from tests.factories import score, submit_one

pytestmark = pytest.mark.django_db
SOLVER_WORDS = ("item", "agent", "demand", "infeasible", "objective", "dual")


def test_randomised_assignment_that_cannot_be_made_speaks_plainly(client, call, reviewers, alice):
    Rubric.objects.create(call=call, reviewers_per_application=2, max_per_reviewer=4)
    submit_one(call)
    client.force_login(alice)
    response = client.post(
        reverse("reviews:auto_assign", args=[call.pk]), {"randomize": "1/3"}, follow=True
    )
    said = " ".join(str(m) for m in response.context["messages"])
    assert "1/3" in said and "nothing was assigned" in said
    assert not any(word in said.lower() for word in SOLVER_WORDS)
    assert not ReviewAssignment.objects.exists()
    record = ActivityLog.objects.get(verb="review.auto_assigned")
    assert record.data["created"] == 0 and record.data["solver"]  # kept for who asks


def test_assignment_figures_only_behind_a_disclosure(client, call, reviewers, alice):
    Rubric.objects.create(call=call, reviewers_per_application=1, max_per_reviewer=4)
    submit_one(call)
    client.force_login(alice)
    manage = reverse("reviews:manage", args=[call.pk])
    assert 'id="auto-assign-details"' not in client.get(manage).content.decode()
    client.post(reverse("reviews:auto_assign", args=[call.pk]))
    html = client.get(manage).content.decode()
    disclosure = re.search(
        r'<details class="disclosure" id="auto-assign-details">.*?</details>', html, re.S
    )
    assert disclosure and "Total fit (objective)" in disclosure.group(0)
    assert "Details for specialists" in disclosure.group(0)
    outside = html.replace(disclosure.group(0), "")
    assert "objective" not in outside.lower()


def test_weighted_score_is_explained_where_it_is_shown(client, call, reviewers, alice, criteria):
    application = submit_one(call)
    assignment = services.assign_reviewer(
        application=application, reviewer=reviewers[0], actor=alice
    )
    score(assignment, reviewers[0], 4, criteria=criteria)
    explained = "The weighted score is out of 100"
    client.force_login(reviewers[0])
    review = client.get(reverse("reviews:detail", args=[assignment.pk])).content.decode()
    assert explained in review and "/ 100" in review
    client.force_login(alice)
    for url in (
        reverse("reviews:manage", args=[call.pk]),
        reverse("decisions:decisions", args=[call.pk]),
    ):
        assert explained in client.get(url).content.decode()
    ranking = client.get(reverse("decisions:decisions", args=[call.pk])).content.decode()
    assert "harsh and lenient reviewers" in ranking


def test_declaring_a_conflict_is_asked_first(client, call, reviewers, alice):
    application = submit_one(call)
    assignment = services.assign_reviewer(
        application=application, reviewer=reviewers[0], actor=alice
    )
    client.force_login(reviewers[0])
    html = client.get(reverse("reviews:detail", args=[assignment.pk])).content.decode()
    form = re.search(
        r'action="{}".*?</form>'.format(reverse("reviews:declare_conflict", args=[assignment.pk])),
        html,
        re.S,
    )
    assert (
        form and '<details class="confirm">' in form.group(0) and "Yes, step aside" in form.group(0)
    )
