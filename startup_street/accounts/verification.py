"""Sign-up that does not tell whether an address has an account, and e-mail verification.

Whatever address is given, the visitor sees the same page: "we sent a link". A new address gets
an account (unverified) and a link to verify it; an address that already has an account gets no
second one, and its owner gets an e-mail saying someone tried to sign up with it.

What an unverified account may do: log in, keep a profile and a startup, browse and save drafts.
What it may not do until the address is verified: submit an application (``submit_application``
refuses). A role in an organisation comes only through an invitation e-mailed to the address, so
accepting one verifies the address too.
"""

import logging
import smtplib

from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _

from .models import User
from .services import register_user

logger = logging.getLogger(__name__)


class EmailVerificationTokenGenerator(PasswordResetTokenGenerator):
    """A link that works until the address is verified or changed (Django's signed, timed token,
    salted apart from password reset so one link never serves the other)."""

    key_salt = "startup_street.accounts.EmailVerificationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.email}{user.email_verified_at}{timestamp}"


verification_tokens = EmailVerificationTokenGenerator()


def sign_up(*, email: str, password: str, verify_url, login_url: str, **profile) -> User | None:
    """Make an unverified account and e-mail its link, or, when the address is taken, tell its
    owner instead; either way the caller shows the same page. ``verify_url(uidb64, token)``
    builds the link. Returns the new user, or None when the address was taken."""
    address = User.objects.normalize_email(email).lower()
    existing = User.objects.filter(email__iexact=address).first()
    if existing is not None:
        make_password(password)  # the same hashing work either way, so timing tells nothing
        _mail(existing, "accounts/email/signup_attempt.txt", _signup_attempt_subject, login_url)
        return None
    user = register_user(email=address, password=password, email_verified_at=None, **profile)
    send_verification(user=user, verify_url=verify_url)
    return user


def send_verification(*, user: User, verify_url) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    url = verify_url(uid, verification_tokens.make_token(user))
    _mail(user, "accounts/email/verify_email.txt", _verify_subject, url)


def _verify_subject() -> str:
    return _("Confirm your e-mail address for Startup Street")


def _signup_attempt_subject() -> str:
    return _("Someone tried to sign up with your address on Startup Street")


def _mail(user: User, template: str, subject, url: str) -> None:
    """Send after commit, in the user's language; a mail server that is down is logged, never
    shown, so the page cannot tell one case from the other (the owner can ask again)."""

    def send():
        with translation.override(user.preferred_language):
            body = render_to_string(template, {"user": user, "url": url})
            try:
                send_mail(subject(), body, None, [user.email])
            except (OSError, smtplib.SMTPException):
                logger.exception("sign-up mail to user %s could not be sent", user.pk)

    transaction.on_commit(send)


def user_for_link(uidb64: str, token: str) -> User | None:
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or not verification_tokens.check_token(user, token):
        return None
    return user


def verify_email(*, user: User) -> User:
    """Mark the address verified (the link, or an accepted invitation, proved it)."""
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    return user
