"""The match run pages: progress while solving, hand edits, re-runs; the mentors' preferences."""

import pytest
from django.urls import reverse

from startup_street.matching.models import MatchRun
from startup_street.mentoring.models import MentorBid
from tests.factories import make_member
from tests.mentoring.test_match_runs import HASHING, accept, propose
from tests.mentoring.test_mentoring import make_mentor

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(organization, startup):
    from tests.factories import make_call, make_program

    call = make_call(make_program(organization))
    accept(call, startup)
    return call


@pytest.fixture
def run(organization, alice, cohort):
    make_mentor(organization, "m")
    return propose(organization, alice)


@pytest.fixture
def queued(organization, alice, cohort, django_capture_on_commit_callbacks):
    make_mentor(organization, "m")
    with django_capture_on_commit_callbacks(execute=False):
        return propose(organization, alice, background=True)


def test_pending_run_page_polls_its_progress(client, alice, queued):
    client.force_login(alice)
    body = client.get(reverse("mentoring:run", args=[queued.pk])).content.decode()
    assert reverse("mentoring:run_progress", args=[queued.pk]) in body
    assert "Waiting for a worker" in body and 'hx-trigger="every 2s"' in body


def test_progress_partial_asks_for_reload_when_done(client, alice, queued):
    from startup_street.mentoring import services

    client.force_login(alice)
    url = reverse("mentoring:run_progress", args=[queued.pk])
    waiting = client.get(url, headers={"HX-Request": "true"})
    assert "HX-Refresh" not in waiting and "<progress" in waiting.content.decode()
    services.run_match(run_id=queued.pk, embedder=HASHING)
    done = client.get(url, headers={"HX-Request": "true"})
    assert done["HX-Refresh"] == "true" and "hx-get" not in done.content.decode()


@pytest.mark.parametrize("name", ["run_progress", "run"])
def test_outsider_cannot_see_a_run(client, charlie, run, name):
    client.force_login(charlie)
    assert client.get(reverse(f"mentoring:{name}", args=[run.pk])).status_code == 404


@pytest.mark.parametrize("action", ["add", "remove", "rerun", "discard"])
def test_outsider_cannot_edit_a_run(client, charlie, run, action):
    client.force_login(charlie)
    url = reverse("mentoring:run_edit", args=[run.pk, action])
    assert client.post(url, {"startup": 1, "mentor": 1}).status_code == 404
    assert MatchRun.objects.get(pk=run.pk).pairs == run.pairs and MatchRun.objects.count() == 1


def test_staff_removes_then_adds_a_pair_on_the_page(client, alice, run):
    pair = {"startup": run.pairs[0]["startup"], "mentor": run.pairs[0]["mentor"]}
    client.force_login(alice)
    client.post(reverse("mentoring:run_edit", args=[run.pk, "remove"]), pair)
    assert MatchRun.objects.get(pk=run.pk).pairs == []
    response = client.post(reverse("mentoring:run_edit", args=[run.pk, "add"]), pair, follow=True)
    assert MatchRun.objects.get(pk=run.pk).pairs[0]["mentor"] == pair["mentor"]
    assert "edited by hand" in response.content.decode()


def test_refused_edit_says_why_and_changes_nothing(client, alice, run):
    client.force_login(alice)
    pair = {"startup": run.pairs[0]["startup"], "mentor": run.pairs[0]["mentor"]}
    response = client.post(reverse("mentoring:run_edit", args=[run.pk, "add"]), pair, follow=True)
    assert "already in the proposal" in response.content.decode()
    bad = client.post(reverse("mentoring:run_edit", args=[run.pk, "add"]), {"startup": "x"})
    assert bad.status_code == 302 and MatchRun.objects.get(pk=run.pk).edits == []


def test_unknown_edit_is_404(client, alice, run):
    client.force_login(alice)
    assert client.post(reverse("mentoring:run_edit", args=[run.pk, "explode"])).status_code == 404


def test_rerun_on_the_page_leads_to_the_new_run(client, alice, run):
    client.force_login(alice)
    response = client.post(reverse("mentoring:run_edit", args=[run.pk, "rerun"]))
    new = MatchRun.objects.exclude(pk=run.pk).get()
    assert response["Location"] == reverse("mentoring:run", args=[new.pk])
    assert new.rerun_of_id == run.pk and new.pairs == run.pairs


def test_match_page_runs_the_fair_variant(client, alice, organization, cohort):
    make_mentor(organization, "m")
    client.force_login(alice)
    response = client.post(
        reverse("mentoring:match", args=[organization.slug]), {"per_startup": 1, "mode": "fair"}
    )
    run = MatchRun.objects.get()
    assert response.status_code == 302 and run.parameters["mode"] == "fair" and run.pairs
    page = client.get(response["Location"]).content.decode()
    assert "worst-served startup&#x27;s score is as high as any proposal allows" in page


def test_fair_run_page_says_how_far_it_is_proven_in_korean(client, alice, organization, cohort):
    make_mentor(organization, "m", max_startups=2)
    make_mentor(organization, "n", max_startups=2)
    alice.preferred_language = "ko"  # the run's notes are written in its creator's language
    alice.save(update_fields=["preferred_language"])
    run = propose(organization, alice, mode="fair", per_startup=2)
    client.force_login(alice)
    page = client.get(reverse("mentoring:run", args=[run.pk])).content.decode()
    assert "가장 공정함이 증명됨" in page


def test_the_cohort_is_picked_among_the_organisations_own_calls(
    client, alice, organization, cohort
):
    from tests.factories import make_call, make_program

    make_mentor(organization, "m")
    elsewhere = make_call(make_program())  # another organisation's call
    client.force_login(alice)
    url = reverse("mentoring:match", args=[organization.slug])
    choices = dict(client.get(url).context["form"].fields["call"].choices)
    assert cohort.pk in choices and elsewhere.pk not in choices
    refused = client.post(url, {"per_startup": 1, "mode": "max_sum", "call": elsewhere.pk})
    assert refused.status_code == 200 and "call" in refused.context["form"].errors
    assert not MatchRun.objects.exists()
    picked = client.post(url, {"per_startup": 1, "mode": "max_sum", "call": cohort.pk})
    assert picked.status_code == 302 and MatchRun.objects.get().pairs


def test_mentor_states_preferences_on_cohort_startups(
    client, organization, charlie, startup, cohort
):
    make_member(organization, charlie, "mentor")
    mentor = make_mentor(organization, "x")
    mentor.user = charlie
    mentor.save()
    client.force_login(charlie)
    assert startup.name in client.get(reverse("mentoring:bids")).content.decode()
    client.post(reverse("mentoring:bids"), {"startup": startup.pk, "value": "want"})
    assert MentorBid.objects.get().value == "want"
    client.post(reverse("mentoring:bids"), {"startup": startup.pk, "value": "sure"})
    assert MentorBid.objects.get().value == "want"


def test_non_mentor_has_no_preferences_page(client, bob):
    client.force_login(bob)
    assert client.get(reverse("mentoring:bids")).status_code == 404


def test_confirming_or_discarding_a_proposal_is_asked_first(client, alice, run):
    client.force_login(alice)
    html = client.get(reverse("mentoring:run", args=[run.pk])).content.decode()
    discard = reverse("mentoring:run_edit", args=[run.pk, "discard"])
    for panel, asks in (("confirm-run", "Yes, create the mentorships"), ("discard-run", discard)):
        start = html.index(f'<details class="confirm" id="{panel}">')
        assert asks in html[start : html.index("</details>", start)]
