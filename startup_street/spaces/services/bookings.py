"""Booking, approving, declining and cancelling: every check made with the space's row locked.

On PostgreSQL the lock (``SELECT ... FOR UPDATE``) serialises the bookings of one space and the
exclusion constraint refuses any overlap that slipped past; on SQLite every write transaction
begins ``IMMEDIATE`` (settings), so the check and the insert run one at a time.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from startup_street.core.services import CONFLICT, record_activity
from startup_street.startups.rules import is_startup_member

from .. import checks
from ..enums import HOLDING, BookingStatus
from ..models import Booking, Space
from ..rules import can_cancel_booking, is_space_staff


class OverlapWarning(ValidationError):
    """Approving this request declines others that overlap it: ask before doing so."""

    def __init__(self, others: list[Booking]):
        self.others = others
        super().__init__(
            _("Approving this request declines %(count)d overlapping request(s).")
            % {"count": len(others)}
        )


def lock_space(space: Space) -> Space:
    return Space.objects.select_for_update().get(pk=space.pk)


def notify(booking: Booking, change: str) -> None:
    from ..tasks import task_send_booking_update

    pk = booking.pk
    transaction.on_commit(lambda: task_send_booking_update.enqueue(pk, change))


def require_may_book(space: Space, user, startup) -> bool:
    """Whether ``user`` books as the space's staff; refuses anyone who may not book here."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Log in to book."))
    staff = is_space_staff(user, space)
    if startup is None and not staff:
        raise PermissionDenied(_("Book for one of your startups."))
    if startup is not None and not is_startup_member(user, startup):
        raise PermissionDenied(_("You are not on this startup's team."))
    if not space.is_active:
        raise ValidationError(_("This space is not open for booking."), code=CONFLICT)
    return staff and startup is None


def place_booking(
    space: Space, user, startup, starts_at: datetime, ends_at: datetime, title: str, series=None
) -> Booking:
    """Check and insert one booking; the caller holds the space's lock."""
    staff_use = require_may_book(space, user, startup)
    checks.check_times(space, starts_at, ends_at)
    checks.check_not_blocked(space, starts_at, ends_at)
    checks.check_free(space, starts_at, ends_at)
    booking = Booking(
        space=space,
        startup=startup,
        booked_by=user,
        title=title[:200],
        starts_at=starts_at,
        ends_at=ends_at,
        series=series,
        hours=checks.hours_between(starts_at, ends_at),
    )
    if not staff_use:
        checks.check_certified(space, user, checks.local(space, starts_at).date())
        booking.entitlement, booking.month = checks.entitlement_to_draw(
            space, startup, starts_at, booking.hours
        )
    approval = space.requires_approval and not staff_use
    booking.status = BookingStatus.PENDING if approval else BookingStatus.CONFIRMED
    booking.full_clean()
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as error:  # the exclusion constraint: someone else got there first
        raise ValidationError(checks.SLOT_TAKEN()) from error
    record_activity(actor=user, verb=f"booking.{booking.status}", target=booking)
    notify(booking, "requested" if approval else "confirmed")
    return booking


@transaction.atomic
def book_space(
    *,
    space: Space,
    user,
    starts_at: datetime,
    ends_at: datetime,
    startup=None,
    title: str = "",
) -> Booking:
    """Book ``space`` for ``startup`` (drawing its hours), or for the organisation's own use
    when its staff book with no startup. Confirmed at once unless the space needs approval."""
    space = lock_space(space)
    return place_booking(space, user, startup, starts_at, ends_at, title)


def _decide(booking: Booking, actor, status: str, reason: str = "") -> Booking:
    booking.status = status
    booking.decided_by = actor
    booking.decided_at = timezone.now()
    booking.reason = reason[:300]
    booking.sequence += 1
    booking.save(
        update_fields=["status", "decided_by", "decided_at", "reason", "sequence", "updated_at"]
    )
    record_activity(actor=actor, verb=f"booking.{status}", target=booking, reason=reason)
    notify(booking, status)
    return booking


def _locked_booking(booking: Booking) -> Booking:
    lock_space(booking.space)
    return Booking.objects.select_for_update().select_related("space").get(pk=booking.pk)


def pending_overlaps(booking: Booking) -> list[Booking]:
    return list(
        checks.overlapping(
            booking.space, booking.starts_at, booking.ends_at, [BookingStatus.PENDING]
        )
        .exclude(pk=booking.pk)
        .select_related("startup")
    )


@transaction.atomic
def approve_booking(*, booking: Booking, actor, decline_overlapping: bool = False) -> Booking:
    """Confirm a pending request. Overlapping requests are declined with it, but only when
    ``decline_overlapping`` says the approver saw them (else :class:`OverlapWarning`)."""
    booking = _locked_booking(booking)
    if not is_space_staff(actor, booking.space):
        raise PermissionDenied(_("Only the space's staff can approve."))
    if booking.status != BookingStatus.PENDING:
        raise ValidationError(_("Only a request awaiting approval can be approved."), code=CONFLICT)
    if booking.starts_at <= timezone.now():
        raise ValidationError(_("This request's time has passed."), code=CONFLICT)
    checks.check_not_blocked(booking.space, booking.starts_at, booking.ends_at)
    checks.check_free(booking.space, booking.starts_at, booking.ends_at, exclude=booking)
    others = pending_overlaps(booking)
    if others and not decline_overlapping:
        raise OverlapWarning(others)
    for other in others:
        _decide(
            other, actor, BookingStatus.DECLINED, _("Another request for this time was approved.")
        )
    try:
        with transaction.atomic():
            return _decide(booking, actor, BookingStatus.CONFIRMED)
    except IntegrityError as error:
        raise ValidationError(checks.SLOT_TAKEN()) from error


@transaction.atomic
def decline_booking(*, booking: Booking, actor, reason: str = "") -> Booking:
    booking = _locked_booking(booking)
    if not is_space_staff(actor, booking.space):
        raise PermissionDenied(_("Only the space's staff can decline."))
    if booking.status != BookingStatus.PENDING:
        raise ValidationError(_("Only a request awaiting approval can be declined."), code=CONFLICT)
    return _decide(booking, actor, BookingStatus.DECLINED, reason)


@transaction.atomic
def cancel_booking(*, booking: Booking, actor, reason: str = "") -> Booking:
    """Cancel before it starts: its hours come back, and a freed slot goes to the waitlist."""
    booking = _locked_booking(booking)
    if not can_cancel_booking(actor, booking):
        raise PermissionDenied(_("You cannot cancel this booking."))
    if booking.status not in HOLDING:
        raise ValidationError(_("This booking is already cancelled or declined."), code=CONFLICT)
    if booking.starts_at <= timezone.now():
        raise ValidationError(_("A booking that has started cannot be cancelled."), code=CONFLICT)
    was_confirmed = booking.status == BookingStatus.CONFIRMED
    _decide(booking, actor, BookingStatus.CANCELLED, reason)
    if was_confirmed:
        from .waitlist import offer_freed_slot

        offer_freed_slot(space=booking.space, starts_at=booking.starts_at, ends_at=booking.ends_at)
    return booking
