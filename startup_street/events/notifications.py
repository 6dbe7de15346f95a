"""E-mails of the events app, each in its reader's language and time zone."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .agenda import agenda_calendar
from .models import Event, Registration
from .selectors import agenda_of


def notify_schedule_changes(*, event_id: int, registration_ids: list[int]) -> int:
    """Send each named participant their new agenda; nobody else hears of the change."""
    event = Event.objects.get(pk=event_id)
    sent = 0
    for registration in Registration.objects.filter(
        event=event, pk__in=registration_ids
    ).select_related("user"):
        user = registration.user
        with translation.override(user.preferred_language), timezone.override(user.time_zone):
            subject = _("Your meetings at %(event)s changed") % {"event": event}
            body = render_to_string(
                "events/email/schedule_changed.txt",
                {"event": event, "meetings": agenda_of(registration), "user": user},
            )
        message = EmailMessage(subject, body, to=[user.email])
        message.attach("agenda.ics", agenda_calendar(registration), "text/calendar")
        message.send()
        sent += 1
    return sent
