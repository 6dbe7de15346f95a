"""The page's figures, its table by organisation and the per-space utilisation all come from
the records as they are now: they agree with one another, with a hand count, and with the
records straight after an edit, a withdrawal or a cancellation."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from startup_street.applications.models import Application
from startup_street.applications.services import withdraw_application
from startup_street.dashboard import indicators, selectors
from startup_street.dashboard.indicators import Slice, one_reading
from startup_street.programs.models import Call
from startup_street.spaces.models import Booking, Closure, OpeningHours, Space
from startup_street.spaces.selectors import utilisation, utilisation_total
from tests.factories import make_organization, make_program, make_startup, make_user

pytestmark = pytest.mark.django_db
YEAR = Slice(start=date(2025, 1, 1), end=date(2025, 12, 31))
SEOUL_APRIL = datetime(2025, 3, 31, 15, tzinfo=UTC)  # 1 April 00:00 in Seoul: the second quarter


def _call(program, closes: datetime) -> Call:
    return Call.objects.create(
        program=program, opens_at=closes - timedelta(days=30), closes_at=closes, seats=10
    )


def _apply(call, startup, status) -> Application:
    return Application.objects.create(
        call=call, startup=startup, status=status, submitted_at=call.opens_at
    )


@pytest.fixture
def street():
    hub, kic = make_organization(slug="hub"), make_organization(slug="kic")
    first = _call(make_program(hub), datetime(2025, 3, 31, 14, 59, tzinfo=UTC))  # Q1 in Seoul
    second = _call(make_program(hub), SEOUL_APRIL)  # Q2 in Seoul, Q1 in UTC
    third = _call(make_program(kic), datetime(2025, 11, 2, tzinfo=UTC))
    s = [make_startup(make_user(), name=f"S{n}") for n in range(5)]
    _apply(first, s[0], "accepted")
    _apply(first, s[1], "rejected")
    _apply(second, s[0], "accepted")  # the same startup in the next quarter
    _apply(second, s[2], "withdrawn")
    _apply(second, s[3], "draft")  # not submitted: counted nowhere
    _apply(third, s[0], "accepted")  # and by another organisation
    _apply(third, s[4], "accepted")
    return {"hub": hub, "kic": kic, "startups": s, "second": second}


def test_table_by_organisation_equals_a_hand_count(street):
    rows = {row["organization"].slug: row for row in selectors.by_organization(YEAR)}
    assert [row["organization"].slug for row in selectors.by_organization(YEAR)] == ["hub", "kic"]
    assert (rows["hub"]["applications"], rows["hub"]["accepted"], rows["hub"]["startups"]) == (
        4,
        2,
        1,
    )
    assert (rows["kic"]["applications"], rows["kic"]["accepted"], rows["kic"]["startups"]) == (
        2,
        2,
        2,
    )
    assert rows["hub"]["rate"] == 50.0


def test_quarters_split_at_midnight_in_the_city_zone(street):
    assert indicators.submitted_by_quarter(YEAR) == {
        "2025-Q1": 2, "2025-Q2": 2, "2025-Q3": 0, "2025-Q4": 2,
    }  # fmt: skip
    assert indicators.supported_by_quarter(YEAR) == {
        "2025-Q1": 1, "2025-Q2": 1, "2025-Q3": 0, "2025-Q4": 2,
    }  # fmt: skip
    assert indicators.startups_supported(YEAR) == 2  # s0 three times, s4 once


def test_page_figures_table_and_series_agree(street):
    with one_reading():
        figures = {f.indicator.code: f for f in selectors.figures(YEAR)}
        table = selectors.by_organization(YEAR)
    assert figures["applications_submitted"].value == sum(r["applications"] for r in table)
    assert figures["applications_submitted"].value == sum(
        figures["applications_submitted"].series.values()
    )
    assert figures["acceptance_rate"].value == round(
        100 * sum(r["accepted"] for r in table) / sum(r["applications"] for r in table), 1
    )


def _withdraw(application: Application) -> None:
    owner = application.startup.members.get().user
    withdraw_application(application=application, user=owner)


def test_an_edit_shows_at_once(street):
    before = indicators.applications_accepted(YEAR), indicators.startups_supported(YEAR)
    _withdraw(Application.objects.get(call=street["second"], startup=street["startups"][0]))
    _withdraw(Application.objects.get(startup=street["startups"][4]))  # a declined place
    assert before == (4, 2)
    assert (indicators.applications_accepted(YEAR), indicators.startups_supported(YEAR)) == (2, 1)
    assert indicators.supported_by_quarter(YEAR)["2025-Q2"] == 0


def test_the_page_reads_the_calls_tallies_not_the_applications(street, client):
    analyst = make_user()
    analyst.is_city_analyst = True
    analyst.save()
    client.force_login(analyst)
    with CaptureQueriesContext(connection) as seen:
        response = client.get(reverse("dashboard:dashboard"), {"start": "2025-01-01"})
    assert response.status_code == 200
    read = [q["sql"] for q in seen.captured_queries]
    assert not [sql for sql in read if 'FROM "applications_application"' in sql]
    assert len([sql for sql in read if 'FROM "dashboard_calltally"' in sql]) == 1


def _space(org, slug, zone, created) -> Space:
    made = Space.objects.create(
        organization=org, slug=slug, kind="lab", name={"en": slug}, time_zone=zone
    )
    Space.objects.filter(pk=made.pk).update(created_at=created)
    return made


def _book(where, starts, hours, status="confirmed") -> Booking:
    return Booking.objects.create(
        space=where, startup=make_startup(make_user()), booked_by=make_user(), starts_at=starts,
        ends_at=starts + timedelta(hours=hours), hours=hours, status=status,
    )  # fmt: skip


def test_utilisation_total_equals_the_monthly_rows_from_each_spaces_first_month():
    org = make_organization(slug="lab")
    old = _space(org, "old", "Asia/Seoul", datetime(2024, 12, 1, tzinfo=UTC))
    new = _space(org, "new", "Asia/Shanghai", datetime(2026, 1, 1, tzinfo=UTC))
    for weekday in range(5):
        OpeningHours.objects.create(space=old, weekday=weekday, opens=time(9), closes=time(18))
    Closure.objects.create(space=old, date=date(2025, 2, 3))
    _book(old, datetime(2025, 1, 31, 16, tzinfo=UTC), 2)  # 1 February in Seoul
    _book(old, datetime(2025, 3, 5, 1, tzinfo=UTC), 3)
    _book(old, datetime(2025, 3, 6, 1, tzinfo=UTC), 4, status="cancelled")
    _book(new, datetime(2025, 2, 10, 2, tzinfo=UTC), 5)  # booked before it was added
    _book(new, datetime(2025, 7, 1, 2, tzinfo=UTC), 6)  # after the period
    open_hours, booked = utilisation_total(start=date(2025, 1, 15), end=date(2025, 3, 10))
    rows = utilisation(start=date(2025, 1, 15), end=date(2025, 3, 10), by="space")
    since = {old.pk: date(2025, 1, 1), new.pk: date(2025, 2, 1)}
    counted = [row for row in rows if row.month >= since[row.space_id]]
    assert booked == sum(row.booked_hours for row in counted) == Decimal(2 + 3 + 5)
    assert open_hours == sum(row.open_hours for row in counted)
    # January to March for the old space (weekdays, 9 h, one closure), February on for the new.
    old_days = 23 + 20 - 1 + 21
    assert open_hours == old_days * 9 + (28 + 31) * 24
    only_new = utilisation_total(start=date(2025, 1, 1), end=date(2025, 3, 31), organizations=())
    assert only_new == (0, 0)
