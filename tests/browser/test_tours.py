"""Tours of the demo as every demo role, in Korean, Chinese and English, on a laptop (1366 px)
and a phone (390 px): no page scrolls sideways, the interface is in the reader's language, each
home shows the role's work and no page speaks the solver's or the server's language.
Screenshots go to test-artifacts/tour-<role>-<language>-<width>-<page>.png."""

import re

import pytest
from django.urls import reverse

from startup_street.accounts.models import User
from startup_street.applications.models import Application
from startup_street.demo.events import PARTNER_EMAIL, PARTNER_ROLE
from startup_street.demo.generate import DEMO_PASSWORD, demo_accounts, load_demo
from startup_street.matching.models import MatchRun
from startup_street.mentoring.models import Mentorship
from startup_street.reviews.models import ReviewAssignment

from .conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"laptop": (1366, 860), "phone": (390, 844)}
LANGUAGES = ["ko", "zh-hans", "en"]
TECHNICAL = re.compile(  # optimisation figures stay inside "Details for specialists"
    r"Traceback|dual bound|objective|\bagent\b|demand \d|item \d|^\s*None\s*$|: None\b|Exception|"
    r"NoReverseMatch|csrf",
    re.MULTILINE,
)
# Latin words a Korean or Chinese page may show in its interface: abbreviations and formats.
LATIN_OK = {"API", "CSV", "XLSX", "ics", "D-Day", "KST", "CST", "UTC", "PDF", "PNG", "JPEG"}
# The interface, not content: what the page itself says (people's and startups' names are
# content and may be in any script).
CHROME = (
    ".mainnav a, main h2, main th, main label, main summary, main .btn, main button, "
    ".stat__label, .nav-toggle__label, .footer label, .section__title a"
)
UNTRANSLATED = """(els) => els.map(e => e.innerText.trim()).filter(t => t &&
    !/[\\u1100-\\u11ff\\uac00-\\ud7af\\u3400-\\u9fff]/.test(t))"""


WIDE_ELEMENTS = """() => [...document.querySelectorAll('main *')]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
    .slice(-3).map(e => e.tagName + '.' + e.className + ' ' + (e.innerText || '').slice(0, 40))"""


def _email(prefix: str) -> str:
    accounts = [*demo_accounts(), (PARTNER_ROLE, PARTNER_EMAIL)]  # the partner: made by the events
    return next(email for _role, email in accounts if email.startswith(prefix + "@"))


def _pages() -> dict[str, list[tuple[str, str]]]:
    """Each demo role's home and the pages its work leads to (name, path)."""
    robowave = Mentorship.objects.get(startup__slug="robowave")
    draft = Application.objects.get(startup__slug="robowave", status="draft")
    to_do = ReviewAssignment.objects.filter(
        reviewer__email=_email("reviewer"), review__isnull=True
    ).first()
    in_review = Application.objects.filter(
        call__program__organization__slug="seoul-startup-hub", status="under_review"
    ).first()
    run = MatchRun.objects.get(organization__slug="kic-beijing", status="confirmed")
    return {
        "founder": [
            ("home", "/"),
            ("applications", reverse("applications:mine")),
            ("draft", reverse("applications:detail", args=[draft.pk])),
            ("program", reverse("programs:detail", args=[draft.call.program.slug])),
            ("mentorship", reverse("mentoring:detail", args=[robowave.pk])),
            ("outcomes", reverse("startups:outcomes", args=["robowave"])),
        ],
        "founder-cn": [("home", "/"), ("programs", reverse("programs:list"))],
        "reviewer": [
            ("home", "/"),
            ("reviews", reverse("reviews:mine")),
            ("review", reverse("reviews:detail", args=[to_do.pk])),
        ],
        "hub-admin": [
            ("home", "/"),
            ("applications", reverse("applications:call_applications", args=[in_review.call_id])),
            ("manage", reverse("reviews:manage", args=[in_review.call_id])),
            ("decisions", reverse("decisions:decisions", args=[in_review.call_id])),
            ("figures", reverse("dashboard:dashboard")),
            ("outcomes", reverse("dashboard:outcomes")),
        ],
        "kic-manager": [("home", "/"), ("run", reverse("mentoring:run", args=[run.pk]))],
        "mentor": [
            ("home", "/"),
            ("profile", reverse("mentoring:profile")),
            ("mentorship", reverse("mentoring:detail", args=[robowave.pk])),
        ],
        "analyst": [("home", "/"), ("figures", reverse("dashboard:dashboard"))],
        "admin": [("home", "/")],
    }


HOME_SECTION = {
    "founder": "#founder",
    "founder-cn": "#founder",
    "reviewer": "#reviewer",
    "hub-admin": "#staff",
    "kic-manager": "#staff",
    "mentor": "#mentor",
    "analyst": "#figures",
    "admin": "#admin",
}


def _log_in(page, base: str, email: str) -> None:
    page.context.clear_cookies()
    page.goto(base + reverse("accounts:login"))
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert reverse("accounts:login") not in page.url, email


def _check(page, language: str, where: str) -> list[str]:
    problems = []
    wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if wide > 0:
        culprits = page.evaluate(WIDE_ELEMENTS)
        problems.append(f"{where}: {wide}px wider than the screen: {culprits}")
    text = page.locator("main").inner_text()
    found = TECHNICAL.search(text)
    if found:
        context = text[max(0, found.start() - 40) : found.end() + 20].replace("\n", " ")
        problems.append(f"{where}: technical wording {found.group(0)!r} in {context!r}")
    if language != "en":
        shown = page.locator(CHROME).evaluate_all(UNTRANSLATED)
        english = [t for t in shown if re.search(r"[A-Za-z]{3,}", t) and t not in LATIN_OK]
        english = [t for t in english if not _is_content(page, t)]
        if english:
            problems.append(f"{where}: untranslated {english[:5]}")
    return problems


