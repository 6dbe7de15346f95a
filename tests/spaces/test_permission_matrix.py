"""Every door of spaces, web and API, for every kind of visitor; each refusal changes nothing.

The visitors: a founder whose startup holds hours (and owns the bookings here), a founder whose
startup holds none, another founder (hours of their own), the space's staff, another
organisation's staff, a city analyst, and an anonymous visitor. 404 for what one may not see,
403 for what one may see but not change, 422 for a booking the rules refuse, a log-in redirect
(web) or 401 (API) for the anonymous."""

import pytest
from django.urls import reverse

from startup_street.spaces import services
from startup_street.spaces.models import (
    Blocking,
    Booking,
    DemonstrationPlan,
    Entitlement,
    EntitlementAdjustment,
    WaitlistEntry,
)
from tests.api.test_api import bearer
from tests.factories import make_member, make_organization, make_startup, make_user

from .conftest import grant, local_slot, make_space

pytestmark = pytest.mark.django_db
VISITORS = [
    "founder",
    "founder_without",
    "other_founder",
    "staff",
    "other_staff",
    "analyst",
    "anonymous",
]


@pytest.fixture
def world():
    org = make_organization(slug="seoul-robots")
    people = {
        name: make_user(name.replace("_", "-"), preferred_language="en")
        for name in VISITORS
        if name != "anonymous"
    }
    people["analyst"].is_city_analyst = True
    people["analyst"].save()
    make_member(org, people["staff"], "program_manager")
    make_member(make_organization(), people["other_staff"], "admin")
    startups = {
        "founder": make_startup(people["founder"], name="Secret Robotics"),
        "founder_without": make_startup(people["founder_without"], name="No Hours Inc"),
        "other_founder": make_startup(people["other_founder"], name="Rival Drones"),
    }
    testbed = make_space(org, slug="lane-testbed")
    lab = make_space(org, slug="vision-lab", kind="lab", requires_approval=True)
    entitlement = grant(startups["founder"], testbed)
    grant(startups["founder"], lab)
    grant(startups["other_founder"], testbed)
    start, end = local_slot(testbed, hour=10)
    booking = services.book_space(
        space=testbed,
        user=people["founder"],
        startup=startups["founder"],
        starts_at=start,
        ends_at=end,
        title="Secret delivery run",
    )
    plan = services.submit_plan(
        booking=booking,
        user=people["founder"],
        robot="R2",
        scenario="Lane run",
        safety_officer="Kim",
        safety_officer_phone="010",
    )
    start, end = local_slot(lab, hour=11)
    pending = services.book_space(
        space=lab, user=people["founder"], startup=startups["founder"], starts_at=start, ends_at=end
    )
    return {
        "people": people,
        "startups": startups,
        "testbed": testbed,
        "booking": booking,
        "pending": pending,
        "plan": plan,
        "entitlement": entitlement,
    }


def _state():
    return (
        sorted(Booking.objects.values_list("pk", "status", "sequence")),
        sorted(DemonstrationPlan.objects.values_list("pk", "status", "robot")),
        EntitlementAdjustment.objects.count(),
        sorted(b.revoked_at is None for b in Entitlement.objects.all()),
        Blocking.objects.count(),
        WaitlistEntry.objects.count(),
    )


def _new_slot(w, who):
    start, end = local_slot(w["testbed"], hour=15)
    startup = w["startups"].get(who)
    return start, end, startup.pk if startup else ""


