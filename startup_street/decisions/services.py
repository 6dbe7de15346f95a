"""Decisions on applications, one or many, with the call locked: seats and quotas, the waitlist,
the hold setting and the release of held decisions, the cohort and notices to applicants."""

import dataclasses
import functools

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from startup_street.applications.enums import DECIDED, Status
from startup_street.applications.models import Application
from startup_street.applications.services import change_status, check_transition
from startup_street.core.models import ActivityLog
from startup_street.core.permissions import require
from startup_street.core.services import record_activity
from startup_street.programs.models import Call
from startup_street.reviews.selectors import ranking
from startup_street.spaces import services as space_services
from startup_street.startups.models import Startup

from . import quotas, tasks
from .models import Cohort, Decision, DecisionSettings, Notice, Quota
from .selectors import decided_status, decisions_held, pending_decisions, with_decided_status

NOTICE_STATUSES = [s for s in Status.values if s != Status.DRAFT]
DECIDE = "decisions.decide_call"


class DecisionRound:
    """Decisions on one call made together, with the call locked for the whole round.

    What every decision reads is read once when the round opens: whether decisions are held, how
    many applications are accepted and, with a seat limit, each quota's count of them; the counts
    are then kept in Python as the round's decisions land (the call's lock keeps any other
    decision out meanwhile). The caller has checked that ``actor`` may decide for the call."""

    def __init__(self, call_id: int):
        self.call = Call.objects.select_for_update().get(pk=call_id)  # serialise decisions
        self.held = decisions_held(self.call)
        self._accepted: int | None = None
        self._quotas: list[quotas.QuotaStatus] | None = None
        self._sectors: dict[int, set[int]] = {}
        self._pending: dict[int, Decision] = {}

    @property
    def accepted(self) -> int:
        if self._accepted is None:
            accepted = with_decided_status(self.call.applications.all())
            self._accepted = accepted.filter(decided_status=Status.ACCEPTED).count()
        return self._accepted

    def _quota_statuses(self) -> list[quotas.QuotaStatus]:
        if self._quotas is None:
            self._quotas = quotas.quota_status(self.call, accepted=self.accepted)
        return self._quotas

    def lock(self, application_ids) -> dict[int, Application]:
        """The call's applications among ``application_ids``, locked (in one query, by id), with
        their pending decisions."""
        locked = {
            a.pk: a
            for a in self.call.applications.select_for_update()
            .filter(pk__in=list(application_ids))
            .order_by("pk")
        }
        pending = Decision.objects.select_for_update().filter(
            application__in=list(locked), released_at__isnull=True
        )
        self._pending.update({d.application_id: d for d in pending})
        if self.call.seats is not None and self._quota_statuses():
            startup_ids = {a.startup_id for a in locked.values()} - self._sectors.keys()
            through = Startup.sectors.through.objects.filter(startup_id__in=startup_ids)
            for startup_id in startup_ids:
                self._sectors[startup_id] = set()
            for startup_id, sector_id in through.values_list("startup_id", "sector_id"):
                self._sectors[startup_id].add(sector_id)
        return locked

    @functools.cached_property
    def space_grants(self):
        """What acceptance into the call grants in spaces, read once for the round."""
        return space_services.call_space_grants(self.call)

    def sectors_of(self, application: Application) -> set[int]:
        if application.startup_id not in self._sectors:
            self._sectors[application.startup_id] = set(
                Startup.sectors.through.objects.filter(
                    startup_id=application.startup_id
                ).values_list("sector_id", flat=True)
            )
        return self._sectors[application.startup_id]

    def current(self, application: Application) -> str:
        """The status the call's staff see: the pending decision, else the team's status."""
        pending = self._pending.get(application.pk)
        if pending is None or application.status == Status.WITHDRAWN:
            return application.status
        return pending.value

    def decide(self, application: Application, actor, decision: str) -> Application:
        """Decide one application, locked by :meth:`lock` in this round."""
        call, current = self.call, self.current(application)
        skips_review = decision in DECIDED and current == Status.SUBMITTED
        check_transition(Status.UNDER_REVIEW if skips_review else current, decision)
        accepting = decision == Status.ACCEPTED and current != Status.ACCEPTED
        leaving = current == Status.ACCEPTED and decision != Status.ACCEPTED
        if accepting and call.seats is not None:
            if self.accepted >= call.seats:
                raise ValidationError(
                    _("All %(seats)d seats of this call are taken."), params={"seats": call.seats}
                )
            quotas.check_acceptance(
                call,
                application,
                statuses=self._quota_statuses(),
                sectors=self.sectors_of(application),
            )
        if decision in DECIDED and application.status == Status.SUBMITTED:
            # straight to the decision: the review step is recorded, told with the decision
            change_status(application, Status.UNDER_REVIEW, actor, notify=False)
            application.save(update_fields=["status", "updated_at"])
        if decision in DECIDED and self.held:
            self._hold(application, actor, decision)
        else:
            self._tell(application, actor, decision)
            if accepting or leaving:
                sync_space_entitlements(application, actor, self.space_grants, call=self.call)
        if (accepting or leaving) and self._accepted is not None:
            self._count(application, 1 if accepting else -1)
        return application

    def _hold(self, application: Application, actor, decision: str) -> None:
        """Record the decision as pending: the team keeps seeing its status until release."""
        pending = self._pending.get(application.pk) or Decision(application=application)
        pending.value, pending.decided_by, pending.decided_at = decision, actor, timezone.now()
        pending.save()
        self._pending[application.pk] = pending

    def _tell(self, application: Application, actor, decision: str) -> None:
        """Apply the decision now; the team is e-mailed. A pending one it replaces is dropped."""
        pending = self._pending.pop(application.pk, None)
        if pending is not None:
            pending.delete()
        change_status(application, decision, actor)
        if decision in DECIDED:
            now = timezone.now()
            application.decided_at = now
            Decision.objects.create(
                application=application,
                value=decision,
                decided_by=actor,
                decided_at=now,
                released_at=now,
            )
        application.save(update_fields=["status", "decided_at", "updated_at"])

    def _count(self, application: Application, step: int) -> None:
        self._accepted += step
        if self._quotas is not None:
            sectors = self.sectors_of(application)
            self._quotas = [
                dataclasses.replace(
                    status,
                    accepted=status.accepted + step,
                    in_sector=status.in_sector + step * (status.quota.sector_id in sectors),
                )
                for status in self._quotas
            ]


