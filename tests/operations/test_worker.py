"""The worker: transient failures retried with a growing back-off, the rest dead letters that
staff re-run from the admin; the periodic schedule enqueues each job once per slot."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from startup_street.core.periodic import periodic_jobs, register_periodic, unregister_periodic
from startup_street.operations import schedule
from startup_street.operations.models import DeadLetter, ScheduledRun
from startup_street.operations.worker import RetryingWorker
from tests.factories import make_user

from . import jobs

pytestmark = pytest.mark.django_db
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _database_queue(settings, monkeypatch):
    # The worker closes "old" connections between jobs, as a long-running process should. Inside
    # a test's transaction that would close the test's own connection (PostgreSQL; SQLite's
    # in-memory database ignores it), so the check is switched off here.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASKS = DATABASE_QUEUE
    settings.TASKS_MAX_ATTEMPTS = 3
    settings.TASKS_RETRY_BACKOFF = 60
    jobs.attempts.clear()


def work() -> None:
    """One worker pass over every job ready now."""
    RetryingWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def make_due(result_id) -> None:
    DBTaskResult.objects.filter(pk=result_id).update(run_after=timezone.now())


def test_transient_failure_is_retried_with_doubling_back_off_then_succeeds():
    result = jobs.task_flaky.enqueue("flaky", failures=2)
    before = timezone.now()
    work()
    row = DBTaskResult.objects.get(pk=result.id)
    assert (row.status, len(row.worker_ids)) == ("READY", 1)
    first_delay = (row.run_after - before).total_seconds()
    assert 60 * 0.8 - 1 <= first_delay <= 60 * 1.2 + 1
    work()  # not due yet: nothing runs
    assert jobs.attempts["flaky"] == 1

    make_due(result.id)
    before = timezone.now()
    work()
    row.refresh_from_db()
    assert (row.status, len(row.worker_ids)) == ("READY", 2)
    assert 120 * 0.8 - 1 <= (row.run_after - before).total_seconds() <= 120 * 1.2 + 1

    make_due(result.id)
    work()
    row.refresh_from_db()
    assert row.status == "SUCCESSFUL" and row.return_value == "done after 3"
    assert not DeadLetter.objects.exists()


def test_transient_failure_past_its_attempts_is_a_dead_letter():
    result = jobs.task_flaky.enqueue("hopeless", failures=99)
    for _ in range(3):
        make_due(result.id)
        work()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == "FAILED"
    letter = DeadLetter.objects.get(task_result_id=result.id)
    assert letter.attempts == 3 and jobs.attempts["hopeless"] == 3
    assert letter.exception_class_path == "django.db.utils.OperationalError"
    make_due(result.id)
    work()
    assert jobs.attempts["hopeless"] == 3  # buried: never tried again by itself


def test_permanent_error_is_a_dead_letter_at_once_with_its_traceback():
    result = jobs.task_broken.enqueue("row-7")
    work()
    letter = DeadLetter.objects.get()
    assert str(letter.task_result_id) == result.id
    assert (letter.attempts, letter.exception_class_path) == (1, "builtins.ValueError")
    assert "bad data in row-7" in letter.traceback
    assert letter.args_kwargs == {"args": ["row-7"], "kwargs": {}}


def _staff(*permissions):
    user = make_user("ops", is_staff=True, preferred_language="en")
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def test_staff_rerun_a_dead_letter_from_the_admin(client):
    jobs.task_flaky.using().enqueue("later", failures=0)  # a healthy job beside it
    broken = jobs.task_flaky.enqueue("fixed-later", failures=0)
    DBTaskResult.objects.filter(pk=broken.id).update(task_path="tests.operations.jobs.task_broken")
    DBTaskResult.objects.filter(pk=broken.id).update(args_kwargs={"args": ["x"], "kwargs": {}})
    work()
    letter = DeadLetter.objects.get()
    # fixed: the letter now points at the working job with arguments it accepts
    DeadLetter.objects.filter(pk=letter.pk).update(
        task_path="tests.operations.jobs.task_flaky",
        args_kwargs={"args": ["fixed-later"], "kwargs": {"failures": 0}},
    )
    client.force_login(_staff("view_deadletter", "rerun_deadletter"))
    listing = client.get("/admin/operations/deadletter/")
    assert listing.status_code == 200 and "task_flaky" in listing.content.decode()
    response = client.post(
        "/admin/operations/deadletter/",
        {"action": "rerun", "_selected_action": [letter.pk]},
        follow=True,
    )
    assert "1 job queued again." in response.content.decode()
    letter.refresh_from_db()
    assert letter.rerun_at is not None
    rerun = DBTaskResult.objects.get(pk=letter.rerun_task_result_id)
    assert rerun.status == "READY" and rerun.args_kwargs["args"] == ["fixed-later"]
    work()
    rerun.refresh_from_db()
    assert rerun.status == "SUCCESSFUL"

    # a second re-run of the same letter queues nothing
    client.post(
        "/admin/operations/deadletter/", {"action": "rerun", "_selected_action": [letter.pk]}
    )
    assert DBTaskResult.objects.filter(status="READY").count() == 0


def test_staff_without_the_rerun_permission_cannot_rerun(client):
    jobs.task_broken.enqueue("nope")
    work()
    letter = DeadLetter.objects.get()
    client.force_login(_staff("view_deadletter"))
    assert client.get("/admin/operations/deadletter/").status_code == 200
    client.post(
        "/admin/operations/deadletter/", {"action": "rerun", "_selected_action": [letter.pk]}
    )
    letter.refresh_from_db()
    assert letter.rerun_at is None
    assert not DBTaskResult.objects.filter(status="READY").exists()
    client.force_login(make_user("founder"))
    assert client.get("/admin/operations/deadletter/").status_code == 302


def test_each_periodic_job_is_enqueued_once_per_slot_however_many_workers():
    job = register_periodic("test-flaky", task="tests.operations.jobs.task_flaky", cron="* * * * *")
    try:
        slot = schedule.slot_of(datetime(2026, 12, 5, 11, 59, 59, 600000, tzinfo=UTC))
        assert slot == schedule.slot_of(datetime(2026, 12, 5, 12, 0, 0, 300000, tzinfo=UTC))
        assert [schedule.enqueue_once(job, slot=slot) for _ in range(3)] == [True, False, False]
        assert schedule.enqueue_once(job, slot=slot + timedelta(minutes=1))
        assert ScheduledRun.objects.filter(job="test-flaky").count() == 2
        assert DBTaskResult.objects.filter(task_path=job.task).count() == 2
    finally:
        unregister_periodic("test-flaky")


def test_the_schedule_holds_the_platform_jobs_and_those_apps_register():
    register_periodic("test-nightly", task="tests.operations.jobs.task_flaky", cron="15 1 * * *")
    try:
        names = {job.name for job in periodic_jobs()}
        assert {"deadline-reminders", "stale-match-runs", "prune-task-results"} <= names
        assert "test-nightly" in names
        scheduler = schedule.start()
        try:
            planned = {entry.id: entry.next_run_time for entry in scheduler.get_jobs()}
        finally:
            scheduler.shutdown(wait=False)
        assert planned["test-nightly"].hour == 1 and planned["test-nightly"].minute == 15
        assert planned["deadline-reminders"].minute == 5
    finally:
        unregister_periodic("test-nightly")
    with pytest.raises(ValueError, match="five fields"):
        register_periodic("bad", task="x", cron="hourly")


def test_periodic_tasks_run_their_services():
    from startup_street.operations import tasks

    assert tasks.task_send_deadline_reminders.call() == 0
    assert tasks.task_fail_stale_match_runs.call() == 0
    old = jobs.task_broken.enqueue("old")
    work()
    DBTaskResult.objects.filter(pk=old.id).update(finished_at=timezone.now() - timedelta(days=31))
    assert tasks.task_prune_task_results.call(days=30) == 1
    assert DeadLetter.objects.filter(task_result_id=old.id).exists()  # the letter keeps its copy
