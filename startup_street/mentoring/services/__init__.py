"""Mentoring writes: matching (propose, solve, edit, confirm), sessions, profiles and caps."""

from .matching import fail_stale_runs, propose_matches, require_staff, rerun_match, run_match
from .profiles import place_bid, save_mentor_profile, set_program_hours, state_founder_preference
from .proposals import add_pair, confirm_run, discard_run, remove_pair
from .sessions import (
    book_session,
    cancel_session,
    record_feedback,
    send_cancellation,
    send_invitations,
    session_calendar,
)

__all__ = [
    "add_pair",
    "book_session",
    "cancel_session",
    "confirm_run",
    "discard_run",
    "fail_stale_runs",
    "place_bid",
    "propose_matches",
    "record_feedback",
    "remove_pair",
    "require_staff",
    "rerun_match",
    "run_match",
    "save_mentor_profile",
    "send_cancellation",
    "send_invitations",
    "session_calendar",
    "set_program_hours",
    "state_founder_preference",
]