def sync_space_entitlements(application: Application, actor, grants=None, call=None) -> None:
    """What the call grants in spaces follows the decision its team was told: granted when it
    says accepted, revoked when it stops saying so. Called in the deciding transaction; a round
    passes the call and its grants, read once, so nothing more is read for a call granting none."""
    call = call or application.call
    if application.status == Status.ACCEPTED:
        grants = space_services.call_space_grants(call) if grants is None else grants
        if grants:
            space_services.grant_call_entitlements(
                call=call, startup=application.startup, actor=actor, grants=grants
            )
    else:
        space_services.revoke_call_entitlements(call=call, startup=application.startup, actor=actor)


@transaction.atomic
def decide_application(*, application: Application, actor, decision: str) -> Application:
    """Staff move an application on; accepting never exceeds the call's seats."""
    require(actor, DECIDE, application.call)
    decisions = DecisionRound(application.call_id)
    locked = decisions.lock([application.pk])
    if application.pk not in locked:
        raise ValidationError(_("This application is not in this call."))
    return decisions.decide(locked[application.pk], actor, decision)


@transaction.atomic
def decide_many(*, call: Call, actor, application_ids: list[int], decision: str) -> int:
    """The same decision for several applications of a call: all of them, or none if one fails."""
    require(actor, DECIDE, call)
    decisions = DecisionRound(call.pk)
    locked = decisions.lock(application_ids)
    if len(locked) != len(set(application_ids)):
        raise ValidationError(_("Some of these applications are not in this call."))
    applications = list(locked.values())
    order = {pk: n for n, pk in enumerate(application_ids)}
    for application in sorted(applications, key=lambda a: order[a.pk]):
        try:
            decisions.decide(application, actor, decision)
        except ValidationError as error:
            raise ValidationError(
                _("%(startup)s: %(reason)s Nothing was changed."),
                params={
                    "startup": application.startup.name,
                    "reason": " ".join(error.messages),
                },
            ) from error
    return len(applications)


@transaction.atomic
def promote_from_waitlist(*, call, actor) -> list:
    """Accept waitlisted applications in ranking order while seats are left.

    One that would break a quota is passed over for the next; the ones accepted are returned.
    """
    require(actor, DECIDE, call)
    decisions = DecisionRound(call.pk)
    call = decisions.call
    if call.seats is None:
        raise ValidationError(
            _("This call has no seat limit: accept waitlisted startups one by one.")
        )
    waitlisted = with_decided_status(call.applications.all()).filter(
        decided_status=Status.WAITLISTED
    )
    rows = ranking(call, applications=waitlisted)
    locked = decisions.lock(row["application"].pk for row in rows)
    accepted = []
    for row in rows:
        if decisions.accepted >= call.seats:
            break
        application = locked[row["application"].pk]
        try:
            with transaction.atomic():
                accepted.append(decisions.decide(application, actor, Status.ACCEPTED))
        except ValidationError:
            continue  # a quota it would break: the next one may fit
    return accepted


