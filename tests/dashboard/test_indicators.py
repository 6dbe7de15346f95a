"""Each indicator equals a hand count on constructed data, edge cases included."""

from datetime import UTC, date, datetime, timedelta

import pytest

from startup_street.applications.models import Application
from startup_street.dashboard import indicators, selectors
from startup_street.dashboard.indicators import Slice
from startup_street.mentoring.models import MentoringSession, MentorProfile, Mentorship
from startup_street.programs.models import Call
from startup_street.startups.models import OutcomeReport
from tests.factories import make_organization, make_program, make_startup, make_user

pytestmark = pytest.mark.django_db
YEAR = Slice(start=date(2025, 1, 1), end=date(2025, 12, 31))


def _call(program, closes: datetime) -> Call:
    return Call.objects.create(
        program=program, opens_at=closes - timedelta(days=30), closes_at=closes, seats=10
    )


def _apply(call, startup, status) -> Application:
    return Application.objects.create(
        call=call, startup=startup, status=status, submitted_at=call.opens_at + timedelta(days=1)
    )


@pytest.fixture
def world():
    """Two organisations; hub runs two calls in 2025 and one in 2024, kic one in 2025."""
    hub, kic = make_organization(slug="hub"), make_organization(slug="kic", country="CN")
    robots = make_program(hub, kind="testbed")
    funds = make_program(hub, kind="funding")
    beijing = make_program(kic, kind="funding")
    spring = _call(robots, datetime(2025, 3, 31, 9, tzinfo=UTC))
    autumn = _call(funds, datetime(2025, 10, 15, 9, tzinfo=UTC))
    old = _call(robots, datetime(2024, 11, 1, 9, tzinfo=UTC))
    kic_call = _call(beijing, datetime(2025, 6, 1, 9, tzinfo=UTC))
    s = [make_startup(make_user(), name=f"S{n}", city="Seoul") for n in range(6)]
    s[5].city = "Busan"
    s[5].save()
    _apply(spring, s[0], "accepted")
    _apply(spring, s[1], "rejected")
    _apply(spring, s[2], "withdrawn")  # withdrawn before the decision: submitted, not accepted
    _apply(spring, s[3], "draft")  # never submitted: not counted at all
    _apply(autumn, s[0], "accepted")  # the same startup again: supported once
    _apply(autumn, s[4], "withdrawn")  # a declined place: not accepted
    _apply(autumn, s[5], "accepted")
    _apply(old, s[1], "accepted")  # outside the period
    _apply(kic_call, s[4], "accepted")
    return {"hub": hub, "kic": kic, "startups": s, "robots": robots}


def test_application_indicators_equal_a_hand_count(world):
    assert indicators.applications_submitted(YEAR) == 7  # 3 + 3 + 1; the draft is not one
    assert indicators.applications_accepted(YEAR) == 4
    assert indicators.acceptance_rate(YEAR) == round(100 * 4 / 7, 1)
    assert indicators.startups_supported(YEAR) == 3  # s0 (twice), s5, s4
    assert indicators.calls_run(YEAR) == 3 and indicators.programs_run(YEAR) == 3


def test_slices_by_organisation_kind_and_city(world):
    hub_only = Slice(YEAR.start, YEAR.end, organizations=(world["hub"].pk,))
    assert indicators.applications_submitted(hub_only) == 6
    assert indicators.startups_supported(hub_only) == 2
    testbeds = Slice(YEAR.start, YEAR.end, kind="testbed")
    assert indicators.applications_submitted(testbeds) == 3
    busan = Slice(YEAR.start, YEAR.end, city="busan")
    assert indicators.startups_supported(busan) == 1
    for spelling in ("부산", "釜山"):  # the city as a Korean or Chinese reader types it
        assert indicators.startups_supported(Slice(YEAR.start, YEAR.end, city=spelling)) == 1


def test_period_boundaries_are_whole_days_in_the_city_zone(world):
    # 2025-03-31 09:00 UTC is 18:00 in Seoul on 31 March: inside a period ending that day.
    march = Slice(date(2025, 3, 1), date(2025, 3, 31))
    assert indicators.applications_submitted(march) == 3
    assert indicators.applications_submitted(Slice(date(2025, 4, 1), date(2025, 4, 30))) == 0


def test_by_quarter_series_fill_every_quarter(world):
    series = indicators.submitted_by_quarter(YEAR)
    assert series == {"2025-Q1": 3, "2025-Q2": 1, "2025-Q3": 0, "2025-Q4": 3}
    assert sum(indicators.supported_by_quarter(YEAR).values()) == 4  # s0 in Q1 and Q4


def test_no_applications_gives_no_rate_rather_than_zero():
    assert indicators.acceptance_rate(YEAR) is None
    assert indicators.applications_submitted(YEAR) == 0


