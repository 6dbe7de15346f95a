"""Parallel requests for overlapping times of one space give exactly one confirmed booking."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from .race import race

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_two_hundred_parallel_requests_on_postgresql_confirm_exactly_one():
    result = race(200, workers=50)
    assert result["statuses"] == [201] + [422] * 199
    assert result["confirmed"] == result["rows"] == 1
    assert result["overlaps"] == 0
    assert result["refusals"] == ["That time is already booked."]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite check")
def test_fifty_parallel_requests_on_a_sqlite_file_confirm_exactly_one(tmp_path):
    """The migrated test database copied to a file, raced by another process's threads."""
    target = sqlite3.connect(tmp_path / "race.sqlite3")
    connection.ensure_connection()
    connection.connection.backup(target)
    target.close()
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{tmp_path / 'race.sqlite3'}",
        DJANGO_SETTINGS_MODULE="startup_street.settings",
        PRIVATE_MEDIA_ROOT=str(tmp_path),
    )
    run = subprocess.run(
        [sys.executable, "-m", "tests.spaces.race", "50", "--migrated"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["statuses"] == [201] + [422] * 49
    assert result["refusals"] == ["That time is already booked."]
    assert result["confirmed"] == result["rows"] == 1
    assert result["overlaps"] == 0
