"""Inviting a member while the mail server is down: no 500, a translated message, nothing kept,
and a retry once it is back makes one invitation, not two."""

import pytest
from django.core import mail
from django.urls import reverse

from startup_street.organizations.models import Invitation

pytestmark = pytest.mark.django_db

DOWN = "tests.mail_backends.DownBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def _invite(client, organization, email="dana@example.org", role="reviewer"):
    return client.post(
        reverse("organizations:members", args=[organization.slug]),
        {"email": email, "role": role},
    )


def test_invite_with_mail_down_says_so_and_keeps_nothing(client, organization, alice, settings):
    settings.EMAIL_BACKEND = DOWN
    client.force_login(alice)
    response = _invite(client, organization)
    assert response.status_code == 200
    assert "could not be e-mailed" in response.content.decode()
    assert not Invitation.objects.exists()


def test_invite_with_mail_down_is_translated(client, organization, alice, settings):
    settings.EMAIL_BACKEND = DOWN
    alice.preferred_language = "ko"
    alice.save()
    client.force_login(alice)
    client.cookies["street_language"] = "ko"
    response = _invite(client, organization)
    assert "초대를 지금 이메일로 보낼 수 없어" in response.content.decode()


def test_retry_after_mail_is_back_makes_one_invitation(client, organization, alice, settings):
    client.force_login(alice)
    settings.EMAIL_BACKEND = DOWN
    _invite(client, organization)
    settings.EMAIL_BACKEND = LOCMEM
    assert _invite(client, organization).status_code == 302
    assert _invite(client, organization).status_code == 302  # a second click, mail working
    assert Invitation.objects.count() == 1
    assert len(mail.outbox) == 2
    # only the latest link works: the first mail's token was replaced
    first, second = (m.body for m in mail.outbox)
    assert first != second


def test_invitation_in_another_role_is_its_own(client, organization, alice):
    client.force_login(alice)
    _invite(client, organization, role="reviewer")
    _invite(client, organization, email="Dana@Example.org", role="program_manager")
    assert Invitation.objects.count() == 2
