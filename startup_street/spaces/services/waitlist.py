"""The waitlist: a taken slot can be waited for; when it frees, everyone waiting for a time
inside it is offered it by e-mail, in the order they joined, and the first to accept books it."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from startup_street.core.services import CONFLICT, record_activity
from startup_street.startups.rules import is_startup_member

from .. import checks
from ..enums import BookingStatus, WaitlistStatus
from ..models import Space, WaitlistEntry
from .bookings import lock_space, place_booking


@transaction.atomic
def join_waitlist(
    *, space: Space, user, startup, starts_at: datetime, ends_at: datetime
) -> WaitlistEntry:
    space = lock_space(space)
    if startup is None or not is_startup_member(user, startup):
        raise PermissionDenied(_("You are not on this startup's team."))
    checks.check_times(space, starts_at, ends_at)
    if not checks.overlapping(space, starts_at, ends_at, [BookingStatus.CONFIRMED]).exists():
        raise ValidationError(_("That time is free: book it instead."))
    waiting = WaitlistEntry.objects.filter(
        space=space,
        startup=startup,
        starts_at=starts_at,
        ends_at=ends_at,
        status__in=[WaitlistStatus.WAITING, WaitlistStatus.OFFERED],
    )
    if waiting.exists():
        raise ValidationError(_("Your startup is already waiting for that time."))
    entry = WaitlistEntry.objects.create(
        space=space, startup=startup, user=user, starts_at=starts_at, ends_at=ends_at
    )
    record_activity(actor=user, verb="waitlist.joined", target=entry)
    return entry


def offer_freed_slot(*, space: Space, starts_at: datetime, ends_at: datetime) -> list[int]:
    """Offer the freed time to everyone waiting for a time inside it that is now free; call it
    in the transaction that freed the slot (the e-mails go after it commits)."""
    from ..tasks import task_send_waitlist_offer

    entries = WaitlistEntry.objects.filter(
        space=space,
        status=WaitlistStatus.WAITING,
        starts_at__gte=starts_at,
        ends_at__lte=ends_at,
        starts_at__gt=timezone.now(),
    )
    offered = []
    for entry in entries.order_by("created_at", "pk"):
        taken = checks.overlapping(space, entry.starts_at, entry.ends_at, [BookingStatus.CONFIRMED])
        if taken.exists():
            continue
        entry.status = WaitlistStatus.OFFERED
        entry.offered_at = timezone.now()
        entry.save(update_fields=["status", "offered_at"])
        offered.append(entry.pk)
    transaction.on_commit(lambda: [task_send_waitlist_offer.enqueue(pk) for pk in offered])
    return offered


@transaction.atomic
def accept_offer(*, entry: WaitlistEntry, user):
    """Book the offered time; the first to accept gets it, the others are told it is taken."""
    space = lock_space(entry.space)
    entry = WaitlistEntry.objects.select_for_update().get(pk=entry.pk)
    if not is_startup_member(user, entry.startup):
        raise PermissionDenied(_("You are not on this startup's team."))
    if entry.status != WaitlistStatus.OFFERED:
        raise ValidationError(_("This offer is no longer open."), code=CONFLICT)
    booking = place_booking(space, user, entry.startup, entry.starts_at, entry.ends_at, "")
    entry.status = WaitlistStatus.ACCEPTED
    entry.booking = booking
    entry.save(update_fields=["status", "booking"])
    if booking.status == BookingStatus.CONFIRMED:
        WaitlistEntry.objects.filter(
            space=space,
            status=WaitlistStatus.OFFERED,
            starts_at__lt=entry.ends_at,
            ends_at__gt=entry.starts_at,
        ).update(status=WaitlistStatus.TAKEN)
    record_activity(actor=user, verb="waitlist.accepted", target=entry)
    return booking


@transaction.atomic
def leave_waitlist(*, entry: WaitlistEntry, user) -> WaitlistEntry:
    if not is_startup_member(user, entry.startup):
        raise PermissionDenied(_("You are not on this startup's team."))
    entry.status = WaitlistStatus.WITHDRAWN
    entry.save(update_fields=["status"])
    return entry
