"""Every door of events, web and API, for every kind of visitor.

The visitors: a participant (a Seoul founder with a meeting request), another approved
participant, the organiser's staff, another organisation's staff, a city analyst and an
anonymous visitor. 404 for what one may not see, 403 for what one may see but not change (401
from the API without credentials); every refusal is checked to change nothing.
"""

from datetime import date

import pytest
from django.urls import reverse

from startup_street.events import services
from startup_street.events.models import (
    MarketEntryStep,
    MarketEntryTemplate,
    Meeting,
    MeetingRequest,
    MeetingRule,
    Outcome,
    Registration,
    ScheduleRun,
)
from tests.api.test_api import bearer
from tests.factories import make_user

from .conftest import VISITORS, approved

pytestmark = pytest.mark.django_db


@pytest.fixture
def doors(world):
    staff = world["people"]["staff"]
    third = approved(world["event"], make_user("third"), staff, name="Third Corp")
    incoming = services.send_request(
        sender=third, recipient=world["founder"], actor=third.user, interest="would"
    )
    template = MarketEntryTemplate.objects.create(
        organization=world["org"], title={"en": "Entering Beijing"}, target="beijing"
    )
    template.steps.create(position=1, title={"en": "Open a bank account"}, days_after_start=7)
    entry = services.start_market_entry(
        startup=world["startup"], actor=world["people"]["founder"], origin="seoul",
        template=template, started_on=date(2027, 1, 4),
    )  # fmt: skip
    fourth = approved(world["event"], make_user("fourth"), staff, name="Fourth Corp")
    rule, *_ = [  # rules that let every request of these doors through
        services.set_meeting_rule(
            event=world["event"],
            actor=staff,
            requester_kind=who,
            recipient_kind=whom,
            max_requests=10,
        )  # fmt: skip
        for who, whom in (
            ("startup", "corporate"),
            ("corporate", "startup"),
            ("investor", "corporate"),
        )
    ]
    world.update(third=third, fourth=fourth, incoming=incoming, step=entry.steps.get(), rule=rule)
    return world


def _web_doors(w):
    e, slug = w["event"], w["event"].slug
    slot = e.slots.first()
    return {
        "event list": ("get", reverse("events:list"), {}),
        "event page": ("get", reverse("events:detail", args=[slug]), {}),
        "participants": ("get", reverse("events:participants", args=[slug]), {}),
        "ask": (
            "post",
            reverse("events:send_request", args=[slug, w["fourth"].pk]),
            {"interest": "must"},
        ),
        "requests": ("get", reverse("events:requests", args=[slug]), {}),
        "answer": (
            "post",
            reverse("events:answer", args=[slug, w["incoming"].pk]),
            {"interest": "must"},
        ),
        "agenda": ("get", reverse("events:agenda", args=[slug]), {}),
        "agenda ics": ("get", reverse("events:agenda_ics", args=[slug]), {}),
        "manage": ("get", reverse("events:manage", args=[slug]), {}),
        "decide": (
            "post",
            reverse("events:decide", args=[slug, w["other"].pk]),
            {"status": "declined"},
        ),
        "solve": ("post", reverse("events:solve", args=[slug]), {}),
        "publish": ("post", reverse("events:publish", args=[slug]), {}),
        "move": (
            "post",
            reverse("events:move", args=[slug, w["meeting"].pk]),
            {"slot": slot.pk},
        ),
        "unpin": ("post", reverse("events:unpin", args=[slug, w["meeting"].pk]), {}),
        "set rule": (
            "post",
            reverse("events:set_rule", args=[slug]),
            {"requester_kind": "corporate", "recipient_kind": "startup", "max_requests": "3"},
        ),
        "remove rule": ("post", reverse("events:remove_rule", args=[slug, w["rule"].pk]), {}),
        "outcomes": ("get", reverse("events:outcomes", args=[w["startup"].slug]), {}),
        "record outcome": (
            "post",
            reverse("events:outcomes", args=[w["startup"].slug]),
            {"record_outcome": "1", "kind": "mou", "happened_on": "2027-01-10"},
        ),
        "entry step": (
            "post",
            reverse("events:entry_step", args=[w["step"].pk]),
            {"owner": "Kim", "done_on": "2027-01-05"},
        ),
    }


EVERYONE = dict.fromkeys(VISITORS, 200)
PARTICIPANTS = {"participant": 200, "other_participant": 200}
# door: (who gets through and with what, what the others signed in get)
WEB = {
    "event list": (EVERYONE, None),
    "event page": (EVERYONE, None),
    "participants": (PARTICIPANTS, 404),
    "ask": ({"participant": 302, "other_participant": 302}, 404),
    "requests": (PARTICIPANTS, 404),
    "answer": ({"participant": 302}, 404),
    "agenda": (PARTICIPANTS, 404),
    "agenda ics": (PARTICIPANTS, 404),
    "manage": ({"staff": 200}, 403),
    "decide": ({"staff": 302}, 403),
    "solve": ({"staff": 302}, 403),
    "publish": ({"staff": 302}, 403),
    "move": ({"staff": 302}, 403),
    "unpin": ({"staff": 302}, 403),
    "set rule": ({"staff": 302}, 403),
    "remove rule": ({"staff": 302}, 403),
    "outcomes": ({"participant": 200}, 404),
    "record outcome": ({"participant": 302}, 404),
    "entry step": ({"participant": 302}, 404),
}


