"""Permission predicates about spaces and bookings, named as questions."""

import rules

from startup_street.organizations.rules import is_org_staff
from startup_street.startups.rules import is_startup_member


@rules.predicate
def is_space_staff(user, space) -> bool:
    return space is not None and is_org_staff(user, space.organization)


@rules.predicate
def is_booking_team_member(user, booking) -> bool:
    if booking is None or not user.is_authenticated:
        return False
    if booking.startup_id is None:
        return booking.booked_by_id == user.pk
    return is_startup_member(user, booking.startup)


@rules.predicate
def is_booking_space_staff(user, booking) -> bool:
    return booking is not None and is_space_staff(user, booking.space)


can_view_booking = is_booking_team_member | is_booking_space_staff | rules.is_superuser
can_cancel_booking = is_booking_team_member | is_booking_space_staff
can_decide_booking = is_booking_space_staff
