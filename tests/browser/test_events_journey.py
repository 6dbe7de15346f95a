"""A delegation visit in the browser: a Seoul founder (Korean, Seoul time) registers and asks a
Beijing partner (Chinese, Beijing time) for a meeting, the organiser approves, the partner
accepts, the organiser solves and publishes, and each side reads the same meeting in their own
language and zone: 10:00 in Beijing is 11:00 in Seoul."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from startup_street.core.timezones import make_aware_in
from startup_street.events import services
from startup_street.events.models import Interpreter, Registration, Table
from tests.browser.conftest import sign_in
from tests.factories import make_member, make_organization, make_startup, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _visit(org):
    day = (timezone.now() + timedelta(days=10)).date()
    starts = make_aware_in(datetime(day.year, day.month, day.day, 10, 0), "Asia/Shanghai")
    return services.create_event(
        organizers=[org], slug="seoul-to-beijing", kind="delegation",
        title={"en": "Seoul delegation to Beijing", "ko": "서울 대표단 베이징 방문",
               "zh-hans": "首尔代表团访问北京"},
        starts_at=starts, ends_at=starts + timedelta(hours=1),
        registration_opens_at=timezone.now() - timedelta(days=1),
        registration_closes_at=starts - timedelta(days=1), time_zone="Asia/Shanghai",
        languages=["ko", "zh-hans"], venue="Zhongguancun Startup Street", city="Beijing",
        slot_minutes=30,
    )  # fmt: skip


def test_founder_and_partner_see_one_meeting_in_their_own_language_and_zone(browser, live_server):
    org = make_organization(slug="kic-beijing", city="Beijing", country="CN")
    staff = make_user("organiser", preferred_language="en", time_zone="Asia/Shanghai")
    make_member(org, staff, "program_manager")
    founder = make_user("founder", preferred_language="ko", time_zone="Asia/Seoul")
    make_startup(founder, name="Robowave", slug="robowave")
    partner_user = make_user("partner", preferred_language="zh-hans", time_zone="Asia/Shanghai")
    event = _visit(org)
    partner = services.register(
        event=event, user=partner_user, kind="corporate", name="Beijing Logistics",
        languages=["zh-hans"], offers="物流仓库试点合作", seeks="仓储机器人",
    )  # fmt: skip
    services.decide_registration(registration=partner, actor=staff, status="approved")
    Table.objects.create(event=event, name="T1")
    Interpreter.objects.create(event=event, name="Kim Mei", language_pairs=[["ko", "zh-hans"]])
    url = f"{live_server.url}/events/{event.slug}"

    # the founder registers, in Korean
    seoul = sign_in(browser, live_server, founder, locale="ko-KR", zone="Asia/Seoul")
    seoul.goto(f"{url}/register/")
    assert "서울 대표단 베이징 방문" in seoul.content()
    seoul.select_option("select[name=kind]", "startup")
    seoul.fill("input[name=name]", "Robowave")
    seoul.select_option("select[name=startup]", label="Robowave")
    seoul.check("input[name=languages][value=ko]")
    seoul.fill("textarea[name=offers]", "Warehouse robots that pick parcels")
    seoul.fill("textarea[name=seeks]", "A logistics partner in Beijing for a pilot")
    seoul.click("form.stacked button[type=submit]")
    seoul.wait_for_load_state()
    mine = Registration.objects.get(event=event, user=founder)
    assert mine.status == "pending" and mine.languages == ["ko"]

    # the organiser approves, in English
    beijing_staff = sign_in(browser, live_server, staff, locale="en-US", zone="Asia/Shanghai")
    beijing_staff.goto(f"{url}/manage/")
    row = beijing_staff.locator("tr", has_text="Robowave")
    row.locator("select[name=status]").select_option("approved")
    row.get_by_role("button", name="Save").click()
    beijing_staff.wait_for_load_state()
    mine.refresh_from_db()
    assert mine.status == "approved"

    # the founder asks the partner for a meeting: must meet
    seoul.goto(f"{url}/participants/")
    card = seoul.locator(f"#participant-{partner.pk}")
    card.locator("select[name=interest]").select_option("must")
    card.get_by_role("button", name="미팅 요청").click()
    seoul.wait_for_load_state()
    assert "Beijing Logistics" in seoul.content()

    # the partner accepts, in Chinese
    beijing = sign_in(browser, live_server, partner_user, locale="zh-CN", zone="Asia/Shanghai")
    beijing.goto(f"{url}/requests/")
    item = beijing.locator("li", has_text="Robowave")
    item.locator("select[name=interest]").select_option("would")
    item.locator("button[type=submit]").click()
    beijing.wait_for_load_state()
    assert mine.sent.get().status == "accepted"

    # the organiser solves and publishes
    beijing_staff.goto(f"{url}/manage/")
    beijing_staff.get_by_role("button", name="Solve the schedule").click()
    beijing_staff.wait_for_load_state()
    assert "Proven best" in beijing_staff.content()
    beijing_staff.locator("summary", has_text="Publish the schedule").click()
    beijing_staff.locator(".confirm__panel button[type=submit]").click()
    beijing_staff.wait_for_load_state()
    assert "The schedule is published" in beijing_staff.content()
    slot = mine.sent.get().meeting.published_slot
    assert slot is not None

    # each reads the meeting in their own language and zone
    seoul.goto(f"{url}/agenda/")
    founder_row = seoul.locator("ol.agenda li").first
    text = founder_row.inner_text()
    local = timezone.localtime(slot.starts_at, timezone.get_fixed_timezone(9 * 60))
    assert "내 일정" in seoul.content() and "Beijing Logistics" in text
    assert f"오전 {local:%I:%M}".replace(" 0", " ") in text and "서울 시간" in text
    assert "통역" in text and "Kim Mei" in text
    iso = founder_row.locator("time").get_attribute("datetime")
    assert iso.endswith("+09:00") and iso[11:16] == f"{local:%H:%M}"

    beijing.goto(f"{url}/agenda/")
    partner_row = beijing.locator("ol.agenda li").first
    text = partner_row.inner_text()
    local = timezone.localtime(slot.starts_at, timezone.get_fixed_timezone(8 * 60))
    assert "我的日程" in beijing.content() and "Robowave" in text
    assert f"{local:%H:%M}" in text and "北京时间" in text
    assert "口译" in text and "Kim Mei" in text
    iso = partner_row.locator("time").get_attribute("datetime")
    assert iso.endswith("+08:00") and iso[11:16] == f"{local:%H:%M}"
    # the same instant: an hour apart on the wall clock
    seoul_hour = int(founder_row.locator("time").get_attribute("datetime")[11:13])
    assert seoul_hour == int(iso[11:13]) + 1