def _expected(table, door, who, anonymous):
    allowed, others = table[door]
    if who in allowed:
        return allowed[who]
    return anonymous if who == "anonymous" else (others or 404)


def _state(w) -> dict:
    return {
        "registrations": sorted(Registration.objects.values_list("pk", "status")),
        "requests": sorted(MeetingRequest.objects.values_list("pk", "status")),
        "meetings": sorted(
            Meeting.objects.values_list("pk", "slot", "table", "pinned", "published_slot")
        ),
        "runs": ScheduleRun.objects.count(),
        "rules": sorted(MeetingRule.objects.values_list("pk", "requester_kind", "max_requests")),
        "outcomes": Outcome.objects.count(),
        "steps": sorted(MarketEntryStep.objects.values_list("pk", "owner", "done_on")),
        "published": w["event"].__class__.objects.get(pk=w["event"].pk).schedule_published_at,
    }


@pytest.mark.parametrize("who", VISITORS)
@pytest.mark.parametrize("door", list(WEB))
def test_web_door(client, doors, door, who):
    method, url, data = _web_doors(doors)[door]
    if who != "anonymous":
        client.force_login(doors["people"][who])
    before = _state(doors)
    response = getattr(client, method)(url, data)
    assert response.status_code == _expected(WEB, door, who, anonymous=302)
    if (
        response.status_code >= 400
        or who == "anonymous"
        and door not in {"event list", "event page"}
    ):
        assert _state(doors) == before


def _api_doors(w):
    slug = w["event"].slug
    base = f"/api/v1/events/{slug}"
    return {
        "events": ("get", "/api/v1/events", None),
        "event": ("get", base, None),
        "registrations": ("get", f"{base}/registrations", None),
        "decision": (
            "post",
            f"{base}/registrations/{w['other'].pk}/decision",
            {"status": "declined"},
        ),
        "requests": ("get", f"{base}/requests", None),
        "send request": (
            "post",
            f"{base}/requests",
            {"recipient": w["fourth"].pk, "interest": "must"},
        ),
        "answer": ("post", f"{base}/requests/{w['incoming'].pk}/answer", {"interest": "must"}),
        "schedule": ("get", f"{base}/schedule", None),
        "solve": ("post", f"{base}/schedule/solve", None),
        "publish": ("post", f"{base}/schedule/publish", None),
        "pin": (
            "post",
            f"{base}/meetings/{w['meeting'].pk}/pin",
            {"slot": w["event"].slots.first().pk},
        ),
        "agenda": ("get", f"{base}/agenda", None),
    }


SIGNED_IN = {who: 200 for who in VISITORS if who != "anonymous"}
API = {
    "events": (EVERYONE, None),
    "event": (EVERYONE, None),
    "registrations": (SIGNED_IN, None),
    "decision": ({"staff": 200}, 403),
    "requests": (SIGNED_IN, None),
    "send request": ({"participant": 201, "other_participant": 201}, 403),
    "answer": ({"participant": 200, "staff": 403}, 404),
    "schedule": ({"staff": 200}, 403),
    "solve": ({"staff": 200}, 403),
    "publish": ({"staff": 200}, 403),
    "pin": ({"staff": 200}, 403),
    "agenda": (PARTICIPANTS, 404),
}


@pytest.mark.parametrize("who", VISITORS)
@pytest.mark.parametrize("door", list(API))
def test_api_door(client, doors, door, who):
    method, url, body = _api_doors(doors)[door]
    kwargs = {"content_type": "application/json"} if body is not None else {}
    auth = bearer(doors["people"][who]) if who != "anonymous" else {}
    before = _state(doors)
    response = getattr(client, method)(url, body, **kwargs, **auth)
    assert response.status_code == _expected(API, door, who, anonymous=401)
    if response.status_code >= 400:
        assert _state(doors) == before


def test_lists_show_outsiders_nothing_private(client, doors):
    for who in ("other_staff", "analyst"):
        auth = bearer(doors["people"][who])
        base = f"/api/v1/events/{doors['event'].slug}"
        assert client.get(f"{base}/registrations", **auth).json() == []
        assert client.get(f"{base}/requests", **auth).json() == []
    auth = bearer(doors["people"]["other_participant"])
    seen = client.get(f"/api/v1/events/{doors['event'].slug}/requests", **auth).json()
    assert seen == []  # the founder's requests are theirs and their counterparts'


def test_an_unpublished_event_is_hidden_from_all_but_its_organisers(client, doors):
    event = doors["event"]
    event.is_published = False
    event.save()
    url = reverse("events:detail", args=[event.slug])
    for who in ("participant", "other_staff", "analyst"):
        client.force_login(doors["people"][who])
        assert client.get(url).status_code == 404
        assert client.get(f"/api/v1/events/{event.slug}").status_code == 404
    client.force_login(doors["people"]["staff"])
    assert client.get(url).status_code == 200
