"""Many clients asking at once for overlapping times of one space, through the HTTP API.

Used by the concurrency tests: in-process on PostgreSQL, and as ``python -m tests.spaces.race N``
in a subprocess on a SQLite file (the test database of SQLite lives in memory, where parallel
writers are not what production sees)."""

import json
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from decimal import Decimal
from threading import Barrier

from django.db import connection, connections
from django.test import Client

SHAPES = [
    (0, 60),
    (-30, 60),
    (0, 30),
    (-30, 90),
]  # minutes from 10:00, length: all share 10:00-10:30


def make_world(n: int):
    from startup_street.spaces.models import Entitlement
    from tests.factories import make_member, make_organization, make_startup, make_user
    from tests.spaces.conftest import local_slot, make_space

    org = make_organization(slug="race-cluster")
    make_member(org, make_user("race-staff"), "admin")
    space = make_space(org, slug="race-testbed")
    founders = []
    for i in range(n):
        founder = make_user(f"racer{i}", preferred_language="en")
        startup = make_startup(founder, name=f"Racer {i}")
        Entitlement.objects.create(
            startup=startup,
            organization=org,
            kind=space.kind,
            hours_per_month=Decimal(10),
            starts_on=space.created_at.date() - timedelta(days=40),
        )
        founders.append((founder, startup))
    start, _end = local_slot(space, days_ahead=3, hour=10)
    return space, founders, start


def race(n: int, workers: int) -> dict:
    space, founders, start = make_world(n)
    barrier = Barrier(min(n, workers))

    def ask(i):
        founder, startup = founders[i]
        offset, minutes = SHAPES[i % len(SHAPES)]
        begins = start + timedelta(minutes=offset)
        client = Client()
        client.force_login(founder)
        body = {
            "space": space.slug,
            "startup": startup.pk,
            "starts_at": begins.isoformat(),
            "ends_at": (begins + timedelta(minutes=minutes)).isoformat(),
        }
        if i < workers:
            barrier.wait(timeout=60)
        try:
            response = client.post(
                "/api/v1/bookings", json.dumps(body), content_type="application/json"
            )
            reasons = response.json().get("errors", {}).get("__all__", [])
            return response.status_code, " ".join(reasons)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        answers = list(pool.map(ask, range(n)))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM spaces_booking a JOIN spaces_booking b ON a.space_id = b.space_id"
            " AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"
            " WHERE a.status = 'confirmed' AND b.status = 'confirmed'"
        )
        overlaps = cursor.fetchone()[0]
    from startup_street.spaces.models import Booking

    return {
        "statuses": sorted(status for status, _ in answers),
        "refusals": sorted({detail for status, detail in answers if status != 201}),
        "confirmed": Booking.objects.filter(space=space, status="confirmed").count(),
        "rows": Booking.objects.filter(space=space).count(),
        "overlaps": overlaps,
    }


def main() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["*"]
    if "--migrated" not in sys.argv:
        call_command("migrate", verbosity=0)
    n = int(sys.argv[1])
    print(json.dumps(race(n, workers=min(n, 50))))


if __name__ == "__main__":
    main()
