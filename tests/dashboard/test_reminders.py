"""Founders are reminded to report each quarter, in their language, once per round."""

from datetime import UTC, date, datetime

import pytest
from django.core import mail
from django.urls import reverse

from startup_street.applications.models import Application
from startup_street.dashboard.models import OutcomeReminder
from startup_street.dashboard.reminders import remind_outcome_reports, reporting_window
from startup_street.programs.models import Call
from startup_street.startups.models import OutcomeReport
from tests.factories import make_organization, make_program, make_startup, make_user

pytestmark = pytest.mark.django_db


def test_the_window_follows_the_quarter_that_ended():
    opening = reporting_window(date(2026, 1, 5))
    assert (opening.year, opening.quarter, opening.round) == (2025, 4, "opening")
    assert (opening.opens, opening.closes) == (date(2026, 1, 1), date(2026, 1, 30))
    assert reporting_window(date(2026, 1, 24)).round == "closing"
    assert reporting_window(date(2026, 1, 23)).round == "opening"
    assert reporting_window(date(2026, 1, 31)).round is None
    july = reporting_window(date(2026, 7, 1))
    assert (july.year, july.quarter) == (2026, 2)


@pytest.fixture
def supported():
    program = make_program(make_organization())
    call = Call.objects.create(
        program=program,
        opens_at=datetime(2025, 5, 1, tzinfo=UTC),
        closes_at=datetime(2025, 6, 1, tzinfo=UTC),
        seats=5,
    )
    old_call = Call.objects.create(
        program=program,
        opens_at=datetime(2021, 5, 1, tzinfo=UTC),
        closes_at=datetime(2021, 6, 1, tzinfo=UTC),
        seats=5,
    )
    korean = make_user("hana", preferred_language="ko")
    chinese = make_user("wei", preferred_language="zh-hans")
    robots = make_startup(korean, teammates=[chinese], name="Robots")
    reported = make_startup(make_user(), name="Reported")
    rejected = make_startup(make_user(), name="Rejected")
    long_ago = make_startup(make_user(), name="Long ago")
    for startup, status, where in [
        (robots, "accepted", call),
        (reported, "accepted", call),
        (rejected, "rejected", call),
        (long_ago, "accepted", old_call),
    ]:
        Application.objects.create(
            call=where, startup=startup, status=status, submitted_at=where.opens_at
        )
    OutcomeReport.objects.create(startup=reported, year=2025, quarter=4, employees=3)
    return robots


def test_supported_startups_that_owe_a_report_are_reminded_once_per_round(supported):
    assert remind_outcome_reports(today=date(2026, 1, 2)) == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        member.user.email for member in supported.members.all()
    )
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    by_language = {m.user.preferred_language: m.user.email for m in supported.members.all()}
    assert "2025" in subjects[by_language["ko"]] and "보고" in subjects[by_language["ko"]]
    assert "报告" in subjects[by_language["zh-hans"]]
    link = reverse("startups:outcomes", args=[supported.slug])
    assert all(f"http://127.0.0.1:8000{link}" in m.body for m in mail.outbox)

    assert remind_outcome_reports(today=date(2026, 1, 3)) == 0  # not twice
    assert len(mail.outbox) == 2
    assert remind_outcome_reports(today=date(2026, 1, 25)) == 1  # the closing reminder
    assert OutcomeReminder.objects.filter(startup=supported).count() == 2
    assert remind_outcome_reports(today=date(2026, 2, 5)) == 0  # the window has closed


def test_a_report_made_in_time_stops_the_closing_reminder(supported):
    remind_outcome_reports(today=date(2026, 1, 2))
    OutcomeReport.objects.create(startup=supported, year=2025, quarter=4, employees=4)
    assert remind_outcome_reports(today=date(2026, 1, 25)) == 0


def test_a_failed_send_records_nothing_so_the_next_run_tries_again(supported, settings):
    settings.EMAIL_BACKEND = "tests.dashboard.test_reminders.BrokenBackend"
    with pytest.raises(ConnectionRefusedError):
        remind_outcome_reports(today=date(2026, 1, 2))
    assert not OutcomeReminder.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert remind_outcome_reports(today=date(2026, 1, 2)) == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP is down")
