"""Review permissions, as questions, registered as named permissions for ``core.permissions``.

Who runs a call is one question, asked once: ``programs.rules.is_call_staff``."""

import rules

from startup_street.programs.rules import can_manage_call


@rules.predicate
def is_assigned_reviewer(user, assignment) -> bool:
    return assignment is not None and user.is_authenticated and assignment.reviewer_id == user.pk


@rules.predicate
def is_blind_review(user, assignment) -> bool:
    """Whether the assignment's call reviews blind (a call without a rubric yet does not)."""
    rubric = getattr(assignment.application.call, "rubric", None) if assignment else None
    return bool(rubric and rubric.blind)


can_manage_reviews = can_manage_call
# Blind review, as one question: may this reviewer see who applied (names, files' names)?
can_see_applicant = is_assigned_reviewer & ~is_blind_review

MANAGE_CALL = "reviews.manage_call"
rules.add_perm(MANAGE_CALL, can_manage_reviews)
rules.add_perm("reviews.review_assignment", is_assigned_reviewer)
rules.add_perm("reviews.see_applicant", can_see_applicant)
