"""The answers are the ones the OpenAPI document declares, and the inputs it calls valid are the
ones the server accepts (what a generated run over the whole document checks)."""

import re

import pytest
from django.test import Client
from pydantic import ValidationError as SchemaError

from startup_street.api.schemas import LANGUAGE_SPELLING
from startup_street.api.spaces import TopUpIn
from startup_street.core.enums import Stage
from startup_street.programs.enums import SupportKind
from tests.factories import bearer, make_call, make_program, submit_one

from .openapi import operations

pytestmark = pytest.mark.django_db
WRITES = {"put", "post", "patch", "delete"}
PUBLIC_READS = {"/api/v1/programs", "/api/v1/organizations/{slug}", "/api/v1/calls"}


def test_a_token_signed_write_to_a_malformed_address_is_a_json_404(alice):
    client = Client(enforce_csrf_checks=True)  # as a real client: no CSRF token, a bearer one
    response = client.post("/api/v1/mentoring/match-runs/false/confirm", **bearer(alice))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_public_reads_declare_signing_in_optional_and_the_rest_require_it(document):
    for path in PUBLIC_READS:
        assert {} in document["paths"][path]["get"]["security"]
    me = document["paths"]["/api/v1/me"]["get"]["security"]
    assert me and {} not in me
    writes = [op for _p, method, op in operations(document) if method in WRITES]
    assert writes and all({} not in op.get("security", [{}]) for op in writes)


def test_every_refusal_the_handlers_give_is_declared(document):
    missing = []
    for path, method, op in operations(document):
        codes = set(op["responses"])
        if op.get("security") and "403" not in codes:
            missing.append((path, method, 403))
        if "{" in path and "404" not in codes:
            missing.append((path, method, 404))
        if method in WRITES and op.get("security") and "409" not in codes:
            missing.append((path, method, 409))
    assert missing == []


def test_a_refusal_because_of_state_is_409_and_says_why(client, organization, alice):
    call = make_call(make_program(organization))
    application = submit_one(call, owner=alice)
    url = f"/api/v1/applications/{application.pk}/withdraw"
    assert client.post(url, **bearer(alice)).status_code == 200
    response = client.post(url, **bearer(alice))
    assert response.status_code == 409  # the same request, refused by the state it left
    assert "cannot become" in response.json()["detail"]


def test_a_refusal_of_the_input_stays_422(client, organization, alice):
    call = make_call(make_program(organization))
    application = submit_one(call, owner=alice)
    response = client.post(
        f"/api/v1/applications/{application.pk}/decision",
        {"decision": "maybe"},
        content_type="application/json",
        **bearer(alice),
    )
    assert response.status_code == 422 and "decision" in response.json()["errors"]


def test_application_decision_has_its_own_schema_with_its_choices(document):
    body = document["paths"]["/api/v1/applications/{application_id}/decision"]["post"]
    ref = body["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    schema = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert schema["properties"]["decision"]["enum"] == [
        "accepted",
        "waitlisted",
        "rejected",
        "under_review",
    ]


def _parameter(document, path, name):
    parameters = document["paths"][path]["get"]["parameters"]
    return next(p for p in parameters if p["name"] == name)["schema"]


def test_program_filters_declare_the_choices_the_filter_form_takes(client, document):
    kind = _parameter(document, "/api/v1/programs", "kind")
    stage = _parameter(document, "/api/v1/programs", "stage")
    assert set(kind["enum"]) == {"", *SupportKind.values}
    assert set(stage["enum"]) == {"", *Stage.values}
    for value in kind["enum"]:
        assert client.get("/api/v1/programs", {"kind": value}).status_code == 200
    assert client.get("/api/v1/programs", {"kind": "magic"}).status_code == 422
    within = _parameter(document, "/api/v1/programs", "closes_within")
    assert {"type": "integer", "minimum": 1, "maximum": 366} in within["anyOf"]


@pytest.mark.parametrize(
    ("lang", "accepted"), [("ko", True), ("zh-CN", True), ("EN", True), ("", False), ("fr", False)]
)
def test_lang_pattern_is_what_the_server_takes(client, lang, accepted):
    assert bool(re.match(LANGUAGE_SPELLING, lang)) is accepted
    status = client.get("/api/v1/programs", {"lang": lang}).status_code
    assert status == (200 if accepted else 422)


def test_event_registration_and_notice_lists_cannot_be_empty(document):
    schemas = document["components"]["schemas"]
    languages = schemas["RegistrationIn"]["properties"]["languages"]
    assert languages["minItems"] == 1 and set(languages["items"]["enum"]) == {"ko", "zh-hans", "en"}
    assert schemas["NoticeIn"]["properties"]["statuses"]["minItems"] == 1


@pytest.mark.parametrize(
    ("hours", "valid"),
    [("0.5", True), ("12.25", True), ("-3", True), ("0", False), ("1.234", False)],
)
def test_top_up_hours_pattern_agrees_with_what_is_accepted(document, hours, valid):
    schema = document["components"]["schemas"]["TopUpIn"]["properties"]["hours"]
    text = next(branch for branch in schema["anyOf"] if branch["type"] == "string")
    assert bool(re.match(text["pattern"], hours)) is valid
    try:
        parsed = TopUpIn(hours=hours, month="2027-01-01").hours
    except SchemaError:
        parsed = None
    assert bool(parsed) is valid  # zero parses, and is refused by the service


def test_a_filter_naming_a_sector_that_is_not_there_is_404_on_its_field(client, charlie, document):
    for response in (
        client.get("/api/v1/programs", {"sector": "../../etc"}),
        client.post(
            "/api/v1/saved-searches",
            {"q": "robot", "sector": "no-such-sector"},
            content_type="application/json",
            **bearer(charlie),
        ),
    ):
        assert response.status_code == 404
        assert "sector" in response.json()["errors"]
    assert "404" in document["paths"]["/api/v1/programs"]["get"]["responses"]
    assert client.get("/api/v1/programs", {"closes_within": 0}).status_code == 422


def test_indicators_for_an_organisation_not_in_view_is_404(client, organization, alice):
    response = client.get("/api/v1/indicators", {"organization": 999_999}, **bearer(alice))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_a_cancel_body_that_is_not_an_object_is_refused(client, alice):
    response = client.post(
        "/api/v1/bookings/1/cancel", '"text"', content_type="application/json", **bearer(alice)
    )
    assert response.status_code == 422


def test_an_id_beyond_64_bits_in_a_body_is_422_not_an_overflow(client, alice, document):
    body = {"kind": "investor", "name": "Fund", "languages": ["en"], "unavailable_slots": [2**90]}
    response = client.post(
        "/api/v1/events/any-event/registrations",
        body,
        content_type="application/json",
        **bearer(alice),
    )
    assert response.status_code == 422 and "unavailable_slots.0" in response.json()["errors"]
    slots = document["components"]["schemas"]["RegistrationIn"]["properties"]["unavailable_slots"]
    assert slots["items"]["maximum"] == 2**63 - 1
