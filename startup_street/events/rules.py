"""Permission predicates about events, named as questions."""

import rules
from django.utils import timezone

from startup_street.organizations.enums import STAFF_ROLES

from .enums import RegistrationStatus


@rules.predicate
def is_event_staff(user, event) -> bool:
    """Staff of one of the event's organising organisations."""
    if not user.is_authenticated or event is None:
        return False
    return event.organizers.filter(
        memberships__user=user, memberships__role__in=STAFF_ROLES
    ).exists()


@rules.predicate
def is_published_event(user, event) -> bool:
    return event is not None and event.is_published


@rules.predicate
def is_approved_participant(user, event) -> bool:
    if not user.is_authenticated or event is None:
        return False
    return event.registrations.filter(user=user, status=RegistrationStatus.APPROVED).exists()


@rules.predicate
def is_registration_open(user, event) -> bool:
    if event is None:
        return False
    now = timezone.now()
    return event.registration_opens_at <= now < event.registration_closes_at


can_view_event = is_published_event | is_event_staff | rules.is_superuser
can_manage_event = is_event_staff | rules.is_superuser
can_register = rules.is_authenticated & is_published_event & is_registration_open
can_browse_participants = is_approved_participant | can_manage_event
