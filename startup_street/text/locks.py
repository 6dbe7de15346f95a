"""A lock that a forked child gets afresh.

A server that forks workers after loading the app (gunicorn --preload) may fork while the
thread that warms the search holds one of its loading locks; the child has no such thread to
release it, and its first search would wait forever."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable


class ForkSafeLock:
    def __init__(self, factory: Callable[[], object] = threading.Lock):
        self._factory = factory
        self._lock = factory()
        os.register_at_fork(after_in_child=self._renew)

    def _renew(self) -> None:
        self._lock = self._factory()

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        return self._lock.acquire(blocking, timeout)

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> bool:
        return self._lock.__enter__()

    def __exit__(self, *exc) -> None:
        self._lock.__exit__(*exc)
