"""What a match run records and shows: named hand edits, stale-run recovery, the certificate."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from startup_street.matching.models import MatchRun
from startup_street.mentoring import selectors, services
from startup_street.mentoring.models import MentorProfile
from startup_street.startups.models import Startup
from tests.api.test_api import bearer
from tests.factories import make_call, make_program, make_startup, make_user
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
