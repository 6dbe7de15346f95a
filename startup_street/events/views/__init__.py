from .manage import decide, manage, move, publish, remove_rule, set_rule, solve, unpin
from .outcomes import entry_step, startup_outcomes
from .participate import (
    agenda,
    agenda_ics,
    agenda_pdf,
    answer,
    event_detail,
    event_list,
    participants,
    register,
    requests,
    send_request,
)

__all__ = [
    "agenda",
    "agenda_ics",
    "agenda_pdf",
    "answer",
    "decide",
    "entry_step",
    "event_detail",
    "event_list",
    "manage",
    "move",
    "participants",
    "publish",
    "register",
    "remove_rule",
    "requests",
    "send_request",
    "set_rule",
    "solve",
    "startup_outcomes",
    "unpin",
]
