"""What a reader in ko, zh-hans or en sees of times, zones, cities and untranslated content."""

from datetime import UTC, datetime

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from startup_street.core.places import city_name
from tests.factories import make_call, make_organization, make_program, make_startup, make_user

SIX_PM_SEOUL = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _render(source: str, language: str, zone: str = "UTC", **context) -> str:
    with translation.override(language), timezone.override(zone):
        return Template(source).render(Context(context))


def test_korean_datetime_puts_the_half_of_day_before_the_time():
    text = _render("{{ t|zoned:'Asia/Seoul' }}", "ko", t=SIX_PM_SEOUL)
    assert "오후 6:00" in text
    assert "6:00 오후" not in text


@pytest.mark.parametrize(
    ("language", "zone", "label"),
    [
        ("zh-hans", "Asia/Shanghai", "北京时间"),
        ("zh-hans", "Asia/Seoul", "首尔时间"),
        ("ko", "Asia/Seoul", "서울 시간"),
        ("ko", "Asia/Shanghai", "베이징 시간"),
        ("en", "Asia/Seoul", "KST (Asia/Seoul)"),
        ("en", "Asia/Shanghai", "CST (Asia/Shanghai)"),
    ],
)
def test_zone_named_as_readers_of_the_language_name_it(language, zone, label):
    text = _render("{{ t|zoned:z }}", language, t=SIX_PM_SEOUL, z=zone)
    assert text.endswith(label)
    if language != "en":
        assert "CST" not in text and "KST" not in text


def test_zone_without_a_city_name_keeps_its_abbreviation_in_chinese():
    text = _render("{{ t|zoned:'Europe/Berlin' }}", "zh-hans", t=SIX_PM_SEOUL)
    assert text.endswith("CET (Europe/Berlin)")


def test_zoned_both_shows_one_time_when_the_zones_are_equal():
    source = "{{ t|zoned_both:'Asia/Shanghai' }}"
    same = _render(source, "zh-hans", "Asia/Shanghai", t=SIX_PM_SEOUL)
    other = _render(source, "zh-hans", "Asia/Seoul", t=SIX_PM_SEOUL)
    assert same.count("时间") == 1 and "北京时间" in same
    assert "北京时间" in other and "首尔时间" in other


@pytest.mark.django_db
def test_eligible_list_prints_the_deadline_once_when_zones_agree(client):
    owner = make_user(preferred_language="zh-hans", time_zone="Asia/Shanghai")
    make_startup(owner=owner, city="Beijing", country="CN")
    program = make_program(title={"zh-hans": "机器人示范支持"}, original_language="zh-hans")
    make_call(program, time_zone="Asia/Shanghai")
    client.force_login(owner)
    page = client.get(reverse("programs:eligible")).content.decode()
    deadline = page.split('class="deadline"')[1].split("</p>")[0]
    assert deadline.count("北京时间") == 1


@pytest.mark.parametrize(
    ("stored", "language", "shown"),
    [
        ("Seoul", "zh-hans", "首尔"),
        ("Seoul", "ko", "서울"),
        ("北京", "ko", "베이징"),
        ("北京", "en", "Beijing"),
        ("베이징", "zh-hans", "北京"),
        ("hong-kong", "ko", "홍콩"),
        ("Ulaanbaatar", "zh-hans", "Ulaanbaatar"),
    ],
)
def test_city_name_in_the_readers_language(stored, language, shown):
    assert city_name(stored, language) == shown


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "shown"), [("ko", "베이징"), ("zh-hans", "北京")])
def test_organisation_list_names_cities_in_the_ui_language(client, language, shown):
    make_organization(city="Beijing", country="CN")
    client.force_login(make_user(preferred_language=language))
    page = client.get(reverse("organizations:list")).content.decode()
    assert shown in page
    assert "Beijing" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "badge"), [("ko", "원문:"), ("zh-hans", "原文：")])
def test_organisation_list_marks_a_name_shown_untranslated(client, language, badge):
    make_organization(name={"en": "Robot Foundry"}, original_language="en")
    make_organization(name={"en": "Everywhere Hub", "ko": "어디나 허브", "zh-hans": "处处中心"})
    client.force_login(make_user(preferred_language=language))
    page = client.get(reverse("organizations:list")).content.decode()
    assert page.count(badge) == 1
    assert 'lang="en">Robot Foundry</a>' in page
    assert '<span lang="en">English</span>' in page


@pytest.mark.django_db
def test_program_results_mark_a_title_shown_in_another_language(client):
    make_program(title={"ko": "로봇 실증 지원"}, original_language="ko")
    client.force_login(make_user(preferred_language="zh-hans"))
    body = client.get(reverse("programs:list")).content.decode()
    assert "原文：" in body and '<span lang="ko">한국어</span>' in body


@pytest.mark.django_db
def test_no_badge_when_the_text_is_in_the_ui_language(client):
    make_program(title={"en": "Robot testbed", "ko": "로봇 실증"}, original_language="ko")
    client.force_login(make_user(preferred_language="en"))
    page = client.get(reverse("programs:list")).content.decode()
    assert "Original:" not in page


@pytest.mark.django_db
def test_startup_list_marks_a_tagline_in_another_language(client):
    make_startup(tagline={"zh-hans": "仓储机器人"}, original_language="zh-hans")
    client.force_login(make_user(preferred_language="ko"))
    page = client.get(reverse("startups:list")).content.decode()
    assert 'lang="zh-hans">仓储机器人' in page and "원문:" in page
