"""E-mails to a startup's team, each member in their own language and time zone."""

from django.core import mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from startup_street.core.i18n import pick

from .models import Notice, StatusChange
from .selectors import in_seen_statuses


def _team(application):
    return [member.user for member in application.startup.members.select_related("user")]


def notify_status(status_change_id: int) -> None:
    """Tell the team about one step of its application's timeline."""
    change = StatusChange.objects.select_related(
        "application__call__program", "application__startup"
    ).get(pk=status_change_id)
    application = change.application
    messages = []
    for user in _team(application):
        with translation.override(user.preferred_language), timezone.override(user.time_zone):
            subject = _("Your application: %(status)s") % {"status": change.get_to_status_display()}
            body = render_to_string(
                "applications/email/status_changed.txt",
                {"application": application, "change": change, "user": user},
            )
        messages.append(mail.EmailMessage(subject, body, to=[user.email]))
    mail.get_connection().send_messages(messages)


def deliver_notice(notice_id: int) -> int:
    """Send a notice once to every member of every addressed application's team."""
    notice = Notice.objects.select_related("call").get(pk=notice_id)
    if notice.sent_at:
        return notice.recipients
    applications = notice.call.applications.filter(
        in_seen_statuses(notice.statuses)  # a held decision is not told by a notice either
    ).select_related("startup")
    messages = []
    for application in applications:
        for user in _team(application):
            language = user.preferred_language
            subject = pick(notice.subject, notice.original_language, language).text
            body = pick(notice.body, notice.original_language, language).text
            messages.append(mail.EmailMessage(subject, body, to=[user.email]))
    mail.get_connection().send_messages(messages)
    notice.recipients, notice.sent_at = len(messages), timezone.now()
    notice.save(update_fields=["recipients", "sent_at", "updated_at"])
    return notice.recipients
