"""Review pages: a reviewer's own assignments, the call staff's review, and decisions."""

from .decisions import (
    application_history,
    decide_many,
    decisions,
    form_cohort,
    promote_waitlist,
    release,
    send_notice,
    set_quota,
)
from .reviewer import declare_conflict, my_reviews, review_attachment, review_detail
from .staff import (
    export_reviews,
    manage,
    manual_assign,
    record_stake,
    rubric_settings,
    run_auto_assign,
    unassign,
)

__all__ = [
    "application_history",
    "declare_conflict",
    "decide_many",
    "decisions",
    "export_reviews",
    "form_cohort",
    "manage",
    "manual_assign",
    "my_reviews",
    "promote_waitlist",
    "record_stake",
    "release",
    "review_attachment",
    "review_detail",
    "rubric_settings",
    "run_auto_assign",
    "send_notice",
    "set_quota",
    "unassign",
]
