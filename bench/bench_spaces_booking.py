"""Booking throughput over HTTP: many founders booking testbeds at once through the API, against
a real server (gunicorn), with the end state checked by SQL for overlapping confirmed bookings.
Next to two baselines measured in the same run, on the same server and load: the same clients
reading one space (the API's authentication, routing and a query, no write), and one client
booking alone.

    python bench/bench_spaces_booking.py [--clients 20] [--requests 15] [--spaces 4]
    python bench/bench_spaces_booking.py --postgres      # a throwaway PostgreSQL database

SQLite by default (a throwaway file; every write transaction begins IMMEDIATE, so bookings are
serialised by the database). ``--postgres`` creates a database on the server of DATABASE_URL
(default postgres://postgres@127.0.0.1:5432/) and drops it afterwards. The slots asked for are
drawn at random from a few days of a few spaces, so many requests collide: refusals (422) are
answers too. Prints requests/s, p50 and p95 per phase, and the overlaps found (must be 0).
"""

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
OVERLAPS = (
    "SELECT COUNT(*) FROM spaces_booking a JOIN spaces_booking b ON a.space_id = b.space_id"
    " AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"
    " WHERE a.status = 'confirmed' AND b.status = 'confirmed'"
)


SERVER_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "bench-" + "x" * 60,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",  # plain HTTP on the loopback, as behind a TLS proxy
    "TASKS_BACKEND": "database",  # e-mails queued in the database, as in production
    "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
}


def throwaway_postgres() -> tuple[str, str]:
    """A new empty database on DATABASE_URL's server: (its URL, the server's admin URL)."""
    import psycopg

    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    parts = urlsplit(server)
    admin = urlunsplit(parts._replace(path="/postgres"))
    name = f"bench_spaces_{os.getpid()}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return urlunsplit(parts._replace(path="/" + name)), admin


def drop_postgres(url: str, admin: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def setup(spaces: int, clients: int) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "startup_street.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from startup_street.accounts.services import create_api_token
    from startup_street.spaces.models import Entitlement
    from tests.factories import make_member, make_organization, make_startup, make_user
    from tests.spaces.conftest import local_slot, make_space

    org = make_organization(slug="bench-cluster")
    make_member(org, make_user("bench-staff"), "admin")
    made = [make_space(org, slug=f"bench-testbed-{n}", horizon_days=30) for n in range(spaces)]
    tokens = []
    for n in range(clients + 1):
        founder = make_user(f"bench{n}")
        startup = make_startup(founder, name=f"Bench {n}")
        Entitlement.objects.create(
            startup=startup,
            organization=org,
            kind="testbed",
            hours_per_month=Decimal(10_000),
            starts_on=made[0].created_at.date() - timedelta(days=40),
        )
        tokens.append((create_api_token(user=founder, name="bench")[1], startup.pk))
    first = local_slot(made[0], days_ahead=2, hour=8)[0]
    return {"spaces": [s.slug for s in made], "tokens": tokens, "first": first}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int, threads: int) -> subprocess.Popen:
    env = {**os.environ, **SERVER_ENV}
    descriptor, log_path = tempfile.mkstemp(prefix="bench-spaces-server-", suffix=".log")
    print(f"server log: {log_path}")
    with os.fdopen(descriptor, "w") as log:  # the server keeps its own copy
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "startup_street.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                f"--workers={workers}",
                f"--threads={threads}",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,  # each refusal (422) is logged as a warning: answers, not news
        )
    for _attempt in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


def request(connection, method: str, path: str, token: str, body: dict | None = None):
    headers = {"Authorization": f"Bearer {token}", "Host": "127.0.0.1"}
    data = None
    if body is not None:
        data = json.dumps(body)
        headers["Content-Type"] = "application/json"
    started = time.perf_counter()
    connection.request(method, path, body=data, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status, time.perf_counter() - started


def booking_body(rng: random.Random, world: dict, startup: int) -> dict:
    """An hour or two on one of the spaces, on one of seven days, between 08:00 and 20:00."""
    start = world["first"] + timedelta(days=rng.randrange(7), hours=rng.randrange(11))
    return {
        "space": rng.choice(world["spaces"]),
        "startup": startup,
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=rng.choice([1, 1, 2]))).isoformat(),
    }


def phase(port: int, world: dict, clients: int, per_client: int, kind: str, seed: int) -> dict:
    latencies, statuses, lock = [], [], threading.Lock()
    barrier = threading.Barrier(clients)

    def client(n: int) -> None:
        token, startup = world["tokens"][n]
        rng = random.Random(seed * 1000 + n)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        barrier.wait()
        for _i in range(per_client):
            if kind == "read":
                status, took = request(
                    connection, "GET", f"/api/v1/spaces/{world['spaces'][0]}", token
                )
            else:
                body = booking_body(rng, world, startup)
                status, took = request(connection, "POST", "/api/v1/bookings", token, body)
            with lock:
                latencies.append(took)
                statuses.append(status)
        connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "per_s": len(latencies) / wall,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "statuses": {s: statuses.count(s) for s in sorted(set(statuses))},
    }


def end_state() -> dict:
    from django.db import connection

    from startup_street.spaces.models import Booking

    with connection.cursor() as cursor:
        cursor.execute(OVERLAPS)
        overlaps = cursor.fetchone()[0]
    return {
        "confirmed": Booking.objects.filter(status="confirmed").count(),
        "rows": Booking.objects.count(),
        "overlaps": overlaps,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=15, help="per client and phase")
    parser.add_argument("--spaces", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn process")
    parser.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL database")
    args = parser.parse_args()
    os.environ.update(SERVER_ENV)
    dropped = None
    if args.postgres:
        os.environ["DATABASE_URL"], admin = throwaway_postgres()
        dropped = (os.environ["DATABASE_URL"], admin)
    else:
        os.environ.pop("DATABASE_URL", None)
        os.environ["STARTUP_STREET_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-spaces-")
    try:
        run(args)
    finally:
        if dropped:
            from django.db import connections

            connections.close_all()
            drop_postgres(*dropped)


def run(args) -> None:
    world = setup(args.spaces, args.clients)
    from django.db import connection

    engine = connection.vendor
    port = free_port()
    server = start_server(port, args.workers, args.threads)
    print(
        f"{engine}, gunicorn {args.workers} x {args.threads} threads, {args.clients} clients, "
        f"{args.requests} requests each a phase, {args.spaces} spaces; "
        f"load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    try:
        phase(port, world, min(args.clients, 4), 3, "read", seed=0)  # warm the workers
        rows = [
            ("baseline: read a space, 20 clients", "read", args.clients, args.requests),
            ("baseline: book, 1 client", "book", 1, args.requests * 2),
            ("book, 20 clients", "book", args.clients, args.requests),
        ]
        print(f"{'phase':40} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}  statuses")
        for seed, (label, kind, clients, per_client) in enumerate(rows, start=1):
            label = label.replace("20 clients", f"{clients} clients")
            result = phase(port, world, clients, per_client, kind, seed)
            print(
                f"{label:40} {result['requests']:>8} {result['per_s']:>8.1f} "
                f"{result['p50_ms']:>8.1f} {result['p95_ms']:>8.1f}  {result['statuses']}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    state = end_state()
    print(
        f"end state: {state['rows']} bookings, {state['confirmed']} confirmed, "
        f"{state['overlaps']} overlapping pairs of confirmed bookings (SQL self-join)"
    )
    if state["overlaps"]:
        raise SystemExit("overlapping confirmed bookings found")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
