import pytest
from django.core import mail
from django.urls import reverse

from startup_street.accounts.models import ApiToken, User
from startup_street.accounts.services import create_api_token, user_for_token
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "Minji@Example.org",
    "display_name": "Minji Kim",
    "preferred_language": "ko",
    "time_zone": "Asia/Seoul",
    "password1": "a-long-unusual-passphrase",
    "password2": "a-long-unusual-passphrase",
}


def test_signup_valid_creates_unverified_user_and_sends_link(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:signup"), SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup_sent")
    user = User.objects.get()
    assert user.email == "minji@example.org"
    assert user.preferred_language == "ko"
    assert not user.email_verified
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["minji@example.org"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"password2": "something-else-entirely"}, "password2"),
        ({"password1": "123", "password2": "123"}, "password1"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"preferred_language": "fr"}, "preferred_language"),
    ],
)
def test_signup_invalid_shows_field_error_and_creates_nothing(client, change, field):
    response = client.post(reverse("accounts:signup"), {**SIGNUP, **change})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not User.objects.exists()


def test_signup_error_is_translated(client):
    client.cookies["street_language"] = "ko"
    response = client.post(reverse("accounts:signup"), {**SIGNUP, "password2": "different-pass"})
    assert "두 비밀번호가 다릅니다" in response.content.decode()


def test_login_valid_then_logout(client):
    user = make_user(email="a@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": "A@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk
    client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session


def test_login_rate_limited_after_five_failures(client):
    make_user(email="a@example.org")
    for _attempt in range(5):
        client.post(reverse("accounts:login"), {"username": "a@example.org", "password": "wrong"})
    response = client.post(
        reverse("accounts:login"), {"username": "a@example.org", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_profile_update_changes_language_and_zone(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("accounts:profile"),
        {"display_name": "Alice", "preferred_language": "zh-hans", "time_zone": "Asia/Shanghai"},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.preferred_language, alice.time_zone) == ("zh-hans", "Asia/Shanghai")


def test_profile_invalid_zone_changes_nothing(client, alice):
    client.force_login(alice)
    client.post(
        reverse("accounts:profile"),
        {"display_name": "Alice", "preferred_language": "ko", "time_zone": "Nowhere"},
    )
    alice.refresh_from_db()
    assert (alice.preferred_language, alice.time_zone) == ("en", "Asia/Seoul")


def test_profile_requires_login(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_password_reset_sends_link_that_sets_password(client, alice):
    client.post(reverse("accounts:password_reset"), {"email": alice.email})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    client.post(
        form_url,
        {"new_password1": "brand-new-passphrase-9", "new_password2": "brand-new-passphrase-9"},
    )
    alice.refresh_from_db()
    assert alice.check_password("brand-new-passphrase-9")


def test_password_reset_unknown_email_sends_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_token_created_shown_once_and_stored_hashed(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("accounts:token_create"),
        {"name": "laptop", "scope": "write", "lifetime_days": "30"},
    )
    raw = response.context["raw"]
    token = ApiToken.objects.get()
    assert raw.startswith("ss_") and raw not in token.key_hash
    assert user_for_token(raw) == alice


def test_token_revoke_by_owner(client, alice):
    token, raw = create_api_token(user=alice, name="ci")
    client.force_login(alice)
    client.post(reverse("accounts:token_revoke", args=[token.pk]))
    assert user_for_token(raw) is None


def test_token_revoke_by_outsider_is_404(client, alice, charlie):
    token, raw = create_api_token(user=alice, name="ci")
    client.force_login(charlie)
    response = client.post(reverse("accounts:token_revoke", args=[token.pk]))
    assert response.status_code == 404
    assert user_for_token(raw) == alice
