"""Helpers that run the console script as an operator would: a fresh data folder, only the
documented environment, a server started and stopped by its process id."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

SCRIPT = shutil.which("startup-street") or str(Path(os.sys.executable).parent / "startup-street")
PORTS = range(8106, 8110)
_DROP = {
    "DEBUG",
    "DATABASE_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "TASKS_BACKEND",
    "PYTEST_XDIST_WORKER",
}


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in _DROP}
    return {
        **base,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STARTUP_STREET_DATA_DIR": str(tmp_path / "var"),
        "STATIC_ROOT": str(tmp_path / "static"),
        **extra,
    }


def street(*args: str, env: dict, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([SCRIPT, *args], env=env, capture_output=True, text=True, timeout=timeout)


def free_port(exclude=()) -> int:
    for port in PORTS:  # the ports this project's servers may use here, first
        if port in exclude:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, **headers: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_until_ready(process, url: str, log: Path, wait: float = 240) -> None:
    deadline = time.monotonic() + wait
    while True:
        if process.poll() is not None:
            raise AssertionError(f"exited {process.returncode}:\n{log.read_text()}")
        try:
            get(url)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise AssertionError(f"never answered:\n{log.read_text()}") from None
            time.sleep(1)


@contextlib.contextmanager
def running(args: list[str], *, env: dict, ready_url: str | None, log: Path, wait: float = 240):
    """Start a long-running command, wait until ``ready_url`` answers (any status), yield the
    process, then stop it with SIGTERM (SIGKILL after 30 s)."""
    with open(log, "wb") as out:
        process = subprocess.Popen(  # noqa: S603
            [SCRIPT, *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        if ready_url:
            wait_until_ready(process, ready_url, log, wait)
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
