from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from startup_street.core.models import Sector
from startup_street.programs.models import Call, Program
from tests.factories import make_call, make_organization, make_program, make_startup

pytestmark = pytest.mark.django_db


def test_list_shows_published_only(client, organization):
    make_program(organization, title={"en": "Visible program"})
    make_program(organization, title={"en": "Draft program"}, is_published=False)
    body = client.get(reverse("programs:list")).content.decode()
    assert "Visible program" in body and "Draft program" not in body


def test_draft_visible_to_staff_only(client, organization, bob, charlie):
    draft = make_program(organization, is_published=False)
    url = reverse("programs:detail", args=[draft.slug])
    assert client.get(url).status_code == 404
    client.force_login(charlie)
    assert client.get(url).status_code == 404
    client.force_login(bob)
    assert client.get(url).status_code == 200


def test_list_filters_by_kind_and_open(client, organization):
    open_one = make_program(organization, kind="funding", title={"en": "Open fund"})
    make_call(open_one)
    closed = make_program(organization, kind="funding", title={"en": "Closed fund"})
    make_call(closed, opens_in_days=-30, closes_in_days=-1)
    make_program(organization, kind="space", title={"en": "Office space"})
    body = client.get(reverse("programs:list"), {"kind": "funding", "open": "on"}).content.decode()
    assert "Open fund" in body and "Closed fund" not in body and "Office space" not in body


def test_list_htmx_returns_partial(client, organization):
    make_program(organization)
    response = client.get(reverse("programs:list"), HTTP_HX_REQUEST="true")
    assert "<html" not in response.content.decode()
    assert "Robot testbed support" in response.content.decode()


def test_list_bad_filters_are_ignored_not_errors(client):
    response = client.get(
        reverse("programs:list"), {"kind": "x" * 5000, "page": "zz", "q": "'\"; --"}
    )
    assert response.status_code == 200


def _list_queries(client, params) -> int:
    client.get(reverse("programs:list"), params)  # warm the search engine's caches first
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("programs:list"), params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{}, {"q": "robot", "sector": "robotics", "open_now": "1"}])
def test_list_query_count_is_constant(client, organization, params):
    robotics = Sector.objects.get_or_create(code="robotics", defaults={"name": {"en": "Robotics"}})
    for _ in range(2):
        make_call(make_program(organization)).program.sectors.add(robotics[0])
    few = _list_queries(client, params)
    for n in range(20):
        program = make_program(make_organization(), city=f"City {n}")
        program.sectors.add(robotics[0])
        make_call(program)
        make_call(program, opens_in_days=5, closes_in_days=40)
    # the same whatever the number of programs; ~10 are facet counts, a few the search engine
    assert _list_queries(client, params) == few <= 25


def test_detail_shows_deadline_in_call_zone_and_viewer_zone(client, organization, charlie):
    program = make_program(organization)
    closes = datetime(2030, 3, 31, 9, 0, tzinfo=UTC)  # 18:00 in Seoul, 17:00 in Beijing
    Call.objects.create(
        program=program,
        opens_at=closes - timedelta(days=30),
        closes_at=closes,
        time_zone="Asia/Shanghai",
    )
    charlie.time_zone = "Asia/Seoul"
    charlie.save()
    client.force_login(charlie)
    body = client.get(reverse("programs:detail", args=[program.slug])).content.decode()
    assert "5 p.m. CST (Asia/Shanghai)" in body
    assert "6 p.m. KST (Asia/Seoul)" in body


def test_detail_marks_untranslated_text(client, organization):
    program = make_program(
        organization, title={"zh-hans": "机器人示范"}, original_language="zh-hans"
    )
    body = client.get(reverse("programs:detail", args=[program.slug])).content.decode()
    assert "机器人示范" in body and "not yet translated" in body


def _program_form(**change):
    data = {
        "title_ko": "로봇 실증 지원",
        "title_zh-hans": "",
        "title_en": "Robot demonstration support",
        "summary_ko": "",
        "summary_zh-hans": "",
        "summary_en": "",
        "description_ko": "",
        "description_zh-hans": "",
        "description_en": "",
        "original_language": "ko",
        "kind": "testbed",
        "stages": ["seed"],
        "city": "Seoul",
        "country": "KR",
        "website": "",
        "is_published": "on",
    }
    data.update(change)
    return data


