from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from startup_street.core.models import Sector
from startup_street.programs.eligibility import evaluate, validate_rules
from startup_street.programs.models import Call
from tests.factories import make_call, make_program, make_startup

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 24)


@pytest.fixture
def robot_startup(alice):
    startup = make_startup(
        alice, founded_on=date(2022, 1, 1), stage="seed", team_size=8, country="KR", city="Seoul"
    )
    startup.sectors.set(Sector.objects.filter(code="robotics"))
    return startup


def _status(rules, startup, **kwargs):
    verdict = evaluate(rules, startup, today=TODAY, **kwargs)
    return {r.rule: r.status for r in verdict.results}, verdict


@pytest.mark.parametrize("typed", ["Seoul", "서울", "首尔", " seoul "])
def test_city_rule_accepts_the_city_in_any_language(robot_startup, typed):
    robot_startup.city = typed
    statuses, _verdict = _status({"cities": ["Seoul"]}, robot_startup)
    assert statuses == {"cities": "met"}
    statuses, _verdict = _status({"cities": ["北京"]}, robot_startup)
    assert statuses == {"cities": "not_met"}


def test_all_rules_met(robot_startup):
    statuses, verdict = _status(
        {
            "max_years_since_founding": 7,
            "stages": ["seed", "series_a"],
            "sectors": ["robotics", "drones"],
            "countries": ["KR"],
            "team_size": {"max": 50},
        },
        robot_startup,
    )
    assert set(statuses.values()) == {"met"} and verdict.eligible


def test_each_failing_rule_explained(robot_startup):
    statuses, verdict = _status(
        {"max_years_since_founding": 3, "sectors": ["bio"], "countries": ["CN"]}, robot_startup
    )
    assert statuses == {
        "max_years_since_founding": "not_met",
        "sectors": "not_met",
        "countries": "not_met",
    }
    assert not verdict.eligible
    assert "4.9 years" in verdict.results[0].explanation


def test_missing_profile_data_is_unknown_not_failed(alice):
    bare = make_startup(alice, founded_on=None, team_size=None)
    statuses, verdict = _status(
        {"max_years_since_founding": 7, "team_size": {"min": 2}, "founder_age": {"max": 39}}, bare
    )
    assert set(statuses.values()) == {"unknown"} and verdict.eligible
    assert len(verdict.unknown) == 3


def test_prior_participation_excludes(robot_startup):
    statuses, _verdict = _status(
        {"exclude_participants_of": [41]}, robot_startup, participated_in={41}
    )
    assert statuses == {"exclude_participants_of": "not_met"}


@pytest.mark.parametrize(
    "rules",
    [
        {"stages": ["unicorn"]},
        {"sectors": ["astrology"]},
        {"max_years_since_founding": -1},
        {"team_size": {"min": 10, "max": 2}},
        {"team_size": {}},
        {"favourite_colour": "blue"},
        {"countries": "KR"},
        {"max_revenue_band": "billions"},
    ],
)
def test_invalid_rules_rejected(rules):
    with pytest.raises(ValidationError):
        validate_rules(rules)


def test_staff_sets_rules_through_call_form(client, organization, bob):
    program = make_program(organization)
    client.force_login(bob)
    response = client.post(
        reverse("programs:call_create", args=[program.slug]),
        {
            "time_zone": "Asia/Seoul",
            "opens_local": "2027-01-01T09:00",
            "closes_local": "2027-02-01T18:00",
            "max_years": "7",
            "stages": ["seed"],
            "sectors": ["robotics"],
            "team_max": "50",
            "exclude_previous": "on",
            "required_documents": "Business registration\nPitch deck",
        },
    )
    assert response.status_code == 302
    assert Call.objects.get().eligibility == {
        "max_years_since_founding": 7,
        "stages": ["seed"],
        "sectors": ["robotics"],
        "exclude_participants_of": [program.pk],
        "required_documents": ["Business registration", "Pitch deck"],
        "team_size": {"max": 50},
    }


def test_program_page_explains_eligibility(client, organization, robot_startup, alice):
    program = make_program(organization)
    make_call(program, eligibility={"sectors": ["bio"], "max_years_since_founding": 10})
    client.force_login(alice)
    body = client.get(reverse("programs:detail", args=[program.slug])).content.decode()
    assert "is not eligible" in body and "None of your sectors is supported." in body


def test_eligible_list_filters_out_failing_calls(client, organization, robot_startup, alice):
    fits = make_program(organization, title={"en": "Robot testbed"})
    make_call(fits, eligibility={"sectors": ["robotics"]})
    bio = make_program(organization, title={"en": "Bio grant"})
    make_call(bio, eligibility={"sectors": ["bio"]})
    closed = make_program(organization, title={"en": "Closed robot call"})
    make_call(closed, opens_in_days=-20, closes_in_days=-1)
    client.force_login(alice)
    body = client.get(reverse("programs:eligible")).content.decode()
    assert "Robot testbed" in body
    assert "Bio grant" not in body and "Closed robot call" not in body


def test_eligible_list_never_shows_another_users_startup(client, robot_startup, charlie):
    client.force_login(charlie)
    response = client.get(reverse("programs:eligible"), {"startup": robot_startup.pk})
    assert response.status_code == 200 and robot_startup.name not in response.content.decode()


def _call_post(**rules):
    return {
        "time_zone": "Asia/Seoul",
        "opens_local": "2027-01-01T09:00",
        "closes_local": "2027-02-01T18:00",
        **rules,
    }


def test_staff_sets_city_residency_and_founder_age_rules(client, organization, bob):
    program = make_program(organization)
    client.force_login(bob)
    response = client.post(
        reverse("programs:call_create", args=[program.slug]),
        _call_post(
            cities="Seoul\n\n Busan ", residency=["KR"], founder_age_min="19", founder_age_max="39"
        ),
    )
    assert response.status_code == 302
    assert Call.objects.get().eligibility == {
        "cities": ["Seoul", "Busan"],
        "residency": ["KR"],
        "founder_age": {"min": 19, "max": 39},
    }


def test_editing_a_call_keeps_every_rule(client, organization, bob):
    program = make_program(organization)
    rules = {"cities": ["Seoul"], "founder_age": {"max": 39}, "residency": ["CN"]}
    call = make_call(program, eligibility=rules)
    client.force_login(bob)
    form = client.get(reverse("programs:call_edit", args=[program.slug, call.pk])).context["form"]
    data = {k: v for k, v in form.initial.items() if k != "title" and v not in (None, "", [])}
    data.update(opens_local="2027-01-01T09:00", closes_local="2027-02-01T18:00", title_en="x")
    response = client.post(reverse("programs:call_edit", args=[program.slug, call.pk]), data)
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.eligibility == rules


def test_founder_age_range_upside_down_is_rejected(client, organization, bob):
    program = make_program(organization)
    client.force_login(bob)
    response = client.post(
        reverse("programs:call_create", args=[program.slug]),
        _call_post(founder_age_min="40", founder_age_max="20"),
    )
    assert "founder_age_max" in response.context["form"].errors
    assert not Call.objects.exists()


def test_outsider_cannot_change_rules(client, organization, charlie):
    program = make_program(organization)
    call = make_call(program, eligibility={"cities": ["Seoul"]})
    client.force_login(charlie)
    response = client.post(
        reverse("programs:call_edit", args=[program.slug, call.pk]), _call_post(cities="Anywhere")
    )
    assert response.status_code == 403
    call.refresh_from_db()
    assert call.eligibility == {"cities": ["Seoul"]}
