from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from startup_street.applications.enums import Status
from startup_street.applications.models import Application
from startup_street.core.permissions import require
from startup_street.core.services import CONFLICT, record_activity

from . import selectors
from .conflicts import refuse_if_conflicted
from .enums import AssignmentSource, Phase
from .models import Criterion, Review, ReviewAssignment, Rubric, Score
from .rules import MANAGE_CALL

RUBRIC_SETTINGS = (
    "blind",
    "phase",
    "reviewers_per_application",
    "max_per_reviewer",
)


def rubric_for(call) -> Rubric:
    rubric, _created = Rubric.objects.get_or_create(call=call)
    return rubric


@transaction.atomic
def update_rubric(*, call, actor, **settings) -> Rubric:
    """Blind or open review, the phase, and how many reviewers each application gets."""
    require(actor, MANAGE_CALL, call)
    rubric = Rubric.objects.select_for_update().get(pk=rubric_for(call).pk)
    changed = {}
    for name in RUBRIC_SETTINGS:
        if name in settings and settings[name] != getattr(rubric, name):
            changed[name] = [getattr(rubric, name), settings[name]]
            setattr(rubric, name, settings[name])
    rubric.full_clean()
    rubric._history_user = actor
    rubric.save()
    if changed:
        record_activity(actor=actor, verb="rubric.updated", target=call, **changed)
    return rubric


def assign_reviewer(*, application: Application, reviewer, actor) -> ReviewAssignment:
    """A manual assignment by staff; conflicted or outside reviewers are refused.

    Not one transaction: a conflict found on the way is kept although the assignment is refused.
    """
    require(actor, MANAGE_CALL, application.call)
    if not selectors.reviewer_pool(application.call).filter(pk=reviewer.pk).exists():
        raise ValidationError(_("This person is not a reviewer of the organisation."))
    if not Application.objects.filter(pk=application.pk, status__in=selectors.REVIEWABLE).exists():
        raise ValidationError(_("Only submitted applications are reviewed."), code=CONFLICT)
    existing = ReviewAssignment.objects.filter(application=application, reviewer=reviewer).first()
    if existing:
        return existing
    refuse_if_conflicted(
        call=application.call, reviewer=reviewer, startup_id=application.startup_id, actor=actor
    )
    assignment = ReviewAssignment(
        application=application,
        reviewer=reviewer,
        source=AssignmentSource.MANUAL,
        assigned_by=actor,
    )
    assignment._history_user = actor
    try:
        with transaction.atomic():
            assignment.save()
    except IntegrityError:  # a parallel request assigned the same pair first
        return ReviewAssignment.objects.get(application=application, reviewer=reviewer)
    return assignment


@transaction.atomic
def unassign_reviewer(*, assignment: ReviewAssignment, actor) -> None:
    """Staff take an assignment back; one with a submitted review stays (its scores count)."""
    require(actor, MANAGE_CALL, assignment.application.call)
    if Review.objects.filter(assignment=assignment, submitted_at__isnull=False).exists():
        raise ValidationError(_("This reviewer has already submitted a review."), code=CONFLICT)
    assignment._history_user = actor
    assignment.delete()


def _weighted_total(criteria: list[Criterion], values: dict[int, int]) -> float:
    weights = sum((c.weight for c in criteria), Decimal(0)) or Decimal(1)
    total = sum(
        c.weight * Decimal(values[c.pk] - c.scale_min) / Decimal(c.scale_max - c.scale_min)
        for c in criteria
    )
    return round(float(total / weights * 100), 4)


def _clean_scores(criteria: list[Criterion], scores: dict) -> dict[int, int]:
    errors, values = {}, {}
    for criterion in criteria:
        raw = scores.get(criterion.pk, scores.get(str(criterion.pk)))
        try:
            if isinstance(raw, bool):  # JSON true is not the score 1
                raise TypeError
            value = int(raw)
        except (TypeError, ValueError, OverflowError):  # 1e400 and Infinity overflow, NaN fails
            errors[str(criterion.pk)] = [_("Give a score.")]
            continue
        whole = not isinstance(raw, float) or raw == value  # 3.5 is not a score on a 1–5 scale
        if not whole or not criterion.scale_min <= value <= criterion.scale_max:
            errors[str(criterion.pk)] = [
                _("Give a score from %(low)d to %(high)d.")
                % {"low": criterion.scale_min, "high": criterion.scale_max}
            ]
        values[criterion.pk] = value
    if errors:
        raise ValidationError(errors)
    return values


def _require_open_review(assignment: ReviewAssignment, rubric: Rubric) -> None:
    if rubric.phase == Phase.CLOSED:
        raise ValidationError(
            _("The review of this call is closed: scores are final."), code=CONFLICT
        )
    if assignment.application.status == Status.WITHDRAWN:
        raise ValidationError(_("This application was withdrawn."), code=CONFLICT)


@transaction.atomic
def submit_review(
    *,
    assignment: ReviewAssignment,
    reviewer,
    scores: dict,
    comment_to_staff: str = "",
    comment_to_applicant: str = "",
) -> Review:
    """Score every criterion within its scale; a bad score changes nothing.

    A reviewer may revise until the review is closed; each version of every score is kept in
    its history.
    """
    require(reviewer, "reviews.review_assignment", assignment)
    if not selectors.assignments_of(reviewer).filter(pk=assignment.pk).exists():
        raise PermissionDenied(_("This is not your assignment."))
    assignment = ReviewAssignment.objects.select_for_update().get(pk=assignment.pk)
    rubric = rubric_for(assignment.application.call)
    _require_open_review(assignment, rubric)
    criteria = list(rubric.criteria.all())
    if not criteria:
        raise ValidationError(_("The rubric has no criteria yet."))
    values = _clean_scores(criteria, scores)
    review = Review.objects.filter(assignment=assignment).first() or Review(assignment=assignment)
    review.comment_to_staff = comment_to_staff[:5000]
    review.comment_to_applicant = comment_to_applicant[:5000]
    review.total = _weighted_total(criteria, values)
    review.submitted_at = timezone.now()
    review._history_user = reviewer
    review.save()
    stored = {score.criterion_id: score for score in review.scores.all()}
    for pk, value in values.items():
        score = stored.get(pk) or Score(review=review, criterion_id=pk, value=value)
        if score._state.adding or score.value != value:
            score.value = value
            score._history_user = reviewer
            score.save()
    return review


def add_criterion(*, call, actor, label: dict, weight, scale_min: int, scale_max: int) -> Criterion:
    require(actor, MANAGE_CALL, call)
    rubric = rubric_for(call)
    if scale_max <= scale_min:
        raise ValidationError({"scale_max": [_("The highest score must exceed the lowest.")]})
    criterion = Criterion(
        rubric=rubric,
        label=label,
        weight=weight,
        scale_min=scale_min,
        scale_max=scale_max,
        position=rubric.criteria.count(),
        original_language=call.program.original_language,
    )
    criterion.full_clean()
    criterion.save()
    record_activity(actor=actor, verb="rubric.criterion_added", target=call, criterion=criterion.pk)
    return criterion
