"""Decisions that read the ranking: filling freed seats from the waitlist, best-ranked first."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from startup_street.applications.decisions import release_held_decisions, require_call_staff
from startup_street.applications.enums import Status
from startup_street.applications.services import DecisionRound
from startup_street.core.services import record_activity
from startup_street.programs.models import Call

from .models import Rubric
from .selectors import ranking


@transaction.atomic
def promote_from_waitlist(*, call, actor) -> list:
    """Accept waitlisted applications in ranking order while seats are left.

    One that would break a quota is passed over for the next; the ones accepted are returned.
    """
    require_call_staff(actor, call)  # the rule each application's decision would check
    decisions = DecisionRound(call.pk)
    call = decisions.call
    if call.seats is None:
        raise ValidationError(
            _("This call has no seat limit: accept waitlisted startups one by one.")
        )
    rows = ranking(call, status=Status.WAITLISTED)
    locked = decisions.lock(row["application"].pk for row in rows)
    accepted = []
    for row in rows:
        if decisions.accepted >= call.seats:
            break
        application = locked[row["application"].pk]
        try:
            with transaction.atomic():
                accepted.append(decisions.decide(application, actor, Status.ACCEPTED))
        except ValidationError:
            continue  # a quota it would break: the next one may fit
    return accepted


@transaction.atomic
def release_decisions(*, call, actor) -> int:
    """Release the call's held decisions together: each team is e-mailed its decision (by a
    background job, in its language) and sees it from now on; later decisions are told as they
    are made until staff hold them again. Returns how many applications were told."""
    require_call_staff(actor, call)
    call = Call.objects.select_for_update().get(pk=call.pk)  # no decision lands half-way
    count = release_held_decisions(call=call, actor=actor)
    rubric = Rubric.objects.select_for_update().filter(call=call, hold_decisions=True).first()
    if rubric:
        rubric.hold_decisions = False
        rubric._history_user = actor
        rubric.save(update_fields=["hold_decisions", "updated_at"])
        record_activity(
            actor=actor, verb="rubric.updated", target=call, hold_decisions=[True, False]
        )
    return count
