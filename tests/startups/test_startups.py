import pytest
from django.urls import reverse

from startup_street.core.models import Sector
from startup_street.startups.models import Startup, StartupMember
from tests.factories import make_startup

pytestmark = pytest.mark.django_db


def _form(**change):
    data = {
        "name": "Robowave",
        "tagline_ko": "로봇 물류",
        "tagline_zh-hans": "",
        "tagline_en": "Robot logistics",
        "description_ko": "",
        "description_zh-hans": "",
        "description_en": "",
        "original_language": "ko",
        "sectors": [Sector.objects.get(code="robotics").pk],
        "stage": "seed",
        "founded_on": "2023-03-01",
        "city": "Seoul",
        "region": "Seongdong-gu",
        "country": "KR",
        "team_size": "7",
        "website": "https://robowave.example",
        "is_public": "on",
    }
    data.update(change)
    return data


def test_create_makes_owner(client, alice):
    client.force_login(alice)
    response = client.post(reverse("startups:create"), _form())
    assert response.status_code == 302
    startup = Startup.objects.get()
    assert startup.tagline == {"ko": "로봇 물류", "en": "Robot logistics"}
    assert StartupMember.objects.get(startup=startup).user == alice
    assert list(startup.sectors.values_list("code", flat=True)) == ["robotics"]


def test_create_invalid_creates_nothing(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("startups:create"), _form(name="", stage="unicorn", team_size="-3", website="x")
    )
    assert {"name", "stage", "team_size", "website"} <= set(response.context["form"].errors)
    assert not Startup.objects.exists()


def test_create_requires_login(client):
    assert client.get(reverse("startups:create")).status_code == 302


@pytest.mark.parametrize(
    ("who", "status"), [("alice", 200), ("bob", 200), ("charlie", 404), (None, 404)]
)
def test_unlisted_profile_visible_to_team_only(client, startup, request, who, status):
    Startup.objects.filter(pk=startup.pk).update(is_public=False)
    if who:
        client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("startups:detail", args=[startup.slug])).status_code == status


def test_unlisted_profile_absent_from_outsider_list(client, startup, charlie):
    Startup.objects.filter(pk=startup.pk).update(is_public=False)
    client.force_login(charlie)
    assert "Robowave" not in client.get(reverse("startups:list")).content.decode()


@pytest.mark.parametrize(("who", "status"), [("alice", 200), ("bob", 403), ("charlie", 403)])
def test_edit_only_by_owner(client, startup, request, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("startups:edit", args=[startup.slug])).status_code == status


def test_edit_by_teammate_changes_nothing(client, startup, bob):
    client.force_login(bob)
    client.post(reverse("startups:edit", args=[startup.slug]), _form(name="Hijacked"))
    startup.refresh_from_db()
    assert startup.name == "Robowave"


def test_edit_by_owner_saves(client, startup, alice):
    client.force_login(alice)
    response = client.post(reverse("startups:edit", args=[startup.slug]), _form(team_size="9"))
    assert response.status_code == 302
    startup.refresh_from_db()
    assert startup.team_size == 9


def test_list_query_count_is_constant(client, alice, django_assert_max_num_queries):
    for _ in range(20):
        make_startup(alice).sectors.set(Sector.objects.all()[:2])
    with django_assert_max_num_queries(8):
        response = client.get(reverse("startups:list"))
    assert response.status_code == 200
