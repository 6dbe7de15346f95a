from datetime import date, datetime, time, timedelta

from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    TextField,
    prefetch_related_objects,
)
from django.db.models.functions import Cast
from django.utils import timezone

from startup_street.core.places import city_filter
from startup_street.organizations.enums import STAFF_ROLES
from startup_street.organizations.models import Membership

from .eligibility import REVENUE_BANDS, Verdict, evaluate
from .models import Call, Program, SavedSearch


def _staffed_by(user, org_field: str) -> Exists:
    return Exists(
        Membership.objects.filter(organization=OuterRef(org_field), user=user, role__in=STAFF_ROLES)
    )


def programs_visible_to(user) -> QuerySet[Program]:
    """Published programs of active organisations, plus every program of the user's own staff."""
    qs = Program.objects.select_related("organization")
    if user.is_authenticated and user.is_superuser:
        return qs
    public = Q(is_published=True, organization__is_active=True)
    if user.is_authenticated:
        return qs.filter(public | Q(_staffed_by(user, "organization")))
    return qs.filter(public)


def calls_visible_to(user) -> QuerySet[Call]:
    qs = Call.objects.select_related("program__organization")
    if user.is_authenticated and user.is_superuser:
        return qs
    public = Q(program__is_published=True, program__organization__is_active=True)
    if user.is_authenticated:
        return qs.filter(public | Q(_staffed_by(user, "program__organization")))
    return qs.filter(public)


def saved_searches_of(user) -> QuerySet[SavedSearch]:
    """The user's own saved searches, newest first (nobody reads another's)."""
    if not user.is_authenticated:
        return SavedSearch.objects.none()
    return SavedSearch.objects.filter(user=user).order_by("-created_at", "-pk")


def saved_search_like(*, user, query: str, filters: dict) -> SavedSearch | None:
    """The user's saved search with these very words and filters, if there is one."""
    return saved_searches_of(user).filter(query=query, filters=filters).first()


def open_calls(qs: QuerySet[Call], moment=None) -> QuerySet[Call]:
    moment = moment or timezone.now()
    return qs.filter(opens_at__lte=moment, closes_at__gt=moment)


def with_listing_data(qs: QuerySet[Program]) -> QuerySet[Program]:
    now = timezone.now()
    upcoming = Call.objects.filter(closes_at__gt=now).order_by("closes_at")
    return qs.prefetch_related(
        "sectors", Prefetch("calls", queryset=upcoming, to_attr="live_calls")
    )


DEADLINE_FILTERS = ("open_now", "open", "closes_within", "closes_after", "closes_before")
ELIGIBILITY_FILTERS = ("founded_within", "team", "revenue")
CALL_FILTERS = DEADLINE_FILTERS + ELIGIBILITY_FILTERS  # each must hold for one and the same call


def _truthy(value) -> bool:
    return value in {True, "1", "true", "on"}


def _day_start(day: date) -> datetime:
    """Midnight of ``day`` in the viewer's zone (dates in filters are the viewer's dates)."""
    zone = timezone.get_current_timezone()
    return datetime.combine(day, time.min).replace(tzinfo=zone)


def call_window(params, now=None) -> Q:
    """The deadline filters as conditions on one call (open now, closes within / between)."""
    now = now or timezone.now()
    condition = Q()
    if _truthy(params.get("open_now")) or _truthy(params.get("open")):
        condition &= Q(opens_at__lte=now, closes_at__gt=now)
    if days := params.get("closes_within"):
        condition &= Q(closes_at__gt=now, closes_at__lte=now + timedelta(days=int(days)))
    if after := params.get("closes_after"):
        condition &= Q(closes_at__gte=_day_start(after))
    if before := params.get("closes_before"):
        condition &= Q(closes_at__lt=_day_start(before + timedelta(days=1)))
    return condition


def _no_rule_or(rule: str, condition: Q) -> Q:
    return Q(**{f"eligibility__{rule}__isnull": True}) | condition