def _web_doors(w, who):
    b, p, t = w["booking"], w["pending"], w["testbed"]
    start, end, startup = _new_slot(w, who)
    taken, _ = local_slot(t, hour=10)
    book = {
        "startup": startup,
        "day": start.astimezone(start.tzinfo).date(),
        "start": "15:00",
        "end": "16:00",
    }
    wait = {"startup": startup, "day": taken.date(), "start": "10:00", "end": "11:00"}
    month = {"hours": "5", "month": start.strftime("%Y-%m")}
    block = {
        "day": start.date(),
        "start": "15:00",
        "end_day": start.date(),
        "end": "16:00",
        "reason": "Fair",
    }
    return {
        "space list": ("get", reverse("spaces:list"), {}),
        "space page": ("get", reverse("spaces:detail", args=[t.slug]), {}),
        "free slots": ("get", reverse("spaces:availability", args=[t.slug]) + "?view=week", {}),
        "my bookings": ("get", reverse("spaces:mine"), {}),
        "manage": ("get", reverse("spaces:manage"), {}),
        "booking page": ("get", reverse("spaces:booking", args=[b.pk]), {}),
        "book": ("post", reverse("spaces:book", args=[t.slug]), book),
        "waitlist": ("post", reverse("spaces:waitlist", args=[t.slug]), wait),
        "cancel": ("post", reverse("spaces:cancel", args=[b.pk]), {}),
        "approve": ("post", reverse("spaces:approve", args=[p.pk]), {}),
        "decline": ("post", reverse("spaces:decline", args=[p.pk]), {}),
        "plan": (
            "post",
            reverse("spaces:plan", args=[b.pk]),
            {"robot": "X9", "scenario": "s", "safety_officer": "o", "safety_officer_phone": "1"},
        ),
        "decide plan": (
            "post",
            reverse("spaces:decide_plan", args=[w["plan"].pk]),
            {"approve": "yes"},
        ),
        "block": ("post", reverse("spaces:block", args=[t.slug]), block),
        "top up": ("post", reverse("spaces:top_up", args=[w["entitlement"].pk]), month),
        "revoke": ("post", reverse("spaces:revoke", args=[w["entitlement"].pk]), {}),
    }


LOGIN = "login"
EVERYONE = dict.fromkeys(VISITORS, 200)
SIGNED_IN = {**dict.fromkeys(VISITORS, 200), "anonymous": LOGIN}
# door: {visitor: answer}; "writes" lists who changes something (everyone else changes nothing)
WEB = {
    "space list": (EVERYONE, set()),
    "space page": (EVERYONE, set()),
    "free slots": (EVERYONE, set()),
    "my bookings": (SIGNED_IN, set()),
    "manage": ({"staff": 200, "anonymous": LOGIN}, set(), 403),
    "booking page": ({"founder": 200, "staff": 200, "anonymous": LOGIN}, set()),
    "book": (
        {
            "founder": 302,
            "other_founder": 302,
            "staff": 302,
            "founder_without": 422,
            "other_staff": 422,
            "analyst": 422,
            "anonymous": LOGIN,
        },
        {"founder", "other_founder", "staff"},
    ),
    "waitlist": (
        {who: 302 for who in VISITORS if who != "anonymous"} | {"anonymous": LOGIN},
        {"founder", "other_founder", "founder_without"},
    ),
    "cancel": ({"founder": 302, "staff": 302, "anonymous": LOGIN}, {"founder", "staff"}),
    "approve": ({"staff": 302, "founder": 403, "anonymous": LOGIN}, {"staff"}),
    "decline": ({"staff": 302, "founder": 403, "anonymous": LOGIN}, {"staff"}),
    "plan": ({"founder": 302, "staff": 403, "anonymous": LOGIN}, {"founder"}),
    "decide plan": ({"staff": 302, "founder": 403, "anonymous": LOGIN}, {"staff"}),
    "block": ({"staff": 302, "anonymous": LOGIN}, {"staff"}),
    "top up": ({"staff": 302, "anonymous": LOGIN}, {"staff"}),
    "revoke": ({"staff": 302, "anonymous": LOGIN}, {"staff"}),
}


def _expected(table, door, who):
    answers, _writers, *default = table[door]
    return answers.get(who, default[0] if default else 404)


def _login(client, w, who):
    if who != "anonymous":
        client.force_login(w["people"][who])


@pytest.mark.parametrize("who", VISITORS)
@pytest.mark.parametrize("door", list(WEB))
def test_web_door(client, world, door, who):
    method, url, data = _web_doors(world, who)[door]
    _login(client, world, who)
    before = _state()
    response = getattr(client, method)(url, data)
    expected = _expected(WEB, door, who)
    if expected == LOGIN:
        assert response.status_code == 302 and "/accounts/login" in response["Location"]
    else:
        assert response.status_code == expected
    if who in WEB[door][1]:
        assert _state() != before, f"{who} through {door} changed nothing"
    else:
        assert _state() == before


