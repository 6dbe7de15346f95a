import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import ApiToken, User, hash_token


@transaction.atomic
def register_user(
    *,
    email: str,
    password: str,
    display_name: str,
    preferred_language: str = "ko",
    time_zone: str = settings.DEFAULT_USER_TIME_ZONE,
) -> User:
    user = User(
        email=User.objects.normalize_email(email).lower(),
        display_name=display_name,
        preferred_language=preferred_language,
        time_zone=time_zone,
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


def create_api_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Make a token; the raw key is returned once and never stored."""
    raw = settings.API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name, prefix=raw[:10], key_hash=hash_token(raw))
    token.full_clean()
    token.save()
    return token, raw


def revoke_api_token(*, token: ApiToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])


def user_for_token(raw: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
