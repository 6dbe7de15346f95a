"""Writes of the spaces app: keyword-only services that check, lock and audit."""

from .blocking import BlockingWarning, block_space, unblock_space
from .bookings import (
    OverlapWarning,
    approve_booking,
    book_space,
    cancel_booking,
    decline_booking,
)
from .demonstrations import decide_plan, record_result, submit_plan
from .entitlements import (
    grant_call_entitlements,
    grant_entitlement,
    revoke_call_entitlements,
    revoke_entitlement,
    top_up_entitlement,
)
from .notifications import booking_calendar, send_booking_update, send_waitlist_offer
from .series import book_series, reconfirm_series, release_unconfirmed_series
from .waitlist import accept_offer, join_waitlist, leave_waitlist, offer_freed_slot

__all__ = [
    "BlockingWarning",
    "OverlapWarning",
    "accept_offer",
    "approve_booking",
    "block_space",
    "book_series",
    "book_space",
    "booking_calendar",
    "cancel_booking",
    "decide_plan",
    "decline_booking",
    "grant_call_entitlements",
    "grant_entitlement",
    "join_waitlist",
    "leave_waitlist",
    "offer_freed_slot",
    "reconfirm_series",
    "record_result",
    "release_unconfirmed_series",
    "revoke_call_entitlements",
    "revoke_entitlement",
    "send_booking_update",
    "send_waitlist_offer",
    "submit_plan",
    "top_up_entitlement",
    "unblock_space",
]
