"""Blocked periods: staff keep a space free; bookings in the way are cancelled, after a warning."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from startup_street.core.services import record_activity

from .. import checks
from ..models import Blocking, Booking, Space
from ..rules import is_space_staff
from .bookings import _decide, lock_space


class BlockingWarning(ValidationError):
    """Blocking this period cancels bookings already made: ask before doing so."""

    def __init__(self, bookings: list[Booking]):
        self.bookings = bookings
        super().__init__(
            _("Blocking this period cancels %(count)d booking(s).") % {"count": len(bookings)}
        )


@transaction.atomic
def block_space(
    *,
    space: Space,
    actor,
    starts_at: datetime,
    ends_at: datetime,
    reason: str,
    cancel_bookings: bool = False,
) -> Blocking:
    space = lock_space(space)
    if not is_space_staff(actor, space):
        raise PermissionDenied(_("Only the space's staff can block it."))
    blocking = Blocking(
        space=space, starts_at=starts_at, ends_at=ends_at, reason=reason, created_by=actor
    )
    blocking.full_clean()
    if ends_at <= starts_at:
        raise ValidationError(_("The end must come after the start."))
    in_the_way = list(checks.overlapping(space, starts_at, ends_at).select_related("startup"))
    if in_the_way and not cancel_bookings:
        raise BlockingWarning(in_the_way)
    blocking.save()
    for booking in in_the_way:
        _decide(
            booking, actor, "cancelled", _("The space was blocked: %(reason)s") % {"reason": reason}
        )
    record_activity(actor=actor, verb="space.blocked", target=blocking)
    return blocking


@transaction.atomic
def unblock_space(*, blocking: Blocking, actor) -> None:
    if not is_space_staff(actor, blocking.space):
        raise PermissionDenied(_("Only the space's staff can unblock it."))
    record_activity(actor=actor, verb="space.unblocked", target=blocking)
    blocking.delete()
