"""Sign-up tells nobody whether an address has an account; a new address is verified by its link;
an unverified account may look around and prepare drafts but not submit."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from startup_street.accounts.models import User
from startup_street.applications import services as application_services
from tests.factories import PASSWORD, make_call, make_program, make_startup, make_user
from tests.organizations.test_invitation_mail_down import _invite as invite
from tests.organizations.test_organizations import _link as invitation_link

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()  # the sign-up and resend rate limits count in the cache
    yield
    cache.clear()


SIGNUP = {
    "email": "Minji@Example.org",
    "display_name": "Minji Kim",
    "preferred_language": "en",
    "time_zone": "Asia/Seoul",
    "password1": "a-long-unusual-passphrase",
    "password2": "a-long-unusual-passphrase",
}


def _sign_up(client, capture, **change):
    with capture(execute=True):
        return client.post(reverse("accounts:signup"), {**SIGNUP, **change}, follow=True)


def _page(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def _link(message) -> str:
    return re.search(r"http://testserver(/accounts/verify/\S+)", message.body).group(1)


def test_taken_address_gets_the_same_page_and_its_owner_an_email(
    client, django_capture_on_commit_callbacks
):
    new = _sign_up(client, django_capture_on_commit_callbacks)
    owner_before = User.objects.get()
    mail.outbox.clear()
    again = _sign_up(
        client,
        django_capture_on_commit_callbacks,
        display_name="Mallory",
        email="MINJI@example.org",
    )
    assert again.status_code == new.status_code == 200
    assert again.redirect_chain == new.redirect_chain
    assert _page(again) == _page(new)
    assert User.objects.count() == 1
    owner = User.objects.get()
    assert (owner.display_name, owner.password) == ("Minji Kim", owner_before.password)
    (message,) = mail.outbox
    assert message.to == ["minji@example.org"]
    assert "tried to sign up" in message.subject
    assert "/accounts/verify/" not in message.body


def test_taken_address_error_is_never_shown(client, django_capture_on_commit_callbacks):
    make_user(email="minji@example.org")
    response = _sign_up(client, django_capture_on_commit_callbacks)
    assert "already" not in response.content.decode()


def test_link_shows_a_button_then_verifies_on_post(client, django_capture_on_commit_callbacks):
    _sign_up(client, django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0])
    assert client.get(link).status_code == 200
    assert not User.objects.get().email_verified  # GET never writes
    response = client.post(link)
    assert response.status_code == 302
    assert User.objects.get().email_verified
    assert client.post(link).status_code == 404  # used: the token no longer matches


def test_tampered_or_foreign_link_verifies_nothing(client, django_capture_on_commit_callbacks):
    _sign_up(client, django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0])
    for bad in (link[:-3] + "xyz/", "/accounts/verify/!!!/abc/", "/accounts/verify/MTIzNDU/x/"):
        assert client.post(bad).status_code == 404
    assert not User.objects.get().email_verified


def test_unverified_can_log_in_and_sees_the_banner(client, django_capture_on_commit_callbacks):
    _sign_up(client, django_capture_on_commit_callbacks)
    response = client.post(
        reverse("accounts:login"),
        {"username": SIGNUP["email"], "password": SIGNUP["password1"]},
        follow=True,
    )
    assert response.context["user"].is_authenticated
    assert "Confirm your e-mail address" in response.content.decode()


def test_unverified_cannot_submit_an_application(organization):
    founder = make_user("dana", email_verified_at=None)
    call = make_call(make_program(organization))
    application = application_services.start_application(
        call=call, startup=make_startup(founder), user=founder
    )
    with pytest.raises(Exception, match="Confirm your e-mail address"):
        application_services.submit_application(application=application, user=founder)
    application.refresh_from_db()
    assert application.status == "draft"
    founder.email_verified_at = founder.date_joined
    founder.save()
    application_services.submit_application(application=application, user=founder)
    application.refresh_from_db()
    assert application.status == "submitted"


def test_resend_is_rate_limited_and_only_for_unverified(client, django_capture_on_commit_callbacks):
    user = make_user("dana", email_verified_at=None)
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            client.post(reverse("accounts:resend_verification"))
    assert len(mail.outbox) == 3
    verified = make_user("erin")
    client.force_login(verified)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:resend_verification"))
    assert mail.outbox == []


def test_resend_never_redirects_off_site(client):
    client.force_login(make_user("dana", email_verified_at=None))
    response = client.post(
        reverse("accounts:resend_verification"), {"next": "https://evil.example.com/"}
    )
    assert response["Location"] == reverse("accounts:profile")


def test_accepting_an_invitation_verifies_the_address(
    client, organization, alice, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, organization, email="dana@example.org")
    dana = make_user(email="dana@example.org", email_verified_at=None)
    client.force_login(dana)
    client.post(invitation_link(mail.outbox[0]))
    dana.refresh_from_db()
    assert dana.email_verified


def test_sign_up_mail_server_down_still_same_page(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.mail_backends.DownBackend"
    response = _sign_up(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert response.redirect_chain == [(reverse("accounts:signup_sent"), 302)]


def test_old_password_login_flow_unchanged_for_made_accounts(client):
    user = make_user(email="a@example.org")
    assert user.email_verified
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
