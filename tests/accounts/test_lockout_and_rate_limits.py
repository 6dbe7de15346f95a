import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from startup_street.accounts.models import User
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGIN = "accounts:login"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_lockout_ignores_letter_case_of_the_address(client):
    make_user(email="a@example.org")
    variants = [
        "a@example.org",
        "A@example.org",
        "a@EXAMPLE.org",
        "A@EXAMPLE.ORG",
        " a@Example.org",
    ]
    for variant in variants:
        client.post(reverse(LOGIN), {"username": variant, "password": "wrong"})
    response = client.post(reverse(LOGIN), {"username": "A@EXAMPLE.ORG", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_client_address(client):
    make_user(email="a@example.org")
    for _attempt in range(5):
        client.post(
            reverse(LOGIN),
            {"username": "A@example.org", "password": "wrong"},
            REMOTE_ADDR="203.0.113.9",
        )
    locked = client.post(
        reverse(LOGIN),
        {"username": "a@example.org", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.9",
    )
    assert locked.status_code == 429
    elsewhere = client.post(
        reverse(LOGIN),
        {"username": "a@example.org", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
    )
    assert elsewhere.status_code == 302


def test_password_reset_is_rate_limited_per_address(client, settings):
    settings.PASSWORD_RESET_RATE_LIMIT = 3
    make_user(email="a@example.org")
    for n in range(3):
        response = client.post(
            reverse("accounts:password_reset"),
            {"email": "A@example.org" if n % 2 else "a@example.org"},
            REMOTE_ADDR=f"198.51.100.{n}",
        )
        assert response.status_code == 302
    response = client.post(
        reverse("accounts:password_reset"), {"email": "a@example.org"}, REMOTE_ADDR="198.51.100.99"
    )
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert len(mail.outbox) == 3


def test_password_reset_is_rate_limited_per_client(client, settings):
    settings.PASSWORD_RESET_RATE_LIMIT = 2
    for n in range(2):
        client.post(reverse("accounts:password_reset"), {"email": f"x{n}@example.org"})
    response = client.post(reverse("accounts:password_reset"), {"email": "y@example.org"})
    assert response.status_code == 429


def test_signup_is_rate_limited_per_client_and_translated(client, settings):
    settings.SIGNUP_RATE_LIMIT = 1
    data = {
        "email": "one@example.org",
        "display_name": "One",
        "preferred_language": "ko",
        "time_zone": "Asia/Seoul",
        "password1": "a-long-unusual-passphrase",
        "password2": "a-long-unusual-passphrase",
    }
    client.post(reverse("accounts:signup"), data)
    client.logout()
    client.cookies["street_language"] = "ko"
    response = client.post(reverse("accounts:signup"), {**data, "email": "two@example.org"})
    assert response.status_code == 429
    assert not User.objects.filter(email="two@example.org").exists()
    assert "Too many attempts" not in response.content.decode()
