"""Organisers say which kinds of participant may ask which for a meeting, and how many each."""

from django.db import transaction

from ..models import Event, MeetingRule
from .schedules import lock_for_organiser


@transaction.atomic
def set_meeting_rule(
    *, event: Event, actor, requester_kind: str, recipient_kind: str, max_requests: int
) -> MeetingRule:
    """Let ``requester_kind`` ask ``recipient_kind``, up to ``max_requests`` requests each; an
    existing rule for the two kinds takes the new quota. Once an event has a rule, kinds without
    one may not ask each other. Requests already sent past a lowered quota stay, but the
    scheduler leaves them out and says why."""
    event = lock_for_organiser(event, actor)
    rule = MeetingRule.objects.filter(
        event=event, requester_kind=requester_kind, recipient_kind=recipient_kind
    ).first() or MeetingRule(
        event=event, requester_kind=requester_kind, recipient_kind=recipient_kind
    )
    rule.max_requests = max_requests
    rule.full_clean()
    rule.save()
    return rule


@transaction.atomic
def remove_meeting_rule(*, rule: MeetingRule, actor) -> None:
    lock_for_organiser(rule.event, actor)
    rule.delete()
