import pytest
from django.urls import reverse

from startup_street.accounts.services import create_api_token, revoke_api_token
from startup_street.startups.models import Startup
from tests.factories import bearer, make_call, make_program

pytestmark = pytest.mark.django_db
API = "/api/v1"


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


def test_programs_filters_match_the_web_page(client, organization):
    from startup_street.core.models import Sector

    robot = make_program(organization, slug="robot", city="Seoul", stages=["seed"])
    robot.sectors.add(Sector.objects.get(code="robotics"))
    make_call(robot, closes_in_days=5)
    make_program(organization, slug="beijing", city="Beijing", country="CN", stages=["growth"])
    params = {
        "sector": "robotics",
        "stage": "seed",
        "country": "KR",
        "city": "seoul",
        "organization": "seoul-hub",
        "language": "ko",
        "closes_within": 7,
        "open_now": "true",
    }
    items = client.get(f"{API}/programs", params).json()["items"]
    assert [item["slug"] for item in items] == ["robot"]
    assert items[0]["next_deadline_time_zone"] == "Asia/Seoul"
    assert items[0]["next_deadline_local"].endswith("+09:00")


def test_programs_lang_picks_the_title_shown(client, organization):
    make_program(organization, slug="p", title={"ko": "로봇 실증", "en": "Robot testbed"})
    for lang, shown in (("ko", "로봇 실증"), ("en", "Robot testbed"), ("zh", "로봇 실증")):
        item = client.get(f"{API}/programs", {"lang": lang}).json()["items"][0]
        assert item["title_shown"] == shown, lang
    item = client.get(f"{API}/programs/p", {"lang": "ko"}).json()
    assert item["title_shown"] == "로봇 실증" and item["title_language"] == "ko"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kind": "💥"}, "kind"),
        ({"stage": "unicorn"}, "stage"),
        ({"language": "fr"}, "language"),
        ({"lang": "fr"}, "lang"),
        ({"closes_within": "soon"}, "closes_within"),
        ({"closes_within": "0"}, "closes_within"),
        ({"closes_after": "2030-13-01"}, "closes_after"),
        ({"closes_after": "2030-02-01", "closes_before": "2030-01-01"}, "closes_before"),
        ({"open_now": "maybe"}, "open_now"),
    ],
)
def test_programs_bad_filter_is_422_with_field_error(client, params, field):
    response = client.get(f"{API}/programs", params)
    assert response.status_code == 422
    assert field in response.json()["errors"]


def test_programs_bad_filter_error_is_translated(client):
    response = client.get(f"{API}/programs", {"kind": "💥"}, HTTP_ACCEPT_LANGUAGE="ko")
    assert response.status_code == 422
    message = response.json()["errors"]["kind"][0]
    assert message and message != "Select a valid choice. 💥 is not one of the available choices."


def test_programs_hostile_queries_answer_200(client, organization):
    make_program(organization)
    for query in ("", "x" * 5000, "\x00\x1f로봇", 'robot" OR 1=1 NEAR(*)', "로봇 机器人 robot"):
        assert client.get(f"{API}/programs", {"q": query}).status_code == 200, query


def test_program_facets_count_with_other_filters(client, organization):
    make_call(make_program(organization, slug="fund", kind="funding"))
    make_program(organization, slug="space", kind="space")
    make_program(organization, slug="hidden", kind="space", is_published=False)
    facets = client.get(f"{API}/programs/facets", {"kind": "funding", "lang": "ko"}).json()
    kinds = {v["value"]: v for v in next(f for f in facets if f["name"] == "kind")["values"]}
    assert kinds["funding"]["count"] == 1 and kinds["funding"]["selected"]
    assert kinds["space"]["count"] == 1  # the draft is not counted
    open_now = next(f for f in facets if f["name"] == "open_now")["values"][0]
    assert open_now["count"] == 1
    assert client.get(f"{API}/programs/facets", {"stage": "x"}).status_code == 422
