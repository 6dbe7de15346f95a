"""Search speed of two versions of the code on one database: times the speed bench's queries
through the search service of the checkout it is run from, on a catalogue that
``bench_search.py`` already built (its temporary data folder), and writes each query's ranked
ids so that two runs can be compared id for id.

    python bench/bench_search_same_db.py DATA_DIR LABEL [--compare OTHER_LABEL]

Run it from the older checkout and from this one, one after the other, on the same folder (the
earlier checkout's code answers from the same snapshot): each prints wall and CPU time p50 /
p95 over the 60 queries, each searched twice and embedded afresh, and ``--compare`` says how
many rankings equal the other run's.
"""

import argparse
import json
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

DATA = Path("bench") / "data" / "search_queries.json"  # of the checkout it is run from


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("label")
    parser.add_argument("--compare", help="the label of an earlier run to compare rankings with")
    args = parser.parse_args()
    os.environ["STARTUP_STREET_DATA_DIR"] = str(args.data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "startup_street.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    sys.path.insert(0, os.getcwd())  # the checkout it is run from
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser

    from startup_street.programs.selectors import programs_visible_to
    from startup_street.search import memory, selectors, services

    model = services.embedder()
    memory.view(model.name)
    queries = [q["text"] for q in json.loads(DATA.read_text(encoding="utf-8"))["queries"]]
    visible = programs_visible_to(AnonymousUser())
    for query in queries[:5]:
        selectors.search_programs(visible, query)[:20]
    wall, cpu, ids = [], [], {}
    for query in queries * 2:
        if hasattr(model, "forget_queries"):  # code that keeps query embeddings
            model.forget_queries()
        started, thread = time.perf_counter(), time.thread_time()
        results = selectors.search_programs(visible, query)
        results[:20]
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - thread) * 1000)
        ids[query] = list(results.ids)
    out = args.data_dir / f"rankings-{args.label}.json"
    out.write_text(json.dumps(ids), encoding="utf-8")
    (wall50, wall95), (cpu50, cpu95) = percentiles(wall), percentiles(cpu)
    print(
        f"{args.label}: wall p50 {wall50:.1f} p95 {wall95:.1f} ms; "
        f"CPU p50 {cpu50:.1f} p95 {cpu95:.1f} ms; load average {os.getloadavg()[0]:.1f}"
    )
    if args.compare:
        other = json.loads((args.data_dir / f"rankings-{args.compare}.json").read_text())
        same = sum(other.get(query) == found for query, found in ids.items())
        print(f"rankings identical to {args.compare}'s: {same} of {len(ids)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
