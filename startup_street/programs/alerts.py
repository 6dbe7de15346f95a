"""Following programs: e-mail about new calls and coming deadlines, and calendar feeds."""

import json
from datetime import timedelta

from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from startup_street.core.timezones import get_zone
from startup_street.search.selectors import ranked_program_ids

from .forms import ProgramFilterForm
from .models import Call, DeadlineReminder, Program, ProgramFollow, SavedSearch, SavedSearchAlert
from .selectors import (
    CALL_FILTERS,
    call_takes,
    call_window,
    filter_programs,
    programs_visible_to,
)

REMINDER_DAYS = (7, 1)
FEED_SALT = "startup-street.deadline-feed"


def follow_program(*, user, program: Program) -> ProgramFollow:
    follow, _created = ProgramFollow.objects.get_or_create(user=user, program=program)
    return follow


def unfollow_program(*, user, program: Program) -> None:
    ProgramFollow.objects.filter(user=user, program=program).delete()


def _mail(user, subject_text, template: str, context: dict) -> None:
    with translation.override(user.preferred_language), timezone.override(user.time_zone):
        subject = subject_text()
        body = render_to_string(template, {**context, "user": user})
    send_mail(subject, body, None, [user.email])


def announce_new_call(call: Call) -> int:
    """Tell the program's followers that a call was opened; returns how many were told."""
    program = call.program
    followers = [follow.user for follow in program.follows.select_related("user")]
    for user in followers:
        _mail(
            user,
            lambda: _("New call: %(program)s") % {"program": program},
            "programs/email/new_call.txt",
            {"call": call, "program": program},
        )
    return len(followers)


class _Batch:
    """New calls matched against the saved searches together: each search's words are ranked
    once (and each distinct wording once for all searches), its filters read once, and one query
    finds which of the batch's calls it takes."""

    def __init__(self, calls: list[Call]):
        self.calls = calls
        self.call_ids = [call.pk for call in calls]
        self.program_ids = {call.program_id for call in calls}
        self._ranked: dict[str, set[int]] = {}
        self._params: dict[str, dict] = {}

    def ranked(self, query: str) -> set[int]:
        """The batch's programs among the words' ranked matches."""
        if query not in self._ranked:
            self._ranked[query] = self.program_ids & set(ranked_program_ids(query))
        return self._ranked[query]

    def params(self, filters: dict) -> dict:
        key = json.dumps(filters, sort_keys=True, default=str)
        if key not in self._params:
            self._params[key] = ProgramFilterForm(filters).valid_data()
        return self._params[key]

    def matches(self, saved: SavedSearch) -> list[Call]:
        """The batch's calls new for ``saved``: the program is among its words' matches, visible
        to the user and within the saved filters, and the call lies in the saved deadline window
        and takes the startup the eligibility filters describe ("open now" is left out: a call
        just announced may still be to come). Dates in the filters are the user's dates."""
        program_ids = self.ranked(saved.query) if saved.query else self.program_ids
        if not program_ids:
            return []
        params = self.params(saved.filters or {})
        program_params = {k: v for k, v in params.items() if k not in CALL_FILTERS}
        programs = filter_programs(programs_visible_to(saved.user), params=program_params)
        with timezone.override(saved.user.time_zone):
            window = call_window({k: v for k, v in params.items() if k not in {"open", "open_now"}})
        window &= call_takes(params)  # the new call itself must take the startup
        taken = set(
            Call.objects.filter(window, pk__in=self.call_ids, program_id__in=program_ids)
            .filter(program__in=programs.values("pk"))
            .values_list("pk", flat=True)
        )
        return [call for call in self.calls if call.pk in taken]


def _news(call_ids) -> list[Call]:
    """The calls still worth announcing (deleted, closed or a draft program's are not)."""
    calls = Call.objects.select_related("program__organization").filter(pk__in=call_ids)
    return [call for call in calls.order_by("pk") if call.is_news]


def alert_saved_searches_for_calls(call_ids) -> int:
    """E-mail each saved search the new calls it matches, one e-mail per (search, call) however
    often this runs; returns how many were sent. Each search is evaluated once for the whole
    batch. Followers of a program already hear of its calls (``announce_new_call``) and are not
    told twice."""
    calls = _news(call_ids)
    if not calls:
        return 0
    batch = _Batch(calls)
    followers: dict[int, set[int]] = {}
    for program_id, user_id in ProgramFollow.objects.filter(
        program_id__in=batch.program_ids
    ).values_list("program_id", "user_id"):
        followers.setdefault(program_id, set()).add(user_id)
    done = set(
        SavedSearchAlert.objects.filter(call_id__in=batch.call_ids).values_list(
            "saved_search_id", "call_id"
        )
    )
    searches = SavedSearch.objects.select_related("user").filter(user__is_active=True)
    sent = 0
    for saved in searches.order_by("pk").iterator(chunk_size=500):
        for call in batch.matches(saved):
            told = saved.user_id in followers.get(call.program_id, ())
            if not told and (saved.pk, call.pk) not in done:
                sent += _alert(saved, call)
    return sent


def alert_saved_searches(call_id: int) -> int:
    """``alert_saved_searches_for_calls`` for one call."""
    return alert_saved_searches_for_calls([call_id])


def _alert(saved: SavedSearch, call: Call) -> int:
    try:
        with transaction.atomic():
            SavedSearchAlert.objects.create(saved_search=saved, call=call)
    except IntegrityError:
        return 0
    _mail(
        saved.user,
        lambda: _("New call for your saved search: %(program)s") % {"program": call.program},
        "programs/email/saved_search_match.txt",
        {"call": call, "program": call.program, "saved": saved},
    )
    return 1


def send_deadline_reminders(now=None) -> int:
    """E-mail followers 7 days and 1 day before a call closes; each reminder goes out once."""
    now = now or timezone.now()
    sent = 0
    for days in REMINDER_DAYS:
        window_end = now + timedelta(days=days)
        calls = Call.objects.filter(
            closes_at__gt=now, closes_at__lte=window_end, opens_at__lte=now
        ).select_related("program")
        for call in calls:
            for follow in call.program.follows.select_related("user"):
                sent += _remind(follow.user, call, days)
    return sent


def _remind(user, call: Call, days: int) -> int:
    try:
        with transaction.atomic():
            DeadlineReminder.objects.create(user=user, call=call, days_before=days)
    except IntegrityError:
        return 0
    _mail(
        user,
        lambda: _("Closing soon: %(program)s") % {"program": call.program},
        "programs/email/deadline_reminder.txt",
        {"call": call, "program": call.program, "days": days},
    )
    return 1


def feed_token(user) -> str:
    return signing.dumps(user.pk, salt=FEED_SALT, compress=True)


def user_id_from_feed_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=FEED_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def deadlines_calendar(user) -> bytes:
    """An iCalendar of the followed programs' open and coming calls, each at its own zone."""
    calendar = Calendar()
    calendar.add("prodid", "-//Startup Street//Deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Startup Street deadlines"))
    calls = Call.objects.filter(
        program__follows__user=user, closes_at__gt=timezone.now() - timedelta(days=30)
    ).select_related("program")
    for call in calls:
        event = Event()
        event.add("uid", f"call-{call.pk}@startup-street")
        event.add("summary", _("Deadline: %(program)s") % {"program": call.program})
        closes = call.closes_at.astimezone(get_zone(call.time_zone))
        event.add("dtstart", closes)
        event.add("dtend", closes)
        event.add("dtstamp", timezone.now())
        event.add("description", str(call.program.get_absolute_url()))
        calendar.add_component(event)
    return calendar.to_ical()
