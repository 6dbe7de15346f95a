"""The accounts' doors for e-mail verification and two-factor sign-in, against every kind of
visitor: an anonymous one, a session that gave only the password of an enrolled account, and
another signed-in person. Each refusal changes nothing."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.test_two_factor import _enrol, _log_in
from tests.factories import make_user

pytestmark = pytest.mark.django_db

SIGNED_IN_DOORS = [
    ("get", "accounts:two_factor"),
    ("post", "accounts:two_factor_setup"),
    ("get", "accounts:two_factor_verify"),
    ("post", "accounts:two_factor_verify"),
    ("post", "accounts:two_factor_recovery_codes"),
    ("post", "accounts:two_factor_disable"),
    ("post", "accounts:resend_verification"),
]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def enrolled(client):
    user = make_user("root", is_staff=True, is_superuser=True)
    codes = _enrol(client, user)
    client.logout()
    return user, codes


def _state(user):
    return (
        list(TOTPDevice.objects.filter(user=user).values_list("pk", "key", "confirmed")),
        sorted(StaticToken.objects.filter(device__user=user).values_list("token", flat=True)),
    )


@pytest.mark.parametrize(
    ("visitor", "sent_to"),
    [("anonymous", "accounts:login"), ("password only", "accounts:two_factor_verify")],
)
@pytest.mark.parametrize(("method", "name"), SIGNED_IN_DOORS)
def test_without_both_steps_the_door_sends_back(client, enrolled, visitor, sent_to, method, name):
    user, _codes = enrolled
    if visitor == "password only" and name == "accounts:two_factor_verify":
        pytest.skip("the code form is where a password-only session belongs")
    before = _state(user)
    if visitor == "password only":
        _log_in(client, user)
    response = getattr(client, method)(reverse(name), {"start": "1", "code": "123456"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(sent_to))
    assert _state(user) == before


@pytest.mark.parametrize(
    ("method", "name"),
    [door for door in SIGNED_IN_DOORS if door[1] != "accounts:resend_verification"],
)
def test_another_person_touches_only_their_own(client, enrolled, method, name):
    user, codes = enrolled
    before = _state(user)
    client.force_login(make_user("charlie"))
    response = getattr(client, method)(reverse(name), {"start": "1", "code": codes[0]})
    assert response.status_code in {200, 302}
    assert _state(user) == before  # the owner's authenticator and codes are untouched
