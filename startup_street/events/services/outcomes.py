from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from startup_street.startups.rules import is_startup_member

from ..enums import Market
from ..models import MarketEntry, MarketEntryStep, MarketEntryTemplate, Meeting, Outcome


@transaction.atomic
def start_market_entry(
    *, startup, actor, origin: str, template: MarketEntryTemplate, started_on: date
) -> MarketEntry:
    """A checklist for ``startup`` from a support organisation's template, dated from today."""
    if not is_startup_member(actor, startup):
        raise PermissionDenied
    if origin not in Market.values:
        raise ValidationError({"origin": [_("Choose a market.")]})
    if origin == template.target:
        raise ValidationError({"origin": [_("The target market must differ from the origin.")]})
    entry = MarketEntry(
        startup=startup, origin=origin, target=template.target, template=template,
        started_on=started_on,
    )  # fmt: skip
    entry.full_clean()
    entry.save()
    MarketEntryStep.objects.bulk_create(
        MarketEntryStep(
            entry=entry,
            position=step.position,
            title=step.title,
            owner=step.owner,
            original_language=template.original_language,
            due_on=started_on + timedelta(days=step.days_after_start),
        )  # fmt: skip
        for step in template.steps.all()
    )
    return entry


@transaction.atomic
def update_entry_step(
    *, step: MarketEntryStep, actor, owner: str, due_on: date | None, done_on: date | None
) -> MarketEntryStep:
    if not is_startup_member(actor, step.entry.startup):
        raise PermissionDenied
    step.owner, step.due_on, step.done_on = owner, due_on, done_on
    step.full_clean()
    step.save()
    return step


@transaction.atomic
def record_outcome(
    *,
    startup,
    actor,
    kind: str,
    happened_on: date,
    meeting: Meeting | None = None,
    counterpart: str = "",
    evidence_url: str = "",
    note: str = "",
    market_entry: MarketEntry | None = None,
) -> Outcome:
    """What came of a meeting, recorded by the startup's team."""
    if not is_startup_member(actor, startup):
        raise PermissionDenied
    if meeting is not None:
        sides = {meeting.request.sender.startup_id, meeting.request.recipient.startup_id}
        if startup.pk not in sides:
            raise ValidationError({"meeting": [_("Choose a meeting of this startup.")]})
    if market_entry is not None and market_entry.startup_id != startup.pk:
        raise ValidationError({"market_entry": [_("Choose a market entry of this startup.")]})
    outcome = Outcome(
        startup=startup, kind=kind, happened_on=happened_on, meeting=meeting,
        event=meeting.event if meeting else None, counterpart=counterpart,
        evidence_url=evidence_url, note=note, market_entry=market_entry, recorded_by=actor,
    )  # fmt: skip
    outcome.full_clean()
    outcome.save()
    return outcome
