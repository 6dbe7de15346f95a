"""Decisions over a whole call: many at once, quotas, the cohort, and notices to applicants."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from startup_street.core.models import ActivityLog
from startup_street.core.services import record_activity
from startup_street.programs.models import Call

from . import rules as application_rules
from . import tasks
from .enums import Status
from .models import Application, Cohort, Notice, Quota, StatusChange
from .quotas import unmet_quotas
from .selectors import in_seen_statuses
from .services import DecisionRound, sync_space_entitlements

NOTICE_STATUSES = [s for s in Status.values if s != Status.DRAFT]


def require_call_staff(user, call: Call) -> None:
    if not application_rules.can_decide_call(user, call):
        raise PermissionDenied(_("Only the organisation's staff can decide."))


@transaction.atomic
def decide_many(*, call: Call, actor, application_ids: list[int], decision: str) -> int:
    """The same decision for several applications of a call: all of them, or none if one fails."""
    require_call_staff(actor, call)  # the rule each application's decision would check
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
def set_quota(*, call: Call, actor, sector, min_percent: int | None) -> Quota | None:
    """At least ``min_percent`` % of accepted startups from ``sector``; ``None`` removes it."""
    require_call_staff(actor, call)
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


@transaction.atomic
def form_cohort(*, call: Call, actor, name: str = "") -> Cohort:
    """The call's accepted startups as its cohort; re-forming follows later acceptances.

    Refused while no startup is accepted or a quota is not met.
    """
    require_call_staff(actor, call)
    call = Call.objects.select_for_update().get(pk=call.pk)  # no decision lands half-way
    accepted = list(call.applications.filter(status=Status.ACCEPTED))
    if not accepted:
        raise ValidationError(_("No startup has been accepted yet."))
    unmet = unmet_quotas(call)
    if unmet:
        raise ValidationError(
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
    """A message to every applicant of the call in ``statuses``, each read in their language."""
    require_call_staff(actor, call)
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
    addressed = call.applications.filter(in_seen_statuses(notice.statuses)).values_list(
        "pk", flat=True
    )
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


def release_held_decisions(*, call: Call, actor) -> int:
    """Tell every team of the call its held decision, one e-mail each (its latest decision);
    call it in the release's transaction with the call locked. Nothing held, nothing sent."""
    require_call_staff(actor, call)
    held = StatusChange.objects.filter(application__call=call, held=True)
    waiting = set(call.applications.exclude(shown_status="").values_list("pk", flat=True))
    latest = {}
    for change_id, application_id in held.order_by("at", "pk").values_list("pk", "application"):
        if application_id in waiting:  # one withdrawn meanwhile is told nothing more
            latest[application_id] = change_id
    held.update(held=False)
    call.applications.filter(pk__in=waiting).update(shown_status="")
    for application in call.applications.filter(pk__in=waiting).select_related("startup"):
        sync_space_entitlements(application, actor)
    to_send = sorted(latest.values())
    if to_send:
        record_activity(
            actor=actor, verb="decisions.released", target=call, applications=sorted(latest)
        )
    transaction.on_commit(lambda: [tasks.task_notify_status.enqueue(pk) for pk in to_send])
    return len(to_send)
