"""What the signed-in person does on the street, for the navigation and the home page.

One query answers every question (a template context processor runs on every page), and only
when a template asks: ``nav.founder``, ``nav.staff``, ``nav.reviewer``, ``nav.mentor``,
``nav.analyst``, ``nav.admin``. Navigation only shows or hides links; every page still checks
its own permission.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils.functional import SimpleLazyObject

from startup_street.accounts.models import User
from startup_street.mentoring.models import MentorProfile
from startup_street.organizations.enums import STAFF_ROLES, Role
from startup_street.organizations.models import Membership
from startup_street.reviews.models import ReviewAssignment
from startup_street.startups.models import StartupMember


@dataclass(frozen=True)
class Roles:
    founder: bool = False
    staff: bool = False
    reviewer: bool = False
    mentor: bool = False
    analyst: bool = False
    admin: bool = False

    @property
    def any(self) -> bool:
        return any((self.founder, self.staff, self.reviewer, self.mentor, self.analyst))


def roles_of(user) -> Roles:
    if not user.is_authenticated:
        return Roles()
    member = Membership.objects.filter(user=OuterRef("pk"), organization__is_active=True)
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            founder=Exists(StartupMember.objects.filter(user=OuterRef("pk"))),
            staff=Exists(member.filter(role__in=STAFF_ROLES)),
            reviewer=Exists(member.filter(role=Role.REVIEWER))
            | Exists(ReviewAssignment.objects.filter(reviewer=OuterRef("pk"))),
            mentor=Exists(MentorProfile.objects.filter(user=OuterRef("pk")))
            | Exists(member.filter(role=Role.MENTOR)),
        )
        .values("founder", "staff", "reviewer", "mentor")
        .first()
    ) or {}
    return Roles(
        analyst=user.is_city_analyst,
        admin=user.is_staff or user.is_superuser,
        **{key: bool(value) for key, value in row.items()},
    )


def navigation(request) -> dict:
    """Context processor: ``nav``, computed on first use."""
    return {"nav": SimpleLazyObject(lambda: roles_of(request.user))}
