"""A match run's stored inputs and certificate are typed, versioned records; old rows still read."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from startup_street.matching.models import MatchRun
from startup_street.mentoring import services
from startup_street.mentoring.run_snapshot import (
    SNAPSHOT_VERSION,
    Features,
    Pair,
    RunInputs,
    read_certificate,
    read_inputs,
    read_pairs,
    write_inputs,
)
from tests.factories import make_call, make_program, make_startup, make_user
from tests.mentoring.test_match_runs import accept, propose
from tests.mentoring.test_mentoring import make_mentor

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(organization, alice):
    call = make_call(make_program(organization))
    accept(call, *[make_startup(make_user(), name=f"Acme {n}") for n in range(2)])
    make_mentor(organization, "ada", max_startups=1)
    make_mentor(organization, "bo", max_startups=1)
    return propose(organization, alice)


def as_stored_before_versions(run: MatchRun) -> MatchRun:
    """The run as version 1 stored it: no version, and no founders' preferences or bids."""
    inputs = {k: v for k, v in run.inputs.items() if k != "version"}
    inputs["features"] = {
        k: v for k, v in inputs["features"].items() if k not in {"founder_preferences", "bids"}
    }
    certificate = {k: v for k, v in run.certificate.items() if k != "version"}
    MatchRun.objects.filter(pk=run.pk).update(inputs=inputs, certificate=certificate)
    return MatchRun.objects.get(pk=run.pk)


def test_a_new_run_stores_its_version_and_reads_back_typed(run):
    assert run.inputs["version"] == SNAPSHOT_VERSION == run.certificate["version"]
    inputs = read_inputs(run)
    assert isinstance(inputs.features, Features)
    assert inputs.startup_ids == inputs.features.startups.ids == inputs.startups
    assert len(inputs.features.mentors.capacity) == 2
    certificate = read_certificate(run)
    assert certificate.ok and certificate.objective == pytest.approx(run.objective)


def test_writing_what_was_read_stores_the_same(run):
    stored = dict(run.inputs)
    write_inputs(run, read_inputs(run))
    assert run.inputs == stored


def test_a_version_1_run_reads_and_can_still_be_edited_and_rerun(client, alice, run):
    old = as_stored_before_versions(run)
    inputs = read_inputs(old)
    assert inputs.version == SNAPSHOT_VERSION
    assert inputs.features.founder_preferences == [] and inputs.features.bids == []
    assert read_certificate(old).ok
    pair = old.pairs[0]
    services.remove_pair(run=old, actor=alice, startup_id=pair["startup"], mentor_id=pair["mentor"])
    services.add_pair(run=old, actor=alice, startup_id=pair["startup"], mentor_id=pair["mentor"])
    again = services.rerun_match(run=old, actor=alice)
    assert {(p["startup"], p["mentor"]) for p in again.pairs} == {
        (p["startup"], p["mentor"]) for p in run.pairs
    }
    client.force_login(alice)
    assert client.get(reverse("mentoring:run", args=[old.pk])).status_code == 200


def test_a_run_from_before_inputs_were_kept_shows_and_reruns_but_is_not_edited(client, alice, run):
    asked = RunInputs(startups=run.inputs["startups"], mentors=run.inputs["mentors"])
    MatchRun.objects.filter(pk=run.pk).update(
        inputs={"startups": asked.startups, "mentors": asked.mentors}
    )
    old = MatchRun.objects.get(pk=run.pk)
    assert read_inputs(old).features is None
    assert read_inputs(old).startup_ids == asked.startups
    client.force_login(alice)
    body = client.get(reverse("mentoring:run", args=[old.pk])).content.decode()
    assert "Add a pair by hand" not in body and "Acme 0" in body
    pair = old.pairs[0]
    with pytest.raises(ValidationError, match="before runs kept their inputs"):
        services.remove_pair(
            run=old, actor=alice, startup_id=pair["startup"], mentor_id=pair["mentor"]
        )
    assert services.rerun_match(run=old, actor=alice).status == "proposed"


def test_the_proposal_reads_back_as_typed_pairs_and_confirms(alice, run):
    pairs = read_pairs(run)
    assert [pair.model_dump(mode="json") for pair in pairs] == run.pairs
    assert all(isinstance(pair, Pair) and pair.why for pair in pairs)
    created = services.confirm_run(run=run, actor=alice)
    assert {(m.startup_id, m.mentor_id) for m in created} == {pair.key for pair in pairs}
    assert created[0].explanation == [list(part) for part in pairs[0].why]
