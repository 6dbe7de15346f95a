"""Utilisation and demonstration outcomes, read against counts made by hand on a small street:
bookings across month ends and across the UTC date line of each space's zone, cancelled,
declined and pending bookings left out.

January 2026 starts on a Thursday and has 22 weekdays; February has 20; their Saturdays are
the 3rd, 10th, 17th, 24th, 31st and the 7th, 14th, 21st, 28th."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from startup_street.core.timezones import get_zone
from startup_street.spaces.models import (
    Booking,
    Closure,
    DemonstrationPlan,
    DemonstrationResult,
    OpeningHours,
    Space,
)
from startup_street.spaces.selectors import demonstration_outcomes, utilisation
from tests.factories import make_organization, make_startup, make_user

pytestmark = pytest.mark.django_db
JAN, FEB = date(2026, 1, 1), date(2026, 2, 1)


def _space(org, slug, zone, kind="testbed", hours=()):
    space = Space.objects.create(
        organization=org, slug=slug, kind=kind, name={"en": slug}, time_zone=zone
    )
    for weekday, opens, closes in hours:
        OpeningHours.objects.create(
            space=space, weekday=weekday, opens=time(opens), closes=time(closes)
        )
    return space


def _at(space, day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), get_zone(space.time_zone))


def _book(street, space, day, start, end, status="confirmed", end_day=None):
    starts_at = _at(space, day, *start)
    ends_at = _at(space, end_day or day, *end)
    return Booking.objects.create(
        space=space,
        startup=street["startup"],
        booked_by=street["user"],
        starts_at=starts_at,
        ends_at=ends_at,
        status=status,
        hours=Decimal((ends_at - starts_at).total_seconds()) / 3600,
    )


@pytest.fixture
def street():
    user = make_user("founder")
    seoul = make_organization(slug="robot-cluster", time_zone="Asia/Seoul")
    camp = make_organization(slug="camp", time_zone="Asia/Shanghai")
    weekdays = [(day, 9, 18) for day in range(5)]
    lab = _space(seoul, "lab", "Asia/Seoul", kind="lab", hours=weekdays)  # 9 h a weekday
    Closure.objects.create(space=lab, date=date(2026, 1, 1))  # New Year's Day
    hall = _space(seoul, "hall", "Asia/Shanghai", kind="exhibition_hall")  # around the clock
    court = _space(camp, "court", "Asia/Seoul", hours=[(5, 10, 14)])  # Saturdays 10-14
    street = {"user": user, "startup": make_startup(user), "seoul": seoul, "camp": camp}
    street.update(lab=lab, hall=hall, court=court)
    # lab, January: 2 h confirmed; cancelled, declined and pending ones do not count
    _book(street, lab, date(2026, 1, 5), (10,), (12,))
    _book(street, lab, date(2026, 1, 20), (13,), (16,), status="cancelled")
    _book(street, lab, date(2026, 1, 21), (9,), (10,), status="declined")
    _book(street, lab, date(2026, 1, 22), (9,), (10,), status="pending")
    # lab, February: 9 h; March is outside the range asked for
    _book(street, lab, date(2026, 2, 2), (9,), (18,))
    _book(street, lab, date(2026, 3, 2), (10,), (11,))
    # hall (Beijing time): the last two hours of January, then 00:00-01:30 on 1 February,
    # which is still 31 January in UTC; and New Year's Eve, before the range
    _book(street, hall, date(2026, 1, 31), (22,), (0,), end_day=date(2026, 2, 1))
    _book(street, hall, date(2026, 2, 1), (0,), (1, 30))
    _book(street, hall, date(2025, 12, 31), (23,), (0,), end_day=date(2026, 1, 1))
    # court (Seoul time): 4 h on 10 January; 1 February 00:00-02:00 Seoul is 31 January 15:00
    # UTC; 1 March 00:30 Seoul is still 28 February in UTC but belongs to March
    _book(street, court, date(2026, 1, 10), (10,), (14,))
    _book(street, court, date(2026, 2, 1), (0,), (2,))
    _book(street, court, date(2026, 3, 1), (0, 30), (1, 30))
    _book(street, court, date(2026, 2, 14), (10,), (12,), status="cancelled")
    return street


def _rows(rows):
    return {
        (row.month, row.space_id or row.organization_id): (
            row.open_hours,
            row.booked_hours,
            row.bookings,
        )
        for row in rows
    }


def test_utilisation_per_space_matches_hand_counts(street):
    lab, hall, court = street["lab"].pk, street["hall"].pk, street["court"].pk
    rows = _rows(utilisation(start=date(2026, 1, 15), end=date(2026, 2, 10)))
    assert rows == {
        (JAN, lab): (21 * 9, 2, 1),  # 22 weekdays less New Year's Day
        (JAN, hall): (31 * 24, 2, 1),
        (JAN, court): (5 * 4, 4, 1),
        (FEB, lab): (20 * 9, 9, 1),
        (FEB, hall): (28 * 24, Decimal("1.5"), 1),
        (FEB, court): (4 * 4, 2, 1),
    }


def test_utilisation_per_organisation_adds_its_spaces(street):
    seoul, camp = street["seoul"].pk, street["camp"].pk
    rows = utilisation(start=JAN, end=FEB, by="organization")
    assert _rows(rows) == {
        (JAN, seoul): (189 + 744, 4, 2),
        (FEB, seoul): (180 + 672, Decimal("10.5"), 2),
        (JAN, camp): (20, 4, 1),
        (FEB, camp): (16, 2, 1),
    }
    january_seoul = next(r for r in rows if r.month == JAN and r.organization_id == seoul)
    assert january_seoul.rate == pytest.approx(4 / 933)
    assert all(r.space_id is None for r in rows)


def test_utilisation_of_one_organisation_or_kind(street):
    lab = street["lab"].pk
    only_camp = _rows(utilisation(start=FEB, end=FEB, organization=street["camp"]))
    assert only_camp == {(FEB, street["court"].pk): (16, 2, 1)}
    labs = _rows(utilisation(start=JAN, end=date(2026, 3, 31), kind="lab"))
    assert labs[(JAN, lab)][1:] == (2, 1)
    assert labs[(date(2026, 3, 1), lab)] == (22 * 9, 1, 1)  # March 2026: 22 weekdays


def test_utilisation_of_an_empty_month_is_zero(street):
    rows = utilisation(start=date(2026, 6, 1), end=date(2026, 6, 30), kind="exhibition_hall")
    assert [(r.open_hours, r.booked_hours, r.bookings, r.rate) for r in rows] == [(720, 0, 0, 0.0)]


def _run(street, space, day, hour, outcome):
    booking = _book(street, space, day, (hour,), (hour + 1,))
    plan = DemonstrationPlan.objects.create(
        booking=booking, robot="AMR", scenario="Ramp", safety_officer="Kim",
        safety_officer_phone="010", status="approved",
    )  # fmt: skip
    return DemonstrationResult.objects.create(plan=plan, outcome=outcome)


def test_demonstration_outcomes_by_the_runs_day_in_its_zone(street):
    lab, court = street["lab"], street["court"]
    _run(street, lab, date(2026, 1, 6), 10, "succeeded")
    _run(street, lab, date(2026, 1, 7), 10, "succeeded")
    _run(street, lab, date(2026, 1, 8), 10, "failed")
    _run(street, court, date(2026, 1, 31), 0, "partly")  # 30 January 15:00 UTC, in January
    _run(street, court, date(2026, 2, 1), 2, "failed")  # 31 January in UTC: February in Seoul
    _run(street, lab, date(2025, 12, 31), 10, "succeeded")  # before

    january = demonstration_outcomes(start=JAN, end=date(2026, 1, 31))
    assert january == {"succeeded": 2, "partly": 1, "failed": 1}
    camp = demonstration_outcomes(start=JAN, end=date(2026, 2, 28), organization=street["camp"])
    assert camp == {"succeeded": 0, "partly": 1, "failed": 1}
