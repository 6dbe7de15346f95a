"""Review phases and blind review: who sees which scores, names and comments."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from startup_street.applications import services as applications
from startup_street.decisions import services as decision_services
from startup_street.reviews import selectors, services
from startup_street.reviews.models import Rubric, Score
from tests.factories import score, submit_one

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(call, criteria, reviewers, alice):
    """One application with two assignments; the first reviewer has submitted."""
    application = submit_one(call)
    first, second = (
        services.assign_reviewer(application=application, reviewer=r, actor=alice)
        for r in reviewers[:2]
    )
    score(first, reviewers[0], 4, criteria=criteria, to_staff="Weak team", to_applicant="Grow")
    score(second, reviewers[1], 2, criteria=criteria)
    return first, second


def _phase(call, phase, blind=False):
    Rubric.objects.filter(call=call).update(phase=phase, blind=blind)
    return Rubric.objects.get(call=call)


def test_scoring_phase_shows_no_other_scores(call, reviewed):
    first, _second = reviewed
    assert selectors.other_reviews(first, _phase(call, "scoring")) == []


def test_discussion_shows_others_only_after_submitting(call, criteria, reviewers, alice, reviewed):
    first, _second = reviewed
    rubric = _phase(call, "discussion")
    others = selectors.other_reviews(first, rubric)
    assert [(o["reviewer"], o["total"]) for o in others] == [(reviewers[1].display_name, 25.0)]
    third = services.assign_reviewer(
        application=first.application, reviewer=reviewers[2], actor=alice
    )
    assert selectors.other_reviews(third, rubric) == []  # has not scored yet


def test_blind_discussion_uses_pseudonyms_everywhere(
    client, call, criteria, reviewers, alice, reviewed
):
    first, second = reviewed
    _phase(call, "discussion", blind=True)
    client.force_login(reviewers[1])
    page = client.get(reverse("reviews:detail", args=[second.pk])).content.decode()
    assert "Reviewer 1" in page
    assert reviewers[0].display_name not in page and reviewers[0].email not in page
    assert first.application.startup.name not in page
    assert "Weak team" not in page  # comments to staff stay with staff


def test_closed_review_refuses_changes_and_says_so(client, call, criteria, reviewers, reviewed):
    first, _second = reviewed
    _phase(call, "closed")
    with pytest.raises(ValidationError):
        score(first, reviewers[0], 5, criteria=criteria)
    assert set(Score.objects.filter(review__assignment=first).values_list("value", flat=True)) == {
        4
    }
    client.force_login(reviewers[0])
    page = client.get(reverse("reviews:detail", args=[first.pk])).content.decode()
    assert "scores are final" in page and "Submit review" not in page


def test_revised_scores_keep_their_history(client, call, criteria, reviewers, bob, reviewed):
    first, _second = reviewed
    score(first, reviewers[0], 5, criteria=criteria)
    team = Score.objects.get(review__assignment=first, criterion=criteria[0])
    assert [h.value for h in team.history.order_by("history_date")] == [4, 5]
    assert team.history.latest().history_user == reviewers[0]
    client.force_login(bob)
    page = client.get(reverse("reviews:history", args=[first.application_id])).content.decode()
    assert "Score for Team changed: 4 → 5" in page
    assert f"Reviewer assigned: {reviewers[0].display_name}" in page


def test_founder_reads_comments_to_applicant_after_decision_only(
    client, call, criteria, reviewers, bob, reviewed
):
    first, _second = reviewed
    application = first.application
    founder = application.startup.members.get().user
    url = reverse("applications:detail", args=[application.pk])
    client.force_login(founder)
    assert "Grow" not in client.get(url).content.decode()
    decision_services.decide_application(application=application, actor=bob, decision="rejected")
    page = client.get(url).content.decode()
    assert "Grow" in page
    assert "Weak team" not in page
    for reviewer in reviewers[:2]:
        assert reviewer.display_name not in page and reviewer.email not in page


@pytest.mark.parametrize("bad", [3.5, "4.0", 99])
def test_score_that_is_not_a_whole_number_on_the_scale_is_refused(
    call, criteria, reviewers, reviewed, bad
):
    first, _second = reviewed
    with pytest.raises(ValidationError):
        services.submit_review(
            assignment=first,
            reviewer=reviewers[0],
            scores={criteria[0].pk: bad, criteria[1].pk: 3},
        )
    assert Score.objects.get(review__assignment=first, criterion=criteria[0]).value == 4


def test_withdrawn_application_takes_no_more_scores(call, criteria, reviewers, reviewed):
    first, _second = reviewed
    founder = first.application.startup.members.get().user
    applications.withdraw_application(application=first.application, user=founder)
    with pytest.raises(ValidationError):
        score(first, reviewers[0], 1, criteria=criteria)


@pytest.mark.parametrize(("who", "status"), [("alice", 302), ("bob", 302), ("charlie", 403)])
def test_rubric_settings_by_staff_only(client, call, request, who, status):
    services.rubric_for(call)
    client.force_login(request.getfixturevalue(who))
    response = client.post(
        reverse("reviews:rubric", args=[call.pk]),
        {
            "phase": "discussion",
            "blind": "on",
            "reviewers_per_application": 2,
            "max_per_reviewer": 4,
        },
    )
    assert response.status_code == status
    rubric = Rubric.objects.get(call=call)
    changed = (rubric.phase, rubric.blind, rubric.reviewers_per_application)
    assert changed == (("discussion", True, 2) if status == 302 else ("scoring", False, 3))


def test_reviewer_list_queries_do_not_grow(
    client, call, criteria, reviewers, alice, django_assert_max_num_queries
):
    def assign_some(n):
        for _ in range(n):
            services.assign_reviewer(
                application=submit_one(call), reviewer=reviewers[0], actor=alice
            )

    assign_some(2)
    client.force_login(reviewers[0])
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("reviews:mine"))
    assign_some(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("reviews:mine"))