def test_staff_creates_program(client, organization, bob):
    client.force_login(bob)
    response = client.post(reverse("programs:create", args=[organization.slug]), _program_form())
    assert response.status_code == 302
    program = Program.objects.get()
    assert program.organization == organization and program.stages == ["seed"]


@pytest.mark.parametrize("who", ["charlie", None])
def test_outsider_cannot_create_program(client, organization, request, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("programs:create", args=[organization.slug]), _program_form())
    assert response.status_code in {302, 404}
    assert not Program.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("alice", 200), ("bob", 200), ("charlie", 403)])
def test_edit_program_staff_only(client, organization, request, who, status):
    program = make_program(organization)
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("programs:edit", args=[program.slug])).status_code == status


def test_call_created_in_its_own_zone(client, organization, bob):
    program = make_program(organization)
    client.force_login(bob)
    response = client.post(
        reverse("programs:call_create", args=[program.slug]),
        {
            "title_ko": "",
            "title_zh-hans": "2027年春季",
            "title_en": "",
            "time_zone": "Asia/Shanghai",
            "opens_local": "2027-03-01T09:00",
            "closes_local": "2027-03-31T18:00",
            "seats": "10",
        },
    )
    assert response.status_code == 302
    call = Call.objects.get()
    assert call.closes_at == datetime(2027, 3, 31, 10, 0, tzinfo=UTC)
    assert call.time_zone == "Asia/Shanghai" and call.seats == 10


def test_call_closing_before_opening_is_rejected(client, organization, bob):
    program = make_program(organization)
    client.force_login(bob)
    response = client.post(
        reverse("programs:call_create", args=[program.slug]),
        {
            "time_zone": "Asia/Seoul",
            "opens_local": "2027-03-31T09:00",
            "closes_local": "2027-03-01T09:00",
            "seats": "0",
        },
    )
    assert {"closes_local", "seats"} <= set(response.context["form"].errors)
    assert not Call.objects.exists()


def test_call_edit_by_outsider_is_403(client, organization, charlie):
    program = make_program(organization)
    call = make_call(program)
    client.force_login(charlie)
    response = client.post(
        reverse("programs:call_edit", args=[program.slug, call.pk]),
        {"time_zone": "UTC", "opens_local": "2027-01-01T00:00", "closes_local": "2027-02-01T00:00"},
    )
    assert response.status_code == 403
    assert Call.objects.get().time_zone == "Asia/Seoul"


def test_call_status_follows_time(organization):
    call = make_call(make_program(organization), opens_in_days=1, closes_in_days=5)
    assert call.status == "upcoming"
    assert call.status_at(timezone.now() + timedelta(days=2)) == "open"
    assert call.status_at(timezone.now() + timedelta(days=6)) == "closed"


def test_detail_links_each_call_ranking_for_managing_staff_only(
    client, organization, alice, bob, charlie
):
    program = make_program(organization)
    calls = [make_call(program), make_call(program, opens_in_days=20, closes_in_days=40)]
    make_startup(charlie, slug="dronetide", name="Dronetide")  # a founder, not staff
    url = reverse("programs:detail", args=[program.slug])
    ranking = [reverse("decisions:decisions", args=[call.pk]) for call in calls]
    client.force_login(bob)
    body = client.get(url).content.decode()
    assert all(f'href="{link}"' in body for link in ranking)
    assert "Ranking and decisions" in body
    for visitor in (charlie, None):
        client.logout()
        if visitor:
            client.force_login(visitor)
        body = client.get(url).content.decode()
        assert not any(link in body for link in ranking)
        assert "Ranking and decisions" not in body


def test_detail_in_chinese_uses_chinese_colons_and_commas(client, organization, charlie):
    program = make_program(organization, city="Seoul", country="KR")
    Call.objects.create(
        program=program,
        opens_at=datetime(2030, 3, 1, tzinfo=UTC),
        closes_at=datetime(2030, 3, 31, 9, 0, tzinfo=UTC),
        time_zone="Asia/Seoul",
        seats=5,
    )
    charlie.preferred_language = "zh-hans"
    charlie.save()
    client.force_login(charlie)
    body = client.get(reverse("programs:detail", args=[program.slug])).content.decode()
    assert "韩国首尔" in body and "首尔, " not in body  # the country first, as Chinese writes it
    assert "截止时间：" in body and "开始时间：" in body and "名额：" in body
    assert "截止时间:" not in body
