"""Page server time at demo scale: every demo role's home and the pages its work leads to,
rendered in process (URL routing, middleware, views, templates and their queries; no network),
next to a baseline measured in the same run: the health endpoint, the cheapest page there is.

    python bench/bench_pages.py [--repeat 30] [--programs 200] [--startups 500]

A throwaway SQLite database by default (DATABASE_URL measures PostgreSQL: an empty database is
needed). Budget: p95 <= 150 ms a page. Prints p50 and p95 per page and the page's weight.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BUDGET_MS = 150


def setup(programs: int, startups: int) -> None:
    if "DATABASE_URL" not in os.environ:
        os.environ["STARTUP_STREET_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-pages-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "startup_street.settings")
    os.environ.setdefault("SEARCH_WARM_AT_START", "0")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from startup_street.demo.generate import load_demo

    started = time.perf_counter()
    print(load_demo(programs=programs, startups=startups), flush=True)
    print(f"loaded in {time.perf_counter() - started:.1f} s", flush=True)


def pages() -> list[tuple[str, str | None, str]]:
    """(label, who logs in or None, path)."""
    from django.urls import reverse

    from startup_street.applications.models import Application
    from startup_street.demo.generate import demo_accounts
    from startup_street.mentoring.models import Mentorship
    from startup_street.reviews.models import ReviewAssignment

    email = {e.split("@")[0]: e for _role, e in demo_accounts()}
    draft = Application.objects.get(startup__slug="robowave", status="draft")
    in_review = Application.objects.filter(status="under_review").first()
    mentorship = Mentorship.objects.get(startup__slug="robowave")
    assignment = ReviewAssignment.objects.filter(reviewer__email=email["reviewer"]).first()
    return [
        ("baseline: health", None, reverse("operations:healthz")),
        ("home, visitor", None, "/"),
        ("programs, visitor", None, reverse("programs:list")),
        ("home, founder", email["founder"], "/"),
        ("draft application", email["founder"], reverse("applications:detail", args=[draft.pk])),
        ("program", email["founder"], reverse("programs:detail", args=[draft.call.program.slug])),
        ("home, reviewer", email["reviewer"], "/"),
        ("my reviews", email["reviewer"], reverse("reviews:mine")),
        ("review sheet", email["reviewer"], reverse("reviews:detail", args=[assignment.pk])),
        ("home, hub admin", email["hub-admin"], "/"),
        (
            "review management",
            email["hub-admin"],
            reverse("reviews:manage", args=[in_review.call_id]),
        ),
        ("decisions", email["hub-admin"], reverse("decisions:decisions", args=[in_review.call_id])),
        ("home, KIC manager", email["kic-manager"], "/"),
        ("home, mentor", email["mentor"], "/"),
        ("mentorship", email["mentor"], reverse("mentoring:detail", args=[mentorship.pk])),
        (
            "mentorship, founder",
            email["founder"],
            reverse("mentoring:detail", args=[mentorship.pk]),
        ),
        ("home, analyst", email["analyst"], "/"),
        ("home, admin", email["admin"], "/"),
    ]


def measure(repeat: int) -> None:
    from django.test import Client

    from startup_street.accounts.models import User

    rows = []
    for label, who, path in pages():
        client = Client()
        if who:
            client.force_login(User.objects.get(email=who))
        response = client.get(path)  # warm: the first request of a process reads its caches
        assert response.status_code == 200, (label, response.status_code)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        rows.append((label, statistics.median(times), p95, len(response.content)))
    print(f"\n{'page':<22} {'p50 ms':>8} {'p95 ms':>8} {'KiB':>6}  within {BUDGET_MS} ms")
    for label, p50, p95, size in rows:
        verdict = "yes" if p95 <= BUDGET_MS else "NO"
        print(f"{label:<22} {p50:>8.1f} {p95:>8.1f} {size / 1024:>6.1f}  {verdict}")
    within = sum(p95 <= BUDGET_MS for _label, _p50, p95, _size in rows[1:])
    print(f"{within} of {len(rows) - 1} pages within the budget (the baseline not counted)")
    print("load average (1, 5, 15 min): " + ", ".join(f"{n:.2f}" for n in os.getloadavg()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--programs", type=int, default=200)
    parser.add_argument("--startups", type=int, default=500)
    args = parser.parse_args()
    setup(args.programs, args.startups)
    measure(args.repeat)


if __name__ == "__main__":
    main()
