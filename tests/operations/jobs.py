"""Jobs for the worker's tests: they fail as told, counting their attempts."""

from django.db import OperationalError
from django_tasks import task

attempts: dict[str, int] = {}


@task()
def task_flaky(key: str, failures: int) -> str:
    """Fails with a database hiccup ``failures`` times, then succeeds."""
    attempts[key] = attempts.get(key, 0) + 1
    if attempts[key] <= failures:
        raise OperationalError(f"server closed the connection (attempt {attempts[key]})")
    return f"done after {attempts[key]}"


@task()
def task_broken(key: str) -> None:
    attempts[key] = attempts.get(key, 0) + 1
    raise ValueError(f"bad data in {key}")
