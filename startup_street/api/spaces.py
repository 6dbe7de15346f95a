"""Spaces, free slots, bookings (single and recurring), approvals, testbed plans and
entitlements: the same services as the web pages. Times go in and out with their offset;
``*_local`` fields give them in the space's zone."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from pydantic import ConfigDict

from startup_street.core.i18n import pick
from startup_street.core.timezones import get_zone
from startup_street.spaces import selectors, services
from startup_street.spaces.models import Booking, DemonstrationPlan
from startup_street.spaces.rules import can_view_booking
from startup_street.startups.selectors import startups_of

from .auth import SIGNED_IN
from .schemas import ErrorOut, FieldErrorsOut

spaces = Router(tags=["spaces"])
bookings = Router(tags=["spaces"], auth=SIGNED_IN)
entitlements = Router(tags=["spaces"], auth=SIGNED_IN)
ERRORS = {403: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut}


class SpaceOut(Schema):
    slug: str
    kind: str
    name: dict
    name_shown: str
    organization: str
    capacity: int
    time_zone: str
    address: str
    map_url: str
    requires_approval: bool
    min_minutes: int
    max_minutes: int
    slot_minutes: int
    lead_minutes: int
    horizon_days: int

    @staticmethod
    def resolve_name_shown(space) -> str:
        return pick(space.name, space.original_language).text

    @staticmethod
    def resolve_organization(space) -> str:
        return space.organization.slug


class SlotOut(Schema):
    starts_at: datetime
    ends_at: datetime
    state: str = Field(
        description="free, taken, pending (a request awaits approval), blocked, past"
    )


class DayOut(Schema):
    date: date
    closed: bool
    slots: list[SlotOut]


class PlanOut(Schema):
    id: int
    robot: str
    scenario: str
    safety_officer: str
    safety_officer_phone: str
    status: str
    note: str
    outcome: str | None = None

    @staticmethod
    def resolve_outcome(plan) -> str | None:
        result = getattr(plan, "result", None) if hasattr(plan, "result") else None
        return result.outcome if result else None


class BookingOut(Schema):
    id: int
    space: str
    startup: int | None = Field(None, alias="startup_id")
    status: str
    starts_at: datetime
    ends_at: datetime
    starts_at_local: str = Field(description="The start in the space's zone, ISO 8601.")
    ends_at_local: str
    time_zone: str
    hours: Decimal
    title: str
    reason: str
    series: int | None = Field(None, alias="series_id")
    plan: PlanOut | None = None

    @staticmethod
    def resolve_space(booking) -> str:
        return booking.space.slug

    @staticmethod
    def resolve_time_zone(booking) -> str:
        return booking.space.time_zone

    @staticmethod
    def resolve_starts_at_local(booking) -> str:
        return booking.starts_at.astimezone(get_zone(booking.space.time_zone)).isoformat()

    @staticmethod
    def resolve_ends_at_local(booking) -> str:
        return booking.ends_at.astimezone(get_zone(booking.space.time_zone)).isoformat()

    @staticmethod
    def resolve_plan(booking):
        return getattr(booking, "plan", None) if hasattr(booking, "plan") else None


class BookingIn(Schema):
    space: str
    startup: int | None = Field(None, description="Empty: the organisation's own use (staff).")
    starts_at: datetime
    ends_at: datetime
    title: str = Field("", max_length=200)


class SeriesIn(BookingIn):
    frequency: Literal["daily", "weekly"]
    until: date


class SeriesOut(Schema):
    id: int
    frequency: str
    until: date
    confirmed_until: date
    bookings: list[BookingOut]

    @staticmethod
    def resolve_bookings(series):
        return list(series.bookings.select_related("space", "plan").order_by("starts_at"))


class ReasonIn(Schema):
    reason: str = Field("", max_length=300)

    # An object with this one field: a body that is not an object (or names another field) is
    # refused, not read as an empty reason.
    model_config = ConfigDict(extra="forbid")


class ApproveIn(Schema):
    decline_overlapping: bool = Field(
        False, description="Decline the overlapping requests (409 lists them when false)."
    )


class OverlapOut(Schema):
    detail: str
    overlapping: list[int]


class PlanIn(Schema):
    robot: str = Field(max_length=200)
    scenario: str = Field(max_length=5000)
    safety_officer: str = Field(max_length=200)
    safety_officer_phone: str = Field(max_length=40)


class PlanDecisionIn(Schema):
    approve: bool
    note: str = Field("", max_length=500)


class ResultIn(Schema):
    outcome: Literal["succeeded", "partly", "failed"]
    notes: str = Field("", max_length=5000)


class EntitlementOut(Schema):
    id: int
    startup: int
    startup_name: str
    organization: str
    kind: str
    hours_per_month: Decimal
    starts_on: date
    ends_on: date | None
    revoked: bool
    month: date
    used: Decimal
    left: Decimal


def _hours_schema(schema: dict) -> None:
    """Hours as they are accepted: at most 5 digits before the point and 2 after, not zero
    (negative takes hours away), as a number or as text."""
    schema.pop("anyOf", None)
    schema["anyOf"] = [
        {
            "type": "number",
            "multipleOf": 0.01,
            "minimum": -99999.99,
            "maximum": 99999.99,
            "not": {"const": 0},
        },
        {"type": "string", "pattern": r"^-?0*[1-9]\d{0,4}(\.\d{1,2})?$|^-?0*\.(0[1-9]|[1-9]\d?)$"},
    ]


class TopUpIn(Schema):
    hours: Decimal = Field(max_digits=7, decimal_places=2, json_schema_extra=_hours_schema)
    month: date
    reason: str = Field("", max_length=200)


def _booking(request, booking_id: int) -> Booking:
    booking = get_object_or_404(selectors.bookings_visible_to(request.auth), pk=booking_id)
    if not can_view_booking(request.auth, booking):
        raise PermissionDenied
    return booking


def _fresh(booking_id: int) -> Booking:
    return Booking.objects.select_related("space", "plan").get(pk=booking_id)


@spaces.get("", response=list[SpaceOut])
@paginate(PageNumberPagination)
def list_spaces(request, kind: str | None = None, organization: str | None = None):
    qs = selectors.spaces_visible_to(request.auth)
    if kind:
        qs = qs.filter(kind=kind)
    if organization:
        qs = qs.filter(organization__slug=organization)
    return qs.order_by("slug")


@spaces.get("/{slug}", response={200: SpaceOut, 404: ErrorOut})
def get_space(request, slug: str):
    return get_object_or_404(selectors.spaces_visible_to(request.auth), slug=slug)


@spaces.get(
    "/{slug}/availability", response={200: list[DayOut], 404: ErrorOut, 422: FieldErrorsOut}
)
def space_availability(
    request, slug: str, day: date | None = None, days: int = Query(1, ge=1, le=14)
):
    """Each local day from ``day`` (default: today in the space's zone) cut into slots."""
    space = get_object_or_404(selectors.spaces_visible_to(request.auth), slug=slug)
    today = timezone.now().astimezone(get_zone(space.time_zone)).date()
    day = day or today
    if abs((day - today).days) > 400:
        day = today
    return selectors.availability([space], day, days)[space.pk]


@bookings.get("", response=list[BookingOut])
@paginate(PageNumberPagination)
def list_bookings(
    request,
    status: str | None = None,
    space: str | None = None,
    since: datetime | None = None,
):
    """Your startups' bookings and, for staff, their spaces' bookings."""
    qs = selectors.bookings_visible_to(request.auth).select_related("plan")
    if status:
        qs = qs.filter(status=status)
    if space:
        qs = qs.filter(space__slug=space)
    if since:
        qs = qs.filter(ends_at__gte=since)
    return qs.order_by("starts_at", "pk")


def _startup(request, startup_id):
    if startup_id is None:
        return None
    return get_object_or_404(startups_of(request.auth), pk=startup_id)


@bookings.post("", response={201: BookingOut, **ERRORS})
def create_booking(request, payload: BookingIn):
    space = get_object_or_404(selectors.spaces_visible_to(request.auth), slug=payload.space)
    booking = services.book_space(
        space=space,
        user=request.auth,
        startup=_startup(request, payload.startup),
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        title=payload.title,
    )
    return Status(201, _fresh(booking.pk))


@bookings.post("/series", response={201: SeriesOut, **ERRORS})
def create_series(request, payload: SeriesIn):
    """The same time every day or week until ``until``: all occurrences, or none."""
    space = get_object_or_404(selectors.spaces_visible_to(request.auth), slug=payload.space)
    series = services.book_series(
        space=space,
        user=request.auth,
        startup=_startup(request, payload.startup),
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        frequency=payload.frequency,
        until=payload.until,
        title=payload.title,
    )
    return Status(201, series)


@bookings.post("/series/{series_id}/reconfirm", response={200: SeriesOut, **ERRORS})
def reconfirm_series(request, series_id: int):
    booking = get_object_or_404(
        selectors.bookings_visible_to(request.auth).filter(series_id=series_id)[:1]
    )
    return services.reconfirm_series(series=booking.series, user=request.auth)


@bookings.get("/{booking_id}", response={200: BookingOut, **ERRORS})
def get_booking(request, booking_id: int):
    return _fresh(_booking(request, booking_id).pk)


@bookings.post("/{booking_id}/cancel", response={200: BookingOut, **ERRORS})
def cancel_booking(request, booking_id: int, payload: ReasonIn):
    booking = _booking(request, booking_id)
    services.cancel_booking(booking=booking, actor=request.auth, reason=payload.reason)
    return _fresh(booking.pk)


@bookings.post("/{booking_id}/approve", response={200: BookingOut, 409: OverlapOut, **ERRORS})
def approve_booking(request, booking_id: int, payload: ApproveIn):
    booking = _booking(request, booking_id)
    try:
        services.approve_booking(
            booking=booking, actor=request.auth, decline_overlapping=payload.decline_overlapping
        )
    except services.OverlapWarning as warning:
        return Status(
            409,
            {
                "detail": " ".join(warning.messages),
                "overlapping": [other.pk for other in warning.others],
            },
        )
    return _fresh(booking.pk)


@bookings.post("/{booking_id}/decline", response={200: BookingOut, **ERRORS})
def decline_booking(request, booking_id: int, payload: ReasonIn):
    booking = _booking(request, booking_id)
    services.decline_booking(booking=booking, actor=request.auth, reason=payload.reason)
    return _fresh(booking.pk)


@bookings.put("/{booking_id}/plan", response={200: PlanOut, **ERRORS})
def submit_plan(request, booking_id: int, payload: PlanIn):
    """The demonstration plan of a testbed booking; changing it asks for approval again."""
    booking = _booking(request, booking_id)
    return services.submit_plan(booking=booking, user=request.auth, **payload.dict())


def _plan(request, booking_id: int) -> DemonstrationPlan:
    booking = _booking(request, booking_id)
    return get_object_or_404(DemonstrationPlan, booking=booking)


@bookings.post("/{booking_id}/plan/decision", response={200: PlanOut, **ERRORS})
def decide_plan(request, booking_id: int, payload: PlanDecisionIn):
    plan = services.decide_plan(
        plan=_plan(request, booking_id), actor=request.auth, **payload.dict()
    )
    return DemonstrationPlan.objects.get(pk=plan.pk)


@bookings.post("/{booking_id}/plan/result", response={200: PlanOut, **ERRORS})
def record_result(request, booking_id: int, payload: ResultIn):
    plan = _plan(request, booking_id)
    services.record_result(plan=plan, user=request.auth, **payload.dict())
    return DemonstrationPlan.objects.select_related("result").get(pk=plan.pk)


def _entitlement_out(balance) -> dict:
    e = balance.entitlement
    return {
        "id": e.pk,
        "startup": e.startup_id,
        "startup_name": e.startup.name,
        "organization": e.organization.slug,
        "kind": e.kind,
        "hours_per_month": e.hours_per_month,
        "starts_on": e.starts_on,
        "ends_on": e.ends_on,
        "revoked": e.revoked_at is not None,
        "month": balance.month,
        "used": balance.used,
        "left": balance.left,
    }


@entitlements.get("", response={200: list[EntitlementOut], 422: FieldErrorsOut})
def list_entitlements(request, month: date | None = None, startup: int | None = None):
    """Your startups' hours (and, for staff, those granted by their organisations) in ``month``
    (default: this month in your zone): granted plus top-ups, used, left."""
    qs = selectors.entitlements_visible_to(request.auth).prefetch_related("adjustments")
    if startup is not None:
        qs = qs.filter(startup_id=startup)
    month = (month or selectors.current_month(request.auth.time_zone)).replace(day=1)
    return [_entitlement_out(b) for b in selectors.balances(qs.order_by("pk"), month)]


def _managed(request, entitlement_id: int):
    entitlement = get_object_or_404(
        selectors.entitlements_visible_to(request.auth), pk=entitlement_id
    )
    return entitlement


@entitlements.post("/{entitlement_id}/top-up", response={200: EntitlementOut, **ERRORS})
def top_up(request, entitlement_id: int, payload: TopUpIn):
    entitlement = _managed(request, entitlement_id)
    services.top_up_entitlement(
        entitlement=entitlement,
        actor=request.auth,
        hours=payload.hours,
        month=payload.month,
        reason=payload.reason,
    )
    entitlement.refresh_from_db()
    return _entitlement_out(selectors.balances([entitlement], payload.month)[0])


@entitlements.post("/{entitlement_id}/revoke", response={200: EntitlementOut, **ERRORS})
def revoke(request, entitlement_id: int):
    entitlement = services.revoke_entitlement(
        entitlement=_managed(request, entitlement_id), actor=request.auth
    )
    month = selectors.current_month(request.auth.time_zone)
    return _entitlement_out(selectors.balances([entitlement], month)[0])
