"""Facet counts beside each filter value, counted in SQL over the filtered result set.

Each facet is counted with every *other* filter applied, so choosing a kind still shows how many
programs the other kinds would give. Counting respects the filters' own meaning: a program open to
every sector counts for each sector, and a deadline counts when one call satisfies it.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from startup_street.core.enums import Country, RevenueBand, Stage
from startup_street.core.i18n import CONTENT_LANGUAGE_CHOICES, pick
from startup_street.core.models import Sector
from startup_street.core.places import city_name

from .enums import SupportKind
from .models import Call, Program
from .selectors import (
    CALL_FILTERS,
    call_takes,
    filter_programs,
    has_language,
    has_matching_call,
    has_stage,
    open_to_every_stage,
    with_stage_text,
)

TOP = 15  # cities and organisations: the most frequent, then the chosen one if it is not there
DEADLINE_WINDOWS = (7, 30, 90)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)


def _without(params: dict, *names: str) -> dict:
    return {key: value for key, value in params.items() if key not in names}


def _choice_counts(qs: QuerySet, column: str) -> dict[str, int]:
    rows = qs.order_by().values(column).annotate(n=Count("pk")).values_list(column, "n")
    return dict(rows)


def _facet(name, label, pairs, counts, chosen, keep_empty=False) -> Facet:
    values = [
        FacetValue(str(value), str(text), counts.get(value, 0), str(value) == str(chosen or ""))
        for value, text in pairs
    ]
    return Facet(name, str(label), [v for v in values if keep_empty or v.count or v.selected])


def _sector_counts(qs: QuerySet, codes: list[str]) -> dict[str, int]:
    through = Program.sectors.through.objects.filter(program__in=qs.values("pk"))
    rows = through.values("sector__code").annotate(n=Count("program_id", distinct=True))
    tagged = Program.sectors.through.objects.filter(program=OuterRef("pk"))
    everyone = qs.filter(~Exists(tagged)).count()
    counts = dict(rows.values_list("sector__code", "n"))
    return {code: counts.get(code, 0) + everyone for code in codes}


def _stage_counts(qs: QuerySet) -> dict[str, int]:
    qs = with_stage_text(qs.order_by())
    every = open_to_every_stage()
    aggregates = {code: Count("pk", filter=has_stage(code) | every) for code in Stage.values}
    return qs.aggregate(**aggregates)


def _language_counts(qs: QuerySet) -> dict[str, int]:
    aggregates = {
        code.replace("-", "_"): Count("pk", filter=has_language(code))
        for code, _name in CONTENT_LANGUAGE_CHOICES
    }
    return {key.replace("_", "-"): n for key, n in qs.order_by().aggregate(**aggregates).items()}


def _revenue_counts(qs: QuerySet, params: dict) -> dict[str, int]:
    """For each band, the programs with a call that takes it and meets the other call filters."""
    aggregates = {
        band: Count("pk", filter=has_matching_call({**params, "revenue": band}))
        for band in RevenueBand.values
    }
    return qs.order_by().aggregate(**aggregates)


def _deadline_counts(qs: QuerySet, windows, takes: Q) -> dict[str, int]:
    """``takes``: the eligibility filters, which the same call must meet."""
    now = timezone.now()

    def calls(condition: Q) -> Exists:
        return Exists(Call.objects.filter(condition & takes, program=OuterRef("pk")))

    aggregates = {"open_now": Count("pk", filter=calls(Q(opens_at__lte=now, closes_at__gt=now)))}
    for days in windows:
        window = Q(closes_at__gt=now, closes_at__lte=now + timedelta(days=days))
        aggregates[f"within_{days}"] = Count("pk", filter=calls(window))
    return qs.order_by().aggregate(**aggregates)


def _top(counts: dict, chosen) -> list:
    ranked = sorted((v for v in counts if v), key=lambda v: (-counts[v], str(v)))[:TOP]
    if chosen and chosen not in ranked:
        ranked.append(chosen)
    return ranked


def program_facets(base: QuerySet[Program], params: dict) -> list[Facet]:
    """Facets of ``base`` (visible programs, already restricted to the query's matches)."""

    def subset(*names):
        return filter_programs(base, params=_without(params, *names))

    sector = params.get("sector")
    sector_code = getattr(sector, "code", sector)
    sectors = [(s.code, str(s)) for s in Sector.objects.all()]
    cities = _choice_counts(subset("city"), "city")
    org_rows = (
        subset("organization")
        .order_by()
        .values("organization__slug", "organization__name", "organization__original_language")
        .annotate(n=Count("pk"))
    )
    orgs, org_names = {}, {}
    for row in org_rows:
        slug = row["organization__slug"]
        orgs[slug] = row["n"]
        org_names[slug] = pick(row["organization__name"], row["organization__original_language"])
    org_slugs = _top(orgs, params.get("organization"))
    chosen_window = params.get("closes_within")
    windows = sorted({*DEADLINE_WINDOWS, *([int(chosen_window)] if chosen_window else [])})
    deadline = _deadline_counts(subset(*CALL_FILTERS), windows, call_takes(params))
    return [
        _facet(
            "kind",
            _("Kind of support"),
            SupportKind.choices,
            _choice_counts(subset("kind"), "kind"),
            params.get("kind"),
        ),
        _facet(
            "sector",
            _("Sector"),
            sectors,
            _sector_counts(subset("sector"), [code for code, _label in sectors]),
            sector_code,
        ),
        _facet(
            "stage", _("Stage"), Stage.choices, _stage_counts(subset("stage")), params.get("stage")
        ),
        _facet(
            "country",
            _("Country"),
            Country.choices,
            _choice_counts(subset("country"), "country"),
            params.get("country"),
        ),
        _facet(
            "city",
            _("City"),
            [(c, city_name(c)) for c in _top(cities, params.get("city"))],
            cities,
            params.get("city"),
        ),
        _facet(
            "organization",
            _("Organisation"),
            [
                (slug, (org_names[slug].text if slug in org_names else "") or slug)
                for slug in org_slugs
            ],
            orgs,
            params.get("organization"),
        ),
        _facet(
            "language",
            _("Language"),
            CONTENT_LANGUAGE_CHOICES,
            _language_counts(subset("language")),
            params.get("language"),
        ),
        _facet(
            "revenue",
            _("Annual revenue"),
            RevenueBand.choices,
            _revenue_counts(subset("revenue"), params),
            params.get("revenue"),
        ),
        Facet(
            "closes_within",
            str(_("Deadline")),
            [
                FacetValue(
                    str(days),
                    str(_("Closes within %(days)d days") % {"days": days}),
                    deadline[f"within_{days}"],
                    str(days) == str(chosen_window or ""),
                )
                for days in windows
            ],
        ),
        Facet(
            "open_now",
            str(_("Open now")),
            [
                FacetValue(
                    "1", str(_("Open now")), deadline["open_now"], bool(params.get("open_now"))
                )
            ],
        ),
    ]
