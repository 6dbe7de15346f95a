"""A testbed booking in the browser: a founder accepted into a program (which grants testbed
hours) picks a free time, asks to book it and writes a demonstration plan; the testbed's staff
approve the request and the plan; the founder sees it confirmed, in their own zone (Beijing) and
the testbed's (Seoul), on the booking and in their list."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from startup_street.core.timezones import get_zone
from startup_street.decisions import services as decisions
from startup_street.spaces.models import Booking, CallSpaceGrant, Certification, CertificationHolder
from tests.factories import (
    make_call,
    make_member,
    make_organization,
    make_program,
    make_user,
    submit_one,
)
from tests.spaces.conftest import make_space

from .test_journey import _login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_accepted_founder_books_a_testbed_and_staff_approve_the_plan(browser, live_server):
    cluster = make_organization(slug="robot-cluster", time_zone="Asia/Seoul")
    staff = make_user("staff", preferred_language="en", time_zone="Asia/Seoul")
    make_member(cluster, staff, "program_manager")
    founder = make_user("founder", preferred_language="en", time_zone="Asia/Shanghai")
    call = make_call(make_program(cluster, slug="testbed-support"))
    CallSpaceGrant.objects.create(call=call, kind="testbed", hours_per_month=Decimal(20))
    application = submit_one(call, owner=founder)
    decisions.decide_application(application=application, actor=staff, decision="under_review")
    decisions.decide_application(application=application, actor=staff, decision="accepted")
    safety = Certification.objects.create(
        organization=cluster, code="robot-safety", name={"en": "Robot safety training"}
    )
    CertificationHolder.objects.create(certification=safety, user=founder)
    make_space(
        cluster,
        slug="outdoor-testbed",
        requires_approval=True,
        required_certification=safety,
        slot_minutes=60,
        min_minutes=60,
    )
    day = timezone.now().astimezone(get_zone("Asia/Seoul")).date() + timedelta(days=3)

    page = _login(browser, live_server, founder)
    page.goto(f"{live_server.url}/")
    assert "20 h / 20 h" in page.locator("#spaces").inner_text()  # hours left this month
    page.goto(f"{live_server.url}/spaces/outdoor-testbed/?day={day:%Y-%m-%d}")
    ten = page.locator(".slot__time", has_text=re.compile(r"^10:00"))
    page.locator(".slot--free a").filter(has=ten).click()  # the testbed's 10:00
    page.wait_for_load_state()
    assert page.locator("#id_start").input_value() == "10:00"
    page.fill("#id_end", "12:00")
    page.fill("#id_title", "Night delivery run")
    page.get_by_role("button", name="Ask to book").click()
    page.wait_for_url("**/spaces/bookings/*/")
    assert page.locator("#booking-status").inner_text() == "Awaiting approval"
    page.fill("#plan-form #id_robot", "AMR-200 delivery robot")
    page.fill("#plan-form #id_scenario", "500 m of pavement, a ramp, a stop at the crossing")
    page.fill("#plan-form #id_safety_officer", "Kim Anjeon")
    page.fill("#plan-form #id_safety_officer_phone", "+82 10 5555 0134")
    page.get_by_role("button", name="Submit the plan").click()
    page.wait_for_load_state()
    assert "The plan is submitted for approval." in page.content()
    booking = Booking.objects.get()
    assert (booking.status, booking.plan.status, booking.hours) == ("pending", "submitted", 2)

    staff_page = _login(browser, live_server, staff)
    staff_page.goto(f"{live_server.url}/")
    staff_page.locator("#spaces").get_by_role("link", name="Decide on requests").click()
    staff_page.wait_for_load_state()
    staff_page.locator("#requests").get_by_role("button", name="Approve").click()
    staff_page.wait_for_load_state()
    assert "The booking is confirmed." in staff_page.content()
    plans = staff_page.locator("#plans")
    plans.locator("select[name=approve]").select_option("yes")
    plans.get_by_role("button", name="Decide").click()
    staff_page.wait_for_load_state()
    assert "The plan is decided." in staff_page.content()

    page.reload()
    assert page.locator("#booking-status").inner_text() == "Confirmed"
    assert page.locator("#plan-status").inner_text() == "Approved"
    yours, the_testbeds = page.locator("#time-viewer").inner_text(), page.locator("#time-space")
    assert "9 a.m. CST (Asia/Shanghai)" in yours and "11 a.m. CST" in yours
    assert "10 a.m. KST (Asia/Seoul)" in the_testbeds.inner_text()
    page.goto(f"{live_server.url}/spaces/mine/")
    row = page.locator("table.data tbody tr", has_text="Outdoor testbed").first.inner_text()
    assert "9 a.m. CST (Asia/Shanghai) – 11:00" in row
    assert "10 a.m. KST (Asia/Seoul) – 12:00" in row
    assert "Confirmed" in row and "Approved" in row
    assert "18 h" in page.locator("table.data").first.inner_text()  # 20 h less 2 h
