from io import StringIO

import pytest
from django.core.management import call_command

from startup_street.applications.models import Application
from startup_street.mentoring.models import Mentorship
from tests.factories import bearer, make_call, make_program
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


def _run(client, alice, **payload):
    response = client.post(
        API,
        {"organization": "seoul-hub", **payload},
        content_type="application/json",
        **bearer(alice),
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_run_reports_status_progress_and_parameters(client, cohort, alice):
    run = _run(client, alice, mode="fair")
    assert (run["status"], run["stage"], run["progress"]) == ("proposed", "done", 100)
    assert run["parameters"]["mode"] == "fair"


def test_background_run_is_polled_until_solved(
    client, cohort, alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        queued = _run(client, alice, background=True)
    assert queued["status"] == "queued" and queued["progress"] == 0
    polled = client.get(f"{API}/{queued['id']}", **bearer(alice)).json()
    assert polled["status"] == "proposed" and polled["progress"] == 100 and polled["pairs"]


def test_pairs_removed_and_refused_through_api(client, cohort, alice, startup):
    run = _run(client, alice)
    pair = run["pairs"][0]
    url = f"{API}/{run['id']}/pairs"
    removed = client.delete(f"{url}/{pair['startup']}/{pair['mentor']}", **bearer(alice))
    assert removed.status_code == 200 and removed.json()["pairs"] == []
    body = {"startup": pair["startup"], "mentor": pair["mentor"]}
    added = client.post(url, body, content_type="application/json", **bearer(alice))
    assert added.status_code == 200 and len(added.json()["edits"]) == 2
    again = client.post(url, body, content_type="application/json", **bearer(alice))
    assert again.status_code == 422 and "already in the proposal" in str(again.json()["errors"])


def test_rerun_and_discard_through_api(client, cohort, alice):
    run = _run(client, alice)
    rerun = client.post(
        f"{API}/{run['id']}/rerun", {}, content_type="application/json", **bearer(alice)
    )
    assert rerun.status_code == 200 and rerun.json()["rerun_of_id"] == run["id"]
    discarded = client.post(f"{API}/{run['id']}/discard", **bearer(alice))
    assert discarded.json()["status"] == "discarded"
    twice = client.post(f"{API}/{run['id']}/discard", **bearer(alice))
    assert twice.status_code == 409  # the run's state refuses it, not the input


def test_bad_per_startup_is_422_with_field(client, cohort, alice):
    response = client.post(
        API,
        {"organization": "seoul-hub", "per_startup": 9},
        content_type="application/json",
        **bearer(alice),
    )
    assert response.status_code == 422 and "per_startup" in response.json()["errors"]


@pytest.mark.parametrize(
    ("method", "suffix"),
    [("post", "/rerun"), ("post", "/discard"), ("post", "/pairs"), ("delete", "/pairs/1/1")],
)
def test_outsider_cannot_touch_a_run(client, cohort, alice, charlie, method, suffix):
    run = _run(client, alice)
    response = getattr(client, method)(
        f"{API}/{run['id']}{suffix}",
        {"startup": 1, "mentor": 1} if method == "post" else None,
        content_type="application/json",
        **bearer(charlie),
    )
    assert response.status_code == 404
    assert client.get(f"{API}/{run['id']}", **bearer(alice)).json()["status"] == "proposed"


def test_command_reruns_an_earlier_run(cohort, alice):
    out = StringIO()
    call_command("match_mentors", "seoul-hub", "--as", alice.email, stdout=out)
    first = int(out.getvalue().split()[2].rstrip(":"))
    out = StringIO()
    call_command(
        "match_mentors", "seoul-hub", "--as", alice.email, "--rerun", str(first), stdout=out
    )
    assert "1 pairs" in out.getvalue() and str(first) not in out.getvalue().split()[2]
