# ruff: noqa: F811 -- the review fixtures (call, criteria, reviewers) are imported from tests.reviews
"""Reviews under /api/v1/reviews: the web pages' permissions and blind rules."""

import pytest

from startup_street.reviews import services
from startup_street.reviews.models import Review, ReviewAssignment, Rubric, Stake
from tests.factories import bearer, make_user, score, submit_one

pytestmark = pytest.mark.django_db
API = "/api/v1/reviews"
JSON = {"content_type": "application/json"}


@pytest.fixture
def assigned(call, criteria, reviewers, alice):
    application = submit_one(call)
    return [
        services.assign_reviewer(application=application, reviewer=r, actor=alice)
        for r in reviewers[:2]
    ]


def test_reviewer_lists_only_own_assignments(client, assigned, reviewers):
    body = client.get(f"{API}/assignments", **bearer(reviewers[0])).json()
    assert [item["id"] for item in body["items"]] == [assigned[0].pk]
    assert client.get(f"{API}/assignments", **bearer(reviewers[3])).json()["count"] == 0


@pytest.mark.parametrize(("who", "status"), [(0, 200), (1, 404), (3, 404)])
def test_assignment_detail_only_for_its_reviewer(client, assigned, reviewers, who, status):
    response = client.get(f"{API}/assignments/{assigned[0].pk}", **bearer(reviewers[who]))
    assert response.status_code == status


def test_blind_review_hides_the_applicant(client, call, assigned, reviewers):
    Rubric.objects.filter(call=call).update(blind=True)
    name = assigned[0].application.startup.name
    for url in (f"{API}/assignments", f"{API}/assignments/{assigned[0].pk}"):
        response = client.get(url, **bearer(reviewers[0]))
        assert name not in response.content.decode()
    detail = client.get(f"{API}/assignments/{assigned[0].pk}", **bearer(reviewers[0])).json()
    assert detail["applicant"] is None and detail["blind"] is True


def test_score_outside_the_scale_is_422_and_changes_nothing(client, assigned, criteria, reviewers):
    url = f"{API}/assignments/{assigned[0].pk}/review"
    body = {"scores": {str(criteria[0].pk): 9, str(criteria[1].pk): 3}}
    response = client.put(url, body, **JSON, **bearer(reviewers[0]))
    assert response.status_code == 422 and str(criteria[0].pk) in response.json()["errors"]
    assert not Review.objects.exists()


def test_score_and_revise(client, assigned, criteria, reviewers):
    url = f"{API}/assignments/{assigned[0].pk}/review"
    body = {
        "scores": {str(c.pk): 5 for c in criteria},
        "comment_to_staff": "strong",
        "comment_to_applicant": "well done",
    }
    first = client.put(url, body, **JSON, **bearer(reviewers[0])).json()
    assert first["total"] == 100.0 and first["comment_to_staff"] == "strong"
    body["scores"] = {str(c.pk): 1 for c in criteria}
    assert client.put(url, body, **JSON, **bearer(reviewers[0])).json()["total"] == 0.0


def test_other_reviewer_cannot_score_someone_elses_assignment(
    client, assigned, criteria, reviewers
):
    url = f"{API}/assignments/{assigned[0].pk}/review"
    body = {"scores": {str(c.pk): 5 for c in criteria}}
    assert client.put(url, body, **JSON, **bearer(reviewers[1])).status_code == 404
    assert not Review.objects.exists()


def test_discussion_shows_pseudonymous_others_in_blind_review(
    client, call, assigned, criteria, reviewers
):
    Rubric.objects.filter(call=call).update(phase="discussion", blind=True)
    score(assigned[0], reviewers[0], 5, criteria=criteria, to_staff="secret note")
    score(assigned[1], reviewers[1], 3, criteria=criteria)
    response = client.get(f"{API}/assignments/{assigned[1].pk}", **bearer(reviewers[1]))
    others = response.json()["others"]
    assert others == [
        {
            "reviewer": "Reviewer 1",
            "total": 100.0,
            "scores": {str(c.pk): 5 for c in criteria},
        }
    ]
    text = response.content.decode()
    assert reviewers[0].email not in text and "secret note" not in text


def test_declare_conflict_through_the_api(client, assigned, reviewers):
    response = client.post(
        f"{API}/assignments/{assigned[0].pk}/conflict",
        {"note": "former employer"},
        **JSON,
        **bearer(reviewers[0]),
    )
    assert response.status_code == 200
    assert not ReviewAssignment.objects.filter(pk=assigned[0].pk).exists()


