from datetime import date

from django.db import transaction
from django.utils import timezone

from startup_street.organizations.models import Organization

from .indicators import INDICATORS, Slice
from .models import IndicatorSnapshot


@transaction.atomic
def snapshot_indicators(*, on: date | None = None) -> int:
    """Record tonight's value of every indicator over the year to date, for the city and for
    each organisation; running it twice a night replaces the night's values."""
    on = on or timezone.localdate()
    start = date(on.year, 1, 1)
    scopes = [("city", None)] + [
        (f"org:{pk}", (pk,)) for pk in Organization.objects.values_list("pk", flat=True)
    ]
    written = 0
    for scope, organizations in scopes:
        piece = Slice(start=start, end=on, organizations=organizations)
        for indicator in INDICATORS:
            IndicatorSnapshot.objects.update_or_create(
                taken_on=on,
                code=indicator.code,
                scope=scope,
                defaults={
                    "period_start": start,
                    "period_end": on,
                    "value": indicator.value(piece),
                },
            )
            written += 1
    return written


@transaction.atomic
def verify_outcome_report(*, report, actor):
    """Staff of an organisation that accepted the startup vouch for its report."""
    from django.core.exceptions import PermissionDenied
    from django.utils.translation import gettext as _

    from .rules import can_verify_outcomes

    if not can_verify_outcomes(actor, report.startup):
        raise PermissionDenied(
            _("Only staff of an organisation that accepted this startup verify its reports.")
        )
    report.verified_by, report.verified_at = actor, timezone.now()
    report.save(update_fields=["verified_by", "verified_at", "updated_at"])
    return report
