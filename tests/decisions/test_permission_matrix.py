"""Every door of decisions, web and API, for every kind of visitor.

The visitors: the applicant's founder, a reviewer of the organisation, staff of another
organisation, a city analyst, and (the control) the call's own staff. One who may not see the
call gets 404, one who may see it but not decide 403, and a refusal changes nothing: no decision,
quota, cohort, notice or hold setting appears.
"""

import pytest
from django.urls import reverse

from startup_street.applications.models import Application
from startup_street.core.models import Sector
from startup_street.decisions.models import Cohort, Decision, DecisionSettings, Notice, Quota
from tests.factories import (
    bearer,
    make_call,
    make_member,
    make_organization,
    make_program,
    make_user,
    submit_one,
)

pytestmark = pytest.mark.django_db
VISITORS = ["founder", "reviewer", "other_staff", "analyst", "staff"]


@pytest.fixture
def world():
    org = make_organization(slug="robot-cluster")
    people = {name: make_user(name.replace("_", "-")) for name in VISITORS}
    people["analyst"].is_city_analyst = True
    people["analyst"].save()
    make_member(org, people["staff"], "program_manager")
    make_member(org, people["reviewer"], "reviewer")
    make_member(make_organization(), people["other_staff"], "admin")
    call = make_call(make_program(org), seats=2)
    application = submit_one(call, owner=people["founder"])
    return {"people": people, "call": call, "application": application}


def _web_doors(w):
    a, c = w["application"], w["call"]
    notice = {"statuses": ["submitted"], "original_language": "en", "subject_en": "Hi"}
    notice["body_en"] = "Hello"
    return {
        "decide": ("post", reverse("decisions:decide", args=[a.pk]), {"decision": "accepted"}),
        "decisions page": ("get", reverse("decisions:decisions", args=[c.pk]), {}),
        "bulk decide": (
            "post",
            reverse("decisions:decide_many", args=[c.pk]),
            {"applications": [a.pk], "decision": "accepted"},
        ),
        "waitlist": ("post", reverse("decisions:waitlist", args=[c.pk]), {}),
        "hold": ("post", reverse("decisions:hold", args=[c.pk]), {"hold": "on"}),
        "release": ("post", reverse("decisions:release", args=[c.pk]), {"confirm": "on"}),
        "quota": (
            "post",
            reverse("decisions:quota", args=[c.pk]),
            {"sector": Sector.objects.first().pk, "min_percent": 20},
        ),
        "cohort": ("post", reverse("decisions:cohort", args=[c.pk]), {"name": "Spring"}),
        "notice": ("post", reverse("decisions:notice", args=[c.pk]), notice),
    }


# door: (who gets through and with what, what the others who may see the call get)
WEB = {
    "decide": ({"staff": 302, "founder": 403}, None),
    "decisions page": ({"staff": 200}, 403),
    "bulk decide": ({"staff": 302}, 403),
    "waitlist": ({"staff": 302}, 403),
    "hold": ({"staff": 302}, 403),
    "release": ({"staff": 302}, 403),
    "quota": ({"staff": 302}, 403),
    "cohort": ({"staff": 302}, 403),
    "notice": ({"staff": 302}, 403),
}


def _api_doors(w):
    a, c = w["application"], w["call"]
    return {
        "decision": ("post", f"/api/v1/applications/{a.pk}/decision", {"decision": "accepted"}),
        "call decisions": ("get", f"/api/v1/applications/calls/{c.pk}/decisions", None),
        "bulk decisions": (
            "post",
            "/api/v1/applications/decisions",
            {"call": c.pk, "applications": [a.pk], "decision": "accepted"},
        ),
        "release": ("post", f"/api/v1/applications/calls/{c.pk}/decisions/release", None),
        "quota": (
            "put",
            f"/api/v1/applications/calls/{c.pk}/quotas/{Sector.objects.first().code}",
            {"min_percent": 20},
        ),
        "waitlist": ("post", f"/api/v1/applications/calls/{c.pk}/waitlist/promote", None),
        "cohort": ("post", f"/api/v1/applications/calls/{c.pk}/cohort", {"name": "Spring"}),
        "notice": (
            "post",
            f"/api/v1/applications/calls/{c.pk}/notices",
            {
                "statuses": ["submitted"],
                "subject": {"en": "Hi"},
                "body": {"en": "Hello"},
                "original_language": "en",
            },
        ),
        "hold": ("patch", f"/api/v1/reviews/calls/{c.pk}/rubric", {"hold_decisions": True}),
    }


API = {
    "decision": ({"staff": 200, "founder": 403}, None),
    "call decisions": ({"staff": 200}, 403),
    "bulk decisions": ({"staff": 200}, 403),
    "release": ({"staff": 200}, 403),
    "quota": ({"staff": 200}, 403),
    "waitlist": ({"staff": 200}, 403),
    "cohort": ({"staff": 422}, 403),  # nobody accepted yet: refused, and said why
    "notice": ({"staff": 200}, 403),
    "hold": ({"staff": 200}, 403),
}


def _expected(table, door, who):
    allowed, others = table[door]
    return allowed.get(who, others or 404)


def _assert_unchanged(w):
    assert Application.objects.get(pk=w["application"].pk).status == "submitted"
    assert not Decision.objects.exists() and not Quota.objects.exists()
    assert not Cohort.objects.exists() and not Notice.objects.exists()
    assert not DecisionSettings.objects.filter(hold=True).exists()


@pytest.mark.parametrize("who", VISITORS)
@pytest.mark.parametrize("door", list(WEB))
def test_web_door(client, world, door, who):
    method, url, data = _web_doors(world)[door]
    client.force_login(world["people"][who])
    response = getattr(client, method)(url, data)
    assert response.status_code == _expected(WEB, door, who)
    if response.status_code >= 400:
        _assert_unchanged(world)


@pytest.mark.parametrize("who", VISITORS)
@pytest.mark.parametrize("door", list(API))
def test_api_door(client, world, door, who):
    method, url, body = _api_doors(world)[door]
    kwargs = {"content_type": "application/json"} if body is not None else {}
    response = getattr(client, method)(url, body, **kwargs, **bearer(world["people"][who]))
    assert response.status_code == _expected(API, door, who)
    if response.status_code >= 400:
        _assert_unchanged(world)


def test_staff_doors_do_what_they_say(client, world):
    staff = world["people"]["staff"]
    client.force_login(staff)
    for door in ("hold", "decide", "quota", "notice"):
        method, url, data = _web_doors(world)[door]
        assert getattr(client, method)(url, data).status_code == 302
    assert DecisionSettings.objects.get(call=world["call"]).hold
    pending = Decision.objects.get(application=world["application"])
    assert pending.value == "accepted" and pending.released_at is None
    assert Quota.objects.get(call=world["call"]).min_percent == 20
    assert Notice.objects.filter(call=world["call"]).count() == 1
