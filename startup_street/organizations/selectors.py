from django.db.models import QuerySet

from .enums import STAFF_ROLES
from .models import Invitation, Membership, Organization


def organizations_visible_to(user) -> QuerySet[Organization]:
    """Active organisations are public; platform admins also see inactive ones."""
    qs = Organization.objects.all()
    if not (user.is_authenticated and user.is_superuser):
        qs = qs.filter(is_active=True)
    return qs


def organizations_staffed_by(user) -> QuerySet[Organization]:
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(
        memberships__user=user, memberships__role__in=STAFF_ROLES
    ).distinct()


def members_of(organization: Organization) -> QuerySet[Membership]:
    return organization.memberships.select_related("user").order_by("role", "user__display_name")


def open_invitations_of(organization: Organization) -> QuerySet[Invitation]:
    return organization.invitations.filter(accepted_at__isnull=True).order_by("-created_at")
