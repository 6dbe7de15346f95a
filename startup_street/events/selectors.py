"""Reads of the events app; lists filtered in SQL by what the viewer may see."""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from startup_street.organizations.enums import STAFF_ROLES

from .enums import RegistrationStatus, RequestStatus
from .models import Event, MarketEntry, Meeting, MeetingRequest, Outcome, Registration


def events_visible_to(user) -> QuerySet[Event]:
    if getattr(user, "is_superuser", False):
        return Event.objects.all()
    visible = Q(is_published=True)
    if user.is_authenticated:
        visible |= Q(pk__in=events_managed_by(user).values("pk"))
    return Event.objects.filter(visible)


def events_managed_by(user) -> QuerySet[Event]:
    if not user.is_authenticated:
        return Event.objects.none()
    if user.is_superuser:
        return Event.objects.all()
    return Event.objects.filter(
        organizers__memberships__user=user, organizers__memberships__role__in=STAFF_ROLES
    ).distinct()


def registration_of(user, event: Event) -> Registration | None:
    if not user.is_authenticated:
        return None
    return event.registrations.filter(user=user).first()


def participants_visible_to(user, event: Event) -> QuerySet[Registration]:
    """Organisers see every registration; approved participants see the approved others;
    anyone else sees none."""
    qs = event.registrations.select_related("user", "startup").prefetch_related("sectors")
    if events_managed_by(user).filter(pk=event.pk).exists():
        return qs
    if not user.is_authenticated:
        return qs.none()
    if not event.registrations.filter(user=user, status=RegistrationStatus.APPROVED).exists():
        return qs.none()
    return qs.filter(status=RegistrationStatus.APPROVED)


def requests_of(registration: Registration) -> QuerySet[MeetingRequest]:
    return (
        MeetingRequest.objects.filter(Q(sender=registration) | Q(recipient=registration))
        .select_related("sender", "recipient")
        .order_by("-created_at")
    )


def requests_visible_to(user, event: Event) -> QuerySet[MeetingRequest]:
    qs = event.requests.select_related("sender", "recipient")
    if events_managed_by(user).filter(pk=event.pk).exists():
        return qs
    if not user.is_authenticated:
        return qs.none()
    return qs.filter(Q(sender__user=user) | Q(recipient__user=user))


def agenda_of(registration: Registration) -> list[Meeting]:
    """The participant's published meetings, earliest first."""
    return list(
        Meeting.objects.filter(published_slot__isnull=False)
        .filter(Q(request__sender=registration) | Q(request__recipient=registration))
        .select_related(
            "published_slot",
            "published_table",
            "published_interpreter",
            "request__sender",
            "request__recipient",
        )
        .order_by("published_slot__starts_at")
    )


def draft_of(event: Event) -> QuerySet[Meeting]:
    return (
        event.meetings.select_related(
            "slot", "table", "interpreter", "request__sender", "request__recipient"
        )
        .filter(request__status=RequestStatus.ACCEPTED)
        .order_by("slot__starts_at", "table__name", "pk")
    )


# The city dashboard's counts. Meetings "held" are published ones whose slot has ended.


def meetings_held(*, since: datetime | None = None, until: datetime | None = None) -> int:
    until = until or timezone.now()
    qs = Meeting.objects.filter(published_slot__isnull=False, published_slot__ends_at__lte=until)
    if since is not None:
        qs = qs.filter(published_slot__starts_at__gte=since)
    return qs.count()


def outcomes_by_kind(*, since: date | None = None, until: date | None = None) -> dict[str, int]:
    qs = Outcome.objects.all()
    if since is not None:
        qs = qs.filter(happened_on__gte=since)
    if until is not None:
        qs = qs.filter(happened_on__lte=until)
    rows = qs.values("kind").annotate(n=Count("pk")).order_by("kind")
    return {row["kind"]: row["n"] for row in rows}


def market_entries_by_route() -> dict[tuple[str, str], int]:
    rows = MarketEntry.objects.values("origin", "target").annotate(n=Count("pk"))
    return {(row["origin"], row["target"]): row["n"] for row in rows.order_by("origin", "target")}
