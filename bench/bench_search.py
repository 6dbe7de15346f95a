"""Search speed: index a generated catalogue, then time queries end to end through the search
service (query analysis and embedding included), next to a naive baseline in the same run.

    python bench/bench_search.py [--programs 5000] [--queries 60]

Uses a throwaway SQLite database by default; set DATABASE_URL to measure PostgreSQL (its test
database is emptied of programs first). Prints indexing throughput per stage (tokenise, embed,
write), query p50/p95 for the hybrid search and for the baseline (substring match on titles,
no ranking), and the process's peak memory.
"""

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup(programs: int) -> None:
    if "DATABASE_URL" not in os.environ:
        os.environ["STARTUP_STREET_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-search-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "startup_street.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from startup_street.accounts.models import User
    from startup_street.demo.generate import load_demo
    from startup_street.organizations.models import Organization

    Organization.objects.all().delete()
    User.objects.all().delete()
    started = time.perf_counter()
    load_demo(programs=programs, startups=10)
    print(f"generated {programs} programs in {time.perf_counter() - started:.1f} s")


def index_stages() -> dict[str, float]:
    from django.db import transaction

    from startup_street.programs.models import Program
    from startup_street.search import services
    from startup_street.search.analysers import tokenize

    programs = list(
        Program.objects.select_related("organization").prefetch_related("sectors").order_by("pk")
    )
    services.embedder().encode(["warm up"])
    tokenize("로봇 机器人 robot")  # load the analysers before timing
    t0 = time.perf_counter()
    texts = [services.program_text(p) for p in programs]
    for text in texts:
        tokenize(text)
    t1 = time.perf_counter()
    vectors = []
    semantic = [services.semantic_text(p) for p in programs]
    for start in range(0, len(semantic), 64):
        vectors.extend(services.embedder().encode(semantic[start : start + 64]))
    t2 = time.perf_counter()
    with transaction.atomic():
        for program, vector in zip(programs, vectors, strict=True):
            services.index_program(program, vector)
    t3 = time.perf_counter()
    n = len(programs)
    # the write stage re-tokenises inside index_program; report it net of tokenising
    write = max((t3 - t2) - (t1 - t0), 1e-9)
    return {"tokenise": n / (t1 - t0), "embed": n / (t2 - t1), "write": n / write, "n": n}


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def time_queries(queries: list[str]) -> dict[str, tuple[float, float]]:
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import Q

    from startup_street.programs.selectors import programs_visible_to
    from startup_street.search.selectors import search_programs

    visible = programs_visible_to(AnonymousUser())
    search_programs(visible, queries[0])  # warm the embedding matrix cache
    hybrid, naive = [], []
    for query in queries:
        started = time.perf_counter()
        results = search_programs(visible, query)[:20]
        hybrid.append((time.perf_counter() - started) * 1000)
        assert isinstance(results, list)
        started = time.perf_counter()
        word = query.split()[0]
        list(visible.filter(Q(title__icontains=word) | Q(summary__icontains=word))[:20])
        naive.append((time.perf_counter() - started) * 1000)
    return {"hybrid": percentiles(hybrid), "baseline": percentiles(naive)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", type=int, default=5000)
    parser.add_argument("--queries", type=int, default=60)
    args = parser.parse_args()
    setup(args.programs)
    from django.db import connection

    stages = index_stages()
    data = json.loads((ROOT / "bench/data/search_queries.json").read_text(encoding="utf-8"))
    queries = [q["text"] for q in data["queries"]][: args.queries]
    timing = time_queries(queries * 3)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"database: {connection.vendor}; programs indexed: {stages['n']}")
    print("indexing throughput (programs/s):")
    for stage in ("tokenise", "embed", "write"):
        print(f"  {stage:<9} {stages[stage]:>9.0f}")
    print(f"queries: {len(queries) * 3} ({len(queries)} distinct, ko/zh/en)")
    print(f"  {'':<22}{'p50 ms':>8}{'p95 ms':>8}")
    print(f"  {'hybrid search':<22}{timing['hybrid'][0]:>8.1f}{timing['hybrid'][1]:>8.1f}")
    print(f"  {'baseline (LIKE)':<22}{timing['baseline'][0]:>8.1f}{timing['baseline'][1]:>8.1f}")
    print(f"targets: p50 <= 20 ms, p95 <= 60 ms; peak RSS {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
