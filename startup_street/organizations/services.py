import secrets
import smtplib
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from startup_street.accounts.models import User, hash_token
from startup_street.accounts.verification import verify_email
from startup_street.core.permissions import require
from startup_street.core.services import record_activity, refuse_unknown_fields

from .enums import Role
from .models import ORGANIZATION_FIELDS, Invitation, Membership, Organization

INVITATION_LIFETIME = timedelta(days=14)


def add_member(*, organization: Organization, user: User, role: str, actor=None) -> Membership:
    membership, created = Membership.objects.get_or_create(
        organization=organization, user=user, role=role
    )
    if created:
        record_activity(actor=actor, verb="membership.added", target=membership, role=role)
    return membership


@transaction.atomic
def remove_member(*, membership: Membership, actor: User) -> None:
    """Take one role away from a member; every door reads memberships live, so their access
    through this role (staff pages, review assignments, attachments, scoring) ends at once."""
    organization = membership.organization
    if not actor.has_perm("organizations.invite_organization", organization):
        raise PermissionDenied(_("Only the organisation's administrators can remove members."))
    membership = Membership.objects.select_for_update().filter(pk=membership.pk).first()
    if membership is None:
        return
    admins = organization.memberships.filter(role=Role.ADMIN)
    if membership.role == Role.ADMIN and not admins.exclude(pk=membership.pk).exists():
        raise ValidationError(_("An organisation keeps at least one administrator."))
    record_activity(
        actor=actor,
        verb="membership.removed",
        target=organization,
        user=membership.user_id,
        role=membership.role,
    )
    membership.delete()


@transaction.atomic
def invite_member(
    *, organization: Organization, email: str, role: str, invited_by: User, accept_url
) -> Invitation:
    """Create an invitation (or renew the open one for the same address and role) and e-mail
    its link; ``accept_url(token)`` builds the link. The mail is sent inside the transaction:
    when it cannot be sent nothing is kept and ``ValidationError`` says so, so a retry neither
    duplicates the invitation nor leaves one nobody received."""
    raw = secrets.token_urlsafe(32)
    address = email.strip().lower()
    invitation = (
        Invitation.objects.select_for_update()
        .filter(organization=organization, email=address, role=role, accepted_at__isnull=True)
        .first()
    ) or Invitation(organization=organization, email=address, role=role)
    invitation.token_hash = hash_token(raw)
    invitation.invited_by = invited_by
    invitation.expires_at = timezone.now() + INVITATION_LIFETIME
    invitation.full_clean()
    invitation.save()
    record_activity(actor=invited_by, verb="invitation.sent", target=invitation, email=email)
    _send_invitation(invitation, url=accept_url(raw), invited_by=invited_by)
    return invitation


def _send_invitation(invitation: Invitation, *, url: str, invited_by: User) -> None:
    existing = User.objects.filter(email__iexact=invitation.email).first()
    language = existing.preferred_language if existing else invited_by.preferred_language
    context = {"invitation": invitation, "url": url}
    with translation.override(language):
        subject = _("Invitation to %(organization)s on Startup Street") % {
            "organization": invitation.organization
        }
        body = render_to_string("organizations/email/invitation.txt", context)
    try:
        send_mail(subject, body, None, [invitation.email])
    except (OSError, smtplib.SMTPException) as error:
        raise ValidationError(
            _(
                "The invitation could not be e-mailed just now, so it was not saved. "
                "Try again later."
            )
        ) from error


def find_invitation(raw_token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organization")
        .filter(token_hash=hash_token(raw_token))
        .first()
    )


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user: User) -> Membership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(_("This invitation has expired or was already used."))
    if invitation.email.lower() != user.email.lower():
        raise PermissionDenied(_("This invitation was sent to another e-mail address."))
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    verify_email(user=user)  # the link came to this address: it is theirs
    return add_member(
        organization=invitation.organization, user=user, role=invitation.role, actor=user
    )


@transaction.atomic
def update_organization(*, organization: Organization, actor: User, **fields) -> Organization:
    require(actor, "organizations.change_organization", organization)
    refuse_unknown_fields(fields, ORGANIZATION_FIELDS)
    for name, value in fields.items():
        setattr(organization, name, value)
    organization.full_clean()
    organization.save()
    record_activity(actor=actor, verb="organization.updated", target=organization)
    return organization
