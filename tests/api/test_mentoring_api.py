from io import StringIO

import pytest
from django.core.management import call_command

from startup_street.applications.models import Application
from startup_street.mentoring.models import Mentorship
from tests.api.test_api import bearer
from tests.factories import make_call, make_program
from tests.mentoring.test_mentoring import make_mentor

pytestmark = pytest.mark.django_db
API = "/api/v1/mentoring/match-runs"


@pytest.fixture
def cohort(organization, startup):
    call = make_call(make_program(organization))
    Application.objects.create(call=call, startup=startup, status="accepted")
    make_mentor(organization, "mentor", sectors=["robotics"])
    return call


def test_staff_run_and_confirm_through_api(client, cohort, alice):
    run = client.post(
        API, {"organization": "seoul-hub"}, content_type="application/json", **bearer(alice)
    )
    assert run.status_code == 200 and len(run.json()["pairs"]) == 1
    confirmed = client.post(f"{API}/{run.json()['id']}/confirm", **bearer(alice))
    assert confirmed.json()["status"] == "confirmed"
    assert Mentorship.objects.count() == 1


def test_outsider_gets_404_and_nothing_runs(client, cohort, charlie):
    response = client.post(
        API, {"organization": "seoul-hub"}, content_type="application/json", **bearer(charlie)
    )
    assert response.status_code == 404


def test_bad_payload_is_422(client, cohort, alice):
    response = client.post(
        API,
        {"organization": "seoul-hub", "per_startup": "many"},
        content_type="application/json",
        **bearer(alice),
    )
    assert response.status_code == 422 and "per_startup" in response.json()["errors"]


def test_command_runs_and_confirms(cohort, alice):
    out = StringIO()
    call_command("match_mentors", "seoul-hub", "--as", alice.email, "--confirm", stdout=out)
    assert "1 mentorships created" in out.getvalue() and "optimal" in out.getvalue()
