"""Scale-out on PostgreSQL: two web servers and a worker, three processes sharing one database.
A program written through one process is embedded by the worker's job and found by both web
servers, whose health is green. Runs when DATABASE_URL names a reachable PostgreSQL server
(.ci/run's PostgreSQL pass); skipped otherwise."""

import contextlib
import json
import os
import secrets
import time

import dj_database_url
import pytest

from .production import free_port, get, production_env, running, street, wait_until_ready

psycopg = pytest.importorskip("psycopg")

CREATE_PROGRAM = """
from startup_street.organizations.models import Organization
from startup_street.programs.models import Program
org = Organization.objects.create(slug="pg-hub", name={"en": "PG Hub"}, kind="incubator",
                                  city="Seoul", country="KR")
Program.objects.create(organization=org, slug="drone-pilot", original_language="zh",
                       title={"zh": "无人机物流配送试点", "en": "Drone delivery pilot"},
                       kind="testbed", country="CN", is_published=True)
"""


def _server():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("DATABASE_URL does not name a PostgreSQL server")
    config = dj_database_url.parse(url)
    params = {
        "host": config["HOST"] or "127.0.0.1",
        "port": config["PORT"] or 5432,
        "user": config["USER"] or "postgres",
        "password": config["PASSWORD"] or None,
    }
    try:
        psycopg.connect(dbname="postgres", connect_timeout=3, autocommit=True, **params).close()
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL not reachable: {error}")
    return params


@pytest.fixture
def database():
    params = _server()
    name = f"street_scaleout_{secrets.token_hex(4)}"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    auth = f"{params['user']}:{params['password']}" if params["password"] else params["user"]
    yield f"postgres://{auth}@{params['host']}:{params['port']}/{name}", params | {"dbname": name}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _wait_for(query: str, params: dict, expected, timeout: float = 240):
    deadline = time.monotonic() + timeout
    while True:
        with psycopg.connect(**params) as conn:
            row = conn.execute(query).fetchone()
        if row is not None and tuple(row) == tuple(expected):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{query} gave {row}, waited for {expected}")
        time.sleep(1)


def test_two_web_servers_and_a_worker_share_one_postgresql(database, tmp_path):
    url, params = database
    env = production_env(tmp_path, DATABASE_URL=url, TASKS_BACKEND="database")
    migrated = street("migrate", "--no-input", env=env)
    assert migrated.returncode == 0, migrated.stderr
    collected = street("collectstatic", "--no-input", env=env)
    assert collected.returncode == 0, collected.stderr
    ports = [free_port()]
    with contextlib.ExitStack() as stack:
        webs = []
        for n in (1, 2):
            if n == 2:
                ports.append(free_port(exclude=ports))
            args = ["serve", "--bind", f"127.0.0.1:{ports[-1]}", "--workers", "1"]
            log = tmp_path / f"web{n}.log"
            webs.append(
                (
                    stack.enter_context(
                        running([*args, "--no-collectstatic"], env=env, ready_url=None, log=log)
                    ),
                    log,
                )
            )
        stack.enter_context(
            running(
                ["worker", "--interval", "0.5", "--no-startup-delay"],
                env=env,
                ready_url=None,
                log=tmp_path / "worker.log",
            )
        )
        for (process, log), port in zip(webs, ports, strict=True):
            wait_until_ready(process, f"http://127.0.0.1:{port}/healthz", log)
        created = street("shell", "-c", CREATE_PROGRAM, env=env)
        assert created.returncode == 0, created.stderr
        _wait_for(
            "SELECT status, array_length(ARRAY(SELECT jsonb_array_elements(worker_ids)), 1)"
            " FROM django_tasks_database_dbtaskresult"
            " WHERE task_path LIKE '%task_embed_programs'",
            params,
            ("SUCCESSFUL", 1),
        )
        _wait_for(
            "SELECT e.embedder, length(e.embedding) > 0 FROM search_searchentry e"
            " JOIN programs_program p ON p.id = e.object_id"
            " WHERE e.kind = 'program' AND p.slug = 'drone-pilot'",
            params,
            ("use-multilingual-v3", True),
        )
        for port in ports:
            base = f"http://127.0.0.1:{port}"
            status, _headers, body = get(f"{base}/healthz")
            health = json.loads(body)
            assert status == 200 and health["status"] == "ok", (port, health)
            assert health["checks"]["database"]["detail"] == "postgresql"
            assert health["checks"]["tasks"]["detail"] == "0 waiting, 0 dead letter(s)"
            status, _headers, body = get(f"{base}/programs/?q=drone+delivery")
            assert status == 200
            assert "无人机物流配送试点" in body.decode() or "Drone delivery pilot" in (
                body.decode()
            )
    worker_log = (tmp_path / "worker.log").read_text()
    assert "Traceback" not in worker_log, worker_log
