import pytest
from django.utils import translation
from django.utils.translation import gettext

from startup_street.programs import services
from startup_street.programs.models import SavedSearch
from tests.factories import bearer, make_program

pytestmark = pytest.mark.django_db
URL = "/api/v1/saved-searches"


def _save(user, query="", **filters) -> SavedSearch:
    saved, _created = services.save_search(user=user, query=query, filters=filters, language="en")
    return saved


def _post(client, user, body, **headers):
    return client.post(URL, body, content_type="application/json", **bearer(user), **headers)


def test_create_saved_search_keeps_words_and_filters(client, charlie):
    body = {"q": "  robot   testbed ", "kind": "testbed", "sector": "robotics", "open": True}
    response = _post(client, charlie, body)
    assert response.status_code == 201
    saved = SavedSearch.objects.get(user=charlie)
    assert saved.query == "robot testbed"
    assert saved.filters == {"kind": "testbed", "sector": "robotics", "open_now": True}
    data = response.json()
    assert data["id"] == saved.pk and data["q"] == "robot testbed"
    assert data["filters"] == saved.filters and data["language"] == "en"
    assert data["url"].startswith("/programs/?") and "sector=robotics" in data["url"]
    assert data["programs_url"].startswith("/api/v1/programs?")


def test_create_saved_search_language_from_lang_or_request(client, charlie):
    assert _post(client, charlie, {"q": "로봇", "lang": "ko"}).json()["language"] == "ko"
    response = _post(client, charlie, {"q": "机器人"}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.json()["language"] == "zh-hans"


def test_create_with_an_unknown_filter_is_422(client, charlie):
    response = _post(client, charlie, {"q": "robot", "knd": "testbed"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"knd": ["This field is not known."]}
    assert not SavedSearch.objects.exists()


def test_create_same_search_twice_keeps_one(client, charlie):
    first = _post(client, charlie, {"q": "robot", "kind": "testbed"})
    again = _post(client, charlie, {"kind": "testbed", "q": "robot"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert SavedSearch.objects.filter(user=charlie).count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "💥"}, "kind"),
        ({"closes_within": 0}, "closes_within"),
        ({"closes_within": "soon"}, "closes_within"),
        ({"open_now": "maybe"}, "open_now"),
        ({"closes_after": "2030-02-01", "closes_before": "2030-01-01"}, "closes_before"),
        ({"closes_after": "yesterday"}, "closes_after"),
        ({"lang": "fr"}, "lang"),
    ],
)
def test_create_with_bad_filter_is_422_and_saves_nothing(client, charlie, body, field):
    response = _post(client, charlie, {"q": "robot", **body})
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert not SavedSearch.objects.exists()


def test_bad_filter_error_is_in_the_callers_language(client, charlie):
    response = _post(client, charlie, {"kind": "💥"}, HTTP_ACCEPT_LANGUAGE="ko")
    with translation.override("ko"):
        expected = gettext("The request is not valid.")
    assert expected != "The request is not valid."  # the catalogue has it
    assert response.status_code == 422 and response.json()["detail"] == expected
    assert not SavedSearch.objects.exists()


def test_create_past_the_limit_is_422(client, charlie):
    for n in range(services.SAVED_SEARCH_LIMIT):
        _save(charlie, f"query {n}")
    response = _post(client, charlie, {"q": "one too many"})
    assert response.status_code == 422 and "__all__" in response.json()["errors"]
    assert SavedSearch.objects.filter(user=charlie).count() == services.SAVED_SEARCH_LIMIT
    assert _post(client, charlie, {"q": "query 0"}).status_code == 200  # one kept already


def test_list_shows_own_searches_paginated_newest_first(client, alice, charlie):
    mine = [_save(alice, f"query {n}") for n in range(25)]
    _save(charlie, "charlie's own")
    page = client.get(URL, **bearer(alice)).json()
    assert page["count"] == 25 and len(page["items"]) == 20
    rest = client.get(URL, {"page": 2}, **bearer(alice)).json()["items"]
    ids = [item["id"] for item in page["items"] + rest]
    assert ids == [saved.pk for saved in reversed(mine)]


def test_list_query_count_does_not_grow(client, alice, django_assert_max_num_queries):
    for n in range(20):
        _save(alice, f"query {n}", kind="testbed")
    headers = bearer(alice)
    with django_assert_max_num_queries(6):
        assert len(client.get(URL, **headers).json()["items"]) == 20


def test_get_own_saved_search(client, alice):
    saved = _save(alice, "robot", kind="testbed")
    data = client.get(f"{URL}/{saved.pk}", **bearer(alice)).json()
    assert data["q"] == "robot" and data["filters"] == {"kind": "testbed"}


def test_delete_own_saved_search(client, alice):
    saved = _save(alice, "robot")
    response = client.delete(f"{URL}/{saved.pk}", **bearer(alice))
    assert response.status_code == 204 and not SavedSearch.objects.filter(pk=saved.pk).exists()
    assert client.get(f"{URL}/{saved.pk}", **bearer(alice)).status_code == 404


@pytest.mark.parametrize("method", ["get", "delete"])
def test_someone_elses_saved_search_is_404_and_left_alone(client, alice, bob, method):
    saved = _save(alice, "robot", kind="testbed")
    response = getattr(client, method)(f"{URL}/{saved.pk}", **bearer(bob))
    missing = getattr(client, method)(f"{URL}/999999", **bearer(bob))
    assert response.status_code == 404 and response.json() == missing.json()
    saved.refresh_from_db()
    assert (saved.query, saved.filters) == ("robot", {"kind": "testbed"})


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", ""), ("post", ""), ("get", "/{pk}"), ("delete", "/{pk}")],
)
def test_anonymous_is_401_and_changes_nothing(client, alice, method, path):
    saved = _save(alice, "robot")
    url = URL + path.format(pk=saved.pk)
    response = getattr(client, method)(url, {"q": "x"}, content_type="application/json")
    assert response.status_code == 401
    assert list(SavedSearch.objects.values_list("pk", flat=True)) == [saved.pk]


def test_programs_url_runs_the_same_search(client, charlie, organization):
    make_program(organization, slug="robot-testbed", kind="testbed")
    make_program(organization, slug="seed-fund", kind="funding", title={"en": "Seed fund"})
    data = _post(client, charlie, {"kind": "testbed"}).json()
    items = client.get(data["programs_url"]).json()["items"]
    assert [item["slug"] for item in items] == ["robot-testbed"]


def test_saved_searches_in_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/saved-searches"])
    assert {"get", "delete"} <= set(paths["/api/v1/saved-searches/{saved_search_id}"])


def test_hostile_body_is_refused_without_a_server_error(client, charlie):
    from tests.test_no_server_errors import JUNK

    for body in (JUNK, {"closes_within": 10**30}, {"q": ["a"]}, [1, 2], '"robot"', 5):
        assert _post(client, charlie, body).status_code == 422, body
    assert _post(client, charlie, [1, 2]).json()["errors"] == {"__all__": ["Send a JSON object."]}
    assert not SavedSearch.objects.exists()
    assert _post(client, charlie, {"q": JUNK["q"]}).status_code == 201
    assert len(SavedSearch.objects.get().query) == 1000  # cut to 1,000 characters, as the page does
