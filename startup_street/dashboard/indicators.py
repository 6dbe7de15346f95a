"""The city's indicators: one written definition each, computed in the database from what the
platform records, the same for the city's dashboard, each organisation's, the exports and the
API. Every figure is an aggregate in SQL; nothing loops over rows in Python.

A ``Slice`` says which records count: a period (whole days in the city's zone,
``DASHBOARD_TIME_ZONE``), and optionally organisations, a kind of program, a sector and a
city. Application figures follow the calls that *closed* in the period, so an intake round is
counted once, whole, with its decisions.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import TruncQuarter
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from startup_street.applications.enums import Status
from startup_street.applications.models import Application
from startup_street.core.timezones import get_zone
from startup_street.mentoring.models import MentoringSession
from startup_street.programs.models import Call
from startup_street.startups.models import OutcomeReport, Startup


@dataclass(frozen=True)
class Slice:
    start: date
    end: date  # the last day counted
    organizations: tuple[int, ...] | None = None  # None: every organisation
    kind: str = ""
    sector: str = ""
    city: str = ""

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


def quarter_key(year: int, quarter: int) -> str:
    return f"{year}-Q{quarter}"


# --- the records each indicator reads --------------------------------------------------------


def applications(piece: Slice) -> QuerySet[Application]:
    """Applications (not drafts) to calls that closed in the period."""
    first, after = piece.bounds()
    qs = Application.objects.exclude(status=Status.DRAFT).filter(
        call__closes_at__gte=first, call__closes_at__lt=after
    )
    if piece.organizations is not None:
        qs = qs.filter(call__program__organization__in=piece.organizations)
    if piece.kind:
        qs = qs.filter(call__program__kind=piece.kind)
    return _startup_filters(qs, piece, "startup__")


def calls(piece: Slice) -> QuerySet[Call]:
    first, after = piece.bounds()
    qs = Call.objects.filter(closes_at__gte=first, closes_at__lt=after)
    if piece.organizations is not None:
        qs = qs.filter(program__organization__in=piece.organizations)
    if piece.kind:
        qs = qs.filter(program__kind=piece.kind)
    if piece.sector:
        qs = qs.filter(program__sectors__code=piece.sector)
    if piece.city:
        qs = qs.filter(program__city__iexact=piece.city)
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
    quarters = Q()
    for year, quarter in piece.quarters():
        quarters |= Q(year=year, quarter=quarter)
    qs = OutcomeReport.objects.filter(quarters, verified_at__isnull=False)
    if piece.organizations is not None or piece.kind:
        accepted = Application.objects.filter(status=Status.ACCEPTED)
        if piece.organizations is not None:
            accepted = accepted.filter(call__program__organization__in=piece.organizations)
        if piece.kind:
            accepted = accepted.filter(call__program__kind=piece.kind)
        qs = qs.filter(startup__in=accepted.values("startup"))
    return _startup_filters(qs, piece, "startup__")


def _startup_filters(qs: QuerySet, piece: Slice, prefix: str) -> QuerySet:
    if piece.sector:
        qs = qs.filter(**{f"{prefix}sectors__code": piece.sector})
    if piece.city:
        qs = qs.filter(**{f"{prefix}city__iexact": piece.city})
    return qs


# --- values ------------------------------------------------------------------------------


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def applications_submitted(piece: Slice) -> float:
    return applications(piece).count()


def applications_accepted(piece: Slice) -> float:
    return applications(piece).filter(status=Status.ACCEPTED).count()


def acceptance_rate(piece: Slice) -> float | None:
    counts = applications(piece).aggregate(
        total=Count("pk"), accepted=Count("pk", filter=Q(status=Status.ACCEPTED))
    )
    return _rate(counts["accepted"], counts["total"])


def startups_supported(piece: Slice) -> float:
    accepted = applications(piece).filter(status=Status.ACCEPTED)
    return accepted.values("startup").distinct().count()


def calls_run(piece: Slice) -> float:
    return calls(piece).values("pk").distinct().count()


def programs_run(piece: Slice) -> float:
    return calls(piece).values("program").distinct().count()


def _duration():
    return ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())


def mentoring_hours(piece: Slice) -> float:
    total = held_sessions(piece).aggregate(total=Sum(_duration()))["total"]
    return round(total.total_seconds() / 3600, 1) if total else 0


def investment_raised(piece: Slice) -> float:
    return verified_reports(piece).aggregate(total=Sum("investment_raised_krw"))["total"] or 0


def jobs(piece: Slice) -> float:
    """Each startup's head count in its latest verified report of the period, summed."""
    reports = verified_reports(piece)
    latest = reports.filter(startup=OuterRef("pk")).order_by("-year", "-quarter")
    startups = Startup.objects.filter(pk__in=reports.values("startup"))
    total = startups.annotate(headcount=Subquery(latest.values("employees")[:1])).aggregate(
        total=Sum("headcount")
    )["total"]
    return total or 0


# --- by quarter ------------------------------------------------------------------------------


def _grouped(qs: QuerySet, field: str, piece: Slice, **aggregates) -> dict[str, dict]:
    rows = (
        qs.annotate(q=TruncQuarter(field, tzinfo=piece.zone))
        .values("q")
        .annotate(**aggregates)
        .order_by("q")
    )
    out = {}
    for row in rows:
        moment = row.pop("q")
        out[quarter_key(moment.year, (moment.month - 1) // 3 + 1)] = row
    return out


def _series(piece: Slice, values: dict[str, float]) -> dict[str, float]:
    """Every quarter of the period, zero where nothing happened."""
    return {quarter_key(*q): values.get(quarter_key(*q), 0) for q in piece.quarters()}


def submitted_by_quarter(piece: Slice) -> dict[str, float]:
    rows = _grouped(applications(piece), "call__closes_at", piece, n=Count("pk"))
    return _series(piece, {key: row["n"] for key, row in rows.items()})


def supported_by_quarter(piece: Slice) -> dict[str, float]:
    accepted = applications(piece).filter(status=Status.ACCEPTED)
    rows = _grouped(accepted, "call__closes_at", piece, n=Count("startup", distinct=True))
    return _series(piece, {key: row["n"] for key, row in rows.items()})


def hours_by_quarter(piece: Slice) -> dict[str, float]:
    rows = _grouped(held_sessions(piece), "starts_at", piece, total=Sum(_duration()))
    return _series(
        piece,
        {k: round(r["total"].total_seconds() / 3600, 1) for k, r in rows.items() if r["total"]},
    )


def investment_by_quarter(piece: Slice) -> dict[str, float]:
    rows = (
        verified_reports(piece)
        .values("year", "quarter")
        .annotate(total=Sum("investment_raised_krw"))
        .order_by("year", "quarter")
    )
    return _series(piece, {quarter_key(r["year"], r["quarter"]): r["total"] for r in rows})


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
    ),
]
BY_CODE = {indicator.code: indicator for indicator in INDICATORS}
