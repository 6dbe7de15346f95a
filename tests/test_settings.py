import os
import re
import subprocess
import sys
from pathlib import Path

import dj_database_url
import pytest


def _manage(*args, **env):
    # The browser tests' async-unsafe switch must not leak into a deployment check.
    base = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "-m", "startup_street", *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_deploy_check_once_static_files_are_collected(tmp_path):
    production = {
        "DEBUG": "0",
        "SECRET_KEY": "x7!kq2pQ9zR4vW8mN1bT6yH3jL5cF0dS-prod-key-for-the-check-only",
        "ALLOWED_HOSTS": "street.example.org",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    check = ("check", "--deploy", "--fail-level", "WARNING")
    result = _manage(*check, **production)
    assert result.returncode == 1 and "operations.E001" in result.stderr
    collected = _manage("collectstatic", "--no-input", "-v0", **production)
    assert collected.returncode == 0, collected.stderr
    result = _manage(*check, **production)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = _manage("check", DEBUG="0", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("sqlite:////tmp/x.sqlite3", "django.db.backends.sqlite3"),
        ("postgres://postgres@127.0.0.1:5432/test", "django.db.backends.postgresql"),
    ],
)
def test_database_url_selects_engine(url, engine):
    assert dj_database_url.parse(url)["ENGINE"] == engine


def test_console_script_lists_demo_commands():
    result = _manage("help")
    assert result.returncode == 0
    assert "demo" in result.stdout and "load_demo" in result.stdout


SOURCE = Path(__file__).resolve().parents[1] / "startup_street"


def _names_read_from_settings() -> set[str]:
    found = set()
    for path in SOURCE.rglob("*.py"):
        if path.name != "settings.py":
            found |= set(re.findall(r"\bsettings\.([A-Z][A-Z0-9_]+)", path.read_text("utf-8")))
    return found


def test_every_setting_the_code_reads_is_declared_with_its_default():
    """Defaults live in settings.py (or Django's own), never at the place that reads them."""
    from django.conf import global_settings

    from startup_street import settings as ours

    missing = {
        name
        for name in _names_read_from_settings()
        if not hasattr(ours, name) and not hasattr(global_settings, name)
    }
    assert not missing, f"read but not declared in settings.py: {sorted(missing)}"


def test_no_setting_is_read_with_a_default_of_its_own():
    pattern = re.compile(r"getattr\(\s*settings\s*,\s*[\"'][A-Z_]+[\"']\s*,")
    offenders = [
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("*.py")
        if pattern.search(path.read_text("utf-8"))
    ]
    assert offenders == []
