import statistics
from collections import defaultdict

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from startup_street.accounts.models import User
from startup_street.applications.enums import Status
from startup_street.applications.models import Application
from startup_street.core.models import ActivityLog
from startup_street.organizations.enums import Role
from startup_street.organizations.models import Membership
from startup_street.organizations.selectors import organizations_staffed_by
from startup_street.startups.models import Startup

from .enums import Phase
from .models import Conflict, Criterion, Review, ReviewAssignment, Rubric, Score, Stake

REVIEWABLE = {Status.SUBMITTED, Status.UNDER_REVIEW}


def reviewer_pool(call) -> QuerySet[User]:
    """Reviewers of the organisation that runs the call."""
    return User.objects.filter(
        memberships__organization=call.program.organization_id,
        memberships__role=Role.REVIEWER,
        is_active=True,
    ).distinct()


def startups_for_stakes(user) -> QuerySet[Startup]:
    """Startups the user may record stakes for: their own, and those that sent (not merely
    drafted) an application to a call they staff (any applicant, for a superuser)."""
    if not user.is_authenticated:
        return Startup.objects.none()
    sent = Q(applications__status__in=[s for s in Status.values if s != Status.DRAFT])
    if user.is_superuser:
        return Startup.objects.filter(Q(members__user=user) | sent).distinct()
    return Startup.objects.filter(
        Q(members__user=user)
        | sent & Q(applications__call__program__organization__in=organizations_staffed_by(user))
    ).distinct()


def still_reviewer() -> Exists:
    """The assignment's reviewer is still a reviewer of the organisation running the call:
    removing the membership ends the assignment at once (answers, attachments, scoring)."""
    return Exists(
        Membership.objects.filter(
            user=OuterRef("reviewer"),
            organization=OuterRef("application__call__program__organization"),
            role=Role.REVIEWER,
        )
    )


def assignments_of(user) -> QuerySet[ReviewAssignment]:
    """A reviewer's own assignments: never anyone else's, and none once they left the
    organisation."""
    if not user.is_authenticated:
        return ReviewAssignment.objects.none()
    return ReviewAssignment.objects.filter(still_reviewer(), reviewer=user).select_related(
        "application__call__program", "application__call__rubric", "application__startup", "review"
    )


def assignments_to_call(call) -> QuerySet[ReviewAssignment]:
    return ReviewAssignment.objects.filter(application__call=call).select_related(
        "reviewer", "application__startup", "review"
    )


def reviewable_applications(call) -> QuerySet[Application]:
    return call.applications.filter(status__in=REVIEWABLE).order_by("pk")


def conflicted_pairs(call) -> set[tuple[int, int]]:
    """(reviewer id, startup id) pairs that must never meet, for the call's applicants."""
    startups = call.applications.values("startup_id")
    return set(
        Conflict.objects.filter(startup__in=startups).values_list("reviewer_id", "startup_id")
    )


def conflicts_of_call(call) -> QuerySet[Conflict]:
    """Conflicts between the call's reviewers and its applicants, for the call's staff."""
    return Conflict.objects.filter(
        startup__in=call.applications.values("startup_id"),
        reviewer__in=reviewer_pool(call),
    ).select_related("reviewer", "startup")


def stakes_of_call(call) -> QuerySet[Stake]:
    return Stake.objects.filter(startup__in=call.applications.values("startup_id")).select_related(
        "startup", "holder_user", "holder_organization"
    )


def _scales(reviews) -> dict[int, tuple[float, float]]:
    by_reviewer = defaultdict(list)
    for reviewer, _application, total in reviews:
        by_reviewer[reviewer].append(total)
    return {
        reviewer: (statistics.fmean(totals), statistics.pstdev(totals) or 1.0)
        for reviewer, totals in by_reviewer.items()
    }


def submitted_totals(call) -> list[tuple[int, int, float]]:
    return list(
        Review.objects.filter(
            assignment__application__call=call, submitted_at__isnull=False
        ).values_list("assignment__reviewer_id", "assignment__application_id", "total")
    )


def z_scores(call) -> dict[tuple[int, int], float]:
    """Each submitted review's total as a z-score within its reviewer's totals in the call."""
    reviews = submitted_totals(call)
    scale = _scales(reviews)
    return {
        (reviewer, application): (total - scale[reviewer][0]) / scale[reviewer][1]
        for reviewer, application, total in reviews
    }