@transaction.atomic
def set_hold(*, call: Call, actor, hold: bool) -> DecisionSettings:
    """Hold the call's decisions until staff release them (``True``), or tell each as made."""
    require(actor, DECIDE, call)
    settings, _created = DecisionSettings.objects.select_for_update().get_or_create(call=call)
    if settings.hold != hold:
        record_activity(
            actor=actor, verb="decisions.hold_changed", target=call, hold=[settings.hold, hold]
        )
        settings.hold = hold
        settings._history_user = actor
        settings.save()
    return settings


@transaction.atomic
def release_decisions(*, call, actor) -> int:
    """Release the call's held decisions together: each team is e-mailed its decision (by a
    background job, in its language) and sees it from now on; later decisions are told as they
    are made until staff hold them again. Returns how many applications were told."""
    require(actor, DECIDE, call)
    call = Call.objects.select_for_update().get(pk=call.pk)  # no decision lands half-way
    pending = pending_decisions(call).select_for_update().select_related("application")
    told, now = [], timezone.now()
    for decision in pending.order_by("pk"):
        application = decision.application
        if application.status == Status.WITHDRAWN:  # withdrawn meanwhile: told nothing more
            decision.delete()
            continue
        if application.status != decision.value:
            change_status(application, decision.value, decision.decided_by)
            application.decided_at = decision.decided_at
            application.save(update_fields=["status", "decided_at", "updated_at"])
            sync_space_entitlements(application, decision.decided_by)
            told.append(application.pk)
        decision.released_at = now
        decision.save(update_fields=["released_at"])
    if told:
        record_activity(actor=actor, verb="decisions.released", target=call, applications=told)
    if decisions_held(call):
        set_hold(call=call, actor=actor, hold=False)
    return len(told)


@transaction.atomic
def set_quota(*, call: Call, actor, sector, min_percent: int | None) -> Quota | None:
    """At least ``min_percent`` % of accepted startups from ``sector``; ``None`` removes it."""
    require(actor, DECIDE, call)
    quota = Quota.objects.filter(call=call, sector=sector).first()
    if min_percent is None:
        if quota:
            quota._history_user = actor
            quota.delete()
        return None
    quota = quota or Quota(call=call, sector=sector)
    quota.min_percent = min_percent
    quota.full_clean()
    quota._history_user = actor
    quota.save()
    return quota


def _unmet_message(unmet: list[quotas.QuotaStatus]) -> ValidationError:
    return ValidationError(
        _("A quota is not met: %(quotas)s."),
        params={
            "quotas": "; ".join(
                _("%(sector)s %(have)d of %(accepted)d, at least %(percent)d%%")
                % {
                    "sector": s.quota.sector,
                    "have": s.in_sector,
                    "accepted": s.accepted,
                    "percent": s.quota.min_percent,
                }
                for s in unmet
            )
        },
    )


@transaction.atomic
def form_cohort(*, call: Call, actor, name: str = "") -> Cohort:
    """The call's accepted startups (pending acceptances included) as its cohort; re-forming
    follows later acceptances. Refused while no startup is accepted or a quota is not met."""
    require(actor, DECIDE, call)
    call = Call.objects.select_for_update().get(pk=call.pk)  # no decision lands half-way
    accepted = list(
        call.applications.annotate(decided=decided_status()).filter(decided=Status.ACCEPTED)
    )
    if not accepted:
        raise ValidationError(_("No startup has been accepted yet."))
    unmet = quotas.unmet_quotas(call)
    if unmet:
        raise _unmet_message(unmet)
    cohort = Cohort.objects.filter(call=call).first() or Cohort(call=call, formed_by=actor)
    cohort.name = (name or cohort.name or str(call))[:200]
    cohort.save()
    cohort.applications.set(accepted)
    record_activity(
        actor=actor, verb="cohort.formed", target=call, applications=[a.pk for a in accepted]
    )
    return cohort


@transaction.atomic
def send_notice(
    *, call: Call, actor, statuses: list[str], subject: dict, body: dict, original_language: str
) -> Notice:
    """A message to every applicant of the call in ``statuses`` (the status the team sees: a
    pending decision is not told by a notice either), each read in their language."""
    require(actor, DECIDE, call)
    if not statuses or not set(statuses) <= set(NOTICE_STATUSES):
        raise ValidationError({"statuses": [_("Choose whom to write to.")]})
    notice = Notice(
        call=call,
        statuses=sorted(set(statuses)),
        subject=subject,
        body=body,
        original_language=original_language,
        sent_by=actor,
    )
    notice.full_clean()
    notice.save()
    addressed = call.applications.filter(status__in=notice.statuses).values_list("pk", flat=True)
    ActivityLog.objects.bulk_create(
        ActivityLog(
            actor=actor,
            verb="notice.sent",
            target_type=Application._meta.label_lower,
            target_id=str(pk),
            data={"notice": notice.pk},
        )
        for pk in addressed
    )
    transaction.on_commit(lambda: tasks.task_deliver_notice.enqueue(notice.pk))
    return notice
