"""An organisation's members under /api/v1/organizations/{slug}/members: its administrators
list them and remove one; access through a removed role ends at once."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from startup_street.organizations import selectors, services

from .auth import SIGNED_IN
from .schemas import ErrorOut, FieldErrorsOut

router = Router(tags=["organizations"], auth=SIGNED_IN)


class MemberOut(Schema):
    id: int
    email: str
    display_name: str
    role: str

    @staticmethod
    def resolve_email(obj) -> str:
        return obj.user.email

    @staticmethod
    def resolve_display_name(obj) -> str:
        return obj.user.display_name


def _administered(request, slug: str):
    organization = get_object_or_404(selectors.organizations_visible_to(request.auth), slug=slug)
    if not request.auth.has_perm("organizations.invite_organization", organization):
        raise PermissionDenied
    return organization


@router.get("/{slug}/members", response={200: list[MemberOut], 403: ErrorOut, 404: ErrorOut})
def list_members(request, slug: str):
    return selectors.members_of(_administered(request, slug))


@router.delete(
    "/{slug}/members/{int:membership_id}",
    response={204: None, 403: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut},
)
def remove_member(request, slug: str, membership_id: int):
    organization = _administered(request, slug)
    membership = get_object_or_404(organization.memberships, pk=membership_id)
    services.remove_member(membership=membership, actor=request.auth)
    return Status(204, None)
