"""The production web server: checks that refuse an unsafe start, then gunicorn.

``startup-street serve`` runs :func:`refusals` (DEBUG on, no SECRET_KEY or ALLOWED_HOSTS, unapplied
migrations, static files not collected), loads the application and the search models once in
the master process (``preload``: the workers share those pages until they write to them; the
master's objects are frozen out of the garbage collector so that the workers' collections do
not touch, and so copy, them), writes the search view's shared files, then forks the workers,
which map those files (``search/shared.py``). ``kill -HUP <master>`` reloads gracefully: new
workers start, old ones finish their requests first.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections


def refusals() -> list[str]:
    """Why this process must not serve in production; empty when it may."""
    reasons = []
    if settings.DEBUG:
        reasons.append("DEBUG is on: set DEBUG=0 (it is off unless set) to serve in production.")
    if not settings.SECRET_KEY or settings.SECRET_KEY.startswith("dev-only-"):
        reasons.append("SECRET_KEY is not set: set a long random SECRET_KEY.")
    if not settings.ALLOWED_HOSTS:
        reasons.append(
            "ALLOWED_HOSTS is empty: set ALLOWED_HOSTS to the host names the site answers to "
            "(comma-separated)."
        )
    unapplied = unapplied_migrations()
    if unapplied:
        reasons.append(
            f"{len(unapplied)} migration(s) not applied (first: {unapplied[0]}): "
            "run `startup-street migrate`."
        )
    return reasons


def unapplied_migrations(alias: str = DEFAULT_DB_ALIAS) -> list[str]:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[alias])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def static_manifest() -> Path:
    return Path(settings.STATIC_ROOT) / "staticfiles.json"


def gunicorn_options(
    *,
    bind: str,
    workers: int,
    threads: int,
    timeout: int,
    graceful_timeout: int,
    max_requests: int,
    access_log: bool,
) -> dict:
    return {
        "bind": bind,
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
        "timeout": timeout,
        "graceful_timeout": graceful_timeout,
        "keepalive": 5,
        "max_requests": max_requests,
        "max_requests_jitter": max(max_requests // 10, 0),
        "preload_app": True,
        "forwarded_allow_ips": os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1"),
        "accesslog": "-" if access_log else None,
        "access_log_format": '%(h)s "%(r)s" %(s)s %(b)s %(M)sms id=%({x-request-id}o)s',
        "errorlog": "-",
        "loglevel": os.environ.get("LOG_LEVEL", "info").lower(),
        "proc_name": "startup-street",
        "post_fork": _post_fork,
        "control_socket_disable": True,  # gunicorn >= 25; one per host would collide
    }


def _post_fork(server, worker) -> None:
    # A worker must never share the master's database sockets.
    connections.close_all()


def load_application():
    """The WSGI application with the search models and view read now, in the master, so that
    every forked worker starts with them (shared copy-on-write) instead of reading its own."""
    from django.core.wsgi import get_wsgi_application

    from startup_street.search.memory import forget, warm
    from startup_street.text.arrays import give_back_memory

    application = get_wsgi_application()
    if settings.SEARCH_WARM_AT_START:
        warm()
        if settings.SEARCH_SHARED_VIEW:
            # The view is in the shared files now; a worker maps them at its first search. Held
            # here, the master would keep every page of this generation's files in memory
            # long after the workers moved on to newer ones.
            forget()
            give_back_memory()
    connections.close_all()
    # What the master holds now (the models' dictionaries, the application) is never collected:
    # the workers' garbage collector then leaves those objects' pages alone, and they stay
    # shared instead of being copied into every worker by its first collection.
    gc.collect()
    gc.freeze()
    return application


def run(options: dict) -> None:
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self):
            for key, value in options.items():
                if value is not None and key in self.cfg.settings:
                    self.cfg.set(key, value)

        def load(self):
            return load_application()

    Server().run()