def _is_content(page, text: str) -> bool:
    """A person's or a startup's name (content), not the interface's words."""
    names = set(User.objects.values_list("display_name", flat=True))
    return any(name and name in text for name in names) or bool(
        re.fullmatch(r"[A-Z][a-z]+[A-Z]?[a-z]*( [A-Z][a-z]+)*", text)
    )


def _tour_every_width(
    browser, base: str, pages: dict, language: str, prefix: str, sections: dict | None = None
) -> list[str]:
    ARTIFACTS.mkdir(exist_ok=True)
    problems = []
    for device, (width, height) in WIDTHS.items():
        context = browser.new_context(
            viewport={"width": width, "height": height}, timezone_id="Asia/Seoul"
        )
        page = context.new_page()
        page.set_default_timeout(20_000)
        problems += _tour(page, base, pages, f"{language} {device}", prefix, sections)
        context.close()
    return problems


def _tour(
    page, base: str, pages: dict, language_device: str, prefix: str, sections: dict | None = None
) -> list[str]:
    """Every role's pages visited and checked, with a screenshot of each; each home must show
    the role's section (``sections``, by default the role's home section)."""
    sections = sections or HOME_SECTION
    language = language_device.split()[0]
    problems = []
    for role, paths in pages.items():
        _log_in(page, base, _email(role))
        for name, path in paths:
            response = page.goto(base + path)
            where = f"{role} {language_device} {name}"
            assert response.status == 200, where
            if name == "home":
                assert page.locator(sections[role]).count() == 1, where
            problems += _check(page, language, where)
            shot = f"{prefix}-{role}-{language_device.replace(' ', '-')}-{name}.png"
            page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_role_tours_its_pages_in_every_language_and_width(
    live_server, browser, language
):
    load_demo(programs=12, startups=40)
    pages = _pages()
    User.objects.update(preferred_language=language)
    problems = _tour_every_width(browser, live_server.url, pages, language, "tour")
    assert not problems, "\n".join(problems)


VISIT = "seoul-delegation-beijing"


def _event_pages() -> dict[str, list[tuple[str, str]]]:
    """The delegation visit's pages: the Seoul founder's, the Beijing partner's, the organiser's."""
    return {
        "founder": [
            ("events", reverse("events:list")),
            ("event", reverse("events:detail", args=[VISIT])),
            ("participants", reverse("events:participants", args=[VISIT])),
            ("meeting requests", reverse("events:requests", args=[VISIT])),
            ("agenda", reverse("events:agenda", args=[VISIT])),
            ("market entry", reverse("events:outcomes", args=["robowave"])),
        ],
        "partner-cn": [
            ("event", reverse("events:detail", args=[VISIT])),
            ("participants", reverse("events:participants", args=[VISIT])),
            ("meeting requests", reverse("events:requests", args=[VISIT])),
            ("agenda", reverse("events:agenda", args=[VISIT])),
        ],
        "kic-manager": [("manage", reverse("events:manage", args=[VISIT]))],
    }


def test_the_delegation_visit_tours_in_every_language_and_width(live_server, browser):
    """One demo load (the visit needs 20 Seoul startups: a larger world) for three languages."""
    load_demo(programs=12, startups=120)
    pages = _event_pages()
    problems = []
    for language in LANGUAGES:
        User.objects.update(preferred_language=language)
        problems += _tour_every_width(browser, live_server.url, pages, language, "tour-event")
    assert not problems, "\n".join(problems)


def _space_pages() -> dict[str, list[tuple[str, str]]]:
    """The spaces and testbeds pages each demo role's work leads to."""
    from startup_street.spaces.models import Booking, DemonstrationPlan

    plan = DemonstrationPlan.objects.get(status="submitted")
    run = Booking.objects.filter(plan__result__isnull=False, startup__slug="robowave").last()
    desk = Booking.objects.filter(series__isnull=False, startup__slug="robowave").first()
    testbed = reverse("spaces:detail", args=[plan.booking.space.slug])
    return {
        "founder": [
            ("home", "/"),
            ("spaces", reverse("spaces:list")),
            ("testbed-day", testbed),
            ("testbed-week", testbed + "?view=week"),
            ("mine", reverse("spaces:mine")),
            ("plan", reverse("spaces:booking", args=[plan.booking_id])),
            ("run", reverse("spaces:booking", args=[run.pk])),
            ("series", reverse("spaces:booking", args=[desk.pk])),
        ],
        "founder-cn": [
            ("mine", reverse("spaces:mine")),
            ("lab", reverse("spaces:detail", args=["haidian-camp-prototype-lab"]) + "?view=week"),
        ],
        "testbed": [
            ("home", "/"),
            ("manage", reverse("spaces:manage")),
            ("plan", reverse("spaces:booking", args=[plan.booking_id])),
            ("testbed", testbed),
        ],
        "kic-manager": [("manage", reverse("spaces:manage"))],
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_spaces_pages_tour_in_every_language_and_width(live_server, browser, language):
    load_demo(programs=12, startups=40)
    sections = {"founder": "#spaces", "testbed": "#spaces"}
    User.objects.update(preferred_language=language)
    problems = _tour_every_width(
        browser, live_server.url, _space_pages(), language, "tour-spaces", sections
    )
    assert not problems, "\n".join(problems)
