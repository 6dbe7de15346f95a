from datetime import timedelta

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from startup_street.accounts.models import ApiToken
from startup_street.accounts.services import create_api_token, user_for_token

pytestmark = pytest.mark.django_db


def _auth(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_token_form_sets_name_scope_and_expiry(client, alice):
    client.force_login(alice)
    client.post(
        reverse("accounts:token_create"), {"name": "ci", "scope": "read", "lifetime_days": "7"}
    )
    token = ApiToken.objects.get()
    assert (token.name, token.scope) == ("ci", "read")
    assert timedelta(days=6) < token.expires_at - timezone.now() <= timedelta(days=7)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "ci" in page and "Read only" in page


def test_token_with_a_bad_lifetime_is_refused(client, alice):
    client.force_login(alice)
    client.post(
        reverse("accounts:token_create"), {"name": "ci", "scope": "read", "lifetime_days": "99999"}
    )
    assert not ApiToken.objects.exists()


def test_expired_token_is_refused(client, alice):
    token, raw = create_api_token(user=alice, name="old")
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get("/api/v1/me", **_auth(raw)).status_code == 401
    assert user_for_token(raw) is None


def test_read_token_reads_but_does_not_write(client, alice, startup):
    _token, raw = create_api_token(user=alice, name="reader", scope="read")
    assert client.get("/api/v1/me", **_auth(raw)).status_code == 200
    response = client.patch(
        f"/api/v1/startups/{startup.slug}",
        {"city": "Busan"},
        content_type="application/json",
        **_auth(raw),
    )
    assert response.status_code == 403
    startup.refresh_from_db()
    assert startup.city != "Busan"


def test_password_reset_revokes_every_token(client, alice):
    _token, raw = create_api_token(user=alice, name="laptop")
    uid = urlsafe_base64_encode(force_bytes(alice.pk))
    url = reverse(
        "accounts:password_reset_confirm", args=[uid, default_token_generator.make_token(alice)]
    )
    form_url = client.get(url, follow=True).redirect_chain[-1][0]
    response = client.post(
        form_url,
        {"new_password1": "another-long-passphrase", "new_password2": "another-long-passphrase"},
    )
    assert response.status_code == 302
    assert client.get("/api/v1/me", **_auth(raw)).status_code == 401
    assert ApiToken.objects.get().revoked_at is not None


def test_password_change_anywhere_revokes_tokens(alice):
    _token, raw = create_api_token(user=alice, name="laptop")
    alice.set_password("yet-another-passphrase")
    alice.save()
    assert user_for_token(raw) is None


def test_saving_a_profile_keeps_tokens(alice):
    _token, raw = create_api_token(user=alice, name="laptop")
    alice.display_name = "Alice K."
    alice.save()
    assert user_for_token(raw) == alice


def test_profile_lists_revoked_tokens_as_revoked(client, alice):
    token, _raw = create_api_token(user=alice, name="gone")
    client.force_login(alice)
    client.post(reverse("accounts:token_revoke", args=[token.pk]))
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "gone" in page and "Revoked" in page
