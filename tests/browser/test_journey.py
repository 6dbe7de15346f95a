"""The whole intake in the browser: staff opens a call, a founder applies with a PDF, staff set
a blind review with two reviewers each, reviewers are assigned automatically and score, staff
accept from the ranking, and the founder sees "Accepted" and the reviewers' comments (never
their names)."""

import pytest

from startup_street.applications.models import Application
from tests.browser.conftest import sign_in
from tests.factories import (
    make_member,
    make_organization,
    make_program,
    make_startup,
    make_user,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _login(browser, live_server, user):
    return sign_in(browser, live_server, user)


def test_call_to_accepted(browser, live_server, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    staff, founder = make_user("staff", preferred_language="en"), make_user("founder")
    founder.preferred_language = "en"
    founder.save()
    reviewers = [make_user(f"rev{i}", preferred_language="en") for i in range(2)]
    org = make_organization(slug="robot-cluster")
    make_member(org, staff, "program_manager")
    for reviewer in reviewers:
        make_member(org, reviewer, "reviewer")
    program = make_program(org, slug="robot-testbed", title={"en": "Robot testbed"})
    make_startup(founder, name="Robowave", slug="robowave")

    page = _login(browser, live_server, staff)
    page.goto(f"{live_server.url}/programs/robot-testbed/calls/new/")
    page.select_option("select[name=time_zone]", "Asia/Seoul")
    page.fill("input[name=opens_local]", "2026-01-01T09:00")
    page.fill("input[name=closes_local]", "2030-12-31T18:00")
    page.fill("input[name=seats]", "5")
    page.click("form.stacked button[type=submit]")
    call = program.calls.get()
    for kind, label in (("short_text", "One-line pitch"), ("file", "Pitch deck")):
        page.goto(f"{live_server.url}/applications/calls/{call.pk}/form/")
        page.select_option("select[name=kind]", kind)
        page.fill("input[name=label_en]", label)
        page.click("form.stacked button[type=submit]")
        page.wait_for_load_state()

    founder_page = _login(browser, live_server, founder)
    founder_page.goto(f"{live_server.url}/programs/robot-testbed/")
    founder_page.get_by_role("button", name="Apply as Robowave").click()
    founder_page.wait_for_load_state()
    founder_page.get_by_label("One-line pitch").fill("Robots that restock shelves at night")
    founder_page.get_by_role("button", name="Save draft").click()
    deck = tmp_path / "deck.pdf"
    deck.write_bytes(PDF)
    founder_page.set_input_files("input[type=file]", str(deck))
    founder_page.get_by_role("button", name="Upload").click()
    founder_page.wait_for_load_state()
    founder_page.get_by_text("Submit application", exact=True).click()  # opens the confirmation
    founder_page.get_by_role("button", name="Yes, submit").click()
    founder_page.wait_for_load_state()
    assert "Your application was submitted." in founder_page.content()

    page.goto(f"{live_server.url}/reviews/calls/{call.pk}/")
    page.fill("#rubric-settings input[name=reviewers_per_application]", "2")
    page.check("#rubric-settings input[name=blind]")
    page.click("#rubric-settings button[type=submit]")
    page.wait_for_load_state()
    assert "The review settings were saved." in page.content()
    page.fill("#add-criterion input[name=label_en]", "Team")
    page.fill("#add-criterion input[name=weight]", "1")
    page.click("#add-criterion button[type=submit]")
    page.wait_for_load_state()
    page.get_by_role("button", name="Assign reviewers automatically").click()
    page.wait_for_load_state()
    assert "2 assignments were made." in page.content()

    for reviewer, score in zip(reviewers, ("4", "5"), strict=True):
        reviewer_page = _login(browser, live_server, reviewer)
        reviewer_page.goto(f"{live_server.url}/reviews/")
        assert "Robowave" not in reviewer_page.content()  # blind review
        reviewer_page.get_by_role("link", name="Robot testbed").click()
        reviewer_page.get_by_label("Team").fill(score)
        reviewer_page.get_by_label("Comment to the applicant").fill(f"Score {score}: test at night")
        reviewer_page.get_by_role("button", name="Submit review").click()
        reviewer_page.wait_for_load_state()
        assert "Your review was submitted." in reviewer_page.content()
        reviewer_page.context.close()

    application = Application.objects.get()
    page.goto(f"{live_server.url}/reviews/calls/{call.pk}/decisions/")
    page.get_by_role("checkbox", name="Robowave").check()
    page.select_option("#bulk-decisions select[name=decision]", "accepted")
    page.get_by_text("Decide for the selected", exact=True).click()  # opens the confirmation
    page.get_by_role("button", name="Yes, decide for the selected").click()
    page.wait_for_load_state()
    assert "1 decision was recorded." in page.content()

    founder_page.goto(f"{live_server.url}/applications/{application.pk}/")
    assert founder_page.locator(".status").inner_text() == "Accepted"
    feedback = founder_page.locator(".feedback").inner_text()
    assert "Score 4: test at night" in feedback and "Score 5: test at night" in feedback
    for reviewer in reviewers:
        assert reviewer.display_name not in founder_page.content()
    application.refresh_from_db()
    assert application.status == "accepted"
