import pytest
from django.urls import reverse

from startup_street.mentoring.models import MentorProfile
from tests.factories import make_startup, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(alice, organization):
    robots = make_startup(
        alice, name="Robowave", tagline={"ko": "물류 로봇 스타트업"}, is_public=True
    )
    hidden = make_startup(make_user("dora"), name="Quiet Robots", tagline={"en": "Robot arms"})
    hidden.is_public = False
    hidden.save()
    mentor = MentorProfile.objects.create(
        user=make_user("mei"),
        organization=organization,
        headline={"zh-hans": "机器人创业导师"},
        original_language="zh-hans",
        languages=["zh", "ko"],
    )
    return {"robots": robots, "hidden": hidden, "mentor": mentor}


def test_staff_find_startups_and_mentors_across_languages(client, bob, people):
    client.force_login(bob)  # program manager at alice's organisation
    html = client.get(reverse("search:people"), {"q": "robot"}).content.decode()
    assert "Robowave" in html and "Mei" in html  # Korean pitch, Chinese headline
    assert "Quiet Robots" not in html  # an unlisted startup stays unlisted


def test_founders_and_strangers_may_not_search_people(client, charlie, people):
    client.force_login(charlie)
    assert client.get(reverse("search:people"), {"q": "robot"}).status_code == 403
    client.logout()
    response = client.get(reverse("search:people"), {"q": "robot"})
    assert response.status_code == 302 and "login" in response["Location"]


def test_people_api_is_for_staff_only(client, bob, charlie, people):
    client.force_login(charlie)
    assert client.get("/api/v1/search/people", {"q": "로봇"}).status_code == 403
    client.force_login(bob)
    body = client.get("/api/v1/search/people", {"q": "로봇"}).json()
    assert [s["slug"] for s in body["startups"]] == [people["robots"].slug]
    assert [m["id"] for m in body["mentors"]] == [people["mentor"].pk]
    client.logout()
    assert client.get("/api/v1/search/people", {"q": "robot"}).status_code == 401


@pytest.mark.parametrize("query", ["", "\x00", '"x" OR y*', "로봇 " * 500])
def test_people_search_takes_any_query(client, bob, people, query):
    client.force_login(bob)
    assert client.get(reverse("search:people"), {"q": query}).status_code == 200
    assert client.get("/api/v1/search/people", {"q": query}).status_code == 200


def test_people_entries_follow_edits_and_deletes(client, bob, people):
    client.force_login(bob)
    people["robots"].tagline = {"en": "Bakery software"}
    people["robots"].save()
    assert client.get("/api/v1/search/people", {"q": "물류"}).json()["startups"] == []
    people["mentor"].delete()
    assert client.get("/api/v1/search/people", {"q": "机器人"}).json()["mentors"] == []
