"""TOTP two-factor sign-in (django-otp) with single-use recovery codes.

Anyone may enrol; organisation staff and platform admins are urged to by a banner until they
do. Once enrolled, a password alone opens nothing: every page, the admin and the API through the
session wait for a code (``middleware.TwoFactorMiddleware``); API tokens, made from a verified
session, stay a separate credential. ``TWO_FACTOR_REQUIRED_FOR_ADMIN`` makes enrolment itself a
condition of reaching the admin. Codes are checked at most ``TWO_FACTOR_RATE_LIMIT`` times in 15
minutes per account and per client, on top of django-otp's growing delay after each failure.
"""

import segno
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

SESSION_KEY = "two_factor_enrolled"
RECOVERY_CODES = 10


def is_enrolled(user) -> bool:
    return user.is_authenticated and user_has_device(user, confirmed=True)


def remember_enrolment(session, user) -> bool:
    """Keep in the session whether ``user`` is enrolled, so pages need not ask every time."""
    enrolled = is_enrolled(user)
    session[SESSION_KEY] = [user.pk, enrolled]
    return enrolled


def enrolled_in_session(session, user) -> bool:
    known = session.get(SESSION_KEY)
    if not known or known[0] != user.pk:
        return remember_enrolment(session, user)
    return bool(known[1])


@transaction.atomic
def start_enrolment(*, user) -> TOTPDevice:
    """A new, unconfirmed authenticator; any earlier unconfirmed one is dropped."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def pending_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def qr_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=4, omitsize=True)


def secret_of(device: TOTPDevice) -> str:
    """The key as authenticator apps type it in (base32, in groups of four)."""
    from base64 import b32encode

    raw = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


@transaction.atomic
def confirm_enrolment(*, request, token: str) -> list[str] | None:
    """Confirm the pending authenticator with its first code; returns the recovery codes (shown
    once) and marks this session verified, or None when the code is wrong."""
    user = request.user
    device = pending_device(user)
    if device is None or not device.verify_token(_digits(token)):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(user=user)
    otp_login(request, device)
    remember_enrolment(request.session, user)
    return codes


@transaction.atomic
def new_recovery_codes(*, user) -> list[str]:
    """Replace the recovery codes; each opens one sign-in."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="recovery")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def verify(*, request, token: str) -> bool:
    """Check a code (authenticator or recovery) and mark the session verified."""
    code = token.strip().replace(" ", "")
    for device in devices_for_user(request.user, for_verify=True):
        candidate = _digits(code) if isinstance(device, TOTPDevice) else code
        allowed, _ = device.verify_is_allowed()
        if allowed and device.verify_token(candidate):
            otp_login(request, device)
            return True
    return False


@transaction.atomic
def disable(*, request) -> None:
    for device in devices_for_user(request.user, confirmed=None):
        device.delete()
    remember_enrolment(request.session, request.user)


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def _digits(token: str) -> str:
    return "".join(ch for ch in token if ch.isdigit())
