"""`startup-street serve`: refuses an unsafe start, and after only the README's steps (migrate,
serve) on a fresh SQLite database serves pages, compressed long-cached CSS and a green health."""

import json
import re

import pytest

from .production import free_port, get, production_env, running, street


@pytest.fixture
def env(tmp_path):
    return production_env(tmp_path)


def test_serve_refuses_debug(env):
    result = street("serve", env={**env, "DEBUG": "1"})
    assert result.returncode != 0
    assert "DEBUG is on" in result.stderr


def test_serve_refuses_without_allowed_hosts_and_names_unapplied_migrations(env):
    result = street("serve", env={**env, "ALLOWED_HOSTS": ""})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is empty" in result.stderr
    assert "not applied" in result.stderr and "startup-street migrate" in result.stderr


def test_serve_refuses_without_secret_key_in_one_clear_line(env):
    result = street("serve", env={**env, "SECRET_KEY": ""})
    assert result.returncode == 2
    assert result.stderr.startswith("startup-street: SECRET_KEY must be set")
    assert "Traceback" not in result.stderr


def test_debug_is_off_unless_asked_for(env):
    shown = street(
        "shell", "-c", "from django.conf import settings; print(settings.DEBUG)", env=env
    )
    assert shown.stdout.strip().splitlines()[-1] == "False", shown.stderr


def test_serve_after_the_documented_steps_serves_pages_css_and_health(env, tmp_path):
    migrated = street("migrate", "--no-input", env=env)
    assert migrated.returncode == 0, migrated.stderr
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    args = ["serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
    with running(args, env=env, ready_url=f"{base}/healthz", log=tmp_path / "serve.log"):
        for path in ("/", "/programs/", "/accounts/login/"):
            status, _headers, body = get(base + path)
            assert status == 200, (path, body[:500])
        page = get(base + "/")[2].decode()
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', page).group(1)
        assert re.search(r"\.[0-9a-f]{12}\.css$", stylesheet)  # hashed name: cached for ever
        status, headers, body = get(base + stylesheet, **{"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["Content-Type"].startswith("text/css")
        assert (
            "immutable" in headers["Cache-Control"]
            and "max-age=315360000" in headers["Cache-Control"]
        )
        assert headers.get("Content-Encoding") == "gzip"
        # the process manager probes over plain HTTP: no redirect to HTTPS for the health
        status, _headers, body = get(base + "/healthz", **{"X-Forwarded-Proto": "http"})
        health = json.loads(body)
        assert status == 200, health
        assert health["status"] == "ok", health
        assert set(health["checks"]) == {"database", "migrations", "tasks", "search", "indexing"}
        assert health["checks"]["search"]["detail"] == "use-multilingual-v3"
    log = (tmp_path / "serve.log").read_text()
    assert "Booting worker" in log and log.count("Booting worker") >= 2