def ranking(call, *, applications=None, sector: str = "", reviewed: str = "") -> list[dict]:
    """Applications (``applications``: some of the call's, else all but drafts) with mean raw
    score and mean per-reviewer z-score, best first.

    A harsh reviewer's 60 and a lenient one's 90 can mean the same; z-scores put every reviewer's
    submitted totals in this call on one scale (mean 0, deviation 1) before averaging. Filters
    narrow the rows, never the normalisation, which always uses the whole call.
    """
    reviews = submitted_totals(call)
    scale = _scales(reviews)
    raw, normal = defaultdict(list), defaultdict(list)
    for reviewer, application, total in reviews:
        mean, deviation = scale[reviewer]
        raw[application].append(total)
        normal[application].append((total - mean) / deviation)
    wanted = Rubric.objects.filter(call=call).values_list("reviewers_per_application", flat=True)
    wanted = wanted.first() or 1
    if applications is None:
        applications = call.applications.all()
    applications = applications.exclude(status=Status.DRAFT).select_related("startup")
    if sector:
        applications = applications.filter(startup__sectors__code=sector).distinct()
    rows = [
        {
            "application": application,
            "sectors": application.startup.sectors.all(),
            "reviews": len(raw[application.pk]),
            "complete": len(raw[application.pk]) >= wanted,
            "raw": statistics.fmean(raw[application.pk]) if raw[application.pk] else None,
            "normalised": statistics.fmean(normal[application.pk])
            if normal[application.pk]
            else None,
        }
        for application in applications.prefetch_related("startup__sectors")
    ]
    if reviewed in {"complete", "missing"}:
        rows = [row for row in rows if row["complete"] == (reviewed == "complete")]
    rows.sort(key=lambda row: (row["normalised"] is None, -(row["normalised"] or 0)))
    return rows


def pseudonyms(application_id: int) -> dict[int, str]:
    """``Reviewer 1``, ``Reviewer 2``... per application: how reviewers appear to each other in
    blind review, stable as reviews come in (numbered in assignment order)."""
    reviewers = ReviewAssignment.objects.filter(application_id=application_id).order_by("pk")
    return {
        reviewer: _("Reviewer %(number)d") % {"number": n}
        for n, reviewer in enumerate(reviewers.values_list("reviewer_id", flat=True), 1)
    }


def rubric_of(call) -> Rubric:
    """The call's rubric, or the default one (unsaved) while staff have not set it: a read that
    writes nothing."""
    return Rubric.objects.filter(call=call).first() or Rubric(call=call)


def other_reviews(
    assignment: ReviewAssignment, rubric: Rubric, *, blind: bool | None = None
) -> list[dict]:
    """What a reviewer sees of the others' reviews of the same application.

    Nothing while scoring, nor before submitting one's own; in discussion and once closed, the
    others' submitted scores, under a pseudonym in blind review. Comments to staff stay with
    staff.
    """
    if rubric.phase == Phase.SCORING:
        return []
    if not Review.objects.filter(assignment=assignment, submitted_at__isnull=False).exists():
        return []
    others = (
        Review.objects.filter(
            assignment__application_id=assignment.application_id, submitted_at__isnull=False
        )
        .exclude(assignment=assignment)
        .select_related("assignment__reviewer")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("criterion")))
        .order_by("assignment_id")
    )
    blind = rubric.blind if blind is None else blind
    names = pseudonyms(assignment.application_id) if blind else {}
    return [
        {
            "reviewer": names.get(review.assignment.reviewer_id)
            or review.assignment.reviewer.display_name,
            "total": review.total,
            "scores": [(score.criterion, score.value) for score in review.scores.all()],
        }
        for review in others
    ]


def reviews_of_call(call) -> QuerySet[Review]:
    """Every review of the call with its reviewer and scores: for the call's staff only."""
    return (
        Review.objects.filter(assignment__application__call=call)
        .select_related("assignment__reviewer", "assignment__application__startup")
        .prefetch_related("scores")
        .order_by("assignment__application_id", "assignment__reviewer_id")
    )


def review_export_rows(call) -> tuple[list[str], list[list]]:
    """One row per review: applicant, reviewer, raw and normalised totals, each criterion's score
    and both comments (UTC ISO times)."""
    criteria = list(Criterion.objects.filter(rubric__call=call))
    z = z_scores(call)
    header = ["application", "startup", "reviewer", "submitted_at_utc", "total", "z_score"]
    header += [str(criterion) for criterion in criteria]
    header += ["comment_to_staff", "comment_to_applicant"]
    rows = []
    for review in reviews_of_call(call):
        assignment = review.assignment
        scores = {score.criterion_id: score.value for score in review.scores.all()}
        key = (assignment.reviewer_id, assignment.application_id)
        rows.append(
            [
                assignment.application_id,
                assignment.application.startup.name,
                assignment.reviewer.email,
                review.submitted_at.isoformat() if review.submitted_at else "",
                review.total if review.total is not None else "",
                round(z[key], 4) if key in z else "",
                *[scores.get(criterion.pk, "") for criterion in criteria],
                review.comment_to_staff,
                review.comment_to_applicant,
            ]
        )
    return header, rows


def last_auto_assignment(call) -> ActivityLog | None:
    """The record of the call's latest automatic assignment: its figures and the solver's own
    lines, shown to staff only on request."""
    return (
        ActivityLog.objects.filter(
            verb="review.auto_assigned", target_type=call._meta.label_lower, target_id=str(call.pk)
        )
        .order_by("-at", "-pk")
        .first()
    )
