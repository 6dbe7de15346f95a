"""Conflicts of interest: detected from what the platform knows, declared by reviewers.

A reviewer is conflicted with an applicant when they are on its team, share another
organisation or a company e-mail domain with its team, hold a stake in it (personally or through
an organisation they belong to), or have mentored it. The call's own organisation is left out of
the organisation rules: every reviewer of the call belongs to it.

Previous mentoring is told by mentoring itself: it sits above reviews, so reviews imports nothing
from it; mentoring registers its question (``register_mentored``) when the app is ready, and no
one is found mentored when it is not installed.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models.deletion import Collector
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from startup_street.core.enums import PUBLIC_MAIL_DOMAINS
from startup_street.core.permissions import require
from startup_street.core.services import record_activity
from startup_street.organizations.models import Membership
from startup_street.startups.models import StartupMember

from . import selectors
from .enums import ConflictReason
from .models import Conflict, ReviewAssignment, Stake
from .rules import MANAGE_CALL

Found = set[tuple[int, int, str]]  # (reviewer id, startup id, reason)


def _domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].lower()


def _by_domain(people: dict[int, str]) -> dict[str, set[int]]:
    grouped = defaultdict(set)
    for pk, email in people.items():
        domain = _domain(email)
        if domain not in PUBLIC_MAIL_DOMAINS:
            grouped[domain].add(pk)
    return grouped


# Who among ``reviewer_ids`` has mentored which of ``startup_ids``: (reviewer id, startup id).
MentoredPairs = Callable[[Iterable[int], Iterable[int]], set[tuple[int, int]]]
_mentored_sources: list[MentoredPairs] = []


def register_mentored(source: MentoredPairs) -> None:
    """Let an app above reviews say who mentored whom (mentoring does, when it is ready)."""
    if source not in _mentored_sources:
        _mentored_sources.append(source)


def _mentored(startup_ids, reviewer_ids) -> set[tuple[int, int]]:
    return set().union(*(source(startup_ids, reviewer_ids) for source in _mentored_sources))


def detected_conflicts(call, *, reviewer_ids=None, startup_ids=None) -> Found:
    """Every detected conflict between the call's reviewers and applicants (or the given ones).

    Each rule is one query and a join in memory keyed by organisation, domain or person, so the
    work grows with the conflicts found, not with reviewers × applicants.
    """
    pool = selectors.reviewer_pool(call)
    if reviewer_ids is not None:
        pool = pool.filter(pk__in=reviewer_ids)
    reviewers = dict(pool.values_list("pk", "email"))
    if startup_ids is None:
        startup_ids = list(call.applications.values_list("startup_id", flat=True))
    members = list(
        StartupMember.objects.filter(startup_id__in=startup_ids).values_list(
            "startup_id", "user_id", "user__email"
        )
    )
    teams = defaultdict(set)  # user id -> startups they are on
    for startup, user, _email in members:
        teams[user].add(startup)
    elsewhere = defaultdict(set)  # organisation id -> its reviewers, the call's own left out
    for organization, reviewer in (
        Membership.objects.filter(user_id__in=reviewers)
        .exclude(organization_id=call.program.organization_id)
        .values_list("organization_id", "user_id")
    ):
        elsewhere[organization].add(reviewer)

    found: Found = set()
    for user in teams.keys() & reviewers.keys():
        found |= {(user, startup, ConflictReason.SAME_STARTUP) for startup in teams[user]}
    for user, organization in Membership.objects.filter(
        user_id__in=teams, organization_id__in=elsewhere
    ).values_list("user_id", "organization_id"):
        for reviewer in elsewhere[organization] - {user}:
            found |= {(reviewer, s, ConflictReason.SAME_ORGANIZATION) for s in teams[user]}
    reviewer_domains = _by_domain(reviewers)
    for startup, _user, email in members:
        for reviewer in reviewer_domains.get(_domain(email), ()):
            found.add((reviewer, startup, ConflictReason.EMAIL_DOMAIN))
    for startup, person, organization in Stake.objects.filter(
        startup_id__in=startup_ids
    ).values_list("startup_id", "holder_user_id", "holder_organization_id"):
        if person:
            holders = {person} if person in reviewers else set()
        else:
            holders = elsewhere.get(organization, set())
        found |= {(reviewer, startup, ConflictReason.INVESTOR) for reviewer in holders}
    for reviewer, startup in _mentored(startup_ids, reviewers.keys()):
        found.add((reviewer, startup, ConflictReason.MENTORING))
    return found


def _record(found: Found, actor) -> int:
    existing = set(
        Conflict.objects.filter(
            reviewer_id__in={r for r, _s, _x in found}, startup_id__in={s for _r, s, _x in found}
        ).values_list("reviewer_id", "startup_id", "reason")
    )
    created = bulk_create_with_history(
        [
            Conflict(reviewer_id=reviewer_id, startup_id=startup_id, reason=reason)
            for reviewer_id, startup_id, reason in sorted(found - existing)
        ],
        Conflict,
        default_user=actor,
    )
    return len(created)


def _drop_unreviewed(call, pairs, actor) -> None:
    """Assignments of conflicted pairs that have no review yet are removed (with history)."""
    if not pairs:
        return
    candidates = ReviewAssignment.objects.filter(
        application__call=call,
        reviewer_id__in={r for r, _s in pairs},
        application__startup_id__in={s for _r, s in pairs},
        review__isnull=True,
    ).select_related("application")
    doomed = [a for a in candidates if (a.reviewer_id, a.application.startup_id) in pairs]
    for assignment in doomed:
        assignment._history_user = actor
    if doomed:  # deleted as instances, together: each keeps its history row and who did it
        collector = Collector(using=router.db_for_write(ReviewAssignment))
        collector.collect(doomed)
        collector.delete()


@transaction.atomic
def detect_conflicts(*, call, actor) -> int:
    """Record the conflicts found between the call's reviewers and applicants; how many are new."""
    require(actor, MANAGE_CALL, call)
    found = detected_conflicts(call)
    created = _record(found, actor)
    _drop_unreviewed(call, {(r, s) for r, s, _reason in found}, actor)
    return created


