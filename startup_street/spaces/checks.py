"""The booking rules, each a check that raises a translated ``ValidationError`` and writes nothing.

Opening hours and closures are wall-clock times in the space's zone; a space with no opening
hours at all is open around the clock. A booking lies within one local day.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from startup_street.core.timezones import get_zone

from .enums import HOLDING, BookingStatus
from .models import Blocking, Booking, CertificationHolder, Closure, Entitlement, Space


def local(space: Space, moment: datetime) -> datetime:
    return moment.astimezone(get_zone(space.time_zone))


def month_of(space: Space, moment: datetime) -> date:
    """The first day of the month ``moment`` falls in, in the space's zone."""
    return local(space, moment).date().replace(day=1)


def hours_between(starts_at: datetime, ends_at: datetime) -> Decimal:
    return (Decimal((ends_at - starts_at).total_seconds()) / 3600).quantize(Decimal("0.01"))


def check_times(space: Space, starts_at: datetime, ends_at: datetime, *, now=None) -> None:
    """Length, grid, lead time, horizon, opening hours and closures."""
    now = now or timezone.now()
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise ValidationError(_("Give the time with its zone."))
    if ends_at <= starts_at:
        raise ValidationError(_("The end must come after the start."))
    minutes = (ends_at - starts_at).total_seconds() / 60
    if minutes < space.min_minutes or minutes > space.max_minutes:
        raise ValidationError(
            _("A booking of this space lasts from %(min)d to %(max)d minutes.")
            % {"min": space.min_minutes, "max": space.max_minutes}
        )
    start, end = local(space, starts_at), local(space, ends_at)
    for moment in (start, end):
        since_midnight = moment.hour * 60 + moment.minute
        if moment.second or moment.microsecond or since_midnight % space.slot_minutes:
            raise ValidationError(
                _("Bookings start and end on the %(minutes)d-minute grid.")
                % {"minutes": space.slot_minutes}
            )
    if starts_at < now + timedelta(minutes=space.lead_minutes):
        raise ValidationError(
            _("Book at least %(minutes)d minutes ahead.") % {"minutes": space.lead_minutes}
        )
    if starts_at > now + timedelta(days=space.horizon_days):
        raise ValidationError(
            _("This space can be booked at most %(days)d days ahead.")
            % {"days": space.horizon_days}
        )
    check_open(space, start, end)


def check_open(space: Space, start: datetime, end: datetime) -> None:
    """``start`` and ``end`` are local to the space."""
    crosses = end.date() != start.date() and not (
        end.date() == start.date() + timedelta(days=1) and end.hour == 0 and end.minute == 0
    )
    if crosses:
        raise ValidationError(_("A booking must end on the day it starts."))
    if Closure.objects.filter(space=space, date=start.date()).exists():
        raise ValidationError(_("The space is closed on that day."))
    windows = list(space.opening_hours.all())
    if not windows:
        return
    end_time = end.time() if end.date() == start.date() else None
    for window in windows:
        fits_end = end_time is not None and end_time <= window.closes
        if window.weekday == start.weekday() and window.opens <= start.time() and fits_end:
            return
    raise ValidationError(_("The space is not open for the whole of that time."))


def check_not_blocked(space: Space, starts_at: datetime, ends_at: datetime) -> None:
    block = Blocking.objects.filter(
        space=space, starts_at__lt=ends_at, ends_at__gt=starts_at
    ).first()
    if block:
        raise ValidationError(
            _("The space is blocked then: %(reason)s.") % {"reason": block.reason}
        )


def overlapping(space: Space, starts_at: datetime, ends_at: datetime, statuses=HOLDING):
    return Booking.objects.filter(
        space=space, status__in=list(statuses), starts_at__lt=ends_at, ends_at__gt=starts_at
    )


def check_free(space: Space, starts_at: datetime, ends_at: datetime, *, exclude=None) -> None:
    taken = overlapping(space, starts_at, ends_at, [BookingStatus.CONFIRMED])
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        raise ValidationError(SLOT_TAKEN())


def SLOT_TAKEN() -> str:  # noqa: N802 - a message, read like a constant
    return _("That time is already booked.")


def check_certified(space: Space, user, day: date) -> None:
    certification = space.required_certification
    if certification is None:
        return
    held = CertificationHolder.objects.filter(certification=certification, user=user).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=day)
    )
    if not held.exists():
        raise ValidationError(
            _("Booking this space needs the certification “%(name)s”.") % {"name": certification}
        )


def active_entitlements(startup, space: Space, day: date):
    return Entitlement.objects.filter(
        startup=startup,
        organization_id=space.organization_id,
        kind=space.kind,
        revoked_at__isnull=True,
        starts_on__lte=day,
    ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))


def hours_left(entitlement: Entitlement, month: date, *, exclude=None) -> Decimal:
    topped = entitlement.adjustments.filter(month=month).aggregate(total=Sum("hours"))["total"]
    used = Booking.objects.filter(entitlement=entitlement, month=month, status__in=HOLDING)
    if exclude is not None:
        used = used.exclude(pk=exclude.pk)
    used_hours = used.aggregate(total=Sum("hours"))["total"]
    return entitlement.hours_per_month + (topped or 0) - (used_hours or 0)


def entitlement_to_draw(space: Space, startup, starts_at: datetime, hours: Decimal):
    """The entitlement this booking draws from, locked; refuses when none has the hours."""
    day = local(space, starts_at).date()
    candidates = active_entitlements(startup, space, day)
    cohort = list(space.cohort_calls.values_list("pk", flat=True))
    if cohort:
        candidates = candidates.filter(call_id__in=cohort)
    candidates = list(candidates.select_for_update().order_by("pk"))
    if not candidates:
        if cohort:
            raise ValidationError(_("Only startups of this space's cohorts may book it."))
        raise ValidationError(
            _("Your startup has no hours for this kind of space at this organisation.")
        )
    month = day.replace(day=1)
    for entitlement in candidates:
        if hours_left(entitlement, month) >= hours:
            return entitlement, month
    raise ValidationError(
        _("Not enough hours left this month: %(hours)s h are needed.") % {"hours": hours}
    )