def _api_doors(w, who):
    b, p = w["booking"], w["pending"]
    start, end, startup = _new_slot(w, who)
    body = {
        "space": w["testbed"].slug,
        "startup": startup or None,
        "starts_at": start.isoformat(),
        "ends_at": end.isoformat(),
    }
    series = {**body, "frequency": "daily", "until": start.date().isoformat()}
    plan = {"robot": "X9", "scenario": "s", "safety_officer": "o", "safety_officer_phone": "1"}
    e = w["entitlement"].pk
    return {
        "spaces": ("get", "/api/v1/spaces", None),
        "space": ("get", f"/api/v1/spaces/{w['testbed'].slug}", None),
        "availability": ("get", f"/api/v1/spaces/{w['testbed'].slug}/availability?days=7", None),
        "bookings": ("get", "/api/v1/bookings", None),
        "booking": ("get", f"/api/v1/bookings/{b.pk}", None),
        "book": ("post", "/api/v1/bookings", body),
        "book series": ("post", "/api/v1/bookings/series", series),
        "cancel": ("post", f"/api/v1/bookings/{b.pk}/cancel", {}),
        "approve": ("post", f"/api/v1/bookings/{p.pk}/approve", {}),
        "decline": ("post", f"/api/v1/bookings/{p.pk}/decline", {}),
        "plan": ("put", f"/api/v1/bookings/{b.pk}/plan", plan),
        "decide plan": ("post", f"/api/v1/bookings/{b.pk}/plan/decision", {"approve": True}),
        "entitlements": ("get", "/api/v1/entitlements", None),
        "top up": (
            "post",
            f"/api/v1/entitlements/{e}/top-up",
            {"hours": "5", "month": start.date().isoformat()},
        ),
        "revoke": ("post", f"/api/v1/entitlements/{e}/revoke", None),
    }


API_SIGNED_IN = {**dict.fromkeys(VISITORS, 200), "anonymous": 401}
BOOKERS = {
    "founder": 201,
    "other_founder": 201,
    "staff": 201,
    "founder_without": 422,
    "other_staff": 403,
    "analyst": 403,
    "anonymous": 401,
}
API = {
    "spaces": (EVERYONE, set()),
    "space": (EVERYONE, set()),
    "availability": (EVERYONE, set()),
    "bookings": (API_SIGNED_IN, set()),
    "booking": ({"founder": 200, "staff": 200, "anonymous": 401}, set()),
    "book": (BOOKERS, {"founder", "other_founder", "staff"}),
    "book series": (BOOKERS, {"founder", "other_founder", "staff"}),
    "cancel": ({"founder": 200, "staff": 200, "anonymous": 401}, {"founder", "staff"}),
    "approve": ({"staff": 200, "founder": 403, "anonymous": 401}, {"staff"}),
    "decline": ({"staff": 200, "founder": 403, "anonymous": 401}, {"staff"}),
    "plan": ({"founder": 200, "staff": 403, "anonymous": 401}, {"founder"}),
    "decide plan": ({"staff": 200, "founder": 403, "anonymous": 401}, {"staff"}),
    "entitlements": (API_SIGNED_IN, set()),
    "top up": ({"staff": 200, "founder": 403, "anonymous": 401}, {"staff"}),
    "revoke": ({"staff": 200, "founder": 403, "anonymous": 401}, {"staff"}),
}


@pytest.mark.parametrize("who", VISITORS)
@pytest.mark.parametrize("door", list(API))
def test_api_door(client, world, door, who):
    method, url, body = _api_doors(world, who)[door]
    kwargs = {"content_type": "application/json"} if body is not None else {}
    auth = bearer(world["people"][who]) if who != "anonymous" else {}
    before = _state()
    response = getattr(client, method)(url, body, **kwargs, **auth)
    assert response.status_code == _expected(API, door, who), response.content
    if who in API[door][1]:
        assert _state() != before
    else:
        assert _state() == before


@pytest.mark.parametrize("who", ["founder_without", "other_founder", "other_staff", "analyst"])
def test_no_one_else_reads_a_booking_or_its_hours(client, world, who):
    auth = bearer(world["people"][who])
    seen = "".join(
        client.get(url, **auth).content.decode()
        for url in (
            "/api/v1/bookings",
            "/api/v1/entitlements",
            f"/api/v1/spaces/{world['testbed'].slug}/availability",
        )
    )
    client.force_login(world["people"][who])
    seen += client.get(reverse("spaces:mine")).content.decode()
    seen += client.get(reverse("spaces:detail", args=[world["testbed"].slug])).content.decode()
    assert "Secret Robotics" not in seen
    assert "Secret delivery run" not in seen
    own = {s.pk for s in world["startups"].values() if s.members.filter(user=world["people"][who])}
    listed = client.get("/api/v1/entitlements", **auth).json()
    assert {row["startup"] for row in listed} <= own
