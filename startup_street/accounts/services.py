import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import ApiToken, TokenScope, User, hash_token


@transaction.atomic
def register_user(
    *,
    email: str,
    password: str,
    display_name: str,
    preferred_language: str = "ko",
    time_zone: str = settings.DEFAULT_USER_TIME_ZONE,
    email_verified_at=None,
) -> User:
    """A new account; its address stays unverified unless the caller vouches for it."""
    user = User(
        email=User.objects.normalize_email(email).lower(),
        display_name=display_name,
        preferred_language=preferred_language,
        time_zone=time_zone,
        email_verified_at=email_verified_at,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


def update_profile(*, user: User, **fields) -> User:
    allowed = {"display_name", "preferred_language", "time_zone"}
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(f"{name} cannot be changed here")
        setattr(user, name, value)
    user.full_clean()
    user.save(update_fields=list(fields))
    return user


def create_api_token(
    *, user: User, name: str, scope: str = TokenScope.WRITE, lifetime_days: int = 90
) -> tuple[ApiToken, str]:
    """Make a token; the raw key is returned once and never stored."""
    raw = settings.API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name,
        scope=scope,
        expires_at=timezone.now() + timedelta(days=lifetime_days),
        prefix=raw[:10],
        key_hash=hash_token(raw),
    )
    token.full_clean()
    token.save()
    return token, raw


def revoke_api_token(*, token: ApiToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])


def live_token(raw: str) -> ApiToken | None:
    """The token behind ``raw`` if it is neither revoked nor expired and its owner is active."""
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(
            key_hash=hash_token(raw),
            revoked_at__isnull=True,
            expires_at__gt=now,
            user__is_active=True,
        )
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def user_for_token(raw: str) -> User | None:
    token = live_token(raw)
    return token.user if token else None


def tokens_of(user: User):
    """Every token the user made, live ones first, for the profile page."""
    return user.api_tokens.order_by(F("revoked_at").desc(nulls_first=True), "-created_at")
