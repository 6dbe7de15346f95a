"""Sign-up in a real browser: the zone list starts at the browser's own zone."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Shanghai"])
def test_signup_preselects_the_browsers_time_zone(browser, live_server, zone):
    context = browser.new_context(locale="ko-KR", timezone_id=zone)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/signup/")
    page.wait_for_load_state()
    assert page.locator("#id_time_zone").input_value() == zone
    context.close()
