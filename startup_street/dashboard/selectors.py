"""Reads for the dashboard pages, exports and API: figures, charts, tables. Aggregates only."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from startup_street.applications.enums import Status
from startup_street.events.enums import Market, OutcomeKind
from startup_street.organizations.models import Organization
from startup_street.spaces.enums import Outcome as DemonstrationOutcome

from .indicators import (
    BY_CODE,
    INDICATORS,
    Indicator,
    Slice,
    applications,
    applications_by_organization,
    demonstrations,
    event_outcomes,
    market_entries,
    one_reading,
    supported_by_organization,
)
from .models import IndicatorSnapshot

SUPPRESS_BELOW = 5  # public exports hide a cell counting fewer startups than this
CHART_WIDTH, CHART_HEIGHT = 640, 180
CHART_HEADROOM = 14  # room above the tallest bar, so it does not touch the frame


@dataclass(frozen=True)
class Figure:
    indicator: Indicator
    value: float | None
    series: dict[str, float] | None


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float


def figures(piece: Slice, codes: list[str] | None = None) -> list[Figure]:
    chosen = [BY_CODE[code] for code in codes] if codes else INDICATORS
    with one_reading():
        return [
            Figure(
                indicator,
                indicator.value(piece),
                indicator.by_quarter(piece) if indicator.by_quarter else None,
            )
            for indicator in chosen
        ]


GROUPS = [
    ("programs", _("Programs and applications")),
    ("mentoring", _("Mentoring")),
    ("spaces", _("Spaces and testbeds")),
    ("events", _("Events and markets")),
    ("outcomes", _("Startups' outcomes")),
]


def grouped(figures: list[Figure]) -> list[tuple[str, list[Figure]]]:
    """The figures under their group's heading, in the order of GROUPS."""
    return [
        (label, [f for f in figures if f.indicator.group == code])
        for code, label in GROUPS
        if any(f.indicator.group == code for f in figures)
    ]


def _breakdown(qs, field: str, choices) -> list[tuple[str, int]]:
    counts = dict(qs.values_list(field).annotate(n=Count("pk")).order_by())
    return [(label, counts.get(value, 0)) for value, label in choices]


def breakdowns(piece: Slice) -> list[tuple[str, list[tuple[str, int]]]]:
    """Counts by kind for the figures that have kinds: demonstrations by result, outcomes by
    kind, market entries by route. One grouped query each."""
    routes = (
        market_entries(piece)
        .values_list("origin", "target")
        .annotate(n=Count("pk"))
        .order_by("origin", "target")
    )
    markets = dict(Market.choices)
    return [
        (
            _("Demonstrations by result"),
            _breakdown(demonstrations(piece), "outcome", DemonstrationOutcome.choices),
        ),
        (
            _("Meeting outcomes by kind"),
            _breakdown(event_outcomes(piece), "kind", OutcomeKind.choices),
        ),
        (
            _("Market entries by route"),
            [(f"{markets[o]} → {markets[t]}", n) for o, t, n in routes],
        ),
    ]


def bars(series: dict[str, float]) -> list[Bar]:
    """A bar chart's geometry in a CHART_WIDTH x CHART_HEIGHT box (bars grow upwards)."""
    if not series:
        return []
    top = max(series.values()) or 1
    step = CHART_WIDTH / len(series)
    width = max(step * 0.7, 1)
    out = []
    for n, (label, value) in enumerate(series.items()):
        height = (CHART_HEIGHT - CHART_HEADROOM) * value / top
        out.append(
            Bar(label, value, n * step + (step - width) / 2, CHART_HEIGHT - height, width, height)
        )
    return out


def by_organization(piece: Slice) -> list[dict]:
    """Applications, acceptances and startups supported per organisation, most applications
    first: the page's grouped counts, and one grouped query for the distinct startups."""
    counts = applications_by_organization(piece)
    supported = supported_by_organization(piece)
    names = Organization.objects.in_bulk(list(counts))
    ranked = sorted(counts.items(), key=lambda item: (-item[1][0], item[0]))
    return [
        {
            "organization": names[pk],
            "applications": total,
            "accepted": accepted,
            "startups": supported.get(pk, 0),
            "rate": round(100 * accepted / total, 1) if total else None,
        }
        for pk, (total, accepted) in ranked
    ]


def open_data(piece: Slice) -> list[dict]:
    """Per organisation and year: applications, acceptances, startups supported — figures
    about fewer than SUPPRESS_BELOW startups are withheld (None), so no startup can be singled
    out. No names of people or startups."""
    rows = (
        applications(piece)
        .values("call__program__organization__slug", "call__closes_at__year")
        .annotate(
            applications=Count("pk"),
            accepted=Count("pk", filter=Q(status=Status.ACCEPTED)),
            startups=Count("startup", distinct=True, filter=Q(status=Status.ACCEPTED)),
            applicants=Count("startup", distinct=True),
        )
        .order_by("call__program__organization__slug", "call__closes_at__year")
    )
    out = []
    for row in rows:
        small = row["applicants"] < SUPPRESS_BELOW
        out.append(
            {
                "organization": row["call__program__organization__slug"],
                "year": row["call__closes_at__year"],
                "applications": None if small else row["applications"],
                "accepted": None if small or row["startups"] < SUPPRESS_BELOW else row["accepted"],
                "startups_supported": None if row["startups"] < SUPPRESS_BELOW else row["startups"],
            }
        )
    return out


def recorded(scope: str = "city", limit: int = 12) -> list[IndicatorSnapshot]:
    """The latest nightly snapshots of a scope, newest first."""
    return list(IndicatorSnapshot.objects.filter(scope=scope)[: limit * len(INDICATORS)])
