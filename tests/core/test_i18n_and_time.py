from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from startup_street.core.i18n import normalise_language, pick
from startup_street.core.models import Sector

TEXT = {"ko": "로봇 실증", "zh-hans": "机器人示范"}


def test_pick_viewer_language_first():
    shown = pick(TEXT, "ko", "zh-hans")
    assert (shown.text, shown.is_fallback) == ("机器人示范", False)


def test_pick_falls_back_to_original_language():
    shown = pick(TEXT, "zh-hans", "en")
    assert (shown.text, shown.language, shown.is_fallback) == ("机器人示范", "zh-hans", True)


def test_pick_empty_value_gives_empty_text():
    assert pick({}, "ko", "en").text == ""


@pytest.mark.parametrize(
    ("raw", "code"), [("zh-CN", "zh-hans"), ("zh_Hans", "zh-hans"), ("ko-KR", "ko"), ("fr", "")]
)
def test_normalise_language_spellings(raw, code):
    assert normalise_language(raw) == code


def test_zoned_filter_names_the_zone():
    moment = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    with translation.override("en"):
        seoul = Template("{{ t|zoned:'Asia/Seoul' }}").render(Context({"t": moment}))
        beijing = Template("{{ t|zoned:'Asia/Shanghai' }}").render(Context({"t": moment}))
    assert "6 p.m." in seoul and "KST (Asia/Seoul)" in seoul
    assert "5 p.m." in beijing and "CST (Asia/Shanghai)" in beijing


def test_zoned_filter_uses_active_zone_by_default():
    moment = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    with timezone.override("Europe/Berlin"), translation.override("en"):
        text = Template("{{ t|zoned }}").render(Context({"t": moment}))
    assert "10 a.m." in text and "Europe/Berlin" in text


@pytest.mark.django_db
def test_translated_field_rejects_unknown_language():
    sector = Sector(code="x", name={"fr": "Robotique"})
    with pytest.raises(ValidationError):
        sector.full_clean()


@pytest.mark.django_db
def test_translated_field_rejects_all_empty():
    sector = Sector(code="x", name={"ko": "  "})
    with pytest.raises(ValidationError):
        sector.full_clean()


@pytest.mark.django_db
def test_sectors_seeded_in_three_languages():
    robotics = Sector.objects.get(code="robotics")
    assert robotics.name == {"en": "Robotics", "ko": "로봇", "zh-hans": "机器人"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"), [("ko", "프로그램"), ("zh-hans", "项目"), ("en", "Programs")]
)
def test_language_switcher_renders_each_language(client, language, expected):
    client.post(reverse("core:switch_language"), {"language": language, "next": "/"})
    response = client.get("/")
    assert expected in response.content.decode()
    assert response.headers["Content-Language"] == language


@pytest.mark.django_db
def test_language_switcher_saves_profile(client, alice):
    client.force_login(alice)
    client.post(reverse("core:switch_language"), {"language": "zh-hans"})
    alice.refresh_from_db()
    assert alice.preferred_language == "zh-hans"


@pytest.mark.django_db
def test_language_switcher_ignores_unknown_language_and_foreign_next(client):
    response = client.post(
        reverse("core:switch_language"), {"language": "xx", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response.url == "/"
    assert "street_language" not in response.cookies


@pytest.mark.django_db
def test_time_zone_switcher_for_anonymous_sets_cookie(client):
    client.post(reverse("core:switch_time_zone"), {"time_zone": "Asia/Shanghai"})
    response = client.get("/")
    body = response.content.decode()
    assert '<option value="Asia/Shanghai" selected>' in body
    assert '<option value="Asia/Seoul" selected>' not in body


@pytest.mark.django_db
def test_pages_send_strict_csp(client):
    response = client.get("/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]


@pytest.mark.django_db
def test_unknown_page_is_404(client):
    assert client.get("/no/such/page/").status_code == 404
