"""Headless Chromium over the demo: languages switch, a founder logs in and sees programs."""

import pytest
from playwright.sync_api import expect

from startup_street.demo.generate import DEMO_PASSWORD, demo_accounts, load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _founder_email() -> str:
    return next(email for role, email in demo_accounts() if "founder" in role.lower())


def test_demo_languages_login_and_program_list(live_server, page, screenshot):
    load_demo(programs=12, startups=20)
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_role("button", name="한국어").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.get_by_role("link", name="프로그램", exact=True).is_visible()
    screenshot("home-ko")

    page.get_by_role("button", name="中文(简体)").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.get_by_role("link", name="项目", exact=True).is_visible()
    screenshot("home-zh")

    page.goto(live_server.url + "/accounts/login/")
    page.locator("input[name=username]").fill(_founder_email())
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("form.stacked button[type=submit]").click()
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url

    page.goto(live_server.url + "/programs/")
    cards = page.locator("li.card.program")
    assert cards.count() >= 1
    assert page.locator(".deadline").count() >= 1
    screenshot("programs-founder")


def test_program_search_updates_as_one_types(live_server, page):
    load_demo(programs=12, startups=20)
    page.goto(live_server.url + "/programs/")
    before = page.locator("li.card.program").count()
    page.locator("input[type=search]").fill("zzzz-no-such-program")
    expect(page.locator("li.card.program")).to_have_count(0)
    assert before >= 1
    assert "zzzz-no-such-program" in page.url
