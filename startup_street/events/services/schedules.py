from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import rules, scheduling
from ..encoding import Encoded, encode
from ..models import Event, Interpreter, Meeting, ScheduleRun, Slot, Table
from ..reasons import describe_all, stored_issues
from ..tasks import task_notify_schedule_changes

SOLVE_SECONDS = 20.0
SOLVE_GAP = 0.001  # stop once within 0.1% of the best possible


def lock_for_organiser(event: Event, actor) -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not rules.can_manage_event(actor, event):
        raise PermissionDenied
    return event


@transaction.atomic
def solve_schedule(*, event: Event, actor, time_limit_s: float = SOLVE_SECONDS) -> ScheduleRun:
    """Place every meeting not pinned to make the most priority met; pinned ones stay.

    A run that cannot start (pins that clash or sit where someone is away) changes no meeting
    and says why; meetings that cannot be placed are listed with their reason."""
    event = lock_for_organiser(event, actor)
    enc = encode(event)
    result = scheduling.solve(enc.problem, time_limit_s=time_limit_s, gap_limit=SOLVE_GAP)
    run = ScheduleRun.objects.create(
        event=event, actor=actor, status=result.status, requested=result.requested,
        objective=result.objective, bound=result.bound, seconds=result.seconds,
        meetings=result.scheduled, issues=stored_issues(enc, result.issues),
    )  # fmt: skip
    if result.status == "invalid":
        return run
    _write_draft(enc, result)
    return run


def _write_draft(enc: Encoded, result: scheduling.Schedule) -> None:
    changed = []
    for i, meeting in enumerate(enc.meetings):
        s, t, k = int(result.slot[i]), int(result.table[i]), int(result.interpreter[i])
        place = (
            enc.slots[s].pk if s != scheduling.NONE else None,
            enc.tables[t].pk if t != scheduling.NONE else None,
            enc.interpreters[k].pk if k != scheduling.NONE else None,
        )
        if place != (meeting.slot_id, meeting.table_id, meeting.interpreter_id):
            meeting.slot_id, meeting.table_id, meeting.interpreter_id = place
            changed.append(meeting)
    Meeting.objects.bulk_update(changed, ["slot", "table", "interpreter"], batch_size=200)
    left = [item.meeting for item in enc.left_out]
    Meeting.objects.filter(pk__in=left).update(slot=None, table=None, interpreter=None)


@transaction.atomic
def move_meeting(
    *,
    meeting: Meeting,
    actor,
    slot: Slot,
    table: Table | None = None,
    interpreter: Interpreter | None = None,
) -> Meeting:
    """Pin a meeting where the organiser puts it; the next solve places the others around it."""
    lock_for_organiser(meeting.event, actor)
    for thing, name in ((slot, "slot"), (table, "table"), (interpreter, "interpreter")):
        if thing is not None and thing.event_id != meeting.event_id:
            raise ValidationError({name: [_("Choose one of this event's.")]})
    meeting.slot, meeting.table, meeting.interpreter = slot, table, interpreter
    meeting.pinned = True
    meeting.save(update_fields=["slot", "table", "interpreter", "pinned", "updated_at"])
    return meeting


@transaction.atomic
def unpin_meeting(*, meeting: Meeting, actor) -> Meeting:
    lock_for_organiser(meeting.event, actor)
    meeting.pinned = False
    meeting.save(update_fields=["pinned", "updated_at"])
    return meeting


def draft_problems(event: Event) -> list[str]:
    """What stops the draft from being published, in words (empty: it may be)."""
    enc = encode(event)
    issues = scheduling.verify(enc.problem, enc.draft())
    words = describe_all(enc, issues)
    left = {item.meeting for item in enc.left_out}
    placed = Meeting.objects.filter(pk__in=left, slot__isnull=False)
    for meeting in placed.select_related("request__sender", "request__recipient"):
        words.append(
            _("“%(meeting)s” is placed but may no longer be scheduled: solve again.")
            % {"meeting": meeting}
        )
    return words


@transaction.atomic
def publish_schedule(*, event: Event, actor, notify: bool = True) -> list[int]:
    """Publish the draft once it breaks no hard constraint; notify only the people whose
    meetings changed (``notify=False``: nobody, for loading demo data). Returns the ids of the
    registrations whose meetings changed."""
    event = lock_for_organiser(event, actor)
    problems = draft_problems(event)
    if problems:
        raise ValidationError(problems)
    meetings = Meeting.objects.filter(event=event)
    changed = meetings.exclude(
        slot=F("published_slot"), table=F("published_table"), interpreter=F("published_interpreter")
    ) | meetings.filter(
        Q(slot__isnull=True) ^ Q(published_slot__isnull=True)
        | Q(table__isnull=True) ^ Q(published_table__isnull=True)
        | Q(interpreter__isnull=True) ^ Q(published_interpreter__isnull=True)
    )
    changed = list(changed.values_list("request__sender_id", "request__recipient_id"))
    meetings.update(
        published_slot=F("slot"), published_table=F("table"), published_interpreter=F("interpreter")
    )
    event.schedule_published_at = timezone.now()
    event.save(update_fields=["schedule_published_at", "updated_at"])
    people = sorted({pk for pair in changed for pk in pair})
    if people and notify:
        transaction.on_commit(
            lambda: task_notify_schedule_changes.enqueue(event_id=event.pk, registration_ids=people)
        )
    return people
