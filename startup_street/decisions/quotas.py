"""Quotas: at least a share of a call's accepted startups from a sector (say 20% robotics).

With a seat limit, an acceptance is refused when it would leave too few seats to meet a quota;
without one, a quota is checked when the cohort is formed.
"""

import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from startup_street.applications.enums import Status
from startup_street.applications.models import Application

from .models import Quota
from .selectors import with_decided_status


@dataclass(frozen=True)
class QuotaStatus:
    quota: Quota
    accepted: int
    in_sector: int
    seats: int | None

    @property
    def needed(self) -> int:
        """Startups of the sector the quota asks for: of every seat, or of those accepted."""
        base = self.seats if self.seats is not None else self.accepted
        return math.ceil(self.quota.min_percent * base / 100)

    @property
    def met(self) -> bool:
        return self.in_sector * 100 >= self.quota.min_percent * self.accepted

    @property
    def percent(self) -> float | None:
        return round(100 * self.in_sector / self.accepted, 1) if self.accepted else None


def quota_status(call, *, accepted: int | None = None) -> list[QuotaStatus]:
    """Each quota of the call against its accepted startups (``accepted``: their count, when the
    caller has it already)."""
    accepted_ = with_decided_status(call.applications.all()).filter(decided_status=Status.ACCEPTED)
    total = accepted_.count() if accepted is None else accepted
    return [
        QuotaStatus(
            quota=quota,
            accepted=total,
            in_sector=accepted_.filter(startup__sectors=quota.sector_id).count(),
            seats=call.seats,
        )
        for quota in call.quotas.select_related("sector")
    ]


def check_acceptance(
    call,
    application: Application,
    *,
    statuses: list[QuotaStatus] | None = None,
    sectors: set[int] | None = None,
) -> None:
    """Refuse an acceptance after which some quota could no longer be met within the seats.

    ``statuses`` (the call's quotas with their accepted counts) and ``sectors`` (the
    application's startup's sector ids) are read here unless the caller has them already."""
    if call.seats is None:
        return
    if statuses is None:
        statuses = quota_status(call)
    if not statuses:
        return
    if sectors is None:
        sectors = set(application.startup.sectors.values_list("pk", flat=True))
    for status in statuses:
        in_sector = status.in_sector + (status.quota.sector_id in sectors)
        left = call.seats - status.accepted - 1
        if in_sector + left < status.needed:
            raise ValidationError(
                _(
                    "Accepting this startup would leave too few seats for the quota: at least "
                    "%(needed)d of %(seats)d seats go to %(sector)s startups, %(have)d do, and "
                    "%(left)d seats would remain."
                ),
                params={
                    "needed": status.needed,
                    "seats": call.seats,
                    "sector": status.quota.sector,
                    "have": status.in_sector,
                    "left": left,
                },
            )


def unmet_quotas(call) -> list[QuotaStatus]:
    return [status for status in quota_status(call) if not status.met]
