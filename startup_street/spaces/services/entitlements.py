"""What startups were granted: hours a month of a kind of space at an organisation."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from startup_street.core.services import CONFLICT, record_activity
from startup_street.core.timezones import get_zone
from startup_street.organizations.rules import is_org_staff

from .. import checks
from ..models import CallSpaceGrant, Entitlement, EntitlementAdjustment


def _require_staff(actor, organization) -> None:
    if not is_org_staff(actor, organization):
        raise PermissionDenied(_("Only the organisation's staff can change entitlements."))


@transaction.atomic
def grant_entitlement(
    *,
    startup,
    organization,
    kind: str,
    hours_per_month: Decimal,
    starts_on: date,
    ends_on: date | None = None,
    actor,
) -> Entitlement:
    _require_staff(actor, organization)
    entitlement = Entitlement(
        startup=startup,
        organization=organization,
        kind=kind,
        hours_per_month=hours_per_month,
        starts_on=starts_on,
        ends_on=ends_on,
        granted_by=actor,
    )
    entitlement.full_clean()
    if ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": [_("The end cannot come before the start.")]})
    entitlement.save()
    record_activity(actor=actor, verb="entitlement.granted", target=entitlement)
    return entitlement


def call_space_grants(call) -> list[CallSpaceGrant]:
    """What acceptance into ``call`` grants; read once by a round of decisions."""
    return list(CallSpaceGrant.objects.filter(call=call))


def grant_call_entitlements(
    *, call, startup, actor, grants: list[CallSpaceGrant] | None = None
) -> list[Entitlement]:
    """What acceptance into ``call`` grants ``startup`` (the call's space grants), from today in
    the call's zone. Called by the decision that accepts, inside its transaction; the caller
    has checked that ``actor`` decides for the call. Accepting again renews, never duplicates."""
    grants = call_space_grants(call) if grants is None else grants
    if not grants:
        return []
    granted = []
    today = timezone.now().astimezone(get_zone(call.time_zone)).date()
    organization_id = call.program.organization_id
    for grant in grants:
        entitlement, _created = Entitlement.objects.update_or_create(
            startup=startup,
            organization_id=organization_id,
            kind=grant.kind,
            call=call,
            defaults={
                "hours_per_month": grant.hours_per_month,
                "starts_on": today,
                "ends_on": today + timedelta(days=31 * grant.months),
                "granted_by": actor,
                "revoked_at": None,
            },
        )
        record_activity(actor=actor, verb="entitlement.granted", target=entitlement, call=call.pk)
        granted.append(entitlement)
    return granted


def revoke_call_entitlements(*, call, startup, actor) -> int:
    """A startup that leaves the call (withdrawn after acceptance) loses what it granted."""
    held = list(Entitlement.objects.filter(call=call, startup=startup, revoked_at__isnull=True))
    for entitlement in held:
        entitlement.revoked_at = timezone.now()
        entitlement.save(update_fields=["revoked_at", "updated_at"])
        record_activity(actor=actor, verb="entitlement.revoked", target=entitlement)
    return len(held)


@transaction.atomic
def top_up_entitlement(
    *, entitlement: Entitlement, actor, hours: Decimal, month: date, reason: str = ""
) -> EntitlementAdjustment:
    """Add (or, negative, take away) hours of one month; never below what is already booked."""
    entitlement = Entitlement.objects.select_for_update().get(pk=entitlement.pk)
    _require_staff(actor, entitlement.organization)
    if entitlement.revoked_at:
        raise ValidationError(_("This entitlement was revoked."), code=CONFLICT)
    if not hours:
        raise ValidationError({"hours": [_("Give a number of hours other than zero.")]})
    month = month.replace(day=1)
    if checks.hours_left(entitlement, month) + hours < 0:
        raise ValidationError({"hours": [_("That would take away hours already booked.")]})
    adjustment = EntitlementAdjustment(
        entitlement=entitlement, month=month, hours=hours, reason=reason[:200], made_by=actor
    )
    adjustment.full_clean()
    adjustment.save()
    record_activity(actor=actor, verb="entitlement.topped_up", target=entitlement, hours=str(hours))
    return adjustment


@transaction.atomic
def revoke_entitlement(*, entitlement: Entitlement, actor) -> Entitlement:
    """From now on nothing more can be booked from it; bookings already made stay."""
    entitlement = Entitlement.objects.select_for_update().get(pk=entitlement.pk)
    _require_staff(actor, entitlement.organization)
    if entitlement.revoked_at:
        raise ValidationError(_("This entitlement was already revoked."), code=CONFLICT)
    entitlement.revoked_at = timezone.now()
    entitlement.save(update_fields=["revoked_at", "updated_at"])
    record_activity(actor=actor, verb="entitlement.revoked", target=entitlement)
    return entitlement
