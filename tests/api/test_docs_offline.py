"""The API's interactive docs load every asset from this server: no CDN."""

import re

import pytest
from django.contrib.staticfiles import finders


@pytest.mark.django_db
def test_swagger_ui_is_served_from_our_static_files(client):
    page = client.get("/api/v1/docs").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert any("swagger-ui-bundle.js" in asset for asset in assets)
    for asset in assets:
        assert not asset.startswith(("http://", "https://", "//")), asset
        if asset.startswith("/static/"):
            assert finders.find(asset.removeprefix("/static/")), asset


@pytest.mark.django_db
def test_a_wrong_address_gets_our_own_translated_page(client, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="ko")
    assert response.status_code == 404
    page = response.content.decode()
    assert "skip-link" in page  # our base template, not Django's technical page
