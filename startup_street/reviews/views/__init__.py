"""Review pages: a reviewer's own assignments and the call staff's review."""

from .reviewer import declare_conflict, my_reviews, review_attachment, review_detail
from .staff import (
    application_history,
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
    "export_reviews",
    "manage",
    "manual_assign",
    "my_reviews",
    "record_stake",
    "review_attachment",
    "review_detail",
    "rubric_settings",
    "run_auto_assign",
    "unassign",
]
