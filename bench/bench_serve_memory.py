"""Memory of the production server as workers are added: `startup-street serve` with 1, 2 and 4
workers on one generated catalogue, each under 20 concurrent clients searching, reporting the
processes' total resident memory (RSS, which counts pages shared between master and workers
once per process) and proportional memory (PSS, which splits shared pages: what the machine
really spends), the cost of each added worker, and search p95. The baseline is 1 worker.

    python bench/bench_serve_memory.py [--programs 300] [--requests 200] [--port 8107]

``serve`` reads the application, the search models and the index in the master before forking
(preload), so the workers share those pages until they write to them.
"""

import argparse
import os
import secrets
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


def measure(workers: int, env: dict, port: int, requests: int) -> dict:
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [SCRIPT, "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                fetch(f"{base}/healthz")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(1)
        urls = [
            f"{base}/programs/?q={urllib.parse.quote(QUERIES[i % len(QUERIES)])}"
            for i in range(requests)
        ]
        for url in urls[: workers * 4]:  # each worker's first search
            fetch(url)
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
        server.wait(60)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", type=int, default=300)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--port", type=int, default=8107)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    env |= {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STARTUP_STREET_DATA_DIR": str(folder / "var"),
        "STATIC_ROOT": str(folder / "static"),
    }
    subprocess.run([SCRIPT, "migrate", "--no-input", "-v0"], env=env, check=True)
    subprocess.run(
        [SCRIPT, "load_demo", "--programs", str(options.programs)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(
        f"load: {os.getloadavg()[0]:.1f}; {options.programs} programs; "
        f"{options.requests} searches from 20 concurrent clients per run"
    )
    print("workers  total RSS MiB  total PSS MiB  PSS per added worker  p50 ms  p95 ms")
    baseline = None
    for workers in (1, 2, 4):
        result = measure(workers, env, options.port, options.requests)
        baseline = baseline or result
        added = (result["pss"] - baseline["pss"]) / (workers - 1) if workers > 1 else 0
        print(
            f"{workers:>7}  {result['rss']:>13.0f}  {result['pss']:>13.0f}  "
            f"{added:>20.0f}  {result['p50']:>6.0f}  {result['p95']:>6.0f}"
            + ("   (baseline)" if workers == 1 else "")
        )


if __name__ == "__main__":
    main()
