"""Who sees which figures: the city analyst (and platform admins) every organisation's;
organisation staff their own organisations'; nobody else any. Nobody here sees a record."""

import rules

from startup_street.applications.enums import Status
from startup_street.applications.models import Application
from startup_street.organizations.selectors import organizations_staffed_by
from startup_street.startups.models import Startup


@rules.predicate
def is_city_analyst(user) -> bool:
    return bool(user.is_authenticated and (user.is_city_analyst or user.is_superuser))


@rules.predicate
def is_any_org_staff(user) -> bool:
    return organizations_staffed_by(user).exists()


can_view_dashboard = is_city_analyst | is_any_org_staff
rules.add_perm("dashboard.view", can_view_dashboard)


def organizations_in_view(user) -> tuple[int, ...] | None:
    """The organisations whose figures ``user`` may see: ``None`` for all of them."""
    if is_city_analyst(user):
        return None
    return tuple(organizations_staffed_by(user).values_list("pk", flat=True))


def startups_accepted_by_staff_of(user):
    """Startups that an organisation ``user`` staffs accepted (a place kept)."""
    accepted = Application.objects.filter(
        status=Status.ACCEPTED, call__program__organization__in=organizations_staffed_by(user)
    )
    return Startup.objects.filter(pk__in=accepted.values("startup"))


@rules.predicate
def can_verify_outcomes(user, startup) -> bool:
    return bool(
        user.is_authenticated
        and startup is not None
        and startups_accepted_by_staff_of(user).filter(pk=startup.pk).exists()
    )
