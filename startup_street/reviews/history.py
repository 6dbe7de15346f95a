"""An application's whole history for its call's staff: every status change, assignment, score,
conflict and stake, with who and when.

Status changes are the application's own timeline; assignments, reviews, scores, conflicts and
stakes are read from their django-simple-history tables, so changes made in the admin count too.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

from startup_street.applications.models import Application, StatusChange
from startup_street.core.models import ActivityLog

from .models import Conflict, Review, ReviewAssignment, Score, Stake
from .selectors import reviewer_pool


@dataclass(frozen=True)
class Entry:
    at: datetime
    actor: object | None
    what: str
    details: list[str] = field(default_factory=list)


def _statuses(application) -> list[Entry]:
    return [
        Entry(
            change.at,
            change.actor,
            _("Status: %(to)s") % {"to": change.get_to_status_display()},
            [change.get_from_status_display()] if change.from_status else [],
        )
        for change in StatusChange.objects.filter(application=application).select_related("actor")
    ]


def _assignments(application) -> tuple[list[Entry], set[int], set[int]]:
    """The assignment entries, the assignments' ids and their reviewers' ids."""
    records = ReviewAssignment.history.filter(application_id=application.pk).select_related(
        "history_user", "reviewer"
    )
    entries, ids, reviewers = [], set(), set()
    for record in records:
        ids.add(record.id)
        reviewers.add(record.reviewer_id)
        texts = {
            "+": _("Reviewer assigned: %(reviewer)s (%(source)s)"),
            "-": _("Reviewer unassigned: %(reviewer)s"),
        }
        if record.history_type in texts:
            what = texts[record.history_type] % {
                "reviewer": record.reviewer.display_name,
                "source": record.get_source_display(),
            }
            entries.append(Entry(record.history_date, record.history_user, what))
    return entries, ids, reviewers


def _reviews(assignment_ids: set[int]) -> list[Entry]:
    records = Review.history.filter(assignment_id__in=assignment_ids).select_related("history_user")
    review_ids = set()
    entries = []
    for record in records.order_by("history_date", "history_id"):
        review_ids.add(record.id)
        if record.history_type != "-" and record.submitted_at:
            entries.append(
                Entry(
                    record.history_date,
                    record.history_user,
                    _("Review submitted: %(total).1f of 100") % {"total": record.total or 0},
                )
            )
    return entries + _scores(review_ids)


def _scores(review_ids: set[int]) -> list[Entry]:
    records = (
        Score.history.filter(review_id__in=review_ids)
        .select_related("history_user", "criterion")
        .order_by("id", "history_date", "history_id")
    )
    entries, before = [], {}
    for record in records:
        previous = before.get(record.id)
        before[record.id] = record.value
        if record.history_type == "-":
            continue
        if previous is None:
            what = _("Score for %(criterion)s: %(value)d") % {
                "criterion": record.criterion,
                "value": record.value,
            }
        else:
            what = _("Score for %(criterion)s changed: %(before)d → %(value)d") % {
                "criterion": record.criterion,
                "before": previous,
                "value": record.value,
            }
        entries.append(Entry(record.history_date, record.history_user, what))
    return entries


def _conflicts(application, reviewer_ids: set[int]) -> list[Entry]:
    records = Conflict.history.filter(
        startup_id=application.startup_id, reviewer_id__in=reviewer_ids
    ).select_related("history_user", "reviewer")
    texts = {
        "+": _("Conflict of interest: %(reviewer)s, %(reason)s"),
        "-": _("Conflict of interest removed: %(reviewer)s, %(reason)s"),
    }
    return [
        Entry(
            record.history_date,
            record.history_user,
            texts[record.history_type]
            % {"reviewer": record.reviewer.display_name, "reason": record.get_reason_display()},
            [record.note] if record.note else [],
        )
        for record in records
        if record.history_type in texts
    ]


def _stakes(application) -> list[Entry]:
    records = Stake.history.filter(startup_id=application.startup_id).select_related(
        "history_user", "holder_user", "holder_organization"
    )
    texts = {"+": _("%(kind)s recorded: %(holder)s"), "-": _("%(kind)s removed: %(holder)s")}
    return [
        Entry(
            record.history_date,
            record.history_user,
            texts[record.history_type]
            % {
                "kind": record.get_kind_display(),
                "holder": record.holder_user or record.holder_organization,
            },
        )
        for record in records
        if record.history_type in texts
    ]


VERBS = {
    "notice.sent": lambda: _("Notice sent to the team"),
    "conflict.declared": lambda: _("A reviewer declared a conflict of interest and stepped aside"),
}


def _activity(application) -> list[Entry]:
    records = ActivityLog.objects.filter(
        target_type=Application._meta.label_lower,
        target_id=str(application.pk),
        verb__in=list(VERBS),  # only what the page can say in the reader's language
    ).select_related("actor")
    return [Entry(record.at, record.actor, VERBS[record.verb]()) for record in records]


def application_history(application, *, reviewer_ids: set[int] | None = None) -> list[Entry]:
    """Newest first. ``reviewer_ids``: whose conflicts are shown besides those ever assigned
    (default: the call's reviewer pool)."""
    if reviewer_ids is None:
        reviewer_ids = set(reviewer_pool(application.call).values_list("pk", flat=True))
    assignment_entries, assignment_ids, assigned = _assignments(application)
    entries = [
        *_statuses(application),
        *assignment_entries,
        *_reviews(assignment_ids),
        *_conflicts(application, reviewer_ids | assigned),
        *_stakes(application),
        *_activity(application),
    ]
    return sorted(entries, key=lambda entry: entry.at, reverse=True)
