"""Events: registrations, meeting requests, schedules and agendas (the same services as the
pages). What one may not see answers 404; what one may see but not change answers 403."""

from datetime import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from startup_street.core.i18n import normalise_language, pick
from startup_street.core.models import Sector
from startup_street.core.timezones import get_zone, zone_label
from startup_street.events import rules, selectors, services
from startup_street.events.agenda import agenda_rows
from startup_street.events.enums import RegistrationStatus
from startup_street.events.reasons import describe_stored, run_summary
from startup_street.events.services.schedules import draft_problems
from startup_street.startups.selectors import startups_of

from .auth import ANYONE, SIGNED_IN
from .schemas import ErrorOut, FieldErrorsOut, Id

router = Router(tags=["events"], auth=SIGNED_IN)
ERRORS = {403: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut}


class EventOut(Schema):
    slug: str
    kind: str
    title: dict[str, str]
    title_shown: str
    description: dict[str, str]
    original_language: str
    organizers: list[str]
    venue: str
    online_url: str
    city: str
    time_zone: str
    languages: list[str]
    capacity: int
    starts_at: datetime
    ends_at: datetime
    registration_opens_at: datetime
    registration_closes_at: datetime
    schedule_published_at: datetime | None

    @staticmethod
    def resolve_organizers(obj) -> list[str]:
        return [org.slug for org in obj.organizers.all()]

    @staticmethod
    def resolve_title_shown(obj) -> str:
        return pick(obj.title, obj.original_language).text


class RegistrationIn(Schema):
    kind: Literal["startup", "corporate", "investor", "support", "public"]
    name: str = Field(max_length=160)
    languages: list[Literal["ko", "zh-hans", "en"]] = Field(
        min_length=1, description="Working languages."
    )
    startup: str | None = Field(None, description="Slug of your startup (startups only).")
    city: str = ""
    offers: str = Field("", max_length=2000)
    seeks: str = Field("", max_length=2000)
    sectors: list[str] = []
    unavailable_slots: list[Id] = Field([], description="Ids of slots you cannot meet in.")


class RegistrationOut(Schema):
    id: int
    kind: str
    name: str
    city: str
    offers: str
    seeks: str
    languages: list[str]
    status: str


class DecisionIn(Schema):
    status: Literal["approved", "waitlisted", "declined"]


class RequestIn(Schema):
    recipient: Id = Field(description="The registration id of whom you ask.")
    interest: Literal["must", "would"]
    message: str = Field("", max_length=500)


class AnswerIn(Schema):
    interest: Literal["must", "would", "no"]


class RequestOut(Schema):
    id: int
    sender: int = Field(alias="sender_id")
    sender_name: str = Field(alias="sender.name")
    recipient: int = Field(alias="recipient_id")
    recipient_name: str = Field(alias="recipient.name")
    sender_interest: str
    recipient_interest: str
    message: str
    status: str


class MeetingOut(Schema):
    id: int
    sender: str = Field(alias="request.sender.name")
    recipient: str = Field(alias="request.recipient.name")
    slot: datetime | None = Field(None, alias="slot.starts_at")
    table: str | None = Field(None, alias="table.name")
    interpreter: str | None = Field(None, alias="interpreter.name")
    pinned: bool


class RunOut(Schema):
    status: str
    summary: str
    requested: int
    objective: int
    bound: float
    gap: float
    seconds: float
    meetings: int
    issues: list[str]


class ScheduleOut(Schema):
    published_at: datetime | None
    run: RunOut | None
    problems: list[str] = Field(description="What stops the draft from being published.")
    meetings: list[MeetingOut]


class PinIn(Schema):
    slot: int
    table: int | None = None
    interpreter: int | None = None


class AgendaItemOut(Schema):
    starts_at: datetime
    ends_at: datetime
    time_zone: str = Field(description="The IANA zone the times are given in, e.g. Asia/Seoul")
    zone: str = Field(description="That zone named for a reader, in the request's language")
    with_name: str
    with_kind: str
    table: str
    interpreter: str


class PublishedOut(Schema):
    notified: int


def _event(request, slug: str):
    return get_object_or_404(
        selectors.events_visible_to(request.auth).prefetch_related("organizers"), slug=slug
    )


def _managed(request, slug: str):
    event = _event(request, slug)
    if not rules.can_manage_event(request.auth, event):
        raise PermissionDenied
    return event


def _participant(request, event):
    mine = selectors.registration_of(request.auth, event)
    if mine is None or mine.status != RegistrationStatus.APPROVED:
        raise PermissionDenied
    return mine


@router.get("", response=list[EventOut], auth=ANYONE)
def list_events(request):
    return selectors.events_visible_to(request.auth).prefetch_related("organizers")


@router.get("/{slug}", response={200: EventOut, **ERRORS}, auth=ANYONE)
def get_event(request, slug: str):
    return _event(request, slug)


@router.get("/{slug}/registrations", response={200: list[RegistrationOut], **ERRORS})
def list_registrations(request, slug: str):
    """Organisers: every registration; approved participants: the approved; others: their own."""
    event = _event(request, slug)
    visible = selectors.participants_visible_to(request.auth, event)
    if visible.exists():
        return visible
    return event.registrations.filter(user=request.auth)


