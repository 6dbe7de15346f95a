"""The city dashboard at scale: 50,000 startups, five years of calls, applications, outcome
reports and space bookings. Measures the dashboard's work (every indicator with its quarterly
series, the per-organisation table and the breakdowns) and the whole page as the analyst gets
it, for three slices, and next to them, in the same run, a naive version of four of the figures
that reads the rows into Python and counts there.

    python bench/bench_dashboard.py [--startups 50000] [--repeat 10]

A throwaway SQLite database by default; set DATABASE_URL to measure PostgreSQL (the bench's
data replaces what the database holds). Target: p95 <= 300 ms for the page on PostgreSQL.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup() -> None:
    os.environ.setdefault("DEBUG", "1")
    if "DATABASE_URL" not in os.environ:
        os.environ["STARTUP_STREET_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-dashboard-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "startup_street.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(n_startups: int, seed: int = 7) -> dict:
    """Generated records, written with bulk_create (no signals, no search entries), then the
    dashboard's rollups counted from them, as after any bulk load."""
    with paused():
        world = _generate(n_startups, seed)
    analyze()
    return world


def _generate(n_startups: int, seed: int) -> dict:
    from startup_street.accounts.models import User
    from startup_street.applications.models import Application
    from startup_street.core.models import Sector
    from startup_street.organizations.models import Organization
    from startup_street.programs.models import Call, Program
    from startup_street.spaces.models import Booking, Space
    from startup_street.startups.models import OutcomeReport, Startup

    rng = random.Random(seed)
    for model in (Booking, Space, OutcomeReport, Application, Call, Program, Startup):
        model.objects.all().delete()
    Organization.objects.filter(slug__startswith="bench-").delete()
    user, _ = User.objects.get_or_create(
        email="bench@street.example", defaults={"display_name": "Bench"}
    )
    orgs = Organization.objects.bulk_create(
        Organization(slug=f"bench-{n}", name={"en": f"Org {n}"}, kind="incubator", city="Seoul",
                     country="KR")
        for n in range(20)
    )  # fmt: skip
    kinds = ["funding", "space", "mentoring", "testbed", "commercialisation"]
    programs = Program.objects.bulk_create(
        Program(organization=orgs[n % 20], slug=f"bench-p{n}", title={"en": f"P{n}"},
                kind=kinds[n % 5], country="KR", is_published=True, city="Seoul")
        for n in range(200)
    )  # fmt: skip
    today = date.today()
    start = datetime(today.year - 4, 1, 1, tzinfo=UTC)
    span = (datetime.now(UTC) - start).total_seconds()
    calls = []
    for n in range(1000):
        closes = start + timedelta(seconds=rng.random() * span)
        calls.append(
            Call(program=programs[n % 200], opens_at=closes - timedelta(days=30), closes_at=closes,
                 seats=20)
        )  # fmt: skip
    calls = Call.objects.bulk_create(calls)
    districts = ["Gangnam-gu", "Mapo-gu", "Seocho-gu", "Guro-gu", "Jung-gu"]
    cities = ["Seoul"] * 8 + ["Busan", "Beijing"]
    startups = Startup.objects.bulk_create(
        (
            Startup(slug=f"bench-s{n}", name=f"S{n}", stage="seed", city=rng.choice(cities),
                    region=rng.choice(districts), country="KR")
            for n in range(n_startups)
        ),
        batch_size=2000,
    )  # fmt: skip
    sectors = list(Sector.objects.all())
    through = Startup.sectors.through
    through.objects.bulk_create(
        (through(startup=s, sector=rng.choice(sectors)) for s in startups), batch_size=5000
    )
    statuses = ["accepted"] * 2 + ["rejected"] * 5 + ["withdrawn", "submitted", "draft"]
    applications = []
    for s in startups:
        for call in rng.sample(calls, 3):
            applications.append(
                Application(call=call, startup=s, status=rng.choice(statuses),
                            submitted_at=call.opens_at + timedelta(days=1))
            )  # fmt: skip
    Application.objects.bulk_create(applications, batch_size=5000)
    reports = []
    for s in startups[: n_startups // 2]:
        for back in range(4):
            year, quarter = today.year - 1 - back // 4, 4 - back % 4
            reports.append(
                OutcomeReport(startup=s, year=year, quarter=quarter, employees=rng.randint(1, 40),
                              investment_raised_krw=rng.choice([0, 0, 50_000_000]),
                              verified_at=datetime.now(UTC) if rng.random() < 0.7 else None)
            )  # fmt: skip
    OutcomeReport.objects.bulk_create(reports, batch_size=5000)
    spaces = Space.objects.bulk_create(
        Space(organization=orgs[n % 20], slug=f"bench-r{n}", kind="meeting_room",
              name={"en": f"Room {n}"}, time_zone="Asia/Seoul")
        for n in range(100)
    )  # fmt: skip
    bookings = []
    for n in range(n_startups):
        starts = start + timedelta(hours=n)  # one an hour: never overlapping in one space
        bookings.append(
            Booking(space=spaces[n % 100], startup=startups[n], booked_by=user, starts_at=starts,
                    ends_at=starts + timedelta(hours=1), hours=1, status="confirmed")
        )  # fmt: skip
    Booking.objects.bulk_create(bookings, batch_size=5000)
    return {"orgs": orgs, "rows": len(applications) + len(reports) + len(bookings) + n_startups}


def paused():
    """The dashboard's rollups set aside during a bulk write and recounted after it (a no-op
    for the code before the rollups, measured as the baseline)."""
    try:
        from startup_street.dashboard.rollups import paused
    except ImportError:
        from contextlib import nullcontext as paused
    return paused()


def analyze() -> None:
    """Fresh planner statistics and visibility maps, as autovacuum (PostgreSQL) or ``optimize``
    would give a database that grew over years rather than in one bulk load."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def naive(piece) -> dict:
    """Four figures the way a first version would: every row into Python, then count."""
    from startup_street.applications.models import Application
    from startup_street.spaces.models import Booking
    from startup_street.startups.models import OutcomeReport

    first, after = piece.bounds()
    rows = Application.objects.values_list(
        "status", "startup_id", "call__closes_at", "call__program__organization_id"
    )
    submitted, accepted = 0, set()
    for status, startup, closes, org in rows:
        if status == "draft" or not (first <= closes < after):
            continue
        if piece.organizations is not None and org not in piece.organizations:
            continue
        submitted += 1
        if status == "accepted":
            accepted.add(startup)
    invested = sum(
        r.investment_raised_krw
        for r in OutcomeReport.objects.all()
        if r.verified_at and (r.year, r.quarter) in set(piece.quarters())
    )
    hours = sum(
        (b.ends_at - b.starts_at).total_seconds() / 3600
        for b in Booking.objects.all()
        if b.status == "confirmed" and first <= b.starts_at < after
    )
    return {"submitted": submitted, "supported": len(accepted), "invested": invested,
            "hours": hours}  # fmt: skip


def timed(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--startups", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the bench's data already in DATABASE_URL"
    )
    args = parser.parse_args()
    setup()
    from django.db import connection
    from django.test import Client

    from startup_street.accounts.models import User
    from startup_street.dashboard import indicators, selectors

    began = time.perf_counter()
    from startup_street.organizations.models import Organization
    from startup_street.startups.models import Startup

    if args.reuse and Startup.objects.filter(slug__startswith="bench-s").count() == args.startups:
        with paused():  # recounts the rollups, whichever code wrote the data
            pass
        analyze()
        world = {"orgs": list(Organization.objects.filter(slug__startswith="bench-")), "rows": 0}
    else:
        world = build(args.startups)
    print(f"database: {connection.vendor}; built {world['rows']:,} rows for "
          f"{args.startups:,} startups in {time.perf_counter() - began:.0f} s")  # fmt: skip
    analyst, _ = User.objects.get_or_create(
        email="analyst@street.example",
        defaults={"display_name": "Analyst", "is_city_analyst": True},
    )
    client = Client()
    client.force_login(analyst)
    today = date.today()
    five_years = indicators.Slice(start=date(today.year - 4, 1, 1), end=today)
    slices = {
        "city, five years": (five_years, {}),
        "one organisation": (
            indicators.Slice(five_years.start, today, organizations=(world["orgs"][0].pk,)),
            {"organization": world["orgs"][0].pk},
        ),
        "sector + district": (
            indicators.Slice(five_years.start, today, sector="robotics", district="Mapo-gu"),
            {"sector": "robotics", "district": "Mapo-gu"},
        ),
    }
    # The naive figures must agree with the dashboard's before any time is compared.
    expected = naive(five_years)
    assert expected["submitted"] == indicators.applications_submitted(five_years)
    assert expected["supported"] == indicators.startups_supported(five_years)
    assert expected["invested"] == indicators.investment_raised(five_years)
    assert round(expected["hours"], 1) == indicators.space_hours(five_years)

    def work(piece):
        selectors.figures(piece)
        selectors.by_organization(piece)
        selectors.breakdowns(piece)

    # A process's first page also imports the views and compiles the templates: timed apart,
    # so the percentiles below are of a server that has already served a page.
    began = time.perf_counter()
    assert client.get("/dashboard/", {"start": today.isoformat()}).status_code == 200
    cold = (time.perf_counter() - began) * 1000
    print(f"first page of the process (one day's figures): {cold:.0f} ms")
    print(f"{'slice':<20} {'figures p50/p95 ms':>20} {'page p50/p95 ms':>18}")
    worst_page = 0.0
    for name, (piece, query) in slices.items():
        f50, f95 = timed(lambda piece=piece: work(piece), args.repeat)

        def page(query=query):
            response = client.get("/dashboard/", query)
            assert response.status_code == 200, response.status_code

        p50, p95 = timed(page, args.repeat)
        worst_page = max(worst_page, p95)
        print(f"{name:<20} {f50:>9.0f} / {f95:<8.0f} {p50:>8.0f} / {p95:<8.0f}")
    n50, n95 = timed(lambda: naive(five_years), max(3, args.repeat // 3))
    print(f"{'naive, 4 figures':<20} {n50:>9.0f} / {n95:<8.0f}  (rows read into Python)")
    print(f"page p95 {worst_page:.0f} ms (target 300 ms on PostgreSQL); naive 4 figures "
          f"p95 {n95:.0f} ms; load {os.getloadavg()[0]:.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
