"""Spaces, testbeds, event meetings, outcomes and market entries: each indicator equals a hand
count on constructed data, with the slices and the edges of the period."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from startup_street.applications.models import Application
from startup_street.dashboard import indicators, selectors
from startup_street.dashboard.indicators import Slice
from startup_street.events.models import (
    Event,
    MarketEntry,
    Meeting,
    MeetingRequest,
    Outcome,
    Registration,
    Slot,
)
from startup_street.programs.models import Call
from startup_street.spaces.models import (
    Booking,
    Closure,
    DemonstrationPlan,
    DemonstrationResult,
    OpeningHours,
    Space,
)
from tests.factories import make_organization, make_program, make_startup, make_user

pytestmark = pytest.mark.django_db
MARCH = Slice(start=date(2025, 3, 1), end=date(2025, 3, 31))


def at(day: int, hour: int, month: int = 3) -> datetime:
    return datetime(2025, month, day, hour, tzinfo=UTC)


def space(org, slug, kind="testbed") -> Space:
    made = Space.objects.create(
        organization=org, slug=slug, kind=kind, name={"en": slug}, time_zone="UTC"
    )
    for weekday in range(7):
        OpeningHours.objects.create(space=made, weekday=weekday, opens=time(9), closes=time(17))
    return made


def book(where, startup, starts, hours, status="confirmed") -> Booking:
    return Booking.objects.create(
        space=where,
        startup=startup,
        booked_by=make_user(),
        starts_at=starts,
        ends_at=starts + timedelta(hours=hours),
        hours=hours,  # as the booking service records it
        status=status,
    )


@pytest.fixture
def world():
    cluster, camp = make_organization(slug="cluster"), make_organization(slug="camp")
    robots = make_startup(make_user(), name="Robots", city="Seoul", region="Gangnam-gu")
    drones = make_startup(make_user(), name="Drones", city="Seoul", region="Mapo-gu")
    call = Call.objects.create(
        program=make_program(cluster, kind="testbed"),
        opens_at=at(1, 0, 1),
        closes_at=at(30, 0, 1),
        seats=5,
    )
    Application.objects.create(
        call=call, startup=robots, status="accepted", submitted_at=at(2, 0, 1)
    )
    testbed, hall = space(cluster, "testbed"), space(camp, "hall", kind="exhibition_hall")
    Closure.objects.create(space=testbed, date=date(2025, 3, 3))
    runs = [
        book(testbed, robots, at(10, 9), 2),
        book(testbed, drones, at(11, 9), 3),
        book(testbed, robots, at(12, 9), 4, status="cancelled"),  # does not count
        book(testbed, robots, at(13, 9), 1, status="pending"),  # does not count
        book(hall, drones, at(14, 10), 5),
        book(hall, drones, at(31, 23), 1),  # 31 March 23:00 UTC is 1 April 08:00 in Seoul
    ]
    for booking, outcome in [(runs[0], "succeeded"), (runs[1], "failed")]:
        plan = DemonstrationPlan.objects.create(
            booking=booking, robot="R1", scenario="Delivery", safety_officer="Kim",
            safety_officer_phone="010", status="approved",
        )  # fmt: skip
        DemonstrationResult.objects.create(plan=plan, outcome=outcome)
    return {"cluster": cluster, "camp": camp, "robots": robots, "drones": drones,
            "testbed": testbed, "hall": hall}  # fmt: skip


def test_space_hours_count_confirmed_bookings_by_their_start_in_the_city_zone(world):
    assert indicators.space_hours(MARCH) == 2 + 3 + 5  # the 31st 23:00 UTC is April in Seoul
    assert indicators.space_hours(Slice(date(2025, 4, 1), date(2025, 4, 30))) == 1
    cluster = Slice(MARCH.start, MARCH.end, organizations=(world["cluster"].pk,))
    assert indicators.space_hours(cluster) == 5
    gangnam = Slice(MARCH.start, MARCH.end, district="gangnam-gu")
    assert indicators.space_hours(gangnam) == 2
    testbed_kind = Slice(MARCH.start, MARCH.end, kind="testbed")  # accepted into a testbed program
    assert indicators.space_hours(testbed_kind) == 2


def test_space_utilisation_is_booked_over_open_hours_of_whole_months(world):
    # March 2025: 31 days x 8 h open; the testbed is closed on the 3rd.
    testbed_open, hall_open = 30 * 8, 31 * 8
    booked = 2 + 3 + 5 + 1  # utilisation counts months in each space's own zone (UTC here)
    expected = round(100 * booked / (testbed_open + hall_open), 1)
    assert indicators.space_utilisation(MARCH) == expected
    cluster = Slice(MARCH.start, MARCH.end, organizations=(world["cluster"].pk,))
    assert indicators.space_utilisation(cluster) == round(100 * 5 / testbed_open, 1)
    # Months before a space came into use (added, or first booked) do not dilute the share.
    longer = Slice(date(2024, 1, 1), MARCH.end)
    assert indicators.space_utilisation(longer) == expected
    # Opening hours belong to no startup: a startup slice does not pretend to a figure.
    assert indicators.space_utilisation(Slice(MARCH.start, MARCH.end, city="Seoul")) is None


def test_demonstrations_are_counted_with_their_result(world):
    assert indicators.demonstrations_run(MARCH) == 2
    assert indicators.demonstrations_run(Slice(MARCH.start, MARCH.end, district="Mapo-gu")) == 1
    by_result = dict(selectors.breakdowns(MARCH))[selectors.breakdowns(MARCH)[0][0]]
    assert {str(k): v for k, v in by_result} == {
        "Succeeded": 1, "Partly succeeded": 0, "Failed": 1,
    }  # fmt: skip
    assert indicators.demonstrations_by_quarter(Slice(date(2025, 1, 1), date(2025, 6, 30))) == {
        "2025-Q1": 2, "2025-Q2": 0,
    }  # fmt: skip


@pytest.fixture
def meetings(world):
    event = Event.objects.create(
        slug="visit", kind="delegation", title={"en": "Visit"}, starts_at=at(20, 1),
        ends_at=at(20, 9), registration_opens_at=at(1, 0), registration_closes_at=at(19, 0),
        time_zone="Asia/Shanghai",
    )  # fmt: skip
    event.organizers.add(world["camp"])
    other = Event.objects.create(
        slug="other", kind="meetup", title={"en": "Other"}, starts_at=at(20, 1),
        ends_at=at(20, 9), registration_opens_at=at(1, 0), registration_closes_at=at(19, 0),
    )  # fmt: skip
    other.organizers.add(world["cluster"])

    def person(where, startup=None, name="Corp"):
        return Registration.objects.create(
            event=where, user=make_user(), kind="startup" if startup else "corporate",
            name=name, startup=startup, status="approved",
        )  # fmt: skip

    def meet(where, a, b, starts, published=True):
        slot = Slot.objects.create(
            event=where, starts_at=starts, ends_at=starts + timedelta(minutes=30)
        )
        request = MeetingRequest.objects.create(
            event=where, sender=a, recipient=b, status="accepted"
        )
        return Meeting.objects.create(
            event=where, request=request, slot=slot, published_slot=slot if published else None
        )

    robots, drones = person(event, world["robots"]), person(event, world["drones"])
    corp, corp2 = person(event, name="Beijing Logistics"), person(event, name="Auto")
    meet(event, robots, corp, at(20, 1))
    meet(event, corp2, drones, at(20, 2))
    meet(event, robots, corp2, at(20, 3), published=False)  # a draft: not held
    meet(other, person(other, world["drones"]), person(other), at(20, 4))
    future = datetime.now(UTC) + timedelta(days=30)
    far = Slice(future.date() - timedelta(days=1), future.date() + timedelta(days=1))
    meet(event, drones, corp, future)  # published, not yet held
    Outcome.objects.create(
        startup=world["robots"], event=event, kind="mou", happened_on=date(2025, 3, 25)
    )
    Outcome.objects.create(startup=world["drones"], kind="pilot", happened_on=date(2025, 3, 28))
    Outcome.objects.create(startup=world["drones"], kind="pilot", happened_on=date(2025, 4, 2))
    MarketEntry.objects.create(
        startup=world["robots"], origin="seoul", target="beijing", started_on=date(2025, 3, 5)
    )
    MarketEntry.objects.create(
        startup=world["drones"], origin="seoul", target="beijing", started_on=date(2025, 3, 6)
    )
    MarketEntry.objects.create(
        startup=world["drones"], origin="beijing", target="seoul", started_on=date(2025, 3, 7)
    )
    MarketEntry.objects.create(
        startup=world["drones"], origin="seoul", target="tokyo", started_on=date(2025, 3, 8)
    )
    return {"event": event, "far": far}


def test_meetings_held_are_published_and_over(world, meetings):
    assert indicators.meetings_held(MARCH) == 3
    assert indicators.meetings_held(meetings["far"]) == 0  # published, still to come
    camp = Slice(MARCH.start, MARCH.end, organizations=(world["camp"].pk,))
    assert indicators.meetings_held(camp) == 2
    assert indicators.meetings_held(Slice(MARCH.start, MARCH.end, district="Gangnam-gu")) == 1
    assert indicators.meetings_by_quarter(MARCH) == {"2025-Q1": 3}


def test_outcomes_and_market_entries_by_route(world, meetings):
    assert indicators.outcomes_recorded(MARCH) == 2
    camp = Slice(MARCH.start, MARCH.end, organizations=(world["camp"].pk,))
    assert indicators.outcomes_recorded(camp) == 1  # at the camp's event
    cluster = Slice(MARCH.start, MARCH.end, organizations=(world["cluster"].pk,))
    assert indicators.outcomes_recorded(cluster) == 1  # of the startup the cluster accepted
    seoul_beijing = indicators.BY_CODE["entries_seoul_beijing"].value
    beijing_seoul = indicators.BY_CODE["entries_beijing_seoul"].value
    assert (seoul_beijing(MARCH), beijing_seoul(MARCH)) == (2, 1)
    assert seoul_beijing(cluster) == 1
    routes = dict(selectors.breakdowns(MARCH)[2][1])
    assert routes == {"Beijing → Seoul": 1, "Seoul → Beijing": 2, "Seoul → Tokyo": 1}
    kinds = {str(k): v for k, v in selectors.breakdowns(MARCH)[1][1]}
    assert kinds["memorandum of understanding"] == 1 and kinds["pilot project"] == 1


def test_district_slice_leaves_call_figures_uncounted(world):
    piece = Slice(date(2025, 1, 1), date(2025, 12, 31), district="Gangnam-gu")
    assert indicators.calls_run(piece) is None and indicators.programs_run(piece) is None
    assert indicators.startups_supported(piece) == 1


def test_the_dashboard_page_shows_each_group_and_the_breakdowns(client, world, meetings):
    analyst = make_user("analyst", is_city_analyst=True, preferred_language="en")
    client.force_login(analyst)
    page = client.get("/dashboard/", {"start": "2025-03-01", "end": "2025-03-31"})
    assert page.status_code == 200
    text = page.content.decode()
    for heading in ["Spaces and testbeds", "Events and markets", "Market entries by route"]:
        assert heading in text
    assert "Seoul → Beijing" in text


def test_the_report_is_a_pdf_with_the_slice_in_words(client, world, meetings):
    pytest.importorskip("fpdf")
    from startup_street.events.agenda import cjk_font

    analyst = make_user("analyst", is_city_analyst=True, preferred_language="ko")
    client.force_login(analyst)
    query = {"start": "2025-03-01", "end": "2025-03-31", "district": "Gangnam-gu"}
    response = client.get("/dashboard/report.pdf", query, HTTP_ACCEPT_LANGUAGE="ko")
    if cjk_font() is None:  # no CJK font on this server: back to the printable page
        assert response.status_code == 302 and "district=Gangnam-gu" in response["Location"]
        return
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and len(response.content) > 2000
    assert client.get("/dashboard/report.pdf", {"start": "x"}).status_code == 400


def test_each_reading_reads_the_records_afresh(world):
    def shown() -> dict:
        return {f.indicator.code: f.value for f in selectors.figures(MARCH)}

    before = shown()
    book(world["testbed"], world["robots"], at(20, 9), 2)
    after = shown()
    assert after["space_hours"] == before["space_hours"] + 2
    assert sum(selectors.figures(MARCH, ["space_hours"])[0].series.values()) == after["space_hours"]
