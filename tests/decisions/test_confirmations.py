"""Decisions are picked, never taken by default, and asked before they are recorded; filling
seats from the waitlist and e-mailing every applicant are asked too (a panel, no script)."""

import re

import pytest
from django.urls import reverse

from startup_street.applications.models import Application
from tests.factories import submit_one

pytestmark = pytest.mark.django_db


def _form(html: str, action: str) -> str:
    found = re.search(rf'<form[^>]*action="{re.escape(action)}".*?</form>', html, re.S)
    return found.group(0) if found else ""


def _asked(html: str, action: str) -> bool:
    """The form posting to ``action`` is inside, or holds, a confirmation panel."""
    form = _form(html, action)
    if '<details class="confirm">' in form:
        return True
    return any(
        f'action="{action}"' in panel
        for panel in re.findall(r'<details class="confirm">.*?</details>', html, re.S)
    )


def test_single_decision_is_chosen_and_asked(client, call, bob):
    application = submit_one(call)
    client.force_login(bob)
    html = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    action = reverse("decisions:decide", args=[application.pk])
    form = _form(html, action)
    options = re.findall(r"<option[^>]*>", form)
    assert options[0] == '<option value="" selected>' and _asked(html, action)
    response = client.post(action, {"decision": ""}, follow=True)
    assert "Choose a decision." in response.content.decode()
    application.refresh_from_db()
    assert application.status == "submitted"


def test_bulk_decision_defaults_to_none_and_is_asked(client, call, bob):
    submit_one(call)
    client.force_login(bob)
    html = client.get(reverse("decisions:decisions", args=[call.pk])).content.decode()
    action = reverse("decisions:decide_many", args=[call.pk])
    assert re.search(r'<option value="" selected>', _form(html, action))
    assert _asked(html, action)


def test_waitlist_and_notices_are_asked(client, call, bob):
    submit_one(call)
    client.force_login(bob)
    html = client.get(reverse("decisions:decisions", args=[call.pk])).content.decode()
    assert _asked(html, reverse("decisions:waitlist", args=[call.pk]))
    assert _asked(html, reverse("decisions:notice", args=[call.pk]))
    assert not Application.objects.filter(status="accepted").exists()