@pytest.mark.parametrize(("who", "status"), [("alice", 200), ("bob", 200), ("charlie", 403)])
@pytest.mark.parametrize("path", ["ranking", "reviews", "rubric"])
def test_staff_reads_of_a_call(client, call, assigned, request, who, status, path):
    user = request.getfixturevalue(who)
    assert client.get(f"{API}/calls/{call.pk}/{path}", **bearer(user)).status_code == status


def test_staff_see_comments_and_reviewers(client, call, assigned, criteria, reviewers, bob):
    score(assigned[0], reviewers[0], 4, criteria=criteria, to_staff="tell staff", to_applicant="hi")
    rows = client.get(f"{API}/calls/{call.pk}/reviews", **bearer(bob)).json()
    assert rows[0]["reviewer"] == reviewers[0].email
    assert (rows[0]["comment_to_staff"], rows[0]["comment_to_applicant"]) == ("tell staff", "hi")
    ranking = client.get(f"{API}/calls/{call.pk}/ranking?reviewed=missing", **bearer(bob)).json()
    assert ranking[0]["reviews"] == 1 and ranking[0]["complete"] is False


def test_staff_assign_unassign_and_auto_assign(client, call, assigned, reviewers, bob):
    url = f"{API}/calls/{call.pk}/assignments"
    application = assigned[0].application_id
    made = client.post(
        url, {"application": application, "reviewer": reviewers[2].pk}, **JSON, **bearer(bob)
    ).json()
    assert made["source"] == "manual"
    assert client.delete(f"{url}/{made['id']}", **bearer(bob)).status_code == 204
    outcome = client.post(f"{API}/calls/{call.pk}/auto-assign", **bearer(bob)).json()
    assert outcome["created"] == 1 and outcome["ok"] is True  # tops up to k = 3


def test_auto_assign_randomised_through_the_api(client, call, assigned, reviewers, bob):
    url = f"{API}/calls/{call.pk}/auto-assign"
    before = ReviewAssignment.objects.count()
    bad = client.post(f"{url}?max_probability=0.9", **bearer(bob))
    assert bad.status_code == 422 and ReviewAssignment.objects.count() == before
    outcome = client.post(f"{url}?max_probability=3/4", **bearer(bob)).json()
    assert outcome["ok"] is True and outcome["created"] == ReviewAssignment.objects.count() - before


def test_outsider_cannot_assign_or_change_the_rubric(client, call, assigned, reviewers, charlie):
    url = f"{API}/calls/{call.pk}"
    body = {"application": assigned[0].application_id, "reviewer": reviewers[2].pk}
    assert client.post(f"{url}/assignments", body, **JSON, **bearer(charlie)).status_code == 403
    assert (
        client.patch(f"{url}/rubric", {"blind": True}, **JSON, **bearer(charlie)).status_code == 403
    )
    assert client.post(f"{url}/auto-assign", **bearer(charlie)).status_code == 403
    unassign = f"{url}/assignments/{assigned[0].pk}"
    assert client.delete(unassign, **bearer(charlie)).status_code == 403
    assert client.delete(unassign, **bearer(reviewers[0])).status_code == 403  # the reviewer
    assert ReviewAssignment.objects.count() == 2 and not Rubric.objects.get(call=call).blind


def test_rubric_patch_validates(client, call, bob):
    url = f"{API}/calls/{call.pk}/rubric"
    assert client.patch(url, {"phase": "later"}, **JSON, **bearer(bob)).status_code == 422
    response = client.patch(url, {"phase": "closed", "blind": True}, **JSON, **bearer(bob))
    assert response.json()["phase"] == "closed" and response.json()["blind"] is True


def test_stakes_by_team_or_staff_only(client, call, reviewers, bob, charlie):
    founder = make_user("founder")
    application = submit_one(call, owner=founder)
    body = {"startup": application.startup.slug, "kind": "investor", "person": reviewers[0].email}
    assert client.post(f"{API}/stakes", body, **JSON, **bearer(charlie)).status_code == 404
    assert client.post(f"{API}/stakes", body, **JSON, **bearer(founder)).status_code == 200
    body["kind"] = "shareholder"
    assert client.post(f"{API}/stakes", body, **JSON, **bearer(bob)).status_code == 200
    assert Stake.objects.count() == 2
