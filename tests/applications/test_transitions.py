"""Every transition of the application state machine, through the services that make them."""

import pytest
from django.core.exceptions import ValidationError

from startup_street.applications import services
from startup_street.applications.enums import TRANSITIONS, Status
from startup_street.applications.models import Application
from startup_street.decisions import services as decider
from tests.factories import make_call, make_program, make_startup, make_user

pytestmark = pytest.mark.django_db
DECISIONS = [Status.ACCEPTED, Status.WAITLISTED, Status.REJECTED, Status.UNDER_REVIEW]


@pytest.fixture
def application(organization):
    founder = make_user("founder")
    call = make_call(make_program(organization), seats=5)
    application = services.start_application(call=call, startup=make_startup(founder), user=founder)
    application.founder = founder
    return application


def _at(application, status):
    Application.objects.filter(pk=application.pk).update(status=status)
    application.refresh_from_db()
    return application


def _allowed(frm, to) -> bool:
    # Deciding a submitted application passes through "under review" in the same step.
    via_review = frm == Status.SUBMITTED and to in TRANSITIONS[Status.UNDER_REVIEW]
    return to in TRANSITIONS[frm] or (via_review and to != Status.WITHDRAWN)


def _attempt(action, application, founder, bob):
    try:
        return action(application, founder, bob).status
    except ValidationError:
        return None


ACTIONS = {
    Status.SUBMITTED: lambda a, f, b: services.submit_application(application=a, user=f),
    Status.WITHDRAWN: lambda a, f, b: services.withdraw_application(application=a, user=f),
    **{
        d: (
            lambda d: lambda a, f, b: decider.decide_application(application=a, actor=b, decision=d)
        )(d)
        for d in DECISIONS
    },
}


@pytest.mark.parametrize("frm", list(Status))
@pytest.mark.parametrize("to", list(ACTIONS))
def test_transition(application, bob, frm, to):
    _at(application, frm)
    outcome = _attempt(ACTIONS[to], application, application.founder, bob)
    if frm == to == Status.SUBMITTED:
        assert outcome == Status.SUBMITTED  # a second submit is the same submission
    elif _allowed(frm, to):
        assert outcome == to
        assert application.timeline.filter(to_status=to).exists()
    else:
        assert outcome is None
        assert Application.objects.get(pk=application.pk).status == frm  # nothing changed
