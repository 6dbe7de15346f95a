"""Permission predicates about organisations, named as questions."""

import rules

from .enums import STAFF_ROLES, Role


def _roles(user, organization) -> set[str]:
    if not user.is_authenticated or organization is None:
        return set()
    return set(user.memberships.filter(organization=organization).values_list("role", flat=True))


@rules.predicate
def is_org_member(user, organization) -> bool:
    return bool(_roles(user, organization))


@rules.predicate
def is_org_admin(user, organization) -> bool:
    return Role.ADMIN in _roles(user, organization)


@rules.predicate
def is_org_staff(user, organization) -> bool:
    return bool(_roles(user, organization) & set(STAFF_ROLES))


is_platform_admin = rules.is_superuser
