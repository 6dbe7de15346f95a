import pytest


@pytest.fixture
def document(client):
    """The API's OpenAPI document, as a client reads it."""
    return client.get("/api/v1/openapi.json").json()
