"""E-mails to a startup's team, each member in their own language and time zone."""

from django.core import mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import StatusChange


def team_of(application) -> list:
    return [member.user for member in application.startup.members.select_related("user")]


def notify_status(status_change_id: int) -> None:
    """Tell the team about one step of its application's timeline."""
    change = StatusChange.objects.select_related(
        "application__call__program", "application__startup"
    ).get(pk=status_change_id)
    application = change.application
    messages = []
    for user in team_of(application):
        with translation.override(user.preferred_language), timezone.override(user.time_zone):
            subject = _("Your application: %(status)s") % {"status": change.get_to_status_display()}
            body = render_to_string(
                "applications/email/status_changed.txt",
                {"application": application, "change": change, "user": user},
            )
        messages.append(mail.EmailMessage(subject, body, to=[user.email]))
    mail.get_connection().send_messages(messages)
