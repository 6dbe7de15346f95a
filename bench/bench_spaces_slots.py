"""The free-slot week view at scale: 200 spaces with 50,000 bookings (``--full``), a week of
slots for each space, read the way the page reads them (four queries, whatever the number of
spaces), next to a baseline measured in the same run on the same data: the naive way, one
query per slot asking whether a booking or block overlaps it. Both must agree slot for slot.

    python bench/bench_spaces_slots.py            # 50 spaces, 12,500 bookings (a few minutes)
    python bench/bench_spaces_slots.py --full     # 200 spaces, 50,000 bookings
    python bench/bench_spaces_slots.py --spaces 100 --bookings 20000 --naive 10

A throwaway SQLite database by default (DATABASE_URL measures PostgreSQL: an empty database is
needed). Prints p50/p95 of one space's week (selector and the page over HTTP in process), of all
spaces' week in one read, and of the naive baseline on a sample of spaces.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time as clock
from datetime import datetime, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup(spaces: int, bookings: int, seed: int) -> tuple[list, datetime]:
    if "DATABASE_URL" not in os.environ:
        os.environ["STARTUP_STREET_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-slots-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "startup_street.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from startup_street.core.timezones import get_zone
    from startup_street.spaces.models import Blocking, Booking, OpeningHours, Space
    from tests.factories import make_organization, make_startup, make_user

    rng = random.Random(seed)
    user = make_user("bench")
    startup = make_startup(user)
    orgs = [
        make_organization(slug="bench-seoul", time_zone="Asia/Seoul"),
        make_organization(slug="bench-beijing", time_zone="Asia/Shanghai"),
    ]
    made = Space.objects.bulk_create(
        Space(
            organization=orgs[n % 2],
            slug=f"bench-space-{n}",
            kind="meeting_room",
            name={"en": f"Room {n}"},
            time_zone=orgs[n % 2].time_zone,
            slot_minutes=30,
        )
        for n in range(spaces)
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(space=s, weekday=d, opens=time(8), closes=time(22))
        for s in made
        for d in range(7)
    )
    today = timezone.now().astimezone(get_zone("Asia/Seoul")).date()
    week = today + timedelta(days=1)
    days = 90  # bookings spread over 45 days either side of the week
    per_space = bookings // spaces
    rows = []
    for space in made:
        zone = get_zone(space.time_zone)
        taken, count = set(), 0
        while count < per_space:
            day = week + timedelta(days=rng.randrange(-days // 2, days // 2))
            half_hour = rng.randrange(16, 42)
            length = rng.choice([1, 2, 2, 4])
            if any((day, h) in taken for h in range(half_hour, half_hour + length)):
                continue
            taken.update((day, h) for h in range(half_hour, half_hour + length))
            count += 1
            start = timezone.make_aware(datetime.combine(day, time()), zone)
            start += timedelta(minutes=30 * half_hour)
            rows.append(
                Booking(
                    space=space,
                    startup=startup,
                    booked_by=user,
                    starts_at=start,
                    ends_at=start + timedelta(minutes=30 * length),
                    status=rng.choice(["confirmed"] * 6 + ["pending", "cancelled"]),
                    hours=length / 2,
                )
            )
    Booking.objects.bulk_create(rows, batch_size=2000)
    Blocking.objects.bulk_create(
        Blocking(
            space=s,
            starts_at=timezone.make_aware(datetime.combine(week, time(12)), get_zone(s.time_zone)),
            ends_at=timezone.make_aware(datetime.combine(week, time(13)), get_zone(s.time_zone)),
            reason="maintenance",
        )
        for s in made[::10]
    )
    return made, week


def naive(space, start, days: int, now) -> list[list[str]]:
    """The baseline: the slots from the opening hours, then one query per slot."""
    from django.utils import timezone

    from startup_street.core.timezones import get_zone
    from startup_street.spaces.models import Blocking, Booking

    zone = get_zone(space.time_zone)
    result = []
    for n in range(days):
        day = start + timedelta(days=n)
        states = []
        for hours in space.opening_hours.filter(weekday=day.weekday()):
            moment = timezone.make_aware(datetime.combine(day, hours.opens), zone)
            end = timezone.make_aware(datetime.combine(day, hours.closes), zone)
            while moment + timedelta(minutes=space.slot_minutes) <= end:
                after = moment + timedelta(minutes=space.slot_minutes)
                states.append(_naive_state(Blocking, Booking, space, moment, after, now))
                moment = after
        result.append(states)
    return result


def _naive_state(Blocking, Booking, space, start, end, now) -> str:  # noqa: N803
    if start <= now:
        return "past"
    if Blocking.objects.filter(space=space, starts_at__lt=end, ends_at__gt=start).exists():
        return "blocked"
    held = Booking.objects.filter(space=space, starts_at__lt=end, ends_at__gt=start)
    if held.filter(status="confirmed").exists():
        return "taken"
    return "pending" if held.filter(status="pending").exists() else "free"


def timed(function, repeat: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(repeat):
        started = clock.perf_counter()
        result = function()
        times.append((clock.perf_counter() - started) * 1000)
    return times, result


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[int(0.95 * (len(values) - 1))]


def row(label: str, times: list[float], queries: str = "") -> None:
    print(
        f"{label:52} {len(times):>6} {statistics.median(times):>9.1f} {p95(times):>9.1f}  {queries}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spaces", type=int, default=50)
    parser.add_argument("--bookings", type=int, default=12_500)
    parser.add_argument("--full", action="store_true", help="200 spaces, 50,000 bookings")
    parser.add_argument("--naive", type=int, default=10, help="spaces the baseline reads")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    if args.full:
        args.spaces, args.bookings = 200, 50_000
    started = clock.perf_counter()
    spaces, week = setup(args.spaces, args.bookings, args.seed)
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from startup_street.spaces.models import Booking
    from startup_street.spaces.selectors import availability

    print(
        f"{connection.vendor}: {len(spaces)} spaces, {Booking.objects.count()} bookings, "
        f"written in {clock.perf_counter() - started:.0f} s; week from {week}; "
        f"load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    now = timezone.now()
    print(f"{'what':52} {'runs':>6} {'p50 ms':>9} {'p95 ms':>9}  queries")
    sample = spaces[:: max(1, len(spaces) // args.naive)][: args.naive]
    baseline, expected = [], {}
    for space in sample:
        reset_queries()  # the debug log of queries is capped: start it afresh
        with CaptureQueriesContext(connection) as queries:
            took, states = timed(lambda s=space: naive(s, week, 7, now), 1)
        baseline += took
        expected[space.pk] = states
    row(f"baseline: naive, one space's week ({len(sample)} spaces)", baseline, len(queries))
    one = []
    for space in spaces:
        reset_queries()  # the debug log of queries is capped: start it afresh
        with CaptureQueriesContext(connection) as queries:
            took, days = timed(lambda s=space: availability([s], week, 7, now=now), 1)
        one += took
        if space.pk in expected:
            got = [[slot.state for slot in day.slots] for day in days[space.pk]]
            assert got == expected[space.pk], f"{space.slug}: selector and baseline disagree"
    row(f"selector, one space's week ({len(spaces)} spaces)", one, len(queries))
    client = Client()
    client.get(f"/spaces/{spaces[0].slug}/availability/?view=week")  # templates loaded once
    pages = []
    for space in spaces:
        url = f"/spaces/{space.slug}/availability/?day={week:%Y-%m-%d}&view=week"
        reset_queries()  # the debug log of queries is capped: start it afresh
        with CaptureQueriesContext(connection) as queries:
            took, response = timed(lambda u=url: client.get(u), 1)
        assert response.status_code == 200 and b"slot--free" in response.content
        pages += took
    row(f"week page over HTTP in process ({len(spaces)} spaces)", pages, len(queries))
    all_at_once, _result = timed(lambda: availability(spaces, week, 7, now=now), 5)
    row(f"selector, every space's week in one read ({len(spaces)})", all_at_once, 4)
    print("selector and baseline agree slot for slot on the sampled spaces")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
