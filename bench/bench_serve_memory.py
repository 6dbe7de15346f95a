"""Memory of the production server as workers are added: `startup-street serve` with 1, 2 and 4
workers on one catalogue, each under 20 concurrent clients searching, reporting the processes'
total resident memory (RSS, which counts pages shared between master and workers once per
process) and proportional memory (PSS from /proc/<pid>/smaps_rollup, which splits shared pages:
what the machine really spends), the cost of each added worker, and search p50 / p95.

Two ways of holding the search view are measured in the same run, on the same database:
``copy`` (SEARCH_SHARED_VIEW=0, the baseline: each process reads the view into its own memory)
and ``shared`` (the view in memory-mapped snapshot files that every worker maps). After the
workers have started, one program's entry is edited (a new index generation, as staff editing a
program make all day), so that every worker picks up the change as it would in production.

    python bench/bench_serve_memory.py [--programs 300] [--entries 100000] [--requests 200]

``--programs`` demo programs are generated and indexed with the configured embedding model;
``--entries`` fills the program index up to that many entries with copies of their entries
(postings, embeddings with noise, structured fields) under ids no program has, so the view has
the size of that many programs while the database stays quick to build. A search result page
shows only real programs, so the p95 is that of ranking over the whole index.
"""

import argparse
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SCRIPT = str(Path(sys.executable).parent / "startup-street")
QUERIES = [
    "robot testbed",
    "로봇 실증",
    "机器人 测试",
    "AI accelerator Beijing",
    "입주 공간",
    "seed funding",
    "创业 孵化",
    "drone",
    "바이오 헬스",
    "mentoring program",
]
DIMENSIONS = {"use-multilingual-v3": 512, "multilingual-e5-small": 384, "hashing": 512}


def tree(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [pid, *(p for c in children for p in tree(int(c)))]


def memory(pids: list[int]) -> tuple[float, float]:
    rss = pss = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss += int(line.split()[1])
            elif line.startswith("Pss:"):
                pss += int(line.split()[1])
    return rss / 1024, pss / 1024


def fetch(url: str) -> float:
    started = time.perf_counter()
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=60) as response:  # loopback only
        response.read()
        assert response.status == 200
    return (time.perf_counter() - started) * 1000


