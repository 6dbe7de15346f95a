from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from startup_street.accounts.models import User
from startup_street.core.permissions import require
from startup_street.core.services import record_activity, refuse_unknown_fields
from startup_street.core.text import unique_slug

from .enums import MemberRole
from .models import STARTUP_FIELDS, OutcomeReport, Startup, StartupMember
from .rules import is_startup_member


@transaction.atomic
def create_startup(*, owner: User, sectors=(), **fields) -> Startup:
    refuse_unknown_fields(fields, STARTUP_FIELDS)
    startup = Startup(
        slug=unique_slug(Startup, fields.get("name", ""), fallback="startup"), **fields
    )
    startup.full_clean()
    startup.save()
    startup.sectors.set(sectors)
    StartupMember.objects.create(startup=startup, user=owner, role=MemberRole.OWNER)
    record_activity(actor=owner, verb="startup.created", target=startup)
    return startup


@transaction.atomic
def update_startup(*, startup: Startup, actor: User, sectors=None, **fields) -> Startup:
    require(actor, "startups.change_startup", startup)
    refuse_unknown_fields(fields, STARTUP_FIELDS)
    for name, value in fields.items():
        setattr(startup, name, value)
    startup.full_clean()
    startup.save()
    if sectors is not None:
        startup.sectors.set(sectors)
    record_activity(actor=actor, verb="startup.updated", target=startup, fields=sorted(fields))
    return startup


def add_startup_member(
    *, startup: Startup, user: User, role: str = MemberRole.MEMBER, actor=None
) -> StartupMember:
    member, created = StartupMember.objects.get_or_create(
        startup=startup, user=user, defaults={"role": role}
    )
    if created:
        record_activity(actor=actor, verb="startup.member_added", target=startup, user=user.pk)
    return member


OUTCOME_FIELDS = (
    "revenue_band",
    "employees",
    "investment_raised_krw",
    "patents",
    "export_revenue_krw",
    "markets_entered",
)


@transaction.atomic
def report_outcome(*, startup: Startup, actor: User, year: int, quarter: int, **fields):
    """Record (or correct) a startup's report for a quarter. A correction of a verified report
    needs verifying again; the history keeps every version."""
    if not is_startup_member(actor, startup):
        raise PermissionDenied(_("Only the startup's team reports its outcomes."))
    refuse_unknown_fields(fields, OUTCOME_FIELDS)
    report = (
        OutcomeReport.objects.select_for_update()
        .filter(startup=startup, year=year, quarter=quarter)
        .first()
    ) or OutcomeReport(startup=startup, year=year, quarter=quarter)
    for name, value in fields.items():
        setattr(report, name, value)
    report.reported_by = actor
    report.verified_by, report.verified_at = None, None
    report.full_clean()
    report.save()
    record_activity(
        actor=actor, verb="outcome.reported", target=startup, year=year, quarter=quarter
    )
    return report
