from collections import Counter

import pytest
from django.urls import reverse

from startup_street.reviews.assignment import auto_assign
from startup_street.reviews.models import Conflict, ReviewAssignment, Rubric
from tests.factories import submit_one

pytestmark = pytest.mark.django_db


def test_balanced_k_per_application_m_per_reviewer(call, reviewers, alice):
    Rubric.objects.create(call=call, reviewers_per_application=2, max_per_reviewer=3)
    applications = [submit_one(call) for _ in range(6)]
    Conflict.objects.create(
        reviewer=reviewers[0], startup=applications[0].startup, reason="investor"
    )
    outcome = auto_assign(call=call, actor=alice)
    assert outcome.ok and outcome.optimal and outcome.created == 12
    pairs = list(ReviewAssignment.objects.values_list("application_id", "reviewer_id"))
    assert set(Counter(a for a, _r in pairs).values()) == {2}
    assert max(Counter(r for _a, r in pairs).values()) <= 3
    assert (applications[0].pk, reviewers[0].pk) not in pairs


def test_rerun_tops_up_without_duplicates(call, reviewers, alice):
    Rubric.objects.create(call=call, reviewers_per_application=2, max_per_reviewer=5)
    submit_one(call)
    auto_assign(call=call, actor=alice)
    submit_one(call)
    outcome = auto_assign(call=call, actor=alice)
    assert outcome.created == 2
    assert ReviewAssignment.objects.count() == 4


def test_shortfall_serves_everyone_once_and_says_so(call, reviewers, alice):
    Rubric.objects.create(call=call, reviewers_per_application=3, max_per_reviewer=1)
    for _ in range(4):
        submit_one(call)
    outcome = auto_assign(call=call, actor=alice)
    assert not outcome.ok and outcome.diagnosis
    per_app = Counter(ReviewAssignment.objects.values_list("application_id", flat=True))
    assert len(per_app) == 4 and set(per_app.values()) == {1}


def test_shared_language_preferred(call, reviewers, alice):
    Rubric.objects.create(call=call, reviewers_per_application=1, max_per_reviewer=5)
    for reviewer, language in zip(reviewers, ["en", "en", "zh-hans", "en"], strict=True):
        reviewer.preferred_language = language
        reviewer.save()
    application = submit_one(call)
    application.startup.original_language = "zh-hans"
    application.startup.save()
    auto_assign(call=call, actor=alice)
    assert ReviewAssignment.objects.get().reviewer == reviewers[2]


@pytest.mark.parametrize(("who", "status"), [("alice", 302), ("charlie", 403)])
def test_auto_assign_view_staff_only(client, call, reviewers, request, who, status):
    submit_one(call)
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("reviews:auto_assign", args=[call.pk]))
    assert response.status_code == status
    assert ReviewAssignment.objects.exists() == (status == 302)
