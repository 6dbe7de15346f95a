"""Recurring bookings: every occurrence checked like a single booking, all or none.

A series longer than ``RECONFIRM_DAYS`` is confirmed that far ahead; its booker re-confirms it
to keep the later occurrences, which are released once ``confirmed_until`` passes unconfirmed.
"""

from datetime import UTC, date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from startup_street.core.services import record_activity
from startup_street.core.timezones import get_zone

from .. import checks
from ..enums import HOLDING, BookingStatus, Frequency
from ..models import BookingSeries, Space
from ..rules import is_booking_team_member
from .bookings import _decide, lock_space, place_booking
from .waitlist import offer_freed_slot

RECONFIRM_DAYS = 28
MAX_OCCURRENCES = 100


def occurrences(space: Space, starts_at: datetime, ends_at: datetime, frequency: str, until: date):
    """Each occurrence's start and end: the same wall-clock time in the space's zone."""
    zone = get_zone(space.time_zone)
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    step = timedelta(days=1 if frequency == Frequency.DAILY else 7)
    found = []
    while start.date() <= until:
        found.append((_rezone(start, zone), _rezone(end, zone)))
        start, end = start + step, end + step
        if len(found) > MAX_OCCURRENCES:
            raise ValidationError(
                _("A recurring booking has at most %(count)d occurrences.")
                % {"count": MAX_OCCURRENCES}
            )
    return found


def _rezone(moment: datetime, zone) -> datetime:
    """The same wall-clock time with the zone's offset on that day (across a DST change)."""
    return timezone.make_aware(moment.replace(tzinfo=None), zone)


@transaction.atomic
def book_series(
    *,
    space: Space,
    user,
    startup,
    starts_at: datetime,
    ends_at: datetime,
    frequency: str,
    until: date,
    title: str = "",
) -> BookingSeries:
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": [_("Choose daily or weekly.")]})
    space = lock_space(space)
    if until < checks.local(space, starts_at).date():
        raise ValidationError({"until": [_("The last day cannot come before the first.")]})
    today = timezone.now().astimezone(get_zone(space.time_zone)).date()
    series = BookingSeries(
        space=space,
        frequency=frequency,
        until=until,
        confirmed_until=min(until, today + timedelta(days=RECONFIRM_DAYS)),
        booked_by=user,
    )
    planned = occurrences(space, starts_at, ends_at, frequency, until)
    series.save()
    for start, end in planned:
        try:
            place_booking(space, user, startup, start, end, title, series=series)
        except ValidationError as error:
            raise ValidationError(
                _("%(day)s: %(reason)s Nothing was booked.")
                % {
                    "day": formats.date_format(start.date()),
                    "reason": " ".join(error.messages),
                }
            ) from error
    record_activity(actor=user, verb="series.booked", target=series, count=len(planned))
    return series


@transaction.atomic
def reconfirm_series(*, series: BookingSeries, user) -> BookingSeries:
    """Keep the series' occurrences for another ``RECONFIRM_DAYS`` days."""
    series = BookingSeries.objects.select_for_update().get(pk=series.pk)
    first = series.bookings.select_related("startup", "space").first()
    if first is None or not is_booking_team_member(user, first):
        raise ValidationError(_("Only the team that booked it can re-confirm it."))
    today = timezone.now().astimezone(get_zone(series.space.time_zone)).date()
    series.confirmed_until = min(series.until, today + timedelta(days=RECONFIRM_DAYS))
    series.save(update_fields=["confirmed_until", "updated_at"])
    record_activity(actor=user, verb="series.reconfirmed", target=series)
    return series


def needs_reconfirmation(series: BookingSeries) -> bool:
    return series.confirmed_until < series.until


@transaction.atomic
def release_unconfirmed_series(*, now: datetime | None = None) -> int:
    """Cancel occurrences after ``confirmed_until`` of every series whose day has passed.

    Idempotent; the worker's schedule runs it hourly (``spaces/periodic.py``)."""
    now = now or timezone.now()
    released = 0
    # A zone ahead of UTC may already be a day further: the exact day is checked in each zone.
    tomorrow_in_utc = (now.astimezone(UTC) + timedelta(days=1)).date()
    for series in BookingSeries.objects.filter(
        confirmed_until__lt=tomorrow_in_utc, until__gt=F("confirmed_until")
    ).select_related("space"):
        zone = get_zone(series.space.time_zone)
        if series.confirmed_until >= now.astimezone(zone).date():
            continue
        cutoff = timezone.make_aware(
            datetime.combine(series.confirmed_until + timedelta(days=1), datetime.min.time()), zone
        )
        lock_space(series.space)
        later = series.bookings.filter(status__in=HOLDING, starts_at__gte=cutoff)
        for booking in later.select_related("space"):
            held_the_slot = booking.status == BookingStatus.CONFIRMED
            _decide(booking, None, BookingStatus.CANCELLED, _("The series was not re-confirmed."))
            if held_the_slot:  # a request awaiting approval held hours, not the slot
                offer_freed_slot(
                    space=series.space, starts_at=booking.starts_at, ends_at=booking.ends_at
                )
            released += 1
    return released
