"""Founders' preferences for mentors: the mirror of mentors' bids, on the web, in the score and
in the run's snapshot."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from startup_street.mentoring import selectors, services
from startup_street.mentoring.models import FounderPreference, MentorProfile
from startup_street.mentoring.run_snapshot import read_inputs
from startup_street.mentoring.services.snapshot import score_pair
from tests.factories import make_call, make_organization, make_program
from tests.mentoring.test_match_runs import HASHING, accept, pairs_of, propose
from tests.mentoring.test_mentoring import make_mentor

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(organization):
    return make_call(make_program(organization))


@pytest.fixture
def twins(organization, startup, call):
    """Two mentors whose scores for the startup tie on every other part."""
    accept(call, startup)
    first, second = make_mentor(organization, "first"), make_mentor(organization, "second")
    MentorProfile.objects.filter(pk__in=[first.pk, second.pk]).update(headline={"en": "Mentor"})
    return first, second


def state(startup, user, mentor, value):
    return services.state_founder_preference(
        startup=startup, actor=user, mentor=mentor, value=value
    )


def test_founder_states_changes_and_clears(twins, startup, alice, bob):
    first, _second = twins
    state(startup, alice, first, "want")
    state(startup, bob, first, "rather_not")  # a teammate may change it
    assert selectors.founder_preferences_of(startup) == {first.pk: "rather_not"}
    assert FounderPreference.objects.get().set_by == bob
    state(startup, alice, first, "")
    assert selectors.founder_preferences_of(startup) == {}


def test_outsider_and_unknown_values_refused_and_nothing_changes(twins, startup, alice, charlie):
    first, _second = twins
    state(startup, alice, first, "could")
    with pytest.raises(PermissionDenied):
        state(startup, charlie, first, "want")
    with pytest.raises(ValidationError):
        state(startup, alice, first, "maybe")
    assert selectors.founder_preferences_of(startup) == {first.pk: "could"}


def test_only_mentors_of_the_organisations_that_accepted_the_startup(
    twins, startup, alice, organization
):
    stranger = make_mentor(make_organization(slug="elsewhere"), "stranger")
    resting = make_mentor(organization, "resting", is_active=False)
    for mentor in (stranger, resting):
        with pytest.raises(ValidationError):
            state(startup, alice, mentor, "want")
    assert set(selectors.mentors_for(startup)) == set(twins)
    assert not FounderPreference.objects.exists()


@pytest.mark.parametrize("favoured", [0, 1])
def test_founder_want_moves_the_choice_towards_the_mentor(
    twins, startup, alice, organization, favoured
):
    mentor = twins[favoured]
    state(startup, alice, mentor, "want")
    run = propose(organization, alice)
    assert pairs_of(run) == {(startup.pk, mentor.pk)}
    assert dict(run.pairs[0]["why"])["founder"] == pytest.approx(0.5)


@pytest.mark.parametrize("avoided", [0, 1])
def test_founder_rather_not_moves_the_choice_away(twins, startup, alice, organization, avoided):
    state(startup, alice, twins[avoided], "rather_not")
    run = propose(organization, alice)
    assert pairs_of(run) == {(startup.pk, twins[1 - avoided].pk)}


def test_founder_and_mentor_words_weigh_the_same(twins, startup, alice, organization):
    first, second = twins
    services.place_bid(mentor=first, actor=first.user, startup=startup, value="want")
    state(startup, alice, second, "want")
    run = propose(organization, alice)
    scores = {p["mentor"]: p["score"] for p in run.pairs}
    ((_s, chosen),) = pairs_of(run)
    other = ({first.pk, second.pk} - {chosen}).pop()
    features = read_inputs(run).features
    assert score_pair(features, startup.pk, other)[0] == pytest.approx(scores[chosen])


def test_snapshot_keeps_preferences_and_rerun_reproduces(twins, startup, alice, organization):
    first, second = twins
    state(startup, alice, second, "want")
    run = propose(organization, alice)
    assert run.inputs["features"]["founder_preferences"] == [[startup.pk, second.pk, "want"]]
    state(startup, alice, second, "rather_not")
    again = services.rerun_match(run=run, actor=alice)
    assert pairs_of(again) == pairs_of(run) == {(startup.pk, second.pk)}
    assert again.objective == pytest.approx(run.objective)
    fresh = services.rerun_match(run=run, actor=alice, refresh=True, embedder=HASHING)
    assert pairs_of(fresh) == {(startup.pk, first.pk)}


def test_hand_added_pair_scores_the_founders_word(twins, startup, alice, organization):
    first, second = twins
    state(startup, alice, first, "rather_not")
    run = propose(organization, alice)
    services.remove_pair(run=run, actor=alice, startup_id=startup.pk, mentor_id=second.pk)
    services.add_pair(run=run, actor=alice, startup_id=startup.pk, mentor_id=first.pk)
    run.refresh_from_db()
    assert dict(run.pairs[0]["why"])["founder"] == pytest.approx(-0.5)


def test_run_page_names_the_founders_preference(client, twins, startup, alice, organization):
    state(startup, alice, twins[0], "want")
    run = propose(organization, alice)
    client.force_login(alice)
    body = client.get(reverse("mentoring:run", args=[run.pk])).content.decode()
    assert "founder&#x27;s preference" in body or "founder's preference" in body


# The page ------------------------------------------------------------------------------------


def page(startup):
    return reverse("mentoring:preferences", args=[startup.slug])


@pytest.mark.parametrize(("who", "status"), [("alice", 200), ("bob", 200), ("charlie", 404)])
def test_page_for_the_team_only(client, twins, startup, request, who, status):
    client.force_login(request.getfixturevalue(who))
    response = client.get(page(startup))
    assert response.status_code == status
    if status == 200:
        assert "First" in response.content.decode()


def test_page_saves_and_changes(client, twins, startup, bob):
    first, _second = twins
    client.force_login(bob)
    assert client.post(page(startup), {"mentor": first.pk, "value": "want"}).status_code == 302
    client.post(page(startup), {"mentor": first.pk, "value": "could"})
    assert selectors.founder_preferences_of(startup) == {first.pk: "could"}
    body = client.get(page(startup)).content.decode()
    assert 'value="could" selected' in body


def test_page_refuses_outsiders_and_strangers_and_changes_nothing(
    client, twins, startup, alice, charlie
):
    first, _second = twins
    state(startup, alice, first, "want")
    client.force_login(charlie)
    assert (
        client.post(page(startup), {"mentor": first.pk, "value": "rather_not"}).status_code == 404
    )
    stranger = make_mentor(make_organization(slug="elsewhere"), "stranger")
    client.force_login(alice)
    client.post(page(startup), {"mentor": stranger.pk, "value": "want"})
    assert selectors.founder_preferences_of(startup) == {first.pk: "want"}


def test_page_queries_do_not_grow_with_mentors(
    client, twins, startup, alice, organization, django_assert_max_num_queries
):
    for n in range(5):
        make_mentor(organization, f"more{n}")
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        assert client.get(page(startup)).status_code == 200


def test_mentoring_page_links_the_team_to_its_preferences(client, startup, bob, charlie):
    client.force_login(bob)
    assert page(startup) in client.get(reverse("mentoring:mine")).content.decode()
    client.force_login(charlie)
    assert page(startup) not in client.get(reverse("mentoring:mine")).content.decode()


def test_snapshot_from_before_founders_preferences_still_reruns(
    twins, startup, alice, organization
):
    run = propose(organization, alice)
    features = {k: v for k, v in run.inputs["features"].items() if k != "founder_preferences"}
    run.inputs = {**run.inputs, "features": features}
    run.save(update_fields=["inputs"])
    again = services.rerun_match(run=run, actor=alice)
    assert pairs_of(again) == pairs_of(run) and again.objective == pytest.approx(run.objective)
