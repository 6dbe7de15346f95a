"""Request ids (answered in X-Request-ID and written on the request's log lines) and the JSON
log format."""

import json
import logging
import re

import pytest

from startup_street.operations.logs import RequestIdFilter

from .production import production_env, street

pytestmark = pytest.mark.django_db


def test_each_response_carries_a_new_request_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first) and re.fullmatch(r"[0-9a-f]{32}", second)
    assert first != second


def test_a_proxy_request_id_is_kept_and_a_hostile_one_replaced(client):
    assert client.get("/", HTTP_X_REQUEST_ID="edge-7f3a.42")["X-Request-ID"] == "edge-7f3a.42"
    hostile = client.get("/", HTTP_X_REQUEST_ID='x" onload="alert(1)')["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", hostile)
    assert re.fullmatch(
        r"[0-9a-f]{32}", client.get("/", HTTP_X_REQUEST_ID="a" * 65)["X-Request-ID"]
    )


class Keep(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []
        self.addFilter(RequestIdFilter())

    def emit(self, record):
        self.records.append(record)


def test_log_lines_of_a_request_carry_its_id(client):
    handler = Keep()
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        client.get("/no-such-page/", HTTP_X_REQUEST_ID="req-123")
    finally:
        logger.removeHandler(handler)
    assert [r.request_id for r in handler.records] == ["req-123"]
    outside = logging.LogRecord("x", logging.INFO, __file__, 1, "outside", (), None)
    RequestIdFilter().filter(outside)
    assert outside.request_id is None


def test_json_logs_are_one_object_a_line(tmp_path):
    env = production_env(tmp_path, LOG_FORMAT="json")
    result = street(
        "shell",
        "-c",
        "import logging; logging.getLogger('street.test').warning('hello %s', 'ops')",
        env=env,
    )
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["message"] == "hello ops" and line["level"] == "WARNING"
    assert line["logger"] == "street.test" and line["request_id"] is None and line["time"]


def test_an_unknown_log_format_is_one_clear_line(tmp_path):
    result = street("check", env=production_env(tmp_path, LOG_FORMAT="xml"))
    assert result.returncode == 2
    assert "LOG_FORMAT must be one of ['json', 'text']" in result.stderr
