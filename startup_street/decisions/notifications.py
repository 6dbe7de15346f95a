"""Notices to a call's applicants, each member of each team in their own language."""

from django.core import mail
from django.utils import timezone

from startup_street.applications.notifications import team_of
from startup_street.core.i18n import pick

from .models import Notice


def deliver_notice(notice_id: int) -> int:
    """Send a notice once to every member of every addressed application's team (by the status
    the team sees: a pending decision is not told by a notice)."""
    notice = Notice.objects.select_related("call").get(pk=notice_id)
    if notice.sent_at:
        return notice.recipients
    applications = notice.call.applications.filter(status__in=notice.statuses)
    messages = []
    for application in applications.select_related("startup"):
        for user in team_of(application):
            language = user.preferred_language
            subject = pick(notice.subject, notice.original_language, language).text
            body = pick(notice.body, notice.original_language, language).text
            messages.append(mail.EmailMessage(subject, body, to=[user.email]))
    mail.get_connection().send_messages(messages)
    notice.recipients, notice.sent_at = len(messages), timezone.now()
    notice.save(update_fields=["recipients", "sent_at", "updated_at"])
    return notice.recipients
