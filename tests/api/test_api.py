import pytest
from django.urls import reverse

from startup_street.accounts.services import create_api_token, revoke_api_token
from startup_street.startups.models import Startup
from tests.factories import make_call, make_program

pytestmark = pytest.mark.django_db
API = "/api/v1"


def bearer(user):
    _token, raw = create_api_token(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_openapi_document_lists_endpoints(client):
    doc = client.get(f"{API}/openapi.json").json()
    assert {"/api/v1/programs", "/api/v1/startups/{slug}", "/api/v1/calls"} <= set(doc["paths"])


def test_programs_paginated(client, organization):
    for _ in range(25):
        make_program(organization)
    page = client.get(f"{API}/programs").json()
    assert page["count"] == 25 and len(page["items"]) == 20
    assert len(client.get(f"{API}/programs", {"page": 2}).json()["items"]) == 5


def test_programs_filter_open(client, organization):
    make_call(make_program(organization, slug="open-one"))
    make_call(make_program(organization, slug="closed-one"), opens_in_days=-9, closes_in_days=-1)
    items = client.get(f"{API}/programs", {"open": "true"}).json()["items"]
    assert [item["slug"] for item in items] == ["open-one"]


def test_program_draft_hidden_from_outsider_shown_to_staff(client, organization, bob, charlie):
    make_program(organization, slug="draft", is_published=False)
    assert client.get(f"{API}/programs/draft", **bearer(charlie)).status_code == 404
    assert client.get(f"{API}/programs/draft", **bearer(bob)).status_code == 200


def test_program_calls_and_call_detail(client, organization):
    program = make_program(organization, slug="p")
    call = make_call(program, seats=5)
    calls = client.get(f"{API}/programs/p/calls").json()
    assert calls[0]["id"] == call.pk and calls[0]["status"] == "open"
    assert client.get(f"{API}/calls/{call.pk}").json()["seats"] == 5
    assert client.get(f"{API}/calls/999999").status_code == 404


def test_unknown_program_is_404_json(client):
    response = client.get(f"{API}/programs/nope")
    assert response.status_code == 404 and "detail" in response.json()


def test_organizations_list_and_detail(client, organization):
    assert client.get(f"{API}/organizations").json()["count"] == 1
    assert client.get(f"{API}/organizations/seoul-hub").json()["kind"] == "incubator"


def test_me_requires_auth(client, alice):
    assert client.get(f"{API}/me").status_code == 401
    assert client.get(f"{API}/me", **bearer(alice)).json()["email"] == alice.email


def test_revoked_or_bad_token_is_401(client, alice):
    token, raw = create_api_token(user=alice, name="x")
    revoke_api_token(token=token)
    assert client.get(f"{API}/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert client.get(f"{API}/programs", HTTP_AUTHORIZATION="Bearer nonsense").status_code == 401


@pytest.mark.parametrize(
    ("who", "status"), [("alice", 200), ("bob", 200), ("charlie", 404), (None, 404)]
)
def test_unlisted_startup_read(client, startup, request, who, status):
    Startup.objects.filter(pk=startup.pk).update(is_public=False)
    headers = bearer(request.getfixturevalue(who)) if who else {}
    assert client.get(f"{API}/startups/robowave", **headers).status_code == status


def test_unlisted_startup_absent_from_outsider_list(client, startup, charlie):
    Startup.objects.filter(pk=startup.pk).update(is_public=False)
    assert client.get(f"{API}/startups", **bearer(charlie)).json()["count"] == 0


@pytest.mark.parametrize(
    ("who", "status"), [("alice", 200), ("bob", 403), ("charlie", 403), (None, 401)]
)
def test_patch_startup_owner_only(client, startup, request, who, status):
    headers = bearer(request.getfixturevalue(who)) if who else {}
    response = client.patch(
        f"{API}/startups/robowave",
        {"team_size": 12, "sectors": ["robotics", "ai"]},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == status
    startup.refresh_from_db()
    assert startup.team_size == (12 if status == 200 else None)


def test_patch_startup_by_outsider_when_unlisted_is_404(client, startup, charlie):
    Startup.objects.filter(pk=startup.pk).update(is_public=False)
    response = client.patch(
        f"{API}/startups/robowave",
        {"name": "x"},
        content_type="application/json",
        **bearer(charlie),
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"stage": "unicorn"}, "stage"),
        ({"team_size": "many"}, "team_size"),
        ({"website": "not a url"}, "website"),
        ({"sectors": ["robotics", "astrology"]}, "sectors"),
        ({"tagline": {"fr": "Bonjour"}}, "tagline"),
        ({"name": ""}, "name"),
    ],
)
def test_patch_startup_invalid_is_422_with_field_and_changes_nothing(
    client, startup, alice, payload, field
):
    response = client.patch(
        f"{API}/startups/robowave", payload, content_type="application/json", **bearer(alice)
    )
    assert response.status_code == 422
    assert field in response.json()["errors"]
    startup.refresh_from_db()
    assert (startup.name, startup.stage, startup.tagline) == ("Robowave", "seed", {})


def test_patch_error_is_translated(client, startup, alice):
    alice.preferred_language = "ko"
    alice.save()
    client.force_login(alice)
    response = client.patch(
        f"{API}/startups/robowave",
        {"team_size": "many"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="ko",
    )
    assert response.status_code in {
        403,
        422,
    }  # session writes need CSRF; either way nothing changes
    startup.refresh_from_db()
    assert startup.team_size is None


def test_malformed_json_is_422_not_500(client, startup, alice):
    response = client.patch(
        f"{API}/startups/robowave", "{not json", content_type="application/json", **bearer(alice)
    )
    assert response.status_code in {400, 422}


def test_list_query_count_constant(client, organization, django_assert_max_num_queries):
    for _ in range(20):
        make_program(organization)
    with django_assert_max_num_queries(6):
        client.get(reverse("api:list_programs"))
