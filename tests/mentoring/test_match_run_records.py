"""What a match run records and shows: named hand edits, stale-run recovery, the certificate."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from startup_street.matching.models import MatchRun
from startup_street.matching.solver import make_problem, solve, verify_certificate
from startup_street.mentoring import selectors, services
from startup_street.mentoring.models import MentorProfile
from startup_street.mentoring.run_snapshot import read_inputs
from startup_street.mentoring.services.matching import _finish, build_problem, check_certificate
from startup_street.mentoring.services.snapshot import encode_snapshot
from startup_street.startups.models import Startup
from tests.factories import bearer, make_call, make_program, make_startup, make_user
from tests.mentoring.test_match_runs import accept, propose
from tests.mentoring.test_mentoring import make_mentor

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(organization):
    call = make_call(make_program(organization))
    startups = [make_startup(make_user(), name=f"Acme {n}") for n in range(3)]
    accept(call, *startups)
    return startups


@pytest.fixture
def run(organization, alice, cohort):
    make_mentor(organization, "ada", max_startups=3)
    return propose(organization, alice)


def remove_all(run, actor):
    for pair in list(run.pairs):
        services.remove_pair(
            run=run, actor=actor, startup_id=pair["startup"], mentor_id=pair["mentor"]
        )
    run.refresh_from_db()


def page_queries(client, run) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("mentoring:run", args=[run.pk])).status_code == 200
    return len(queries)


def test_edits_show_startup_and_mentor_names(client, alice, run):
    services.remove_pair(
        run=run, actor=alice, startup_id=run.pairs[0]["startup"], mentor_id=run.pairs[0]["mentor"]
    )
    run.refresh_from_db()
    client.force_login(alice)
    body = client.get(reverse("mentoring:run", args=[run.pk])).content.decode()
    edit = selectors.named_edits(run)[0]
    assert edit["mentor_name"] == "Ada" and edit["startup_name"].startswith("Acme")
    assert f"{edit['startup_name']} × Ada" in body


def test_edits_page_and_selector_do_not_grow_with_edits(client, alice, run):
    client.force_login(alice)
    first = run.pairs[0]
    services.remove_pair(
        run=run, actor=alice, startup_id=first["startup"], mentor_id=first["mentor"]
    )
    run.refresh_from_db()
    page_queries(client, run)  # the session's first page reads what later pages find cached
    one_edit = page_queries(client, run)
    remove_all(run, alice)
    assert len(run.edits) == 3
    assert page_queries(client, run) == one_edit
    with CaptureQueriesContext(connection) as queries:
        assert len(selectors.named_edits(run)) == 3
    assert len(queries) == 2  # startups, mentors with their users


def test_deleted_startup_and_mentor_named_by_id(alice, run, cohort):
    first = run.pairs[0]
    services.remove_pair(
        run=run, actor=alice, startup_id=first["startup"], mentor_id=first["mentor"]
    )
    Startup.objects.filter(pk=first["startup"]).delete()
    MentorProfile.objects.filter(pk=first["mentor"]).delete()
    edit = selectors.named_edits(MatchRun.objects.get(pk=run.pk))[0]
    assert edit["startup_name"] == f"Deleted startup #{first['startup']}"
    assert edit["mentor_name"] == f"Deleted mentor #{first['mentor']}"


def test_api_edits_carry_names_in_constant_queries(client, alice, run):
    first = run.pairs[0]
    services.remove_pair(
        run=run, actor=alice, startup_id=first["startup"], mentor_id=first["mentor"]
    )
    run.refresh_from_db()
    url = f"/api/v1/mentoring/match-runs/{run.pk}"
    with CaptureQueriesContext(connection) as one:
        body = client.get(url, **bearer(alice)).json()
    assert body["edits"][0]["mentor_name"] == "Ada"
    assert body["edits"][0]["startup_name"].startswith("Acme")
    remove_all(run, alice)
    with CaptureQueriesContext(connection) as three:
        assert len(client.get(url, **bearer(alice)).json()["edits"]) == 3
    assert len(three) == len(one)


def left_running(run, minutes_ago: int) -> MatchRun:
    """A run as a worker that crashed `minutes_ago` after claiming it leaves it."""
    MatchRun.objects.filter(pk=run.pk).update(
        status=MatchRun.Status.RUNNING,
        stage=MatchRun.Stage.SOLVING,
        progress=60,
        pairs=[],
        diagnosis=[],
        updated_at=timezone.now() - timedelta(minutes=minutes_ago),
    )
    return MatchRun.objects.get(pk=run.pk)


def test_stale_run_shows_as_stalled_with_the_reason_and_opening_it_writes_nothing(
    client, alice, run
):
    stale = left_running(run, minutes_ago=16)
    client.force_login(alice)
    body = client.get(reverse("mentoring:run", args=[stale.pk])).content.decode()
    assert MatchRun.objects.get(pk=stale.pk).updated_at == stale.updated_at
    assert MatchRun.objects.get(pk=stale.pk).status == "running"  # a GET wrote nothing
    assert "Stalled" in body and "Re-run with the same inputs" in body
    assert "stopped for more than 15 minutes" in body
    progress = client.get(
        reverse("mentoring:run_progress", args=[stale.pk]), HTTP_HX_REQUEST="true"
    )
    assert progress["HX-Refresh"] == "true" and "hx-trigger" not in progress.content.decode()


def test_stalled_run_can_be_rerun_at_once_and_is_recorded_as_given_up(alice, run):
    stale = left_running(run, minutes_ago=16)
    again = services.rerun_match(run=stale, actor=alice)
    assert again.rerun_of == stale and again.status == "proposed" and len(again.pairs) == 3
    stale.refresh_from_db()
    assert (stale.status, stale.stage, stale.progress) == ("failed", "done", 100)
    assert "stopped for more than 15 minutes" in stale.diagnosis[0]


def test_fresh_running_run_is_left_alone(client, alice, run, organization):
    running = left_running(run, minutes_ago=14)
    client.force_login(alice)
    client.get(reverse("mentoring:run", args=[running.pk]))
    client.get(reverse("mentoring:match", args=[organization.slug]))
    assert services.fail_stale_runs() == 0
    assert MatchRun.objects.get(pk=run.pk).status == "running"


def test_listing_runs_and_the_api_show_stale_runs_as_stalled_without_writing(
    client, alice, run, organization, settings
):
    settings.MATCH_RUN_STALE_AFTER = 60
    left_running(run, minutes_ago=2)
    client.force_login(alice)
    body = client.get(reverse("mentoring:match", args=[organization.slug])).content.decode()
    assert "Stalled" in body and MatchRun.objects.get().status == "running"
    answer = client.get(f"/api/v1/mentoring/match-runs/{run.pk}", **bearer(alice)).json()
    assert (answer["status"], answer["stalled"]) == ("running", True)
    assert "1 minute," in answer["diagnosis"][0]
    assert MatchRun.objects.get().status == "running" and MatchRun.objects.get().diagnosis == []


def test_a_fresh_running_run_is_not_stalled_in_the_api(client, alice, run):
    left_running(run, minutes_ago=14)
    answer = client.get(f"/api/v1/mentoring/match-runs/{run.pk}", **bearer(alice)).json()
    assert (answer["status"], answer["stalled"], answer["diagnosis"]) == ("running", False, [])


def test_command_gives_up_every_stale_run(alice, run):
    left_running(run, minutes_ago=30)
    out = StringIO()
    call_command("fail_stale_match_runs", stdout=out)
    assert "1 stale match run(s) marked failed" in out.getvalue()
    assert MatchRun.objects.get().status == "failed"
    call_command("fail_stale_match_runs", stdout=out)
    assert "0 stale" in out.getvalue()


def test_a_worker_finishing_after_its_run_was_given_up_changes_nothing(alice, run):
    stale = left_running(run, minutes_ago=20)
    assert services.fail_stale_runs() == 1
    stale.status, stale.pairs = MatchRun.Status.PROPOSED, run.pairs  # the late worker's result
    assert not _finish(stale, ["status", "pairs"])
    assert MatchRun.objects.get(pk=stale.pk).status == "failed"


@pytest.mark.parametrize("mode", ["max_sum", "fair"])
def test_run_stores_the_certificate_check_as_the_check_computes_it(
    organization, alice, cohort, mode
):
    make_mentor(organization, "ada", max_startups=2)
    make_mentor(organization, "bo", max_startups=2)
    run = propose(organization, alice, mode=mode)
    features = read_inputs(run).features
    problem = build_problem(encode_snapshot(features), features, run.parameters)
    result = solve(problem, **({"mode": "fair"} if mode == "fair" else {"allow_partial": True}))
    check = verify_certificate(problem, result)
    stored = run.certificate
    assert check.ok and stored["ok"] and stored["problems"] == [] and run.optimal
    assert stored["bound"] == pytest.approx(check.bound)
    assert stored["gap"] == pytest.approx(check.gap) and stored["gap"] >= 0
    assert stored["objective"] == pytest.approx(check.objective) == pytest.approx(run.objective)
    assert 0 <= stored["seconds"] < 5


def test_certificate_shown_to_staff_and_in_the_api(client, alice, run):
    client.force_login(alice)
    body = client.get(reverse("mentoring:run", args=[run.pk])).content.decode()
    assert "Optimality certificate" in body and "verified" in body and "dual bound" in body
    answer = client.get(f"/api/v1/mentoring/match-runs/{run.pk}", **bearer(alice)).json()
    assert answer["certificate"]["ok"] is True
    assert answer["certificate"]["bound"] == pytest.approx(run.certificate["bound"])


def test_failed_run_has_no_certificate(organization, alice, cohort):
    run = propose(organization, alice)  # no mentors
    assert run.status == "failed" and run.certificate is None and not run.optimal


def test_unbounded_check_is_stored_as_null():
    from startup_street.matching.solver.result import failed_result

    problem = make_problem(item=[0], agent=[0], affinity=[1.0], n_items=1, n_agents=1)
    stored = check_certificate(problem, failed_result("max_sum", "feasible", ())).model_dump()
    assert (
        stored["ok"] is False and stored["bound"] is None and "no certificate" in stored["problems"]
    )
    json.dumps(stored, allow_nan=False)
