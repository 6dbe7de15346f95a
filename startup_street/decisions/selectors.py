"""Reads for decisions: the status the call's staff see (pending decisions included), seats,
quotas and who is told what."""

from django.db.models import (
    Case,
    CharField,
    DateTimeField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from startup_street.applications.enums import Status
from startup_street.applications.models import Application
from startup_street.applications.selectors import seat_summary
from startup_street.organizations.enums import STAFF_ROLES
from startup_street.organizations.models import Membership
from startup_street.reviews.selectors import ranking

from .models import Decision, DecisionSettings


def _pending(field: str) -> Subquery:
    pending = Decision.objects.filter(application=OuterRef("pk"), released_at__isnull=True)
    return Subquery(pending.values(field)[:1])


def decided_status() -> Case:
    """The status the call's staff see: the pending decision, else the status the team sees (a
    withdrawn application keeps its withdrawal: its pending decision is never told)."""
    return Case(
        When(status=Status.WITHDRAWN, then=F("status")),
        default=Coalesce(_pending("value"), F("status")),
        output_field=CharField(),
    )


def with_decided_status(qs: QuerySet[Application]) -> QuerySet[Application]:
    """``decided_status`` on each application: what its call's staff see."""
    return qs.annotate(decided_status=decided_status())


def with_pending_for(qs: QuerySet[Application], user) -> QuerySet[Application]:
    """``pending_value`` and ``pending_at`` on each application whose call ``user`` staffs (and
    whose decision is pending); empty for everyone else, so that a read that forgets to ask
    shows the status the team sees."""
    if user.is_superuser:
        staffed = Value(True)
    else:
        staffed = Exists(
            Membership.objects.filter(
                organization=OuterRef("call__program__organization"),
                user=user,
                role__in=STAFF_ROLES,
            )
        )
    return qs.annotate(
        pending_value=Case(When(staffed, then=_pending("value")), output_field=CharField()),
        pending_at=Case(When(staffed, then=_pending("decided_at")), output_field=DateTimeField()),
    )


def decided_with_status(qs: QuerySet[Application], status: str) -> QuerySet[Application]:
    """Of ``with_pending_for``'s applications, those whose status, as their viewer sees it, is
    ``status``."""
    return qs.filter(Q(pending_value__isnull=True, status=status) | Q(pending_value=status))


def decisions_held(call) -> bool:
    """Whether the call's decisions are held until staff release them."""
    return DecisionSettings.objects.filter(call=call, hold=True).exists()


def pending_decisions(call) -> QuerySet[Decision]:
    return Decision.objects.filter(application__call=call, released_at__isnull=True)


def decision_summary(call) -> dict[str, int | None]:
    """Seats and how many applications are in each status, pending decisions counted."""
    return seat_summary(
        call, applications=with_decided_status(call.applications.all()), field="decided_status"
    )


def decision_ranking(call, *, status: str = "", sector: str = "", reviewed: str = "") -> list[dict]:
    """The review ranking as the call's staff decide on it: each row's ``status`` is the one they
    see (a pending decision included), and ``status`` filters by it."""
    applications = with_decided_status(call.applications.all())
    if status:
        applications = applications.filter(decided_status=status)
    rows = ranking(call, applications=applications, sector=sector, reviewed=reviewed)
    for row in rows:
        row["status"] = row["application"].decided_status
        row["status_label"] = Status(row["status"]).label
    return rows
