"""Review permissions, as questions, and the access helper services call."""

import rules
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from startup_street.organizations.rules import is_org_staff


@rules.predicate
def is_assigned_reviewer(user, assignment) -> bool:
    return assignment is not None and user.is_authenticated and assignment.reviewer_id == user.pk


@rules.predicate
def is_call_staff(user, call) -> bool:
    return call is not None and is_org_staff(user, call.program.organization)


can_manage_reviews = is_call_staff | rules.is_superuser


def require_call_staff(user, call) -> None:
    if not can_manage_reviews(user, call):
        raise PermissionDenied(_("Only the organisation's staff can manage reviews."))
