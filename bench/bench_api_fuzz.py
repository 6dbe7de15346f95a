"""Generated requests over the whole OpenAPI document (schemathesis) against the running app
with the demo world loaded, signed in as a founder, organisation staff and a reviewer, and
anonymously. Counts the cases run per visitor, the server errors (5xx) and the failures of the
other schema checks (undocumented status codes or content types, response shapes, valid input
refused, authentication ignored), by check; both must be zero. What is configured for the run,
and why, is in bench/schemathesis.toml.

    python bench/bench_api_fuzz.py [--examples 5] [--port 8765]

A throwaway SQLite database and the demo world; the app served by ``runserver`` in a child
process. Exits 1 when any 5xx was answered or any check failed. Takes a few minutes on two cores.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CONFIG = Path(__file__).with_name("schemathesis.toml")  # what is configured, and why
VISITORS = {
    "founder": "founder@robowave.example.com",
    "staff": "hub-admin@seoul-startup-hub.example.org",
    "reviewer": "reviewer@seoul-robot-cluster.example.org",
    "anonymous": None,
}
TOKENS = """
from startup_street.accounts.models import User
from startup_street.accounts.services import create_api_token
import json
emails = json.loads({emails!r})
print(json.dumps({{e: create_api_token(user=User.objects.get(email=e), name="fuzz")[1]
                  for e in emails}}))
"""


def manage(env, *args, **kwargs) -> str:
    command = [str(BIN / "startup-street"), *args]
    return subprocess.run(
        command, env=env, check=True, capture_output=True, text=True, **kwargs
    ).stdout


def serve(env, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(BIN / "startup-street"), "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/openapi.json", timeout=2)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("the app did not start")


def fuzz(url: str, token: str | None, examples: int, report: Path) -> dict:
    command = [
        str(BIN / "schemathesis"), "--config-file", str(CONFIG), "run", url,  # every check
        "-n", str(examples),
        "--phases", "examples,fuzzing", "--seed", "2026", "--request-timeout", "30",
        "--report", "ndjson", "--report-ndjson-path", str(report),
    ]  # fmt: skip
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    started = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, cwd=report.parent)
    return {"seconds": time.perf_counter() - started, **count(report), "tail": run.stdout[-600:]}


def count(report: Path) -> dict:
    """Cases run (requests answered), 5xx answers and other failed checks, read from the
    report's events whatever their nesting."""
    totals = {"cases": 0, "server_errors": 0, "other_failures": 0, "by_check": Counter()}
    for line in report.read_text().splitlines():
        _walk(json.loads(line), totals)
    return totals


def _walk(node, totals: dict) -> None:
    if isinstance(node, list):
        for item in node:
            _walk(item, totals)
        return
    if not isinstance(node, dict):
        return
    response = node.get("response")
    if isinstance(response, dict) and isinstance(response.get("status_code"), int):
        totals["cases"] += 1
        totals["server_errors"] += response["status_code"] >= 500
    status = str(node.get("status", "")).upper()
    if status == "FAILURE" and node.get("name") not in {None, "not_a_server_error"}:
        totals["other_failures"] += 1
        totals["by_check"][node["name"]] += 1
    for value in node.values():
        _walk(value, totals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=5)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-fuzz-"))
    env = {
        **os.environ,
        "DEBUG": "1",
        "STARTUP_STREET_DATA_DIR": str(folder),
        "TASKS_BACKEND": "dummy",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    env.pop("DATABASE_URL", None)
    started = time.perf_counter()
    manage(env, "migrate", "--verbosity", "0")
    manage(env, "load_demo")
    emails = [email for email in VISITORS.values() if email]
    made = manage(env, "shell", "-c", TOKENS.format(emails=json.dumps(emails)))
    tokens = json.loads(made.strip().splitlines()[-1])  # the shell may say what it imported
    print(
        f"demo world ready in {time.perf_counter() - started:.0f} s; load {os.getloadavg()[0]:.2f}"
    )
    server = serve(env, args.port)
    url = f"http://127.0.0.1:{args.port}/api/v1/openapi.json"
    total_errors = total_other = 0
    by_check: Counter = Counter()
    try:
        print(f"{'visitor':12}{'cases':>8}{'5xx':>6}{'other':>7}{'seconds':>9}")
        for visitor, email in VISITORS.items():
            result = fuzz(url, tokens.get(email), args.examples, folder / f"{visitor}.ndjson")
            total_errors += result["server_errors"]
            total_other += result["other_failures"]
            by_check.update(result["by_check"])
            print(
                f"{visitor:12}{result['cases']:>8}{result['server_errors']:>6}"
                f"{result['other_failures']:>7}{result['seconds']:>9.0f}"
            )
            if result["server_errors"] or result["other_failures"]:
                print(result["tail"])
    finally:
        server.terminate()
    print(f"server errors: {total_errors} (must be 0); load after {os.getloadavg()[0]:.2f}")
    print(f"schema violations: {total_other} (must be 0) {dict(by_check)}")
    sys.exit(1 if total_errors or total_other else 0)


if __name__ == "__main__":
    main()
