"""Quarterly reminders to supported startups to report their outcomes, in each member's
language: once when the reporting window opens, once a week before it closes, never twice."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core import mail
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from startup_street.applications.enums import Status
from startup_street.applications.models import Application
from startup_street.core.timezones import get_zone
from startup_street.startups.models import OutcomeReport, Startup

from .models import OutcomeReminder

LAST_WEEK = 7


@dataclass(frozen=True)
class Window:
    year: int
    quarter: int
    opens: date  # the day after the quarter ends
    closes: date  # the last day to report
    round: str | None  # the reminder due on the day asked about, if any


def reporting_window(today: date) -> Window:
    """The quarter that ended last before ``today`` and its reporting window."""
    quarter = (today.month - 1) // 3 + 1
    year, quarter = (today.year - 1, 4) if quarter == 1 else (today.year, quarter - 1)
    opens = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    closes = opens + timedelta(days=settings.OUTCOME_REPORT_WINDOW_DAYS - 1)
    if today > closes:
        due = None
    elif today >= closes - timedelta(days=LAST_WEEK - 1):
        due = OutcomeReminder.Round.CLOSING
    else:
        due = OutcomeReminder.Round.OPENING
    return Window(year, quarter, opens, closes, due)


def startups_to_remind(window: Window) -> QuerySet[Startup]:
    """Startups accepted by a call that closed in the reporting years before the window
    opened, with no report for the quarter and no reminder of this round yet."""
    zone = get_zone(settings.DASHBOARD_TIME_ZONE)
    opened = datetime.combine(window.opens, time.min, tzinfo=zone)
    since = opened - timedelta(days=365 * settings.OUTCOME_REPORTING_YEARS)
    supported = Application.objects.filter(
        status=Status.ACCEPTED, call__closes_at__gte=since, call__closes_at__lt=opened
    ).values("startup")
    reported = OutcomeReport.objects.filter(year=window.year, quarter=window.quarter)
    reminded = OutcomeReminder.objects.filter(
        year=window.year, quarter=window.quarter, round=window.round
    )
    return (
        Startup.objects.filter(pk__in=supported)
        .exclude(pk__in=reported.values("startup"))
        .exclude(pk__in=reminded.values("startup"))
        .order_by("pk")
    )


def remind_outcome_reports(*, today: date | None = None) -> int:
    """Send the reminder due today to every startup that owes a report; returns how many
    startups were reminded. Safe to run any number of times a day."""
    today = today or timezone.localdate(timezone=get_zone(settings.DASHBOARD_TIME_ZONE))
    window = reporting_window(today)
    if window.round is None:
        return 0
    reminded = 0
    for startup in startups_to_remind(window).prefetch_related("members__user"):
        try:
            with transaction.atomic():
                reminder = OutcomeReminder.objects.create(
                    startup=startup, year=window.year, quarter=window.quarter, round=window.round
                )
                reminder.recipients = _send(startup, window)
                reminder.save(update_fields=["recipients"])
        except IntegrityError:  # another worker reminded it a moment ago
            continue
        reminded += 1
    return reminded


def _send(startup: Startup, window: Window) -> int:
    link = settings.SITE_URL + reverse("startups:outcomes", args=[startup.slug])
    messages = []
    for member in startup.members.all():
        user = member.user
        with translation.override(user.preferred_language), timezone.override(user.time_zone):
            subject = _("%(startup)s: please report %(year)s Q%(quarter)s by %(closes)s") % {
                "startup": startup.name,
                "year": window.year,
                "quarter": window.quarter,
                "closes": window.closes.isoformat(),
            }
            body = render_to_string(
                "dashboard/email/outcome_reminder.txt",
                {"startup": startup, "window": window, "link": link, "user": user},
            )
        messages.append(mail.EmailMessage(subject, body, to=[user.email]))
    return mail.get_connection().send_messages(messages) or 0
