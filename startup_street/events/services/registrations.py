from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from startup_street.core.i18n import content_languages
from startup_street.core.services import CONFLICT
from startup_street.startups.rules import is_startup_member

from .. import rules
from ..enums import ParticipantKind, RegistrationStatus
from ..models import Event, Registration, Slot


@transaction.atomic
def create_event(
    *,
    organizers: list,
    slug: str,
    kind: str,
    title: dict,
    starts_at: datetime,
    ends_at: datetime,
    registration_opens_at: datetime,
    registration_closes_at: datetime,
    time_zone: str,
    languages: list[str],
    original_language: str = "ko",
    description: dict | None = None,
    venue: str = "",
    online_url: str = "",
    city: str = "",
    capacity: int = 100,
    slot_minutes: int | None = None,
    is_published: bool = True,
) -> Event:
    """An event and, with ``slot_minutes``, its meeting slots from start to end."""
    event = Event(
        slug=slug, kind=kind, title=title, description=description or {}, venue=venue,
        online_url=online_url, city=city, time_zone=time_zone, languages=languages,
        capacity=capacity, starts_at=starts_at, ends_at=ends_at, is_published=is_published,
        registration_opens_at=registration_opens_at, original_language=original_language,
        registration_closes_at=registration_closes_at,
    )  # fmt: skip
    _check_event(event)
    event.full_clean()
    event.save()
    event.organizers.set(organizers)
    if slot_minutes:
        step = timedelta(minutes=slot_minutes)
        at = starts_at
        while at + step <= ends_at:
            Slot.objects.create(event=event, starts_at=at, ends_at=at + step)
            at += step
    return event


def _check_event(event: Event) -> None:
    errors = {}
    if event.ends_at <= event.starts_at:
        errors["ends_at"] = [_("An event ends after it starts.")]
    if event.registration_closes_at <= event.registration_opens_at:
        errors["registration_closes_at"] = [_("Registration closes after it opens.")]
    if not event.languages or set(event.languages) - set(content_languages()):
        errors["languages"] = [_("Choose working languages among Korean, Chinese and English.")]
    if not event.venue and not event.online_url:
        errors["venue"] = [_("Give a venue or an online link.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def register(
    *,
    event: Event,
    user,
    kind: str,
    name: str,
    languages: list[str],
    offers: str = "",
    seeks: str = "",
    city: str = "",
    startup=None,
    sectors=(),
    unavailable_slots=(),
) -> Registration:
    """Register ``user`` for ``event``; organisers approve, waitlist or decline it."""
    if not rules.can_view_event(user, event):
        raise PermissionDenied
    if not rules.can_register(user, event):
        raise ValidationError(_("Registration for this event is not open."), code=CONFLICT)
    if event.registrations.filter(user=user).exists():
        raise ValidationError(_("You are already registered for this event."), code=CONFLICT)
    if startup is not None and not is_startup_member(user, startup):
        raise ValidationError({"startup": [_("You can only register a startup you belong to.")]})
    if kind == ParticipantKind.STARTUP and startup is None:
        raise ValidationError({"startup": [_("Choose the startup you register.")]})
    if not languages or set(languages) - set(content_languages()):
        raise ValidationError({"languages": [_("Choose at least one working language.")]})
    if any(slot.event_id != event.pk for slot in unavailable_slots):
        raise ValidationError({"unavailable_slots": [_("Choose slots of this event.")]})
    registration = Registration(
        event=event, user=user, kind=kind, name=name, startup=startup, city=city,
        offers=offers, seeks=seeks, languages=list(languages),
    )  # fmt: skip
    registration.full_clean()
    registration.save()
    registration.sectors.set(sectors)
    registration.unavailable_slots.set(unavailable_slots)
    return registration


@transaction.atomic
def decide_registration(*, registration: Registration, actor, status: str) -> Registration:
    """Approve, waitlist or decline; approving stops at the event's capacity."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    if not rules.can_manage_event(actor, event):
        raise PermissionDenied
    if status not in RegistrationStatus.values or status == RegistrationStatus.PENDING:
        raise ValidationError({"status": [_("Choose approve, waitlist or decline.")]})
    approved = event.registrations.filter(status=RegistrationStatus.APPROVED)
    if (
        status == RegistrationStatus.APPROVED
        and registration.status != status
        and approved.count() >= event.capacity
    ):
        raise ValidationError(
            _("The event is full: waitlist this registration instead."), code=CONFLICT
        )
    registration.status = status
    registration.save(update_fields=["status", "updated_at"])
    return registration
