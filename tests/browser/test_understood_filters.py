"""On a phone (390 px), the search page's "Understood as" tags and the filters offered beside them
fit the screen in every language, and following an offer narrows the results."""

from urllib.parse import urlencode

import pytest

from tests.factories import make_call, make_program
from tests.programs.test_eligibility_filters import OFFER_TEXT, QUERIES, REMOVE_TEXT, ROBOT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDER = "document.documentElement.scrollWidth - window.innerWidth"


@pytest.mark.parametrize("language", ["ko", "zh-hans", "en"])
def test_offered_filters_fit_a_phone_and_narrow(live_server, browser, organization, language):
    make_call(make_program(organization, slug="small"), eligibility={"team_size": {"max": 5}})
    make_call(make_program(organization, slug="large"), eligibility={"team_size": {"min": 10}})
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        timezone_id="Asia/Seoul",
        extra_http_headers={"Accept-Language": language},
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    query = urlencode({"q": f"{ROBOT[language]} {QUERIES[language]}"})
    page.goto(f"{live_server.url}/programs/?{query}")
    offers = page.locator("p.understood a", has_text=OFFER_TEXT[language])
    assert offers.count() == 4 and page.evaluate(WIDER) <= 0  # no revenue: no offer
    assert page.locator('a[href="/programs/large/"]').count() == 1
    offers.nth(3).click()  # a team of five
    page.wait_for_load_state()
    assert "team=5" in page.url
    assert page.locator('a[href="/programs/large/"]').count() == 0
    assert page.locator('a[href="/programs/small/"]').count() == 1
    assert page.locator("p.understood a", has_text=REMOVE_TEXT[language]).count() == 1
    assert page.evaluate(WIDER) <= 0
    context.close()
