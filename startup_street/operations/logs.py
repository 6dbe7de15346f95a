"""Request ids and the log formats (LOG_FORMAT=text or json).

Each request gets an id — the proxy's ``X-Request-ID`` when it sends a sane one, else a new one —
answered in the ``X-Request-ID`` header and written on every log line the request causes, so one
line of the access log leads to everything the request logged, on any server.
"""

from __future__ import annotations

import logging
import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
_SANE = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        request.id = given if _SANE.match(given) else uuid.uuid4().hex
        # Kept until the response is closed: Django logs a 4xx or 5xx answer after every
        # middleware has returned.
        request_id.set(request.id)
        response = self.get_response(request)
        response[HEADER] = request.id
        return response


def forget_request_id(**kwargs) -> None:
    """Connected to ``request_finished``: what the thread logs next belongs to no request."""
    request_id.set(None)


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record (None outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True
