"""The city's indicators: one written definition each, computed in the database from what the
platform records, the same for the city's dashboard, each organisation's, the exports and the
API. Every figure is an aggregate in SQL; nothing loops over rows in Python.

A ``Slice`` says which records count: a period (whole days in the city's zone,
``DASHBOARD_TIME_ZONE``), and optionally organisations, a kind of program, a sector, a city
and a district. Application figures follow the calls that *closed* in the period, so an intake
round is counted once, whole, with its decisions.

Records that are not applications (bookings, meetings, outcomes, market entries) are sliced by
their startup: its sector, city and district, and for a kind of program, whether it was
accepted into a program of that kind. Space utilisation depends on opening hours, which belong
to no startup, so it is only sliced by period and organisation.

Where they can answer the slice, the figures read small rollups instead of every record
(``rollups.py``: each call's tally, the accepted places, each startup's latest verified report,
each quarter's investment), kept by every write of an application or outcome report in its own
transaction, so they agree with the records on the next page. A slice by startups' sector, city
or district reads the records (the rollups keep no startup's attributes: a slice uses their
current values); ``from_the_records()`` reads the records for any slice.
"""

from bisect import bisect_right
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import wraps

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from startup_street.applications.enums import Status
from startup_street.applications.models import Application
from startup_street.core.places import city_filter
from startup_street.core.timezones import get_zone
from startup_street.events.enums import Market
from startup_street.events.models import Event, MarketEntry, Meeting
from startup_street.events.models import Outcome as EventOutcome
from startup_street.mentoring.models import MentoringSession
from startup_street.programs.models import Call
from startup_street.spaces.enums import BookingStatus
from startup_street.spaces.models import Booking, DemonstrationResult
from startup_street.spaces.selectors import utilisation_total
from startup_street.startups.models import OutcomeReport, Startup

from .models import AcceptedPlace, CallTally, LatestReport, QuarterOutcome


