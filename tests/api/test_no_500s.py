"""Hostile input answers a 4xx JSON with a translated message and changes nothing."""

import pytest

from startup_street.reviews import services as review_services
from startup_street.reviews.models import Review
from tests.factories import bearer, make_call, make_member, make_program, make_user, submit_one

pytestmark = pytest.mark.django_db
HUGE = "622888710649091968"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/programs",
        "/api/v1/organizations",
        "/api/v1/startups",
        "/api/v1/calls",
        "/api/v1/applications",
        "/api/v1/reviews/assignments",
        "/api/v1/saved-searches",
    ],
)
@pytest.mark.parametrize("param", ["page", "page_size"])
def test_huge_page_numbers_are_422(client, alice, url, param):
    response = client.get(f"{url}?{param}={HUGE}", **bearer(alice))
    assert response.status_code == 422
    assert response.json()["errors"][param] == ["This number is too large."]


def test_huge_page_message_is_translated(client, alice):
    response = client.get(f"/api/v1/programs?page={HUGE}", HTTP_ACCEPT_LANGUAGE="ko")
    assert response.status_code == 422
    assert "This number" not in response.content.decode()


@pytest.fixture
def assignment(organization, alice):
    reviewer = make_user("rita")
    make_member(organization, reviewer, "reviewer")
    call = make_call(make_program(organization), seats=3)
    review_services.add_criterion(
        call=call, actor=alice, label={"en": "Team"}, weight=1, scale_min=1, scale_max=5
    )
    return review_services.assign_reviewer(
        application=submit_one(call), reviewer=reviewer, actor=alice
    )


@pytest.mark.parametrize("value", ["1e400", "-1e400", "Infinity", "NaN", "true"])
def test_bad_numbers_as_scores_are_422(client, assignment, value):
    criterion = assignment.application.call.rubric.criteria.get()
    body = '{"scores": {"' + str(criterion.pk) + '": ' + value + "}}"
    response = client.put(
        f"/api/v1/reviews/assignments/{assignment.pk}/review",
        body,
        content_type="application/json",
        **bearer(assignment.reviewer),
    )
    assert response.status_code == 422
    assert not Review.objects.exists()


@pytest.mark.parametrize("field", ["website", "region", "tagline", "description", "name", "city"])
def test_null_in_startup_patch_is_422(client, alice, startup, field):
    before = startup.__class__.objects.filter(pk=startup.pk).values().get()
    response = client.patch(
        f"/api/v1/startups/{startup.slug}",
        {field: None},
        content_type="application/json",
        **bearer(alice),
    )
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert startup.__class__.objects.filter(pk=startup.pk).values().get() == before


@pytest.mark.parametrize(
    "url", ["/api/v1/calls/abc", "/api/v1/applications/1x", "/api/v1/reviews/assignments/-1"]
)
def test_malformed_path_parameters_answer_json(client, alice, url):
    response = client.get(url, **bearer(alice))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_multipart_without_boundary_is_4xx(client, alice, startup):
    response = client.generic(
        "PATCH",
        f"/api/v1/startups/{startup.slug}",
        b"--x\r\n",
        content_type="multipart/form-data",
        **bearer(alice),
    )
    assert 400 <= response.status_code < 500