def refuse_if_conflicted(*, call, reviewer, startup_id: int, actor) -> None:
    """Before a manual assignment: a stored or newly detected conflict refuses it.

    A newly detected one is recorded in its own transaction, so that it stays (and shows on the
    staff's page) although the assignment is refused.
    """
    found = detected_conflicts(call, reviewer_ids=[reviewer.pk], startup_ids=[startup_id])
    with transaction.atomic():
        _record(found, actor)
    if found or Conflict.objects.filter(reviewer=reviewer, startup_id=startup_id).exists():
        raise ValidationError(_("This reviewer has a conflict of interest with the applicant."))


@transaction.atomic
def declare_conflict(*, assignment: ReviewAssignment, reviewer, note: str = "") -> Conflict:
    require(reviewer, "reviews.review_assignment", assignment)
    conflict = Conflict.objects.filter(
        reviewer=reviewer, startup=assignment.application.startup, reason=ConflictReason.DECLARED
    ).first() or Conflict(
        reviewer=reviewer,
        startup=assignment.application.startup,
        reason=ConflictReason.DECLARED,
        note=note[:300],
    )
    if conflict._state.adding:
        conflict._history_user = reviewer
        conflict.save()
    record_activity(actor=reviewer, verb="conflict.declared", target=assignment.application)
    assignment._history_user = reviewer
    assignment.delete()
    return conflict


def _may_record_stake(user, startup) -> bool:
    return selectors.startups_for_stakes(user).filter(pk=startup.pk).exists()


@transaction.atomic
def record_stake(*, startup, actor, kind: str, person=None, organization=None) -> Stake:
    """An investor or shareholder of the startup, told by its team or by a call's staff."""
    if not _may_record_stake(actor, startup):
        raise PermissionDenied(_("Only the startup's team or a call's staff can record this."))
    if (person is None) == (organization is None):
        raise ValidationError(_("Name either a person or an organisation."))
    stake = Stake.objects.filter(
        startup=startup, kind=kind, holder_user=person, holder_organization=organization
    ).first()
    if stake:
        return stake
    stake = Stake(
        startup=startup,
        kind=kind,
        holder_user=person,
        holder_organization=organization,
        recorded_by=actor,
    )
    stake.full_clean()
    stake._history_user = actor
    stake.save()
    return stake