def start(workers: int, env: dict, port: int) -> subprocess.Popen:
    log = Path(env["STARTUP_STREET_DATA_DIR"]) / f"serve-{workers}.log"
    server = subprocess.Popen(
        [SCRIPT, "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    deadline = time.monotonic() + 900
    while True:
        try:
            fetch(f"http://127.0.0.1:{port}/healthz")
            return server
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                tail = log.read_text()[-3000:]
                raise SystemExit(f"the server did not start:\n{tail}") from None
            time.sleep(1)


def measure(workers: int, env: dict, port: int, requests: int) -> dict:
    base = f"http://127.0.0.1:{port}"
    server = start(workers, env, port)
    try:
        urls = [
            f"{base}/programs/?q={urllib.parse.quote(QUERIES[i % len(QUERIES)])}"
            for i in range(requests)
        ]
        with ThreadPoolExecutor(workers) as clients:  # each worker's first search
            list(clients.map(fetch, urls[: workers * 4]))
        edit_one_entry()  # a new generation: every worker reads the change
        with ThreadPoolExecutor(20) as clients:
            times = sorted(clients.map(fetch, urls))
        rss, pss = memory(tree(server.pid))
        return {
            "rss": rss,
            "pss": pss,
            "p95": times[int(0.95 * len(times)) - 1],
            "p50": statistics.median(times),
        }
    finally:
        server.terminate()
        server.wait(120)


def edit_one_entry() -> None:
    """What saving a program does to the index: its entry rewritten, the generation raised."""
    from django.db import transaction
    from django.utils import timezone

    from startup_street.search.models import SearchEntry
    from startup_street.search.services import PROGRAM, bump_generation

    with transaction.atomic():
        entry = SearchEntry.objects.filter(kind=PROGRAM).order_by("object_id").first()
        SearchEntry.objects.filter(pk=entry.pk).update(updated_at=timezone.now())
        bump_generation(PROGRAM)


def fill_index(entries: int) -> int:
    """Add copies of the program entries until the index holds ``entries``; returns how many
    the index holds."""
    import numpy as np
    from django.db import transaction

    from startup_street.search.models import SearchEntry
    from startup_street.search.services import PROGRAM, bump_generation

    real = list(SearchEntry.objects.filter(kind=PROGRAM).order_by("object_id"))
    rng = np.random.default_rng(7)
    randomly = random.Random(7)
    batch, first_id = [], 10_000_000
    for n in range(max(entries - len(real), 0)):
        source = randomly.choice(real)
        vectors = np.frombuffer(bytes(source.embedding or b""), dtype=np.float32).copy()
        if len(vectors):  # a neighbour of the original, so rankings are not all ties
            vectors += rng.normal(0, 0.02, len(vectors)).astype(np.float32)
            rows = vectors.reshape(-1, DIMENSIONS.get(source.embedder, 512))
            vectors = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).ravel()
        batch.append(
            SearchEntry(
                kind=PROGRAM,
                object_id=first_id + n,
                terms=source.terms,
                postings=source.postings,
                embedding=vectors.astype(np.float32).tobytes() if len(vectors) else None,
                embedder=source.embedder,
                embedded_digest=source.embedded_digest,
                fields=source.fields,
            )
        )
        if len(batch) == 2000:
            with transaction.atomic():
                SearchEntry.objects.bulk_create(batch)
            batch = []
    with transaction.atomic():
        SearchEntry.objects.bulk_create(batch)
        bump_generation(PROGRAM)
    return SearchEntry.objects.filter(kind=PROGRAM).count()


def count_entries() -> int:
    from startup_street.search.models import SearchEntry

    return SearchEntry.objects.filter(kind="program").count()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", type=int, default=300)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--port", type=int, default=0, help="0: a free one")
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--modes", default="copy,shared")
    parser.add_argument("--data", help="a folder of an earlier run: its database is used again")
    options = parser.parse_args()
    if not options.port:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            options.port = probe.getsockname()[1]
    folder = Path(options.data or tempfile.mkdtemp(prefix="bench-serve-"))
    built = (folder / "var" / "startup-street.sqlite3").exists()
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    env |= {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STARTUP_STREET_DATA_DIR": str(folder / "var"),
        "STATIC_ROOT": str(folder / "static"),
    }
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "startup_street.settings")
    started = time.perf_counter()
    if not built:
        subprocess.run([SCRIPT, "migrate", "--no-input", "-v0"], env=env, check=True)
        subprocess.run(
            [SCRIPT, "load_demo", "--programs", str(options.programs)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    import django

    django.setup()
    held = fill_index(options.entries) if not built else count_entries()
    print(
        f"{folder}; load: {os.getloadavg()[0]:.1f}; {options.programs} programs, "
        f"{held} index entries "
        f"(built in {time.perf_counter() - started:.0f} s); {options.requests} searches from "
        "20 concurrent clients per run, after one program edit"
    )
    print("view    workers  total RSS MiB  total PSS MiB  PSS per added worker  p50 ms  p95 ms")
    for mode in options.modes.split(","):
        env["SEARCH_SHARED_VIEW"] = "1" if mode == "shared" else "0"
        baseline = None
        for workers in [int(n) for n in options.workers.split(",")]:
            result = measure(workers, env, options.port, options.requests)
            baseline = baseline or (workers, result)
            added = (result["pss"] - baseline[1]["pss"]) / max(workers - baseline[0], 1)
            print(
                f"{mode:<6}  {workers:>7}  {result['rss']:>13.0f}  {result['pss']:>13.0f}  "
                f"{added:>20.0f}  {result['p50']:>6.0f}  {result['p95']:>6.0f}"
                + ("   (baseline: copy per process)" if mode == "copy" else ""),
                flush=True,
            )
    print(f"load after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
