"""Permission predicates about startups, named as questions."""

import rules

from .enums import MemberRole


@rules.predicate
def is_startup_member(user, startup) -> bool:
    if not user.is_authenticated or startup is None:
        return False
    return startup.members.filter(user=user).exists()


@rules.predicate
def is_startup_owner(user, startup) -> bool:
    if not user.is_authenticated or startup is None:
        return False
    return startup.members.filter(user=user, role=MemberRole.OWNER).exists()


@rules.predicate
def is_public_startup(user, startup) -> bool:
    return startup is not None and startup.is_public


can_view_startup = is_public_startup | is_startup_member | rules.is_superuser
can_edit_startup = is_startup_owner | rules.is_superuser
