"""Every door of the operations app for every kind of visitor: the health probe is public and
read-only; dead letters and scheduled runs are admin pages for staff with the permission, and
re-running a dead letter needs its own permission. Each refusal is checked to change nothing."""

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from startup_street.operations.models import DeadLetter, ScheduledRun
from tests.factories import make_user

pytestmark = pytest.mark.django_db
VISITORS = ["anonymous", "founder", "staff", "viewer", "operator", "superuser"]
PERMISSIONS = {
    "staff": [],
    "viewer": ["view_deadletter", "view_scheduledrun"],
    "operator": ["view_deadletter", "view_scheduledrun", "rerun_deadletter"],
}


def visitor(kind, client):
    if kind == "anonymous":
        return client
    user = make_user(kind, is_staff=kind != "founder", is_superuser=kind == "superuser")
    for codename in PERMISSIONS.get(kind, []):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(user)
    return client


@pytest.fixture
def letter(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return DeadLetter.objects.create(
        task_result_id="0b9f4d38-6a3e-4a53-9f0e-2f9c6f1d1a11",
        task_path="startup_street.operations.tasks.task_send_deadline_reminders",
        queue_name="default",
        args_kwargs={"args": [], "kwargs": {}},
        attempts=5,
        exception_class_path="smtplib.SMTPServerDisconnected",
        traceback="...",
        failed_at=timezone.now(),
    )


def state(letter):
    letter.refresh_from_db()
    return (
        letter.rerun_at,
        DBTaskResult.objects.count(),
        DeadLetter.objects.count(),
        ScheduledRun.objects.count(),
    )


@pytest.mark.parametrize("kind", VISITORS)
def test_health_is_public_and_read_only(kind, client, letter):
    client = visitor(kind, client)
    before = state(letter)
    assert client.get("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
    assert state(letter) == before


SEES = {"viewer", "operator", "superuser"}
RERUNS = {"operator", "superuser"}


@pytest.mark.parametrize("kind", VISITORS)
def test_dead_letter_pages(kind, client, letter):
    client = visitor(kind, client)
    before = state(letter)
    pages = [
        "/admin/operations/deadletter/",
        f"/admin/operations/deadletter/{letter.pk}/change/",
        "/admin/operations/scheduledrun/",
    ]
    for page in pages:
        status = client.get(page).status_code
        if kind in SEES:
            assert status == 200, page
        elif kind in {"anonymous", "founder"}:
            assert status == 302, page  # to the admin's log-in
        else:
            assert status == 403, page
    # nobody adds or edits a dead letter by hand
    assert client.get("/admin/operations/deadletter/add/").status_code in (302, 403)
    client.post(f"/admin/operations/deadletter/{letter.pk}/change/", {"attempts": 1})
    assert state(letter) == before

    client.post(
        "/admin/operations/deadletter/", {"action": "rerun", "_selected_action": [letter.pk]}
    )
    after = state(letter)
    if kind in RERUNS:
        assert after[0] is not None and after[1] == before[1] + 1
    else:
        assert after == before
