from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from startup_street.organizations.enums import STAFF_ROLES
from startup_street.organizations.models import Membership

from .eligibility import Verdict, evaluate
from .models import Call, Program


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


def open_calls(qs: QuerySet[Call], moment=None) -> QuerySet[Call]:
    moment = moment or timezone.now()
    return qs.filter(opens_at__lte=moment, closes_at__gt=moment)


def with_listing_data(qs: QuerySet[Program]) -> QuerySet[Program]:
    now = timezone.now()
    upcoming = Call.objects.filter(closes_at__gt=now).order_by("closes_at")
    return qs.prefetch_related(
        "sectors", Prefetch("calls", queryset=upcoming, to_attr="live_calls")
    )


def filter_programs(qs: QuerySet[Program], *, params) -> QuerySet[Program]:
    """Structured filters shared by the web list and the API (unknown values match nothing)."""
    if kind := params.get("kind"):
        qs = qs.filter(kind=kind)
    if sector := params.get("sector"):
        qs = qs.filter(sectors__code=sector)
    if organization := params.get("organization"):
        qs = qs.filter(organization__slug=organization)
    if country := params.get("country"):
        qs = qs.filter(country=country)
    if params.get("open") in {"1", "true", True}:
        now = timezone.now()
        qs = qs.filter(calls__opens_at__lte=now, calls__closes_at__gt=now)
    return qs.distinct()


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