def test_mentoring_hours_count_held_sessions_only(world):
    hub, startup = world["hub"], world["startups"][0]
    mentor = MentorProfile.objects.create(user=make_user(), organization=hub, languages=["ko"])
    mentorship = Mentorship.objects.create(mentor=mentor, startup=startup)
    start = datetime(2025, 5, 1, 1, tzinfo=UTC)
    for hours, status in [(2, "done"), (1.5, "done"), (3, "cancelled"), (1, "booked")]:
        MentoringSession.objects.create(
            mentorship=mentorship,
            starts_at=start,
            ends_at=start + timedelta(hours=hours),
            status=status,
        )
    assert indicators.mentoring_hours(YEAR) == 3.5
    assert indicators.hours_by_quarter(YEAR)["2025-Q2"] == 3.5
    other = Slice(YEAR.start, YEAR.end, organizations=(world["kic"].pk,))
    assert indicators.mentoring_hours(other) == 0


def test_investment_and_jobs_count_verified_reports_only(world):
    s0, s5 = world["startups"][0], world["startups"][5]
    verified = datetime(2025, 12, 1, tzinfo=UTC)
    OutcomeReport.objects.create(
        startup=s0,
        year=2025,
        quarter=1,
        employees=4,
        investment_raised_krw=100,
        verified_at=verified,
    )
    OutcomeReport.objects.create(
        startup=s0,
        year=2025,
        quarter=3,
        employees=7,
        investment_raised_krw=50,
        verified_at=verified,
    )
    OutcomeReport.objects.create(  # unverified: not counted
        startup=s5, year=2025, quarter=2, employees=30, investment_raised_krw=9000
    )
    OutcomeReport.objects.create(  # another year: not counted
        startup=s5,
        year=2024,
        quarter=4,
        employees=3,
        investment_raised_krw=10,
        verified_at=verified,
    )
    assert indicators.investment_raised(YEAR) == 150
    assert indicators.jobs(YEAR) == 7  # s0's latest verified report of the period
    assert indicators.investment_by_quarter(YEAR)["2025-Q3"] == 50
    kic_only = Slice(YEAR.start, YEAR.end, organizations=(world["kic"].pk,))
    assert indicators.investment_raised(kic_only) == 0  # kic never accepted s0


def test_open_data_withholds_cells_of_fewer_than_five_startups(world):
    rows = {row["organization"]: row for row in selectors.open_data(YEAR)}
    assert rows["hub"]["applications"] == 6  # five startups applied: shown
    assert rows["hub"]["accepted"] is None and rows["hub"]["startups_supported"] is None  # two
    assert rows["kic"]["applications"] is None  # one startup applied
    rows = list(rows.values())
    assert all(
        set(row) == {"organization", "year", "applications", "accepted", "startups_supported"}
        for row in rows
    )


def test_open_data_shows_cells_of_five_or_more(world):
    hub = world["hub"]
    call = _call(make_program(hub, kind="space"), datetime(2025, 8, 1, tzinfo=UTC))
    for n in range(6):
        _apply(call, make_startup(make_user(), name=f"Big {n}"), "accepted")
    row = next(r for r in selectors.open_data(YEAR) if r["organization"] == "hub")
    assert row["startups_supported"] == 8 and row["applications"] == 12  # s0 and s5 too


def test_nightly_snapshot_is_on_the_workers_schedule_and_records_each_indicator(world):
    from startup_street.core.periodic import periodic_jobs
    from startup_street.dashboard.models import IndicatorSnapshot
    from startup_street.dashboard.services import snapshot_indicators

    jobs = {job.name: job.task for job in periodic_jobs()}
    assert jobs["indicator-snapshots"].endswith("task_snapshot_indicators")
    written = snapshot_indicators(on=date(2025, 12, 31))
    assert written == len(indicators.INDICATORS) * 3  # the city and two organisations
    city = IndicatorSnapshot.objects.get(code="applications_submitted", scope="city")
    assert city.value == 7
    assert snapshot_indicators(on=date(2025, 12, 31)) == written  # a rerun replaces
    assert IndicatorSnapshot.objects.count() == written


def test_the_page_writes_money_and_the_zone_as_its_reader_does(world, client):
    OutcomeReport.objects.create(
        startup=world["startups"][0],
        year=2025,
        quarter=2,
        employees=4,
        investment_raised_krw=4_460_000_000,
        verified_at=datetime(2025, 12, 1, tzinfo=UTC),
    )
    expected = {"zh-hans": ("44.6亿韩元", "首尔时间"), "ko": ("44.6억 원", "서울 시간")}
    for language, (money, zone) in expected.items():
        client.force_login(make_user(is_city_analyst=True, preferred_language=language))
        page = client.get("/dashboard/?start=2025-01-01&end=2025-12-31").content.decode()
        assert money in page and zone in page, language
        assert "Asia/Seoul" not in page.split("<footer")[0]
