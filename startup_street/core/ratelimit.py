"""A fixed-window request counter in the cache, for doors that must not be hammered.

Shared between processes when the cache is (Redis or Memcached in production); the default
local-memory cache counts per process, which still bounds a single attacker's rate.
"""

import time

from axes.helpers import get_client_ip_address
from django.core.cache import cache


def client_address(request) -> str:
    """The client's address as the log-in lockout sees it (same proxy settings)."""
    return get_client_ip_address(request) or "unknown"


def hit(*, scope: str, key: str, limit: int, period: int) -> bool:
    """Count one request for ``key``; False once more than ``limit`` fell in this window."""
    window = int(time.time() // period)
    name = f"ratelimit:{scope}:{key}:{window}"
    cache.add(name, 0, timeout=period + 1)
    try:
        count = cache.incr(name)
    except ValueError:  # evicted between add and incr
        cache.set(name, 1, timeout=period + 1)
        count = 1
    return count <= limit
