"""The OpenAPI document declares the 400, 401 and 422 answers the operations really give."""

import pytest

from tests.factories import bearer

from .openapi import operations

pytestmark = pytest.mark.django_db


def test_every_operation_with_input_declares_422(document):
    missing = [
        (path, method)
        for path, method, op in operations(document)
        if (op.get("parameters") or op.get("requestBody")) and "422" not in op["responses"]
    ]
    assert missing == []
    ref = document["paths"]["/api/v1/programs"]["get"]["responses"]["422"]
    assert ref["content"]["application/json"]["schema"]["$ref"].endswith("/FieldErrorsOut")
    assert "errors" in document["components"]["schemas"]["FieldErrorsOut"]["properties"]


def test_every_operation_with_a_body_declares_400(document):
    bodies = [(p, m, op) for p, m, op in operations(document) if op.get("requestBody")]
    assert bodies, "the API has operations that take a body"
    assert [(p, m) for p, m, op in bodies if "400" not in op["responses"]] == []


def test_operations_taking_a_token_declare_401(document):
    declared = list(operations(document))
    assert [(p, m) for p, m, op in declared if op.get("security")]
    assert [
        (p, m) for p, m, op in declared if op.get("security") and "401" not in op["responses"]
    ] == []


def test_operations_without_input_declare_no_422(document):
    me = document["paths"]["/api/v1/me"]["get"]
    assert "422" not in me["responses"] and "400" not in me["responses"]


def test_the_declared_400_is_what_a_bad_body_gets_and_is_translated(client, alice, startup):
    response = client.patch(
        f"/api/v1/startups/{startup.slug}",
        "{not json",
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="ko",
        **bearer(alice),
    )
    assert response.status_code == 400
    assert set(response.json()) == {"detail"}
    assert "Cannot parse" not in response.json()["detail"]
    assert "request body" not in response.json()["detail"]  # Korean, not English
