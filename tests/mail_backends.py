"""Mail backends for tests: one that behaves like an SMTP server that is down."""

from django.core.mail.backends.base import BaseEmailBackend


class DownBackend(BaseEmailBackend):
    """Refuses every message the way ``smtplib`` does when nothing listens on the port."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")
