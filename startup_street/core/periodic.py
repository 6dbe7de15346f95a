"""Periodic jobs: the hook through which any app puts a job on the worker's schedule.

An app lists its jobs in its own ``periodic.py`` module, found like ``admin.py``::

    from startup_street.core.periodic import register_periodic

    register_periodic("nightly-snapshot", task="startup_street.dashboard.tasks.task_snapshot",
                      cron="15 1 * * *")

``task`` is the dotted path of a task (Django's Tasks API); ``cron`` a five-field crontab in UTC.
``startup-street worker`` enqueues each job once per slot, however many workers keep the
schedule (see startup_street/operations/schedule.py). Imports nothing of the apps.
"""

from __future__ import annotations

from dataclasses import dataclass

_jobs: dict[str, PeriodicJob] = {}


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: str
    cron: str


def register_periodic(name: str, *, task: str, cron: str) -> PeriodicJob:
    if len(cron.split()) != 5:
        raise ValueError(f"{name}: cron must have five fields, got {cron!r}")
    job = _jobs[name] = PeriodicJob(name=name, task=task, cron=cron)
    return job


def unregister_periodic(name: str) -> None:
    _jobs.pop(name, None)


def periodic_jobs() -> list[PeriodicJob]:
    """Every registered job, each app's ``periodic`` module imported first."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("periodic")
    return sorted(_jobs.values(), key=lambda job: job.name)
