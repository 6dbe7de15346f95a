"""TOTP two-factor: set up with a QR code and a first code, recovery codes, and once enrolled a
password alone opens neither the pages, the admin nor the API through the session."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def code_for(device: TOTPDevice) -> str:
    """The code an authenticator app shows now."""
    clock = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    clock.time = time.time()
    return f"{clock.token():06d}"


def _log_in(client, user):
    return client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})


@pytest.fixture
def admin_user(db):
    return make_user("root", is_staff=True, is_superuser=True, preferred_language="en")


def _enrol(client, user) -> list[str]:
    client.force_login(user)
    page = client.post(reverse("accounts:two_factor_setup"), {"start": "1"})
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(reverse("accounts:two_factor_setup"), {"code": code_for(device)})
    assert response.status_code == 200
    return list(response.context["codes"])


def test_enrolment_shows_qr_and_key_then_confirms_with_a_code(client, admin_user):
    codes = _enrol(client, admin_user)
    device = TOTPDevice.objects.get(user=admin_user)
    assert device.confirmed
    assert len(codes) == 10 and len(set(codes)) == 10
    assert StaticToken.objects.filter(device__user=admin_user).count() == 10
    assert client.get(reverse("admin:index")).status_code == 200  # this session gave a code


def test_wrong_first_code_does_not_enrol(client, admin_user):
    client.force_login(admin_user)
    client.post(reverse("accounts:two_factor_setup"), {"start": "1"})
    response = client.post(reverse("accounts:two_factor_setup"), {"code": "000000"})
    assert "not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=admin_user, confirmed=True).exists()
    client.logout()
    _log_in(client, admin_user)
    assert client.get(reverse("admin:index")).status_code == 200  # still not enrolled


def test_setup_page_start_is_post_only(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("accounts:two_factor_setup")).status_code == 405
    assert not TOTPDevice.objects.exists()


def test_stolen_password_alone_does_not_open_the_admin(client, admin_user):
    _enrol(client, admin_user)
    client.logout()
    assert _log_in(client, admin_user).status_code == 302  # the password is right
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 302
    assert client.get("/api/v1/me").status_code == 401
    # the admin's own log-in page leads to the same place
    client.logout()
    client.post(reverse("admin:login"), {"username": admin_user.email, "password": PASSWORD})
    assert client.get(reverse("admin:index")).status_code == 302


def test_code_after_password_opens_the_admin(client, admin_user):
    _enrol(client, admin_user)
    client.logout()
    _log_in(client, admin_user)
    device = TOTPDevice.objects.get(user=admin_user)
    device.last_t = -1  # the enrolment used this step's code; a new step gives a new one
    device.save()
    response = client.post(
        reverse("accounts:two_factor_verify"), {"code": code_for(device), "next": "/admin/"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_code_is_used_once(client, admin_user):
    _enrol(client, admin_user)
    device = TOTPDevice.objects.get(user=admin_user)
    used = code_for(device)  # the enrolment's own code, this step
    client.logout()
    _log_in(client, admin_user)
    response = client.post(reverse("accounts:two_factor_verify"), {"code": used})
    assert response.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


def test_recovery_code_opens_once(client, admin_user):
    codes = _enrol(client, admin_user)
    for expected in (302, 200):
        client.logout()
        _log_in(client, admin_user)
        response = client.post(reverse("accounts:two_factor_verify"), {"code": codes[0]})
        assert response.status_code == expected
    assert StaticToken.objects.filter(device__user=admin_user).count() == 9


def test_verification_is_rate_limited(client, admin_user, settings):
    settings.TWO_FACTOR_RATE_LIMIT = 3
    codes = _enrol(client, admin_user)
    client.logout()
    _log_in(client, admin_user)
    for _ in range(3):
        client.post(reverse("accounts:two_factor_verify"), {"code": "12345678"})
    response = client.post(reverse("accounts:two_factor_verify"), {"code": codes[1]})
    assert response.status_code == 429
    assert "Too many codes" in response.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302


def test_verify_never_redirects_off_site(client, admin_user):
    codes = _enrol(client, admin_user)
    client.logout()
    _log_in(client, admin_user)
    response = client.post(
        reverse("accounts:two_factor_verify"), {"code": codes[2], "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("core:home")


def test_turning_off_needs_a_code(client, admin_user):
    codes = _enrol(client, admin_user)
    client.post(reverse("accounts:two_factor_disable"), {"code": "nonsense"})
    assert TOTPDevice.objects.filter(user=admin_user).exists()
    # django-otp then makes each device wait a moment before the next try; skip the wait
    StaticDevice.objects.update(throttling_failure_timestamp=None, throttling_failure_count=0)
    client.post(reverse("accounts:two_factor_disable"), {"code": codes[3]})
    assert not TOTPDevice.objects.filter(user=admin_user).exists()
    client.logout()
    _log_in(client, admin_user)
    assert client.get(reverse("admin:index")).status_code == 200


def test_not_enrolled_staff_see_the_banner_and_can_work(client, organization, alice):
    client.force_login(alice)  # an organisation admin in the demo's situation
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    assert "two-factor sign-in" in response.content.decode()


def test_founders_are_not_nagged(client):
    client.force_login(make_user("founder"))
    assert "two-factor sign-in" not in client.get(reverse("core:home")).content.decode()


def test_admin_can_require_enrolment(client, admin_user, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_ADMIN = True
    client.force_login(admin_user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:two_factor")
    _enrol(client, admin_user)
    assert client.get(reverse("admin:index")).status_code == 200


def test_api_token_still_works_for_an_enrolled_user(client, admin_user):
    from tests.factories import bearer

    _enrol(client, admin_user)
    client.logout()
    assert client.get("/api/v1/me", **bearer(admin_user)).status_code == 200
