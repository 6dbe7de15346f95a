"""Founders' preferences for mentors through the API: the team reads and changes them; anyone
else gets 404 and nothing changes."""

import pytest

from startup_street.applications.models import Application
from startup_street.mentoring import selectors
from tests.factories import bearer, make_call, make_organization, make_program
from tests.mentoring.test_mentoring import make_mentor

pytestmark = pytest.mark.django_db
API = "/api/v1/mentoring/startups/robowave/preferences"


@pytest.fixture
def mentor(organization, startup):
    Application.objects.create(
        call=make_call(make_program(organization)), startup=startup, status="accepted"
    )
    return make_mentor(organization, "mentor")


def put(client, user, mentor_id, value):
    return client.put(
        f"{API}/{mentor_id}", {"value": value}, content_type="application/json", **bearer(user)
    )


def test_team_lists_saves_changes_and_clears(client, mentor, startup, alice, bob):
    listed = client.get(API, **bearer(alice))
    assert listed.status_code == 200
    assert listed.json() == [
        {"mentor": mentor.pk, "mentor_name": "Mentor", "organization": "seoul-hub", "value": None}
    ]
    assert put(client, alice, mentor.pk, "want").json()[0]["value"] == "want"
    assert put(client, bob, mentor.pk, "rather_not").status_code == 200
    assert selectors.founder_preferences_of(startup) == {mentor.pk: "rather_not"}
    assert put(client, alice, mentor.pk, "").json()[0]["value"] is None
    assert selectors.founder_preferences_of(startup) == {}


def test_outsider_gets_404_and_nothing_changes(client, mentor, startup, alice, charlie):
    put(client, alice, mentor.pk, "want")
    assert client.get(API, **bearer(charlie)).status_code == 404
    assert put(client, charlie, mentor.pk, "rather_not").status_code == 404
    assert client.get(API).status_code == 401
    assert selectors.founder_preferences_of(startup) == {mentor.pk: "want"}


def test_unknown_mentor_404_and_bad_value_422(client, mentor, startup, alice):
    stranger = make_mentor(make_organization(slug="elsewhere"), "stranger")
    assert put(client, alice, stranger.pk, "want").status_code == 404
    response = put(client, alice, mentor.pk, "maybe")
    assert response.status_code == 422 and "value" in response.json()["errors"]
    assert selectors.founder_preferences_of(startup) == {}


def test_admin_lists_founders_preferences(client, mentor, startup, alice, django_user_model):
    put(client, alice, mentor.pk, "could")
    admin = django_user_model.objects.create_superuser(email="root@example.com", password="x")
    client.force_login(admin)
    response = client.get("/admin/mentoring/founderpreference/")
    assert response.status_code == 200 and "Robowave" in response.content.decode()