@router.post("/{slug}/registrations", response={201: RegistrationOut, **ERRORS})
def register(request, slug: str, payload: RegistrationIn):
    event = _event(request, slug)
    data = payload.dict()
    startup = data.pop("startup")
    if startup:
        startup = startups_of(request.auth).filter(slug=startup).first()
        if startup is None:
            raise ValidationError(
                {"startup": [_("You can only register a startup you belong to.")]}
            )
    data["sectors"] = list(Sector.objects.filter(code__in=data["sectors"]))
    data["unavailable_slots"] = list(event.slots.filter(pk__in=data["unavailable_slots"]))
    registration = services.register(
        event=event, user=request.auth, startup=startup or None, **data
    )
    return Status(201, registration)


@router.post("/{slug}/registrations/{int:pk}/decision", response={200: RegistrationOut, **ERRORS})
def decide(request, slug: str, pk: int, payload: DecisionIn):
    event = _managed(request, slug)
    registration = get_object_or_404(event.registrations, pk=pk)
    return services.decide_registration(
        registration=registration, actor=request.auth, status=payload.status
    )


@router.get("/{slug}/requests", response={200: list[RequestOut], **ERRORS})
def list_requests(request, slug: str):
    """Organisers: all the event's requests; participants: those they sent or received."""
    return selectors.requests_visible_to(request.auth, _event(request, slug))


@router.post("/{slug}/requests", response={201: RequestOut, **ERRORS})
def send_request(request, slug: str, payload: RequestIn):
    event = _event(request, slug)
    mine = _participant(request, event)
    recipient = (
        selectors.participants_visible_to(request.auth, event).filter(pk=payload.recipient).first()
    )
    if recipient is None:
        raise Http404
    made = services.send_request(
        sender=mine, recipient=recipient, actor=request.auth, interest=payload.interest,
        message=payload.message,
    )  # fmt: skip
    return Status(201, made)


@router.post("/{slug}/requests/{int:pk}/answer", response={200: RequestOut, **ERRORS})
def answer_request(request, slug: str, pk: int, payload: AnswerIn):
    event = _event(request, slug)
    found = get_object_or_404(selectors.requests_visible_to(request.auth, event), pk=pk)
    return services.answer_request(request=found, actor=request.auth, interest=payload.interest)


@router.get("/{slug}/schedule", response={200: ScheduleOut, **ERRORS})
def get_schedule(request, slug: str, lang: str | None = None):
    """The draft schedule, the last solve in plain words and what stops publishing (organisers)."""
    event = _managed(request, slug)
    with translation.override(normalise_language(lang) or translation.get_language()):
        run = event.schedule_runs.first()
        run_out = None
        if run is not None:
            run_out = {
                "status": run.status, "summary": run_summary(run), "requested": run.requested,
                "objective": run.objective, "bound": run.bound, "gap": run.gap,
                "seconds": run.seconds, "meetings": run.meetings,
                "issues": describe_stored(event.time_zone, run.issues),
            }  # fmt: skip
        return {
            "published_at": event.schedule_published_at,
            "run": run_out,
            "problems": draft_problems(event),
            "meetings": list(selectors.draft_of(event)),
        }


@router.post("/{slug}/schedule/solve", response={200: RunOut, **ERRORS})
def solve(request, slug: str):
    event = _managed(request, slug)
    run = services.solve_schedule(event=event, actor=request.auth)
    return {
        "status": run.status, "summary": run_summary(run), "requested": run.requested,
        "objective": run.objective, "bound": run.bound, "gap": run.gap, "seconds": run.seconds,
        "meetings": run.meetings, "issues": describe_stored(event.time_zone, run.issues),
    }  # fmt: skip


@router.post("/{slug}/schedule/publish", response={200: PublishedOut, **ERRORS})
def publish(request, slug: str):
    event = _managed(request, slug)
    return {"notified": len(services.publish_schedule(event=event, actor=request.auth))}


@router.post("/{slug}/meetings/{int:pk}/pin", response={200: MeetingOut, **ERRORS})
def pin(request, slug: str, pk: int, payload: PinIn):
    event = _managed(request, slug)
    meeting = get_object_or_404(event.meetings, pk=pk)
    slot = get_object_or_404(event.slots, pk=payload.slot)
    table = get_object_or_404(event.tables, pk=payload.table) if payload.table else None
    interpreter = (
        get_object_or_404(event.interpreters, pk=payload.interpreter)
        if payload.interpreter
        else None
    )
    services.move_meeting(
        meeting=meeting, actor=request.auth, slot=slot, table=table, interpreter=interpreter
    )
    return selectors.draft_of(event).get(pk=meeting.pk)


@router.get("/{slug}/agenda", response={200: list[AgendaItemOut], **ERRORS})
def agenda(request, slug: str, tz: str | None = None):
    """Your published meetings, in your time zone (or ``tz``), each with its zone named."""
    event = _event(request, slug)
    mine = selectors.registration_of(request.auth, event)
    if mine is None:
        raise Http404
    zone_name = getattr(get_zone(tz or request.auth.time_zone), "key", "UTC")
    return [
        {
            "starts_at": row.starts,
            "ends_at": row.ends,
            "time_zone": zone_name,
            "zone": zone_label(row.starts, get_zone(zone_name)),
            "with_name": row.counterpart.name,
            "with_kind": row.counterpart.kind,
            "table": row.table,
            "interpreter": row.interpreter,
        }  # fmt: skip
        for row in agenda_rows(mine, zone_name)
    ]
