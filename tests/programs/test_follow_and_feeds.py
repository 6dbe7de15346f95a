from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from startup_street.programs import alerts, services
from startup_street.programs.models import ProgramFollow
from tests.factories import make_call, make_program

pytestmark = pytest.mark.django_db


def test_follow_and_unfollow(client, organization, charlie):
    program = make_program(organization)
    client.force_login(charlie)
    client.post(reverse("programs:follow", args=[program.slug]))
    client.post(reverse("programs:follow", args=[program.slug]))
    assert ProgramFollow.objects.filter(user=charlie).count() == 1
    client.post(reverse("programs:follow", args=[program.slug]), {"action": "unfollow"})
    assert not ProgramFollow.objects.exists()


def test_cannot_follow_unpublished_program_of_others(client, organization, charlie):
    draft = make_program(organization, is_published=False)
    client.force_login(charlie)
    assert client.post(reverse("programs:follow", args=[draft.slug])).status_code == 404
    assert not ProgramFollow.objects.exists()


def test_new_call_announced_to_followers(
    organization, bob, charlie, django_capture_on_commit_callbacks
):
    program = make_program(organization)
    alerts.follow_program(user=charlie, program=program)
    with django_capture_on_commit_callbacks(execute=True):
        services.save_call(
            program=program,
            actor=bob,
            opens_local=datetime(2030, 1, 1, 9),
            closes_local=datetime(2030, 2, 1, 18),
            time_zone="Asia/Seoul",
        )
    assert [m.to for m in mail.outbox] == [[charlie.email]]
    assert "KST (Asia/Seoul)" in mail.outbox[0].body


def test_reminders_seven_and_one_day_once_each(organization, charlie):
    program = make_program(organization)
    call = make_call(program, closes_in_days=6.5)
    alerts.follow_program(user=charlie, program=program)
    assert alerts.send_deadline_reminders() == 1  # within 7 days, not yet within 1
    assert alerts.send_deadline_reminders() == 0  # never twice
    later = call.closes_at - timedelta(hours=12)
    assert alerts.send_deadline_reminders(now=later) == 1
    assert len(mail.outbox) == 2


def test_reminder_in_followers_language(organization, charlie):
    charlie.preferred_language = "ko"
    charlie.save()
    program = make_program(organization)
    make_call(program, closes_in_days=0.5)
    alerts.follow_program(user=charlie, program=program)
    alerts.send_deadline_reminders()
    assert "마감" in mail.outbox[0].body


def test_calendar_feed_lists_followed_deadlines_in_call_zone(client, organization, charlie):
    program = make_program(organization)
    call = make_call(program, time_zone="Asia/Shanghai")
    call.closes_at = datetime(2030, 3, 31, 9, 0, tzinfo=UTC)
    call.save()
    make_call(make_program(organization))  # not followed
    alerts.follow_program(user=charlie, program=program)
    response = client.get(reverse("programs:deadlines_ics", args=[alerts.feed_token(charlie)]))
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    start = events[0].decoded("dtstart")
    assert start.hour == 17 and str(start.tzinfo) == "Asia/Shanghai"


def test_calendar_feed_forged_token_is_404(client, charlie):
    assert client.get(reverse("programs:deadlines_ics", args=["forged"])).status_code == 404


def test_rss_and_atom_list_public_calls_only(client, organization):
    make_call(make_program(organization, title={"en": "Open robotics call"}))
    make_call(make_program(organization, title={"en": "Hidden draft"}, is_published=False))
    for name in ("programs:feed_rss", "programs:feed_atom"):
        body = client.get(reverse(name)).content.decode()
        assert "Open robotics call" in body and "Hidden draft" not in body


def test_reminders_skip_closed_and_unopened_calls(organization, charlie):
    program = make_program(organization)
    make_call(program, opens_in_days=-10, closes_in_days=-0.1)
    make_call(program, opens_in_days=0.2, closes_in_days=3)
    alerts.follow_program(user=charlie, program=program)
    assert alerts.send_deadline_reminders(now=timezone.now()) == 0
