import statistics
from collections import defaultdict

from django.db.models import QuerySet

from startup_street.accounts.models import User
from startup_street.applications.models import Application
from startup_street.organizations.enums import Role

from .models import Conflict, Review, ReviewAssignment


def reviewer_pool(call) -> QuerySet[User]:
    """Reviewers of the organisation that runs the call."""
    return User.objects.filter(
        memberships__organization=call.program.organization_id,
        memberships__role=Role.REVIEWER,
        is_active=True,
    ).distinct()


def assignments_of(user) -> QuerySet[ReviewAssignment]:
    """A reviewer's own assignments: never anyone else's."""
    return ReviewAssignment.objects.filter(reviewer=user).select_related(
        "application__call__program", "application__startup", "review"
    )


def reviewable_applications(call) -> QuerySet[Application]:
    return call.applications.filter(status__in=["submitted", "under_review"]).order_by("pk")


def conflicted_pairs(call) -> set[tuple[int, int]]:
    """(reviewer id, startup id) pairs that must never meet, for the call's applicants."""
    startups = call.applications.values("startup_id")
    return set(
        Conflict.objects.filter(startup__in=startups).values_list("reviewer_id", "startup_id")
    )


def ranking(call) -> list[dict]:
    """Applications with mean raw score and mean per-reviewer z-score, best first.

    A harsh reviewer's 60 and a lenient one's 90 can mean the same; z-scores put every reviewer's
    submitted totals in this call on one scale (mean 0, deviation 1) before averaging.
    """
    reviews = list(
        Review.objects.filter(
            assignment__application__call=call, submitted_at__isnull=False
        ).values_list("assignment__reviewer_id", "assignment__application_id", "total")
    )
    by_reviewer = defaultdict(list)
    for reviewer, _application, total in reviews:
        by_reviewer[reviewer].append(total)
    scale = {
        reviewer: (statistics.fmean(totals), statistics.pstdev(totals) or 1.0)
        for reviewer, totals in by_reviewer.items()
    }
    raw, normal = defaultdict(list), defaultdict(list)
    for reviewer, application, total in reviews:
        mean, deviation = scale[reviewer]
        raw[application].append(total)
        normal[application].append((total - mean) / deviation)
    applications = call.applications.select_related("startup").exclude(status="draft")
    rows = [
        {
            "application": application,
            "reviews": len(raw[application.pk]),
            "raw": statistics.fmean(raw[application.pk]) if raw[application.pk] else None,
            "normalised": statistics.fmean(normal[application.pk])
            if normal[application.pk]
            else None,
        }
        for application in applications
    ]
    rows.sort(key=lambda row: (row["normalised"] is None, -(row["normalised"] or 0)))
    return rows
