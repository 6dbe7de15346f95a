"""The health endpoint: each check green, and each failing one named (503), search fallen back
to hashing answered "degraded" (200) with a warning on the admin's index page."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from startup_street.operations import health
from startup_street.programs.tasks import task_embed_programs
from startup_street.text import embeddings
from tests.factories import make_user

from .production import production_env, street

pytestmark = pytest.mark.django_db
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _own_embedders(monkeypatch):
    """Fallbacks loaded here stay here."""
    monkeypatch.setattr(embeddings, "_cache", dict(embeddings._cache))
    monkeypatch.setattr(health, "_migrated", False)


def _health(client):
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return response.status_code, json.loads(response.content)


def test_health_is_ok_with_the_embedding_model_loaded(client, settings):
    settings.SEARCH_EMBEDDER = "auto"
    embeddings.get_embedder("auto")
    status, body = _health(client)
    assert status == 200 and body["status"] == "ok", body
    assert body["checks"]["search"] == {"status": "ok", "detail": "use-multilingual-v3"}
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["migrations"] == {"status": "ok", "detail": "all applied"}


def test_search_fallen_back_to_hashing_is_degraded_and_warned_in_the_admin(client, settings):
    settings.SEARCH_EMBEDDER = "e5"  # its package is not installed here: the real fallback
    assert embeddings.get_embedder("e5").name == embeddings.HASHING
    status, body = _health(client)
    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["search"]["status"] == "degraded"
    assert "falls back to character hashing" in body["checks"]["search"]["detail"]
    assert body["checks"]["database"]["status"] == "ok"

    client.force_login(make_user("root", is_staff=True, is_superuser=True, preferred_language="en"))
    page = client.get("/admin/").content.decode()
    assert "Search has fallen back to character hashing" in page


def test_admin_index_shows_no_warning_when_healthy(client, settings):
    settings.SEARCH_EMBEDDER = "hashing"  # chosen, not fallen back to
    client.force_login(make_user("root", is_staff=True, is_superuser=True, preferred_language="en"))
    page = client.get("/admin/").content.decode()
    assert "fallen back" not in page
    assert _health(client)[1]["checks"]["search"]["status"] == "ok"


def test_unapplied_migration_fails_and_is_named(client):
    MigrationRecorder(connection).migration_qs.filter(
        app="operations", name="0001_initial"
    ).delete()
    status, body = _health(client)
    assert status == 503
    assert body["status"] == "failed"
    assert body["checks"]["migrations"]["status"] == "failed"
    assert "operations.0001_initial" in body["checks"]["migrations"]["detail"]
    assert body["checks"]["database"]["status"] == "ok"


def test_task_backlog_without_a_worker_fails_and_is_named(client, settings):
    settings.TASKS = DATABASE_QUEUE
    settings.HEALTH_TASK_MAX_WAIT = 600
    task_embed_programs.enqueue([1])
    status, body = _health(client)
    assert status == 200 and body["checks"]["tasks"] == {
        "status": "ok",
        "detail": "1 waiting, 0 dead letter(s)",
    }
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(seconds=601))
    status, body = _health(client)
    assert status == 503
    assert body["checks"]["tasks"]["status"] == "failed"
    assert "startup-street worker" in body["checks"]["tasks"]["detail"]


def test_health_only_answers_get_and_head(client):
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code in (200, 503)


def test_unreachable_database_fails_and_the_command_exits_1(tmp_path):
    env = production_env(tmp_path, DATABASE_URL="postgres://postgres@127.0.0.1:9/none")
    result = street("health", env=env, timeout=120)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["status"] == "failed"
    assert report["checks"]["database"]["status"] == "failed"
    assert "connection" in report["checks"]["database"]["detail"].lower()


def test_health_command_on_a_fresh_database_names_the_migrations(tmp_path):
    result = street("health", env=production_env(tmp_path), timeout=120)
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert report["checks"]["database"]["status"] == "ok"
    assert report["checks"]["migrations"]["status"] == "failed"


def test_programs_waiting_too_long_for_their_search_entries_are_degraded_and_warned(
    client, settings, django_capture_on_commit_callbacks
):
    from startup_street.programs.importers import import_rows
    from startup_street.programs.models import Program
    from tests.factories import make_organization

    settings.SEARCH_EMBEDDER = "hashing"
    settings.HEALTH_INDEX_MAX_WAIT = 1800
    make_organization(slug="seoul-hub")
    row = {
        "organization": "seoul-hub",
        "slug": "robots",
        "title_en": "Robot grant",
        "kind": "funding",
        "country": "KR",
    }
    with django_capture_on_commit_callbacks(execute=False):  # the indexing job is lost
        import_rows([row])
    status, body = _health(client)
    assert body["checks"]["indexing"] == {
        "status": "ok",
        "detail": "1 program(s) waiting for their search entries",
    }
    Program.objects.update(updated_at=timezone.now() - timedelta(seconds=1801))
    status, body = _health(client)
    assert status == 200 and body["status"] == "degraded"
    assert body["checks"]["indexing"]["status"] == "degraded"
    assert "are the background jobs running?" in body["checks"]["indexing"]["detail"]
    client.force_login(make_user("root", is_staff=True, is_superuser=True, preferred_language="en"))
    assert "1 program is waiting to be indexed" in client.get("/admin/").content.decode()

    from startup_street.programs.tasks import task_index_programs

    task_index_programs.call()  # the sweep
    assert _health(client)[1]["checks"]["indexing"]["status"] == "ok"
