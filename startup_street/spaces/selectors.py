"""Reads of the spaces app: what each visitor may see, free slots, hours left, utilisation."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, Min, Q, Sum
from django.utils import timezone

from startup_street.core.timezones import get_zone
from startup_street.organizations.enums import STAFF_ROLES
from startup_street.organizations.models import Organization

from .enums import HOLDING, BookingStatus, PlanStatus, SpaceKind
from .models import (
    Blocking,
    Booking,
    Closure,
    DemonstrationPlan,
    DemonstrationResult,
    Entitlement,
    OpeningHours,
    Space,
    WaitlistEntry,
)


def staffed_organization_ids(user) -> list[int]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        user.memberships.filter(role__in=STAFF_ROLES).values_list("organization_id", flat=True)
    )


def spaces_visible_to(user):
    """Bookable spaces for everyone; a space taken out of booking only for its staff."""
    qs = Space.objects.select_related("organization")
    if getattr(user, "is_superuser", False):
        return qs
    return qs.filter(Q(is_active=True) | Q(organization_id__in=staffed_organization_ids(user)))


def organizations_with_spaces(spaces):
    """The organisations of ``spaces``, by name (for the list's filter)."""
    return Organization.objects.filter(pk__in=spaces.values("organization_id")).order_by("slug")


def spaces_managed_by(user):
    if getattr(user, "is_superuser", False):
        return Space.objects.select_related("organization")
    return Space.objects.filter(organization_id__in=staffed_organization_ids(user)).select_related(
        "organization"
    )


def _team_startup_ids(user) -> list[int]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(user.startup_memberships.values_list("startup_id", flat=True))


def bookings_visible_to(user):
    """The bookings of the viewer's startups and their own, and of the spaces they staff."""
    qs = Booking.objects.select_related("space__organization", "startup", "booked_by")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_superuser:
        return qs
    return qs.filter(
        Q(startup_id__in=_team_startup_ids(user))
        | Q(booked_by=user)
        | Q(space__organization_id__in=staffed_organization_ids(user))
    )


def bookings_of(user):
    """The viewer's own: their startups' bookings and their own."""
    if not getattr(user, "is_authenticated", False):
        return Booking.objects.none()
    return Booking.objects.filter(
        Q(startup_id__in=_team_startup_ids(user)) | Q(booked_by=user)
    ).select_related("space__organization", "startup", "series", "plan")


def pending_requests(user):
    return (
        bookings_visible_to(user)
        .filter(
            status=BookingStatus.PENDING,
            starts_at__gt=timezone.now(),
            space__organization_id__in=staffed_organization_ids(user),
        )
        .order_by("starts_at", "pk")
    )


def plans_to_decide(user):
    return (
        DemonstrationPlan.objects.filter(
            status=PlanStatus.SUBMITTED,
            booking__space__organization_id__in=staffed_organization_ids(user),
        )
        .select_related("booking__space", "booking__startup")
        .order_by("booking__starts_at")
    )


def offers_for(user):
    return WaitlistEntry.objects.filter(
        startup_id__in=_team_startup_ids(user), status__in=["waiting", "offered"]
    ).select_related("space", "startup")


def entitlements_visible_to(user):
    qs = Entitlement.objects.select_related("startup", "organization", "call")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_superuser:
        return qs
    return qs.filter(
        Q(startup_id__in=_team_startup_ids(user))
        | Q(organization_id__in=staffed_organization_ids(user))
    )


@dataclass(frozen=True)
class Balance:
    entitlement: Entitlement
    month: date
    granted: Decimal
    topped_up: Decimal
    used: Decimal

    @property
    def left(self) -> Decimal:
        return self.granted + self.topped_up - self.used


def balances(entitlements, month: date) -> list[Balance]:
    """Each entitlement's hours in ``month``: granted, topped up, used (pending and confirmed)."""
    entitlements = list(entitlements)
    ids = [e.pk for e in entitlements]
    month = month.replace(day=1)
    used = dict(
        Booking.objects.filter(entitlement_id__in=ids, month=month, status__in=HOLDING)
        .values("entitlement_id")
        .annotate(total=Sum("hours"))
        .values_list("entitlement_id", "total")
    )
    topped = defaultdict(Decimal)
    for e in entitlements:
        for adjustment in e.adjustments.all():
            if adjustment.month == month:
                topped[e.pk] += adjustment.hours
    return [
        Balance(e, month, e.hours_per_month, topped[e.pk], used.get(e.pk) or Decimal(0))
        for e in entitlements
    ]


def hours_left_of(user, month: date) -> list[Balance]:
    """The hours of the viewer's startups in ``month``, for each entitlement not revoked."""
    entitlements = (
        entitlements_visible_to(user)
        .filter(startup_id__in=_team_startup_ids(user), revoked_at__isnull=True)
        .prefetch_related("adjustments")
        .order_by("startup__name", "organization_id", "kind")
    )
    return balances(entitlements, month)


def booked_hours(*, start: datetime, end: datetime) -> Decimal:
    """Hours of confirmed bookings that start in [start, end), across the street."""
    total = Booking.objects.filter(
        status=BookingStatus.CONFIRMED, starts_at__gte=start, starts_at__lt=end
    ).aggregate(total=Sum("hours"))["total"]
    return total or Decimal(0)


def current_month(zone_name: str | None = None) -> date:
    return timezone.now().astimezone(get_zone(zone_name)).date().replace(day=1)


# -- free slots -------------------------------------------------------------------------------


@dataclass
class Slot:
    starts_at: datetime
    ends_at: datetime
    state: str  # free, taken, pending, blocked, past

    @property
    def is_free(self) -> bool:
        return self.state == "free"


@dataclass
class Day:
    date: date
    closed: bool = False
    slots: list[Slot] = field(default_factory=list)

    @property
    def free(self) -> int:
        return sum(slot.is_free for slot in self.slots)


def _windows(space: Space, hours: list[OpeningHours], day: date) -> list[tuple[time, time | None]]:
    if not hours:
        return [(time(0), None)]
    return [(h.opens, h.closes) for h in hours if h.weekday == day.weekday()]


def availability(spaces, start: date, days: int = 1, *, now: datetime | None = None) -> dict:
    """For each space, ``days`` local days from ``start`` cut into its slots, each marked free,
    taken (confirmed), pending (a request awaits approval), blocked or past. Reads everything
    in four queries, whatever the number of spaces."""
    spaces = list(spaces)
    now = now or timezone.now()
    ids = [s.pk for s in spaces]
    lo = timezone.make_aware(datetime.combine(start - timedelta(days=1), time()), UTC)
    hi = timezone.make_aware(datetime.combine(start + timedelta(days=days + 1), time()), UTC)
    hours, closed, busy = defaultdict(list), defaultdict(set), defaultdict(list)
    for h in OpeningHours.objects.filter(space_id__in=ids):
        hours[h.space_id].append(h)
    for space_id, day in Closure.objects.filter(
        space_id__in=ids, date__gte=start, date__lt=start + timedelta(days=days)
    ).values_list("space_id", "date"):
        closed[space_id].add(day)
    for row in Booking.objects.filter(
        space_id__in=ids, status__in=HOLDING, starts_at__lt=hi, ends_at__gt=lo
    ).values_list("space_id", "starts_at", "ends_at", "status"):
        busy[row[0]].append(row[1:])
    for row in Blocking.objects.filter(
        space_id__in=ids, starts_at__lt=hi, ends_at__gt=lo
    ).values_list("space_id", "starts_at", "ends_at"):
        busy[row[0]].append((row[1], row[2], "blocked"))
    return {
        s.pk: [
            _day(s, start + timedelta(days=n), hours[s.pk], closed[s.pk], busy[s.pk], now)
            for n in range(days)
        ]
        for s in spaces
    }


def first_free_day(space: Space, start: date, *, days: int) -> date | None:
    """The first of ``days`` local days from ``start`` with a free slot in ``space``."""
    shown = availability([space], start, days)[space.pk]
    return next((d.date for d in shown if d.free), None)


RANK = {"blocked": 3, BookingStatus.CONFIRMED: 2, BookingStatus.PENDING: 1}
STATE = {"blocked": "blocked", BookingStatus.CONFIRMED: "taken", BookingStatus.PENDING: "pending"}


def _day(space: Space, day: date, hours, closed: set, busy: list, now: datetime) -> Day:
    if day in closed:
        return Day(day, closed=True)
    zone = get_zone(space.time_zone)
    step = timedelta(minutes=space.slot_minutes)
    busy = sorted(busy)
    result = Day(day)
    for opens, closes in _windows(space, hours, day):
        moment = timezone.make_aware(datetime.combine(day, opens), zone)
        end = (
            timezone.make_aware(datetime.combine(day, closes), zone)
            if closes
            else timezone.make_aware(datetime.combine(day + timedelta(days=1), time()), zone)
        )
        while moment + step <= end:
            result.slots.append(_slot(moment, moment + step, busy, now))
            moment += step
    return result


def _slot(starts_at: datetime, ends_at: datetime, busy: list, now: datetime) -> Slot:
    if starts_at <= now:
        return Slot(starts_at, ends_at, "past")
    worst = None
    for b_start, b_end, kind in busy:
        if b_start >= ends_at:
            break
        if b_end > starts_at and (worst is None or RANK[kind] > RANK[worst]):
            worst = kind
    return Slot(starts_at, ends_at, STATE[worst] if worst else "free")


# -- utilisation --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Utilisation:
    """Booked (confirmed) hours against open hours of one space (or organisation) in a month."""

    month: date
    organization_id: int
    space_id: int | None
    kind: str | None
    open_hours: Decimal
    booked_hours: Decimal
    bookings: int

    @property
    def rate(self) -> float:
        return float(self.booked_hours / self.open_hours) if self.open_hours else 0.0


def _months(start: date, end: date) -> list[date]:
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def _weekday_hours(hours: list[OpeningHours]) -> list[Decimal]:
    """Open hours on each weekday (Monday first); 24 a day for a space without opening hours."""
    if not hours:
        return [Decimal(24)] * 7
    per_day = [Decimal(0)] * 7
    for h in hours:
        span = datetime.combine(date.min, h.closes) - datetime.combine(date.min, h.opens)
        per_day[h.weekday] += Decimal(span.total_seconds()) / 3600
    return per_day


def _open_hours(per_weekday: list[Decimal], closed: set, month: date) -> Decimal:
    return _open_between(per_weekday, closed, month, (month + timedelta(days=32)).replace(day=1))


def _open_between(per_weekday: list[Decimal], closed: set, first: date, after: date) -> Decimal:
    """Open hours from the day ``first`` up to the day ``after`` (not included)."""
    weeks, rest = divmod((after - first).days, 7)
    start = first.weekday()
    total = weeks * sum(per_weekday) + sum(per_weekday[(start + n) % 7] for n in range(rest))
    for day in closed:
        if first <= day < after:
            total -= per_weekday[day.weekday()]
    return total


def utilisation_total(
    *, start: date, end: date, organizations: tuple[int, ...] | None = None
) -> tuple[Decimal, Decimal]:
    """Open and confirmed booked hours of the spaces (of ``organizations``, or all) over the
    whole months from ``start``'s to ``end``'s, each space counted from the month it came into
    use in its own zone (added to the street, or first booked if that was earlier). Bookings
    count in the month their start falls in, in the space's zone, as in ``utilisation``: one
    grouped query per time zone and arithmetic per space, whatever the range."""
    spaces = Space.objects.all()
    if organizations is not None:
        spaces = spaces.filter(organization__in=organizations)
    spaces = list(spaces.only("pk", "time_zone", "created_at"))
    first, after = start.replace(day=1), (end.replace(day=1) + timedelta(days=32)).replace(day=1)
    hours, closed = defaultdict(list), defaultdict(set)
    for h in OpeningHours.objects.filter(space__in=spaces):
        hours[h.space_id].append(h)
    for space_id, day in Closure.objects.filter(
        space__in=spaces, date__gte=first, date__lt=after
    ).values_list("space_id", "date"):
        closed[space_id].add(day)
    booked = _booked_since(spaces, first, after)
    open_total = booked_total = Decimal(0)
    for space in spaces:
        hours_booked, first_booked = booked.get(space.pk, (None, None))
        began = min(space.created_at, first_booked or space.created_at)
        since = began.astimezone(get_zone(space.time_zone)).date().replace(day=1)
        if max(first, since) >= after:
            continue
        weekly = _weekday_hours(hours[space.pk])
        open_total += _open_between(weekly, closed[space.pk], max(first, since), after)
        booked_total += hours_booked or 0
    return open_total, booked_total


def _booked_since(spaces: list[Space], first: date, after: date) -> dict:
    """space -> (confirmed hours starting from the day ``first`` to the day ``after`` in the
    space's zone, its first booking's start ever): one grouped query per time zone."""
    by_zone = defaultdict(list)
    for space in spaces:
        by_zone[space.time_zone].append(space.pk)
    out = {}
    for zone_name, ids in by_zone.items():
        zone = get_zone(zone_name)
        inside = Q(
            status=BookingStatus.CONFIRMED,
            starts_at__gte=datetime.combine(first, time(), tzinfo=zone),
            starts_at__lt=datetime.combine(after, time(), tzinfo=zone),
        )
        rows = (
            Booking.objects.filter(space_id__in=ids)
            .values_list("space_id")
            .annotate(hours=Sum("hours", filter=inside), first=Min("starts_at"))
            .order_by()
        )
        out |= {space_id: (hours, began) for space_id, hours, began in rows}
    return out


def utilisation(
    *,
    start: date,
    end: date,
    organization: Organization | None = None,
    kind: str | None = None,
    by: str = "space",
) -> list[Utilisation]:
    """Utilisation per month from ``start``'s month to ``end``'s, per space (``by="space"``) or
    per organisation (``by="organization"``), optionally of one organisation or kind of space.

    Open hours are the opening hours of each local day, less closures (24 h a day for a space
    without opening hours); booked hours are confirmed bookings, counted in the month their
    start falls in (in the space's zone). Read-only; a handful of queries whatever the range."""
    spaces = Space.objects.all()
    if organization is not None:
        spaces = spaces.filter(organization=organization)
    if kind:
        spaces = spaces.filter(kind=kind)
    spaces = list(spaces.order_by("organization_id", "pk"))
    ids = [s.pk for s in spaces]
    months = _months(start, end)
    hours, closed = defaultdict(list), defaultdict(set)
    for h in OpeningHours.objects.filter(space_id__in=ids):
        hours[h.space_id].append(h)
    for space_id, day in Closure.objects.filter(
        space_id__in=ids, date__gte=months[0], date__lte=_months(end, end)[0] + timedelta(days=31)
    ).values_list("space_id", "date"):
        closed[space_id].add(day)
    weekday_hours = {s.pk: _weekday_hours(hours[s.pk]) for s in spaces}
    booked = _booked_by_month(spaces, months)
    rows = [
        Utilisation(
            month,
            s.organization_id,
            s.pk,
            s.kind,
            _open_hours(weekday_hours[s.pk], closed[s.pk], month),
            *booked.get((s.pk, month), (Decimal(0), 0)),
        )
        for month in months
        for s in spaces
    ]
    if by == "organization":
        return _per_organization(rows)
    return rows


def _booked_by_month(spaces: list[Space], months: list[date]) -> dict:
    """(space, month) -> (confirmed hours, bookings), counted in the month the booking starts
    in the space's own zone: one grouped query per time zone, each month a filtered sum, so
    the database compares instants and Python never sees a booking."""
    booked = {}
    by_zone = defaultdict(list)
    for space in spaces:
        by_zone[space.time_zone].append(space.pk)
    for zone_name, ids in by_zone.items():
        zone = get_zone(zone_name)
        bounds = [
            (
                datetime.combine(month, time(), tzinfo=zone),
                datetime.combine((month + timedelta(days=32)).replace(day=1), time(), tzinfo=zone),
            )
            for month in months
        ]
        aggregates = {}
        for n, (first, after) in enumerate(bounds):
            inside = Q(starts_at__gte=first, starts_at__lt=after)
            aggregates[f"h{n}"] = Sum("hours", filter=inside)
            aggregates[f"n{n}"] = Count("pk", filter=inside)
        rows = (
            Booking.objects.filter(
                space_id__in=ids,
                status=BookingStatus.CONFIRMED,
                starts_at__gte=bounds[0][0],
                starts_at__lt=bounds[-1][1],
            )
            .values("space_id")
            .annotate(**aggregates)
            .order_by()
        )
        for row in rows:
            for n, month in enumerate(months):
                if row[f"n{n}"]:
                    booked[(row["space_id"], month)] = (row[f"h{n}"], row[f"n{n}"])
    return booked


def _per_organization(rows: list[Utilisation]) -> list[Utilisation]:
    totals = defaultdict(lambda: [Decimal(0), Decimal(0), 0])
    for row in rows:
        total = totals[(row.month, row.organization_id)]
        total[0] += row.open_hours
        total[1] += row.booked_hours
        total[2] += row.bookings
    return [
        Utilisation(month, org_id, None, None, *values)
        for (month, org_id), values in sorted(totals.items())
    ]


def demonstration_outcomes(*, start: date, end: date, organization=None) -> dict[str, int]:
    """How many testbed runs succeeded, partly succeeded or failed, by the day the run started
    in its space's zone (``start`` and ``end`` included)."""
    lo = datetime.combine(start - timedelta(days=1), time(), UTC)
    hi = datetime.combine(end + timedelta(days=2), time(), UTC)
    qs = DemonstrationResult.objects.filter(
        plan__booking__starts_at__gte=lo, plan__booking__starts_at__lt=hi
    )
    if organization is not None:
        qs = qs.filter(plan__booking__space__organization=organization)
    counts = dict.fromkeys(["succeeded", "partly", "failed"], 0)
    rows = qs.values_list("outcome", "plan__booking__starts_at", "plan__booking__space__time_zone")
    for outcome, starts_at, zone in rows:
        if start <= starts_at.astimezone(get_zone(zone)).date() <= end:
            counts[outcome] += 1
    return counts


KINDS = SpaceKind