@dataclass(frozen=True)
class Slice:
    start: date
    end: date  # the last day counted
    organizations: tuple[int, ...] | None = None  # None: every organisation
    kind: str = ""
    sector: str = ""
    city: str = ""
    district: str = ""

    @property
    def zone(self):
        return get_zone(settings.DASHBOARD_TIME_ZONE)

    def bounds(self) -> tuple[datetime, datetime]:
        """The period as instants: from the first day's midnight to the midnight after the last."""
        first = datetime.combine(self.start, time.min, tzinfo=self.zone)
        after = datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=self.zone)
        return first, after

    def quarters(self) -> list[tuple[int, int]]:
        """The (year, quarter)s the period touches."""
        first = (self.start.year, (self.start.month - 1) // 3 + 1)
        last = (self.end.year, (self.end.month - 1) // 3 + 1)
        out, (year, quarter) = [], first
        while (year, quarter) <= last:
            out.append((year, quarter))
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        return out


@dataclass(frozen=True)
class Indicator:
    code: str
    label: Promise
    definition: Promise
    unit: str  # count | percent | hours | krw | people
    value: Callable[[Slice], float | None]
    by_quarter: Callable[[Slice], dict[str, float]] | None = None
    group: str = "programs"  # programs | mentoring | spaces | events | outcomes


TOTAL = "total"  # the whole period, beside its quarters


def quarter_key(year: int, quarter: int) -> str:
    return f"{year}-Q{quarter}"


# --- the records each indicator reads --------------------------------------------------------


def applications(piece: Slice) -> QuerySet[Application]:
    """Applications (not drafts) to calls that closed in the period."""
    qs = _of_calls(Application.objects.exclude(status=Status.DRAFT), piece, "call__")
    return _startup_filters(qs, piece, "startup__")


def _of_calls(qs: QuerySet, piece: Slice, prefix: str) -> QuerySet:
    """Records of calls (reached through ``prefix``) that closed in the period, of the slice's
    organisations and program kind."""
    first, after = piece.bounds()
    qs = qs.filter(**{f"{prefix}closes_at__gte": first, f"{prefix}closes_at__lt": after})
    if piece.organizations is not None:
        qs = qs.filter(**{f"{prefix}program__organization__in": piece.organizations})
    if piece.kind:
        qs = qs.filter(**{f"{prefix}program__kind": piece.kind})
    return qs


def _calls_closed(piece: Slice) -> QuerySet[Call]:
    """Calls that closed in the period, of the slice's organisations and program kind."""
    return _of_calls(Call.objects.all(), piece, "")


def _places(piece: Slice) -> QuerySet:
    """Accepted places by calls that closed in the period, with ``call`` and ``startup``."""
    if _rolled(piece):
        return _of_calls(AcceptedPlace.objects.all(), piece, "call__")
    return applications(piece).filter(status=Status.ACCEPTED)


def calls(piece: Slice) -> QuerySet[Call]:
    qs = _calls_closed(piece)
    if piece.sector:
        qs = qs.filter(program__sectors__code=piece.sector)
    if piece.city:
        qs = qs.filter(city_filter("program__city", piece.city))
    return qs


def held_sessions(piece: Slice) -> QuerySet[MentoringSession]:
    first, after = piece.bounds()
    qs = MentoringSession.objects.filter(
        status=MentoringSession.Status.DONE, starts_at__gte=first, starts_at__lt=after
    )
    if piece.organizations is not None:
        qs = qs.filter(mentorship__mentor__organization__in=piece.organizations)
    if piece.kind:
        qs = qs.filter(mentorship__program__kind=piece.kind)
    return _startup_filters(qs, piece, "mentorship__startup__")


def verified_reports(piece: Slice) -> QuerySet[OutcomeReport]:
    """Verified outcome reports for the quarters the period touches, of startups that an
    organisation in the slice accepted (any organisation when the slice names none)."""
    qs = OutcomeReport.objects.filter(_in_quarters(piece), verified_at__isnull=False)
    if piece.organizations is not None or piece.kind:
        qs = qs.filter(startup__in=_accepted(piece).values("startup"))
    return _startup_filters(qs, piece, "startup__")


def _in_quarters(piece: Slice) -> Q:
    """Records of a (year, quarter) the period touches."""
    first_year, first = piece.quarters()[0]
    from_first = Q(year__gt=first_year) | Q(year=first_year, quarter__gte=first)
    return from_first & ~_after_quarters(piece)


def _after_quarters(piece: Slice) -> Q:
    """Records of a (year, quarter) after the period's last."""
    last_year, last = piece.quarters()[-1]
    return Q(year__gt=last_year) | Q(year=last_year, quarter__gt=last)


def _accepted(piece: Slice) -> QuerySet:
    """Accepted places (ever) in programs of the slice's organisations and kind, with
    ``startup``."""
    if _live.get():
        accepted = Application.objects.filter(status=Status.ACCEPTED)
    else:
        accepted = AcceptedPlace.objects.all()
    if piece.organizations is not None:
        accepted = accepted.filter(call__program__organization__in=piece.organizations)
    if piece.kind:
        accepted = accepted.filter(call__program__kind=piece.kind)
    return accepted


def _startup_filters(qs: QuerySet, piece: Slice, prefix: str) -> QuerySet:
    if piece.sector:
        qs = qs.filter(**{f"{prefix}sectors__code": piece.sector})
    if piece.city:
        qs = qs.filter(city_filter(f"{prefix}city", piece.city))
    if piece.district:
        qs = qs.filter(**{f"{prefix}region__iexact": piece.district})  # a startup's district
    return qs


def _startups_sliced(piece: Slice) -> QuerySet | None:
    """The startups a record must belong to under the slice's startup filters (sector, city,
    district; a kind: accepted into a program of that kind), or None when none is set."""
    if not (piece.sector or piece.city or piece.district or piece.kind):
        return None
    startups = _startup_filters(Startup.objects.all(), piece, "")
    if piece.kind:
        startups = startups.filter(
            pk__in=_accepted(replace(piece, organizations=None)).values("startup")
        )
    return startups.values("pk")


def _in_booked_spaces(piece: Slice, prefix: str = "") -> Q:
    """Bookings (reached through ``prefix``) starting in the period, of the slice's
    organisations' spaces and startups."""
    first, after = piece.bounds()
    condition = Q(**{f"{prefix}starts_at__gte": first, f"{prefix}starts_at__lt": after})
    if piece.organizations is not None:
        condition &= Q(**{f"{prefix}space__organization__in": piece.organizations})
    startups = _startups_sliced(piece)
    if startups is not None:
        condition &= Q(**{f"{prefix}startup__in": startups})
    return condition


def confirmed_bookings(piece: Slice) -> QuerySet[Booking]:
    """Confirmed bookings of the slice's organisations' spaces starting in the period."""
    return Booking.objects.filter(_in_booked_spaces(piece), status=BookingStatus.CONFIRMED)


def demonstrations(piece: Slice) -> QuerySet[DemonstrationResult]:
    """Testbed demonstrations with a recorded result, by their booking's start."""
    return DemonstrationResult.objects.filter(_in_booked_spaces(piece, "plan__booking__"))


def held_meetings(piece: Slice) -> QuerySet[Meeting]:
    """Meetings of a published event schedule whose slot started in the period and has ended."""
    first, after = piece.bounds()
    qs = Meeting.objects.filter(
        published_slot__starts_at__gte=first,
        published_slot__starts_at__lt=after,
        published_slot__ends_at__lte=timezone.now(),
    )
    if piece.organizations is not None:
        qs = qs.filter(
            event__in=Event.objects.filter(organizers__in=piece.organizations).values("pk")
        )
    startups = _startups_sliced(piece)
    if startups is None:
        return qs
    return qs.filter(
        Q(request__sender__startup__in=startups) | Q(request__recipient__startup__in=startups)
    )


def _of_organizations(piece: Slice, events_field: str | None) -> Q:
    """Records of startups the slice's organisations accepted, or of their events."""
    q = Q(startup__in=_accepted(piece).values("startup"))
    if events_field:
        organised = Event.objects.filter(organizers__in=piece.organizations).values("pk")
        q |= Q(**{f"{events_field}__in": organised})
    return q


def event_outcomes(piece: Slice) -> QuerySet[EventOutcome]:
    """Outcomes of meetings and market entries (follow-ups, MOUs, pilots, ...) dated in the
    period."""
    qs = EventOutcome.objects.filter(happened_on__gte=piece.start, happened_on__lte=piece.end)
    if piece.organizations is not None:
        qs = qs.filter(_of_organizations(piece, "event"))
    startups = _startups_sliced(piece)
    return qs if startups is None else qs.filter(startup__in=startups)


def market_entries(piece: Slice) -> QuerySet[MarketEntry]:
    """Market entries started in the period."""
    qs = MarketEntry.objects.filter(started_on__gte=piece.start, started_on__lte=piece.end)
    if piece.organizations is not None:
        qs = qs.filter(
            _of_organizations(piece, None) | Q(template__organization__in=piece.organizations)
        )
    startups = _startups_sliced(piece)
    return qs if startups is None else qs.filter(startup__in=startups)


# --- values ------------------------------------------------------------------------------


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@contextmanager
def one_reading():
    """Within it, the figures that come from one query (applications' counts, a quarterly
    series and its total) read it once: one page, export, report or API answer. Outside it,
    every figure reads afresh; nothing is kept between readings. A reading inside another is
    part of it."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


_memo: ContextVar[dict | None] = ContextVar("dashboard_reading", default=None)
_live: ContextVar[bool] = ContextVar("dashboard_live", default=False)


@contextmanager
def from_the_records():
    """Within it, every figure is counted from the records themselves, never from the rollups
    (``rollups.py``), which the figures otherwise read where they can answer the slice: the
    tests compare both readings."""
    token = _live.set(True)
    try:
        yield
    finally:
        _live.reset(token)


def _rolled(piece: Slice) -> bool:
    """Whether the rollups answer the slice: they keep no startup's sector, city or district."""
    return not (_live.get() or piece.sector or piece.city or piece.district)


def _read_once(fn):
    @wraps(fn)
    def read(piece: Slice):
        memo = _memo.get()
        if memo is None:
            return fn(piece)
        key = (fn.__name__, piece, _live.get())
        if key not in memo:
            memo[key] = fn(piece)
        return memo[key]

    return read


@_read_once
def _application_cells(piece: Slice) -> list[dict]:
    """Applications and acceptances per organisation and quarter of the period, whose sums
    give every other application count: the calls' tallies summed by organisation and quarter
    in one query; for a slice by startups' sector or place, one pass over the applications
    grouped by call, then each call placed by its organisation and the quarter it closed in."""
    if _rolled(piece):
        rows = (
            _of_calls(CallTally.objects.all(), piece, "call__")
            .values_list("call__program__organization", _quarter_of("call__closes_at", piece))
            .annotate(total=Sum("submitted"), accepted=Sum("accepted"))
            .order_by()
        )
        return [
            {"organization": organization, "quarter": quarter, "total": total, "accepted": accepted}
            for organization, quarter, total, accepted in rows
        ]
    per_call = (
        applications(piece)
        .values_list("call")
        .annotate(total=Count("pk"), accepted=Count("pk", filter=Q(status=Status.ACCEPTED)))
        .order_by()
    )
    counts = {call: (total, accepted) for call, total, accepted in per_call}
    ends = [after for _key, _first, after in _quarter_bounds(piece)]
    cells: dict[tuple[int, int], list[int]] = {}
    for call, organization, closes in _calls_placed(piece):
        if call in counts:
            cell = cells.setdefault((organization, bisect_right(ends, closes)), [0, 0])
            cell[0] += counts[call][0]
            cell[1] += counts[call][1]
    return [
        {"organization": organization, "quarter": quarter, "total": total, "accepted": accepted}
        for (organization, quarter), (total, accepted) in cells.items()
    ]


def _calls_placed(piece: Slice) -> QuerySet:
    """(call, organisation, closing instant) of the calls that closed in the period."""
    return _calls_closed(piece).values_list("pk", "program__organization", "closes_at")


@_read_once
def _supported(piece: Slice) -> dict[str, int]:
    """Distinct startups accepted: in the whole period (``total``) and in each quarter (its
    key), from the accepted places alone: one count, and one grouped by quarter."""
    places = _places(piece)
    per_quarter = dict(
        places.annotate(quarter=_quarter_of("call__closes_at", piece))
        .values_list("quarter")
        .annotate(n=Count("startup", distinct=True))
        .order_by()
    )
    total = places.aggregate(n=Count("startup", distinct=True))["n"]
    keys = [key for key, _first, _after in _quarter_bounds(piece)]
    return {key: per_quarter.get(n, 0) for n, key in enumerate(keys)} | {TOTAL: total}


def supported_by_organization(piece: Slice) -> dict[int, int]:
    """Distinct startups each organisation accepted by the period's calls."""
    rows = (
        _places(piece)
        .values_list("call__program__organization")
        .annotate(n=Count("startup", distinct=True))
        .order_by()
    )
    return dict(rows)


def applications_by_organization(piece: Slice) -> dict[int, tuple[int, int]]:
    """Organisation -> (applications, acceptances) in the period."""
    out: dict[int, tuple[int, int]] = {}
    for cell in _application_cells(piece):
        total, accepted = out.get(cell["organization"], (0, 0))
        out[cell["organization"]] = (total + cell["total"], accepted + cell["accepted"])
    return out


def _application_sum(piece: Slice, field: str) -> int:
    return sum(cell[field] for cell in _application_cells(piece))


def applications_submitted(piece: Slice) -> float:
    return _application_sum(piece, "total")


def applications_accepted(piece: Slice) -> float:
    return _application_sum(piece, "accepted")


def acceptance_rate(piece: Slice) -> float | None:
    return _rate(_application_sum(piece, "accepted"), _application_sum(piece, "total"))


def startups_supported(piece: Slice) -> float:
    return _supported(piece)[TOTAL]


def calls_run(piece: Slice) -> float | None:
    if piece.district:
        return None  # a call has a city, not a district
    return calls(piece).values("pk").distinct().count()


def programs_run(piece: Slice) -> float | None:
    if piece.district:
        return None
    return calls(piece).values("program").distinct().count()


def _duration():
    return ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())


def _total_hours(by_quarter: dict[str, object]) -> float:
    total = sum((v for v in by_quarter.values() if v), start=timedelta(0))
    return round(total.total_seconds() / 3600, 1)


def mentoring_hours(piece: Slice) -> float:
    return _total_hours(_session_hours(piece))


def investment_raised(piece: Slice) -> float:
    return sum(_investment_quarters(piece).values())


def space_hours(piece: Slice) -> float:
    return _total_hours(_booked_hours(piece))


def space_utilisation(piece: Slice) -> float | None:
    """Booked hours as a share of open hours, over the whole months the period touches, each
    space counted from the month it came into use (added to the street, or its first booking if
    earlier), so years before a space existed do not dilute the share."""
    if _startups_sliced(piece) is not None:
        return None
    open_hours, booked = utilisation_total(
        start=piece.start, end=piece.end, organizations=piece.organizations
    )
    if not open_hours:
        return None
    return round(float(100 * booked / open_hours), 1)


def demonstrations_run(piece: Slice) -> float:
    return demonstrations(piece).count()


def meetings_held(piece: Slice) -> float:
    return held_meetings(piece).count()


def outcomes_recorded(piece: Slice) -> float:
    return event_outcomes(piece).count()


def _route(origin: str, target: str) -> Callable[[Slice], float]:
    def entries(piece: Slice) -> float:
        return market_entries(piece).filter(origin=origin, target=target).count()

    return entries


def jobs(piece: Slice) -> float:
    """Each startup's head count in its latest verified report of the period, summed."""
    from_rollup = _latest_reports(piece)
    if from_rollup is not None:
        return from_rollup
    latest = verified_reports(piece).annotate(
        rank=Window(
            RowNumber(), partition_by=F("startup"), order_by=[F("year").desc(), F("quarter").desc()]
        )
    )
    return latest.filter(rank=1).aggregate(total=Sum("employees"))["total"] or 0


def _latest_reports(piece: Slice) -> int | None:
    """Each startup's head count in its latest verified report, of the period, summed from the
    rollup in one query; None when the rollup cannot tell: a report verified for a quarter after
    the period (then a startup's latest may not be its latest of the period) or a slice by
    startups' sector or place."""
    if not _rolled(piece):
        return None
    qs = LatestReport.objects.all()
    if piece.organizations is not None or piece.kind:
        qs = qs.filter(startup__in=_accepted(piece).values("startup"))
    found = qs.aggregate(
        total=Sum("employees", filter=_in_quarters(piece)),
        later=Count("pk", filter=_after_quarters(piece)),
    )
    return None if found["later"] else found["total"] or 0


# --- by quarter ------------------------------------------------------------------------------


def _quarter_bounds(piece: Slice) -> list[tuple[str, datetime, datetime]]:
    """Each quarter the period touches, as instants in the city's zone."""
    zone, out = piece.zone, []
    for year, quarter in piece.quarters():
        first = datetime(year, 3 * quarter - 2, 1, tzinfo=zone)
        after = (
            datetime(year + 1, 1, 1, tzinfo=zone)
            if quarter == 4
            else datetime(year, 3 * quarter + 1, 1, tzinfo=zone)
        )
        out.append((quarter_key(year, quarter), first, after))
    return out


def _by_quarter(qs: QuerySet, field: str, piece: Slice, *aggregates, **whole) -> dict[str, tuple]:
    """Each ``aggregate(condition)`` for every quarter of the period, in one query: filtered
    aggregates per quarter (the records were already limited to the period), so the database
    compares plain instants instead of converting each row's time to the city's zone. Each
    of ``whole``, an aggregate over the whole period, comes back under its own key."""
    quarters = _quarter_bounds(piece)
    wanted = dict(whole)
    for n, (_key, first, after) in enumerate(quarters):
        inside = Q(**{f"{field}__gte": first, f"{field}__lt": after})
        for m, aggregate in enumerate(aggregates):
            wanted[f"q{n}_{m}"] = aggregate(inside)
    values = qs.aggregate(**wanted)
    out = {
        key: tuple(values[f"q{n}_{m}"] for m in range(len(aggregates)))
        for n, (key, _first, _after) in enumerate(quarters)
    }
    return out | {name: (values[name],) for name in whole}


def _hour_totals(values: dict[str, object]) -> dict[str, float]:
    return {key: round(v.total_seconds() / 3600, 1) if v else 0 for key, v in values.items()}


def _series(piece: Slice, values: dict[str, float]) -> dict[str, float]:
    """Every quarter of the period, zero where nothing happened."""
    return {quarter_key(*q): values.get(quarter_key(*q), 0) for q in piece.quarters()}


def submitted_by_quarter(piece: Slice) -> dict[str, float]:
    series = dict.fromkeys((key for key, _first, _after in _quarter_bounds(piece)), 0)
    keys = list(series)
    for cell in _application_cells(piece):
        series[keys[cell["quarter"]]] += cell["total"]
    return series


def supported_by_quarter(piece: Slice) -> dict[str, float]:
    return {key: n for key, n in _supported(piece).items() if key != TOTAL}


def _quarter_sums(qs: QuerySet, field: str, piece: Slice, amount=None) -> dict[str, object]:
    """Each quarter's total of ``amount`` (by default the duration, computed once per record;
    SQLite computes it in Python), grouped by the quarter each record starts in."""
    quarters = _quarter_bounds(piece)
    rows = (
        qs.annotate(quarter=_quarter_of(field, piece))
        .values("quarter")
        .annotate(total=amount or Sum(_duration()))
        .values_list("quarter", "total")
        .order_by()
    )
    totals = dict(rows)
    return {key: totals.get(n) for n, (key, _first, _after) in enumerate(quarters)}


def _quarter_of(field: str, piece: Slice) -> Case:
    """The index of the period's quarter that ``field`` (an instant inside the period) falls
    in, compared with each quarter's end in the city's zone."""
    quarters = _quarter_bounds(piece)
    return Case(
        *(When(**{f"{field}__lt": after}, then=Value(n)) for n, (*_, after) in enumerate(quarters)),
        default=Value(len(quarters) - 1),
        output_field=IntegerField(),
    )


@_read_once
def _session_hours(piece: Slice) -> dict[str, object]:
    return _quarter_sums(held_sessions(piece), "starts_at", piece)


@_read_once
def _booked_hours(piece: Slice) -> dict[str, object]:
    """Each quarter's booked time, from the hours each booking records (its length to the
    hundredth of an hour, as utilisation counts it): a column summed, no duration computed."""
    hours = _quarter_sums(confirmed_bookings(piece), "starts_at", piece, Sum("hours"))
    return {key: timedelta(hours=float(n)) if n else None for key, n in hours.items()}


def hours_by_quarter(piece: Slice) -> dict[str, float]:
    return _hour_totals(_session_hours(piece))


def space_hours_by_quarter(piece: Slice) -> dict[str, float]:
    return _hour_totals(_booked_hours(piece))


def demonstrations_by_quarter(piece: Slice) -> dict[str, float]:
    series = _by_quarter(
        demonstrations(piece), "plan__booking__starts_at", piece, lambda q: Count("pk", filter=q)
    )
    return {key: values[0] or 0 for key, values in series.items()}


def meetings_by_quarter(piece: Slice) -> dict[str, float]:
    series = _by_quarter(
        held_meetings(piece), "published_slot__starts_at", piece, lambda q: Count("pk", filter=q)
    )
    return {key: values[0] or 0 for key, values in series.items()}


@_read_once
def _investment_quarters(piece: Slice) -> dict[str, float]:
    if _rolled(piece) and piece.organizations is None and not piece.kind:  # every startup's
        rows = QuarterOutcome.objects.filter(_in_quarters(piece)).values_list(
            "year", "quarter", "investment_raised_krw"
        )
    else:
        rows = (
            verified_reports(piece)
            .values_list("year", "quarter")
            .annotate(total=Sum("investment_raised_krw"))
            .order_by()
        )
    return _series(piece, {quarter_key(year, q): total or 0 for year, q, total in rows})


def investment_by_quarter(piece: Slice) -> dict[str, float]:
    return _investment_quarters(piece)


INDICATORS: list[Indicator] = [
    Indicator(
        "startups_supported",
        _("Startups supported"),
        _(
            "Distinct startups accepted into a program by a call that closed in the period, "
            "counting only accepted places that were kept (a declined place does not count)."
        ),
        "count",
        startups_supported,
        supported_by_quarter,
    ),
    Indicator(
        "applications_submitted",
        _("Applications"),
        _(
            "Applications submitted to calls that closed in the period, including those "
            "withdrawn later; drafts never submitted do not count."
        ),
        "count",
        applications_submitted,
        submitted_by_quarter,
    ),
    Indicator(
        "acceptance_rate",
        _("Acceptance rate"),
        _(
            "Accepted applications (places kept) as a share of the applications above. "
            "Withdrawn applications and declined places count as not accepted."
        ),
        "percent",
        acceptance_rate,
    ),
    Indicator(
        "programs_run",
        _("Programs run"),
        _("Programs with at least one call that closed in the period."),
        "count",
        programs_run,
    ),
    Indicator(
        "calls_run",
        _("Calls run"),
        _("Calls (intake rounds) that closed in the period."),
        "count",
        calls_run,
    ),
    Indicator(
        "mentoring_hours",
        _("Mentoring hours"),
        _(
            "Hours of mentoring sessions held in the period (from start to end of each session "
            "marked as held); cancelled and booked sessions do not count."
        ),
        "hours",
        mentoring_hours,
        hours_by_quarter,
        group="mentoring",
    ),
    Indicator(
        "investment_raised",
        _("Investment raised"),
        _(
            "Investment (KRW) that supported startups reported for the quarters of the period, "
            "from outcome reports verified by an organisation's staff."
        ),
        "krw",
        investment_raised,
        investment_by_quarter,
        group="outcomes",
    ),
    Indicator(
        "jobs",
        _("Jobs"),
        _(
            "People employed by supported startups: each startup's head count in its latest "
            "verified outcome report of the period, summed."
        ),
        "people",
        jobs,
        group="outcomes",
    ),
    Indicator(
        "space_hours",
        _("Space hours booked"),
        _(
            "Hours of confirmed bookings of the organisations' spaces (rooms, labs, halls, "
            "testbeds, desks) that started in the period; requests, declined and cancelled "
            "bookings do not count."
        ),
        "hours",
        space_hours,
        space_hours_by_quarter,
        group="spaces",
    ),
    Indicator(
        "space_utilisation",
        _("Space utilisation"),
        _(
            "Confirmed booked hours as a share of the hours the spaces were open (opening hours "
            "less closures, in each space's time zone), over the whole months the period "
            "touches, each space from the month it came into use. Sliced by organisation only."
        ),
        "percent",
        space_utilisation,
        group="spaces",
    ),
    Indicator(
        "demonstrations_run",
        _("Demonstrations run"),
        _(
            "Testbed demonstrations whose result (succeeded, partly succeeded or failed) was "
            "recorded, by the start of their booking in the period."
        ),
        "count",
        demonstrations_run,
        demonstrations_by_quarter,
        group="spaces",
    ),
    Indicator(
        "meetings_held",
        _("Event meetings held"),
        _(
            "Meetings in a published event schedule whose time slot started in the period and "
            "has ended."
        ),
        "count",
        meetings_held,
        meetings_by_quarter,
        group="events",
    ),
    Indicator(
        "outcomes_recorded",
        _("Meeting outcomes"),
        _(
            "Outcomes recorded after meetings and market entries (follow-up, MOU, pilot, "
            "investment, local entity, first sale), dated in the period."
        ),
        "count",
        outcomes_recorded,
        group="events",
    ),
    Indicator(
        "entries_seoul_beijing",
        _("Market entries Seoul → Beijing"),
        _("Market entries from Seoul into Beijing started in the period."),
        "count",
        _route(Market.SEOUL, Market.BEIJING),
        group="events",
    ),
    Indicator(
        "entries_beijing_seoul",
        _("Market entries Beijing → Seoul"),
        _("Market entries from Beijing into Seoul started in the period."),
        "count",
        _route(Market.BEIJING, Market.SEOUL),
        group="events",
    ),
]
BY_CODE = {indicator.code: indicator for indicator in INDICATORS}
