"""An event's rows as the scheduler's arrays, and its answers back as rows."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from . import scheduling
from .enums import INTEREST_WEIGHT, RegistrationStatus, RequestStatus
from .models import Event, Interpreter, Meeting, MeetingRule, Registration, Slot, Table


@dataclass(frozen=True)
class Left:
    """A meeting left out of the schedule before solving, and why (``over_quota``, ...)."""

    code: str
    meeting: int  # Meeting pk


@dataclass
class Encoded:
    event: Event
    problem: scheduling.Problem
    meetings: list[Meeting]
    people: list[Registration]
    slots: list[Slot]
    tables: list[Table]
    interpreters: list[Interpreter]
    language_pairs: list[tuple[str, str]]
    left_out: list[Left] = field(default_factory=list)

    def draft(self) -> scheduling.Schedule:
        """The meetings' current draft places as a schedule, to verify before publishing."""
        slot_at = {s.pk: i for i, s in enumerate(self.slots)}
        table_at = {t.pk: i for i, t in enumerate(self.tables)}
        interp_at = {k.pk: i for i, k in enumerate(self.interpreters)}
        none = scheduling.NONE

        def index(mapping, pk):
            return mapping.get(pk, none) if pk else none

        return scheduling.Schedule(
            "feasible",
            np.array([index(slot_at, m.slot_id) for m in self.meetings], dtype=np.int64),
            np.array([index(table_at, m.table_id) for m in self.meetings], dtype=np.int64),
            np.array([index(interp_at, m.interpreter_id) for m in self.meetings], dtype=np.int64),
            0, 0.0, 0, 0.0,
        )  # fmt: skip


def priority_of(meeting: Meeting) -> int:
    request = meeting.request
    return INTEREST_WEIGHT[request.sender_interest] + INTEREST_WEIGHT.get(
        request.recipient_interest, 0
    )


def encode(event: Event) -> Encoded:
    slots = list(event.slots.order_by("starts_at"))
    tables = list(event.tables.prefetch_related("unavailable_slots").order_by("name"))
    interpreters = list(event.interpreters.prefetch_related("unavailable_slots").order_by("pk"))
    rows = list(
        Meeting.objects.filter(event=event, request__status=RequestStatus.ACCEPTED)
        .select_related("request__sender", "request__recipient")
        .order_by("request__created_at", "pk")
    )
    meetings, left_out = _keep_allowed(event, rows)
    people = sorted(
        {r.pk: r for m in meetings for r in (m.request.sender, m.request.recipient)}.values(),
        key=lambda r: r.pk,
    )
    person_at = {r.pk: i for i, r in enumerate(people)}
    slot_at = {s.pk: i for i, s in enumerate(slots)}
    pairs = [(person_at[m.request.sender_id], person_at[m.request.recipient_id]) for m in meetings]
    language_pairs, language = _languages(meetings, interpreters)
    pins = [
        scheduling.Pin(
            i,
            slot_at[m.slot_id],
            table=[t.pk for t in tables].index(m.table_id) if m.table_id else scheduling.NONE,
            interpreter=[k.pk for k in interpreters].index(m.interpreter_id)
            if m.interpreter_id
            else scheduling.NONE,
        )
        for i, m in enumerate(meetings)
        if m.pinned and m.slot_id in slot_at
    ]
    problem = scheduling.make_problem(
        n_people=len(people),
        n_slots=len(slots),
        pairs=pairs,
        priority=[priority_of(m) for m in meetings],
        person_free=_free(people, slot_at, _unavailable_of_registrations(people)),
        table_free=_free(tables, slot_at),
        language_pair=language,
        interpreter_pairs=[
            [_covers(k, pair) for pair in language_pairs] for k in interpreters
        ] if interpreters else np.zeros((0, len(language_pairs)), dtype=bool),
        interpreter_free=_free(interpreters, slot_at),
        pins=pins,
    )  # fmt: skip
    return Encoded(
        event, problem, meetings, people, slots, tables, interpreters, language_pairs, left_out
    )


def _keep_allowed(event: Event, rows: list[Meeting]) -> tuple[list[Meeting], list[Left]]:
    """Drop meetings whose people are no longer approved, that the rules no longer allow, or
    past a sender's quota (the first requests sent keep their place)."""
    rules = {
        (r.requester_kind, r.recipient_kind): r for r in MeetingRule.objects.filter(event=event)
    }
    kept, left = [], []
    sent: dict[tuple[int, str], int] = defaultdict(int)
    for meeting in rows:
        sender, recipient = meeting.request.sender, meeting.request.recipient
        approved = RegistrationStatus.APPROVED
        if sender.status != approved or recipient.status != approved:
            left.append(Left("not_approved", meeting.pk))
            continue
        if rules:
            rule = rules.get((sender.kind, recipient.kind))
            if rule is None:
                left.append(Left("not_allowed", meeting.pk))
                continue
            sent[(sender.pk, recipient.kind)] += 1
            if sent[(sender.pk, recipient.kind)] > rule.max_requests:
                left.append(Left("over_quota", meeting.pk))
                continue
        kept.append(meeting)
    return kept, left


def _languages(meetings: list[Meeting], interpreters: list[Interpreter]):
    """Each meeting's language pair needing interpretation (NONE when they share one)."""
    covered = [tuple(sorted(pair)) for k in interpreters for pair in k.language_pairs]
    pairs: list[tuple[str, str]] = []
    language = []
    for m in meetings:
        a, b = m.request.sender.languages, m.request.recipient.languages
        if set(a) & set(b) or not a or not b:
            language.append(scheduling.NONE)
            continue
        options = [tuple(sorted(p)) for p in itertools.product(a, b)]
        pair = next((p for p in options if p in covered), options[0])
        if pair not in pairs:
            pairs.append(pair)
        language.append(pairs.index(pair))
    return pairs, language


def _covers(interpreter: Interpreter, pair: tuple[str, str]) -> bool:
    return any(tuple(sorted(p)) == pair for p in interpreter.language_pairs)


def _unavailable_of_registrations(people: list[Registration]) -> dict[int, set[int]]:
    through = Registration.unavailable_slots.through.objects.filter(
        registration_id__in=[r.pk for r in people]
    )
    busy: dict[int, set[int]] = defaultdict(set)
    for registration_id, slot_id in through.values_list("registration_id", "slot_id"):
        busy[registration_id].add(slot_id)
    return busy


def _free(rows, slot_at: dict[int, int], busy: dict[int, set[int]] | None = None) -> np.ndarray:
    free = np.ones((len(rows), len(slot_at)), dtype=bool)
    for i, row in enumerate(rows):
        away = (
            busy.get(row.pk, ())
            if busy is not None
            else [s.pk for s in row.unavailable_slots.all()]
        )
        for slot_id in away:
            if slot_id in slot_at:
                free[i, slot_at[slot_id]] = False
    return free
