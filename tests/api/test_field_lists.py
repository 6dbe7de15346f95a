"""One field list per model: the form, the service and the API schema agree on what is editable."""

import inspect

import pytest

from startup_street.api.schemas import (
    STARTUP_NULLABLE,
    CallOut,
    OrganizationOut,
    ProgramDetailOut,
    StartupOut,
    StartupPatch,
)
from startup_street.mentoring.forms import MentorProfileForm
from startup_street.mentoring.models import MENTOR_PROFILE_FIELDS
from startup_street.organizations import services as organization_services
from startup_street.organizations.forms import OrganizationForm
from startup_street.organizations.models import ORGANIZATION_FIELDS
from startup_street.programs import services as program_services
from startup_street.programs.forms import CallForm, ProgramForm
from startup_street.programs.models import CALL_FIELDS, PROGRAM_FIELDS
from startup_street.startups import services as startup_services
from startup_street.startups.forms import StartupForm
from startup_street.startups.models import STARTUP_FIELDS, Startup
from tests.factories import bearer, make_program

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.mark.parametrize(
    ("form", "fields"),
    [
        (StartupForm, STARTUP_FIELDS),
        (ProgramForm, PROGRAM_FIELDS),
        (OrganizationForm, ORGANIZATION_FIELDS),
        (MentorProfileForm, MENTOR_PROFILE_FIELDS),
    ],
)
def test_form_edits_exactly_the_field_list(form, fields):
    assert list(form.base_fields) == list(fields)


@pytest.mark.parametrize(
    ("schema", "fields"),
    [
        (StartupOut, STARTUP_FIELDS),
        (ProgramDetailOut, PROGRAM_FIELDS),
        (OrganizationOut, ORGANIZATION_FIELDS),
        (CallOut, CALL_FIELDS),
    ],
)
def test_api_shows_every_editable_field(schema, fields):
    assert set(fields) <= set(schema.model_fields)


def test_api_patch_takes_exactly_the_startup_field_list():
    assert set(StartupPatch.model_fields) == set(STARTUP_FIELDS)
    assert {"founded_on", "team_size"} == STARTUP_NULLABLE


def test_call_form_gives_what_save_call_sets():
    wall_clock = {"opens_at": "opens_local", "closes_at": "closes_local"}
    taken = set(inspect.signature(program_services.save_call).parameters)
    assert {wall_clock.get(name, name) for name in CALL_FIELDS} <= taken
    keep = {"title", "time_zone", "opens_local", "closes_local", "seats", "eligibility"}
    assert keep <= set(CallForm.base_fields) | {"eligibility"}


def test_startup_form_and_service_agree(startup, alice):
    form = StartupForm(instance=startup)
    data = {name: form[name].value() for name in STARTUP_FIELDS}
    data["revenue_band"] = "under_100m_krw"
    fields = {name: value for name, value in data.items() if name != "sectors"}
    saved = startup_services.update_startup(startup=startup, actor=alice, **fields)
    assert saved.revenue_band == "under_100m_krw"


@pytest.mark.parametrize(
    ("service", "target"),
    [
        (startup_services.update_startup, "startup"),
        (program_services.update_program, "program"),
        (organization_services.update_organization, "organization"),
    ],
)
def test_service_refuses_a_field_outside_the_list(request, alice, organization, service, target):
    objects = {
        "startup": lambda: request.getfixturevalue("startup"),
        "program": lambda: make_program(organization),
        "organization": lambda: organization,
    }
    with pytest.raises(ValueError, match="slug"):
        service(**{target: objects[target]()}, actor=alice, slug="taken-over")


def test_api_sets_revenue_band_and_shows_it_only_to_who_may_edit(client, startup, alice, charlie):
    response = client.patch(
        f"{API}/startups/robowave",
        {"revenue_band": "under_100m_krw"},
        content_type="application/json",
        **bearer(alice),
    )
    assert response.status_code == 200
    assert response.json()["revenue_band"] == "under_100m_krw"
    assert Startup.objects.get(pk=startup.pk).revenue_band == "under_100m_krw"
    listed = client.get(f"{API}/startups", **bearer(alice)).json()["items"]
    assert [item["revenue_band"] for item in listed] == ["under_100m_krw"]
    for headers in (bearer(charlie), {}):
        shown = client.get(f"{API}/startups/robowave", **headers).json()
        assert shown["revenue_band"] is None


def test_api_patch_refuses_an_unknown_revenue_band(client, startup, alice):
    response = client.patch(
        f"{API}/startups/robowave",
        {"revenue_band": "billions"},
        content_type="application/json",
        **bearer(alice),
    )
    assert response.status_code == 422
    assert "revenue_band" in response.json()["errors"]
    startup.refresh_from_db()
    assert startup.revenue_band == ""
