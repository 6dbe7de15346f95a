"""Writes of the events app: registrations, meeting requests, schedules, market entry, outcomes."""

from .meeting_rules import remove_meeting_rule, set_meeting_rule
from .outcomes import record_outcome, start_market_entry, update_entry_step
from .registrations import create_event, decide_registration, register
from .requests import answer_request, send_request
from .schedules import move_meeting, publish_schedule, solve_schedule, unpin_meeting

__all__ = [
    "answer_request",
    "create_event",
    "decide_registration",
    "move_meeting",
    "publish_schedule",
    "record_outcome",
    "register",
    "remove_meeting_rule",
    "send_request",
    "set_meeting_rule",
    "solve_schedule",
    "start_market_entry",
    "unpin_meeting",
    "update_entry_step",
]
