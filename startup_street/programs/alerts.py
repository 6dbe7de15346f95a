"""Following programs: e-mail about new calls and coming deadlines, and calendar feeds."""

from datetime import timedelta

from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from startup_street.core.timezones import get_zone

from .enums import CallStatus
from .forms import ProgramFilterForm
from .models import Call, DeadlineReminder, Program, ProgramFollow, SavedSearch, SavedSearchAlert
from .selectors import CALL_FILTERS, call_window, filter_programs, programs_visible_to

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


def _ranked(query: str, cache: dict) -> set[int]:
    from startup_street.search.selectors import ranked_program_ids  # search sits above programs

    if query not in cache:
        cache[query] = set(ranked_program_ids(query))
    return cache[query]


def saved_search_matches(saved: SavedSearch, call: Call, ranked: dict | None = None) -> bool:
    """Whether ``call`` is a new call for ``saved``: its program is among the saved words'
    ranked matches, visible to the user and within the saved filters, and the call itself lies in
    the saved deadline window ("open now" is left out: a call just announced is still to come)."""
    if saved.query and call.program_id not in _ranked(
        saved.query, {} if ranked is None else ranked
    ):
        return False
    params = ProgramFilterForm(saved.filters).valid_data()
    program_params = {k: v for k, v in params.items() if k not in CALL_FILTERS}
    visible = filter_programs(programs_visible_to(saved.user), params=program_params)
    if not visible.filter(pk=call.program_id).exists():
        return False
    window = call_window({k: v for k, v in params.items() if k not in {"open", "open_now"}})
    return not window or Call.objects.filter(window, pk=call.pk).exists()


def alert_saved_searches(call_id: int) -> int:
    """E-mail every saved search a new call matches; returns how many were told. Followers of
    the program already hear of it (``announce_new_call``) and are not told twice."""
    call = Call.objects.select_related("program__organization").filter(pk=call_id).first()
    if call is None or call.status == CallStatus.CLOSED or not call.program.is_published:
        return 0
    followers = call.program.follows.values("user_id")
    searches = (
        SavedSearch.objects.select_related("user")
        .filter(user__is_active=True)
        .exclude(user_id__in=followers)
        .exclude(alerts__call=call)
    )
    ranked: dict = {}
    return sum(
        _alert(saved, call) for saved in searches if saved_search_matches(saved, call, ranked)
    )


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
