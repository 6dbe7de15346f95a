"""Sign-up starts from what the newcomer already told us: the page's language and their zone."""

import re

import pytest
from django.conf import settings
from django.urls import reverse


def _selected(page: str, name: str) -> str | None:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    found = re.search(r'<option value="([^"]*)"[^>]*selected', select)
    return found.group(1) if found else None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "zone"), [("zh-hans", "Asia/Shanghai"), ("ko", "Asia/Seoul"), ("en", "UTC")]
)
def test_signup_defaults_to_the_page_language_and_its_zone(client, language, zone):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("accounts:signup")).content.decode()
    assert _selected(page, "preferred_language") == language
    assert _selected(page, "time_zone") == zone


@pytest.mark.django_db
def test_signup_asks_the_browser_for_its_zone(client):
    page = client.get(reverse("accounts:signup")).content.decode()
    assert re.search(r'<select name="time_zone"[^>]*data-browser-zone', page)
    assert 'src="/static/street/browser-zone.js"' in page


@pytest.mark.django_db
def test_signup_with_errors_keeps_the_zone_the_person_chose(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    data = {"email": "not an address", "display_name": "Li", "preferred_language": "en"}
    page = client.post(reverse("accounts:signup"), {**data, "time_zone": "Europe/Berlin"})
    body = page.content.decode()
    assert _selected(body, "time_zone") == "Europe/Berlin"
    assert _selected(body, "preferred_language") == "en"
    assert "data-browser-zone" not in body
