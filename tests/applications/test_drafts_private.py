"""A draft is its team's alone: the call's staff see an application once it is submitted."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from startup_street.applications import services
from startup_street.reviews import conflicts
from startup_street.reviews.models import Stake
from tests.factories import bearer, make_call, make_program, make_startup, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(organization):
    founder = make_user("dana")
    startup = make_startup(founder, name="Quiet Robotics")
    call = make_call(make_program(organization))
    return services.start_application(call=call, startup=startup, user=founder)


def test_staff_do_not_open_a_draft_on_the_web(client, bob, draft):
    client.force_login(bob)
    assert client.get(reverse("applications:detail", args=[draft.pk])).status_code == 404


def test_staff_do_not_read_a_draft_in_the_api(client, bob, draft):
    auth = bearer(bob)
    assert client.get(f"/api/v1/applications/{draft.pk}", **auth).status_code == 404
    listed = client.get(f"/api/v1/applications?call={draft.call_id}", **auth).json()
    assert draft.pk not in {row["id"] for row in listed["items"]}


def test_superuser_does_not_read_a_draft_either(client, draft):
    root = make_user("root", is_superuser=True, is_staff=True)
    assert client.get(f"/api/v1/applications/{draft.pk}", **bearer(root)).status_code == 404


def test_the_team_still_reads_its_draft(client, draft):
    founder = draft.startup.members.get().user
    client.force_login(founder)
    assert client.get(reverse("applications:detail", args=[draft.pk])).status_code == 200
    assert client.get(f"/api/v1/applications/{draft.pk}", **bearer(founder)).status_code == 200


def test_a_draft_alone_does_not_let_staff_record_stakes(bob, charlie, draft):
    with pytest.raises(PermissionDenied):
        conflicts.record_stake(startup=draft.startup, actor=bob, kind="investor", person=charlie)
    assert not Stake.objects.exists()


def test_a_submitted_application_lets_staff_see_and_record_stakes(client, bob, charlie, draft):
    from startup_street.applications.models import Question

    Question.objects.filter(form__call=draft.call).delete()
    founder = draft.startup.members.get().user
    services.submit_application(application=draft, user=founder)
    assert client.get(f"/api/v1/applications/{draft.pk}", **bearer(bob)).status_code == 200
    conflicts.record_stake(startup=draft.startup, actor=bob, kind="investor", person=charlie)
    assert Stake.objects.count() == 1