def call_takes(params) -> Q:
    """The eligibility filters as conditions on one call's rules, read as ``eligibility.py``
    reads them: a startup founded N years ago is taken by a limit of N years or more, a team of
    N by a range holding N, a revenue band by a highest band at or above it; a call without the
    rule takes anyone."""
    condition = Q()
    if years := params.get("founded_within"):
        condition &= _no_rule_or(
            "max_years_since_founding", Q(eligibility__max_years_since_founding__gte=int(years))
        )
    if team := params.get("team"):
        condition &= _no_rule_or("team_size__min", Q(eligibility__team_size__min__lte=int(team)))
        condition &= _no_rule_or("team_size__max", Q(eligibility__team_size__max__gte=int(team)))
    if band := params.get("revenue"):
        bands = REVENUE_BANDS[REVENUE_BANDS.index(band) :]
        condition &= _no_rule_or("max_revenue_band", Q(eligibility__max_revenue_band__in=bands))
    return condition


def has_stage(code: str) -> Q:
    # Stages are a JSON list; its text holds each code in quotes ("seed" is not "pre_seed").
    return Q(stages_text__contains=f'"{code}"')


def with_stage_text(qs: QuerySet[Program]) -> QuerySet[Program]:
    return qs.annotate(stages_text=Cast("stages", TextField()))


def open_to_every_stage() -> Q:
    return Q(stages_text="[]") | Q(stages_text="null")


def has_language(code: str) -> Q:
    return Q(original_language=code) | Q(title__has_key=code)


def filter_programs(qs: QuerySet[Program], *, params) -> QuerySet[Program]:
    """Structured filters shared by the web list, the API and the ``search`` command, from a
    validated ``ProgramFilterForm``'s data. A program open to every sector (or stage) matches
    any sector (or stage); the deadline and eligibility filters must all hold for one and the same
    call."""
    if kind := params.get("kind"):
        qs = qs.filter(kind=kind)
    if sector := params.get("sector"):
        code = getattr(sector, "code", sector)
        tagged = Program.sectors.through.objects.filter(program=OuterRef("pk"))
        qs = qs.filter(Exists(tagged.filter(sector__code=code)) | ~Exists(tagged))
    if stage := params.get("stage"):
        qs = with_stage_text(qs).filter(has_stage(stage) | open_to_every_stage())
    if country := params.get("country"):
        qs = qs.filter(country=country)
    if city := params.get("city"):
        qs = qs.filter(city_filter("city", city))  # 首尔 finds programs typed as Seoul or 서울
    if organization := params.get("organization"):
        qs = qs.filter(organization__slug=organization)
    if language := params.get("language"):
        qs = qs.filter(has_language(language))
    matching = has_matching_call(params)
    return qs if matching is None else qs.filter(matching)


def has_matching_call(params) -> Q | None:
    """A program with a call that meets all the deadline and eligibility filters (None when
    there are none); with eligibility filters alone, a program with no call yet matches too (it
    states no rule that excludes anyone)."""
    window, takes = call_window(params), call_takes(params)
    if not (window or takes):
        return None
    matching = Q(Exists(Call.objects.filter(window & takes, program=OuterRef("pk"))))
    if not window:
        matching |= ~Exists(Call.objects.filter(program=OuterRef("pk")))
    return matching


def participated_programs(startup) -> set[int]:
    """Programs that already selected the startup (read through the applications relation)."""
    return set(
        startup.applications.filter(status="accepted").values_list("call__program_id", flat=True)
    )


def eligibility_of(startup, calls) -> list[tuple[Call, Verdict]]:
    prefetch_related_objects([startup], "sectors")  # read by every call's sector rule
    done = participated_programs(startup)
    return [(call, evaluate(call.eligibility, startup, participated_in=done)) for call in calls]


def eligible_open_calls(user, startup) -> list[tuple[Call, Verdict]]:
    """Open calls the startup may apply to (no rule failed), soonest deadline first."""
    calls = open_calls(calls_visible_to(user)).select_related("program").order_by("closes_at")
    return [(call, verdict) for call, verdict in eligibility_of(startup, calls) if verdict.eligible]
