from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from startup_street.applications.models import Application
from startup_street.core.services import record_activity
from startup_street.startups.models import StartupMember

from . import rules as review_rules
from . import selectors
from .enums import PUBLIC_MAIL_DOMAINS, AssignmentSource, ConflictReason
from .models import Conflict, Criterion, Review, ReviewAssignment, Rubric, Score


def rubric_for(call) -> Rubric:
    rubric, _created = Rubric.objects.get_or_create(call=call)
    return rubric


def _require_staff(user, call) -> None:
    if not review_rules.can_manage_reviews(user, call):
        raise PermissionDenied(_("Only the organisation's staff can manage reviews."))


def _domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].lower()


@transaction.atomic
def detect_conflicts(*, call, actor) -> int:
    """Record conflicts between the call's reviewers and applicants; returns how many are new."""
    _require_staff(actor, call)
    reviewers = list(selectors.reviewer_pool(call).prefetch_related("memberships"))
    startup_ids = call.applications.values_list("startup_id", flat=True)
    members = list(
        StartupMember.objects.filter(startup_id__in=startup_ids)
        .select_related("user")
        .prefetch_related("user__memberships")
    )
    reviewer_orgs = {r.pk: {m.organization_id for m in r.memberships.all()} for r in reviewers}
    found = set()
    for member in members:
        member_orgs = {m.organization_id for m in member.user.memberships.all()}
        for reviewer in reviewers:
            if member.user_id == reviewer.pk:
                found.add((reviewer.pk, member.startup_id, ConflictReason.SAME_STARTUP))
            elif member_orgs & reviewer_orgs[reviewer.pk] - {call.program.organization_id}:
                found.add((reviewer.pk, member.startup_id, ConflictReason.SAME_ORGANIZATION))
            domain = _domain(member.user.email)
            if domain not in PUBLIC_MAIL_DOMAINS and domain == _domain(reviewer.email):
                found.add((reviewer.pk, member.startup_id, ConflictReason.EMAIL_DOMAIN))
    created = 0
    for reviewer_id, startup_id, reason in found:
        _conflict, new = Conflict.objects.get_or_create(
            reviewer_id=reviewer_id, startup_id=startup_id, reason=reason
        )
        created += new
    # A conflict found now also removes an existing, unreviewed assignment of that pair.
    for reviewer_id, startup_id, _reason in found:
        ReviewAssignment.objects.filter(
            application__call=call,
            reviewer_id=reviewer_id,
            application__startup_id=startup_id,
            review__isnull=True,
        ).delete()
    return created


@transaction.atomic
def declare_conflict(*, assignment: ReviewAssignment, reviewer, note: str = "") -> Conflict:
    if assignment.reviewer_id != reviewer.pk:
        raise PermissionDenied(_("This is not your assignment."))
    conflict, _created = Conflict.objects.get_or_create(
        reviewer=reviewer,
        startup=assignment.application.startup,
        reason=ConflictReason.DECLARED,
        defaults={"note": note[:300]},
    )
    record_activity(actor=reviewer, verb="conflict.declared", target=conflict)
    assignment.delete()
    return conflict


@transaction.atomic
def assign_reviewer(*, application: Application, reviewer, actor) -> ReviewAssignment:
    """A manual assignment by staff; conflicted or outside reviewers are refused."""
    _require_staff(actor, application.call)
    if not selectors.reviewer_pool(application.call).filter(pk=reviewer.pk).exists():
        raise ValidationError(_("This person is not a reviewer of the organisation."))
    if Conflict.objects.filter(reviewer=reviewer, startup=application.startup_id).exists():
        raise ValidationError(_("This reviewer has a conflict of interest with the applicant."))
    assignment, created = ReviewAssignment.objects.get_or_create(
        application=application,
        reviewer=reviewer,
        defaults={"source": AssignmentSource.MANUAL, "assigned_by": actor},
    )
    if created:
        record_activity(actor=actor, verb="review.assigned", target=assignment)
    return assignment


def _weighted_total(rubric: Rubric, values: dict[int, int]) -> float:
    criteria = list(rubric.criteria.all())
    weights = sum((c.weight for c in criteria), Decimal(0)) or Decimal(1)
    total = sum(
        c.weight * Decimal(values[c.pk] - c.scale_min) / Decimal(c.scale_max - c.scale_min)
        for c in criteria
    )
    return round(float(total / weights * 100), 4)


@transaction.atomic
def submit_review(
    *,
    assignment: ReviewAssignment,
    reviewer,
    scores: dict,
    comment_to_staff: str = "",
    comment_to_applicant: str = "",
) -> Review:
    """Score every criterion within its scale; a bad score changes nothing."""
    if assignment.reviewer_id != reviewer.pk:
        raise PermissionDenied(_("This is not your assignment."))
    rubric = rubric_for(assignment.application.call)
    criteria = {c.pk: c for c in rubric.criteria.all()}
    if not criteria:
        raise ValidationError(_("The rubric has no criteria yet."))
    errors, values = {}, {}
    for pk, criterion in criteria.items():
        raw = scores.get(pk, scores.get(str(pk)))
        try:
            value = int(raw)
        except (TypeError, ValueError):
            errors[str(pk)] = [_("Give a score.")]
            continue
        if not criterion.scale_min <= value <= criterion.scale_max:
            errors[str(pk)] = [
                _("Give a score from %(low)d to %(high)d.")
                % {"low": criterion.scale_min, "high": criterion.scale_max}
            ]
        values[pk] = value
    if errors:
        raise ValidationError(errors)
    review, _created = Review.objects.get_or_create(assignment=assignment)
    review.comment_to_staff = comment_to_staff[:5000]
    review.comment_to_applicant = comment_to_applicant[:5000]
    review.total = _weighted_total(rubric, values)
    review.submitted_at = timezone.now()
    review.save()
    for pk, value in values.items():
        Score.objects.update_or_create(review=review, criterion_id=pk, defaults={"value": value})
    record_activity(actor=reviewer, verb="review.submitted", target=review, total=review.total)
    return review


def add_criterion(*, call, actor, label: dict, weight, scale_min: int, scale_max: int) -> Criterion:
    _require_staff(actor, call)
    rubric = rubric_for(call)
    criterion = Criterion(
        rubric=rubric,
        label=label,
        weight=weight,
        scale_min=scale_min,
        scale_max=scale_max,
        position=rubric.criteria.count(),
        original_language=call.program.original_language,
    )
    if scale_max <= scale_min:
        raise ValidationError({"scale_max": [_("The highest score must exceed the lowest.")]})
    criterion.full_clean()
    criterion.save()
    return criterion
