from collections import Counter
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from startup_street.applications.models import Application
from startup_street.reviews.assignment import auto_assign, parse_cap
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
    # In the staff's words, not the solver's: counts of reviews, never "items" or "agents".
    assert outcome.diagnosis[0] == "4 of 12 reviews could be assigned."
    assert not any(word in " ".join(outcome.diagnosis) for word in ("item", "agent", "demand"))


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


def test_randomised_assignment_caps_every_pair(call, reviewers, alice):
    # 4 reviewers, 2 per application, at most 1 chance in 2 per pair: a valid assignment
    Rubric.objects.create(call=call, reviewers_per_application=2, max_per_reviewer=4)
    applications = [submit_one(call) for _ in range(4)]
    outcome = auto_assign(call=call, actor=alice, max_probability=Fraction(1, 2))
    assert outcome.ok and outcome.created == 8
    pairs = list(ReviewAssignment.objects.values_list("application_id", "reviewer_id"))
    assert set(Counter(a for a, _r in pairs).values()) == {2}
    assert {a for a, _r in pairs} == {a.pk for a in applications}
    assert max(Counter(r for _a, r in pairs).values()) <= 4


def test_randomised_assignment_varies_between_runs(call, reviewers, alice):
    Rubric.objects.create(call=call, reviewers_per_application=1, max_per_reviewer=4)
    submit_one(call)
    seen = set()
    for _ in range(12):
        auto_assign(call=call, actor=alice, max_probability=Fraction(1, 3))
        seen.add(ReviewAssignment.objects.get().reviewer_id)
        ReviewAssignment.objects.all().delete()
    assert len(seen) >= 2  # 12 draws with every chance <= 1/3 cannot all agree (p <= 3**-11)


def test_randomised_assignment_impossible_cap_changes_nothing(call, reviewers, alice):
    # 2 reviewers per application out of 4 cannot each have at most 1 chance in 3
    Rubric.objects.create(call=call, reviewers_per_application=2, max_per_reviewer=4)
    submit_one(call)
    outcome = auto_assign(call=call, actor=alice, max_probability=Fraction(1, 3))
    assert not outcome.ok and outcome.created == 0 and "1/3" in outcome.diagnosis[0]
    assert not ReviewAssignment.objects.exists()


def test_auto_assign_view_randomised_and_bad_choice(client, call, reviewers, alice):
    Rubric.objects.create(call=call, reviewers_per_application=1, max_per_reviewer=4)
    submit_one(call)
    client.force_login(alice)
    url = reverse("reviews:auto_assign", args=[call.pk])
    page = client.get(reverse("reviews:manage", args=[call.pk]))
    assert b'name="randomize"' in page.content
    response = client.post(url, {"randomize": "1/7"}, follow=True)
    assert not ReviewAssignment.objects.exists()
    assert any("1/7" in str(m) or "1/2" in str(m) for m in response.context["messages"])
    client.post(url, {"randomize": "1/2"})
    assert ReviewAssignment.objects.count() == 1


def test_parse_cap():
    assert parse_cap("") is None and parse_cap(None) is None
    assert parse_cap("2/3") == Fraction(2, 3)
    with pytest.raises(ValidationError):
        parse_cap("0.9")


def test_an_application_nobody_can_review_is_named(call, reviewers, alice):
    Rubric.objects.create(call=call, reviewers_per_application=1, max_per_reviewer=1)
    for _ in range(5):  # five applications, four reviewers who may take one each
        submit_one(call)
    outcome = auto_assign(call=call, actor=alice)
    assert outcome.created == 4 and not outcome.ok
    assert outcome.diagnosis[0] == "4 of 5 reviews could be assigned."
    left = Application.objects.filter(call=call).exclude(review_assignments__isnull=False).get()
    assert left.startup.name in outcome.diagnosis[1]
