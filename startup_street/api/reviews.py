"""Reviews under /api/v1/reviews: a reviewer's own assignments, and the call staff's review.

The same services and selectors as the web pages, so the same rules: another reviewer's
assignment answers 404; blind review hides the applicant from reviewers and reviewers from each
other; comments to staff reach only staff.
"""

from datetime import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from startup_street.accounts.models import User
from startup_street.core.i18n import pick
from startup_street.decisions import selectors as decision_selectors
from startup_street.decisions import services as decisions
from startup_street.organizations.models import Organization
from startup_street.programs.selectors import calls_visible_to
from startup_street.reviews import assignment as auto
from startup_street.reviews import conflicts, selectors, services
from startup_street.reviews import rules as review_rules
from startup_street.reviews.enums import Phase
from startup_street.reviews.models import ReviewAssignment
from startup_street.reviews.sheets import review_sheet, sees_applicant

from .auth import SIGNED_IN
from .pagination import PageNumberPagination
from .schemas import ErrorOut, FieldErrorsOut

router = Router(tags=["reviews"], auth=SIGNED_IN)
READ = {404: ErrorOut}
WRITE = {403: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut}


def _rubric(assignment: ReviewAssignment):
    return getattr(assignment.application.call, "rubric", None)


def _sees_applicant(assignment: ReviewAssignment, context) -> bool:
    return sees_applicant(context["request"].auth, assignment)


def _review(assignment: ReviewAssignment):
    return getattr(assignment, "review", None)


class AssignmentOut(Schema):
    """Read from an assignment loaded by ``assignments_of`` (call, rubric and review joined)."""

    id: int
    application: int
    call: int
    program: str
    applicant: str | None  # None in blind review
    phase: str
    blind: bool
    submitted_at: datetime | None
    total: float | None

    @staticmethod
    def resolve_application(obj) -> int:
        return obj.application_id

    @staticmethod
    def resolve_call(obj) -> int:
        return obj.application.call_id

    @staticmethod
    def resolve_program(obj) -> str:
        return obj.application.call.program.slug

    @staticmethod
    def resolve_applicant(obj, context) -> str | None:
        return obj.application.startup.name if _sees_applicant(obj, context) else None

    @staticmethod
    def resolve_phase(obj) -> str:
        rubric = _rubric(obj)
        return rubric.phase if rubric else Phase.SCORING

    @staticmethod
    def resolve_blind(obj, context) -> bool:
        return not _sees_applicant(obj, context)

    @staticmethod
    def resolve_submitted_at(obj):
        review = _review(obj)
        return review.submitted_at if review else None

    @staticmethod
    def resolve_total(obj) -> float | None:
        review = _review(obj)
        return review.total if review and review.submitted_at else None


class CriterionOut(Schema):
    id: int
    label: str
    weight: float
    scale_min: int
    scale_max: int


class QuestionOut(Schema):
    id: int
    kind: str
    label: str


class AttachmentOut(Schema):
    question: int
    name: str
    url: str


class OtherReviewOut(Schema):
    reviewer: str  # a pseudonym in blind review
    total: float | None
    scores: dict[str, int]


class AssignmentDetailOut(AssignmentOut):
    questions: list[QuestionOut]
    answers: dict[str, object] = Field(description="Each answer as stored, by question id.")
    answers_shown: dict[str, str] = Field(
        description="Each answer as read: a choice question's option label in your language."
    )
    attachments: list[AttachmentOut]
    criteria: list[CriterionOut]
    scores: dict[str, int]
    comment_to_staff: str
    comment_to_applicant: str
    others: list[OtherReviewOut]


class ReviewIn(Schema):
    scores: dict[str, bool | int | float | str | None]  # bool kept apart: true is no score
    comment_to_staff: str = ""
    comment_to_applicant: str = ""


class ConflictIn(Schema):
    note: str = ""


class MessageOut(Schema):
    detail: str


def _detail_out(assignment: ReviewAssignment, user) -> ReviewAssignment:
    """The assignment, fresh from the database, carrying what the detail schema reads: the
    review sheet, as the web page shows it."""
    assignment = selectors.assignments_of(assignment.reviewer).get(pk=assignment.pk)
    sheet = review_sheet(assignment, user)
    review = sheet.review
    assignment.questions = [
        {"id": q.pk, "kind": q.kind, "label": pick(q.label, q.original_language).text}
        for q, _answer in sheet.questions
    ]
    assignment.answers = {str(k): v for k, v in sheet.answers.items()}
    assignment.answers_shown = {str(q.pk): text for q, text in sheet.questions if text}
    assignment.attachments = [
        {
            "question": shown.attachment.question_id,
            "name": shown.name,
            "url": reverse("reviews:attachment", args=[assignment.pk, shown.attachment.pk]),
        }
        for shown in sheet.attachments
    ]
    assignment.criteria = [
        {
            "id": c.pk,
            "label": pick(c.label, c.original_language).text,
            "weight": float(c.weight),
            "scale_min": c.scale_min,
            "scale_max": c.scale_max,
        }
        for c in sheet.criteria
    ]
    assignment.scores = (
        {str(c): v for c, v in review.scores.values_list("criterion_id", "value")} if review else {}
    )
    assignment.comment_to_staff = review.comment_to_staff if review else ""
    assignment.comment_to_applicant = review.comment_to_applicant if review else ""
    assignment.others = [
        {
            "reviewer": other["reviewer"],
            "total": other["total"],
            "scores": {str(criterion.pk): value for criterion, value in other["scores"]},
        }
        for other in sheet.others
    ]
    return assignment


def _own(request, assignment_id: int) -> ReviewAssignment:
    return get_object_or_404(selectors.assignments_of(request.auth), pk=assignment_id)


@router.get("/assignments", response=list[AssignmentOut])
@paginate(PageNumberPagination)
def list_assignments(request):
    """The reviewer's own assignments; nobody else's."""
    return selectors.assignments_of(request.auth).order_by("pk")


@router.get("/assignments/{int:assignment_id}", response={200: AssignmentDetailOut, **READ})
def get_assignment(request, assignment_id: int):
    return _detail_out(_own(request, assignment_id), request.auth)


@router.put("/assignments/{int:assignment_id}/review", response={200: AssignmentDetailOut, **WRITE})
def submit_review(request, assignment_id: int, payload: ReviewIn):
    assignment = _own(request, assignment_id)
    services.submit_review(
        assignment=assignment,
        reviewer=request.auth,
        scores=payload.scores,
        comment_to_staff=payload.comment_to_staff,
        comment_to_applicant=payload.comment_to_applicant,
    )
    return _detail_out(_own(request, assignment_id), request.auth)


@router.post("/assignments/{int:assignment_id}/conflict", response={200: MessageOut, **WRITE})
def declare_conflict(request, assignment_id: int, payload: ConflictIn):
    assignment = _own(request, assignment_id)
    conflicts.declare_conflict(assignment=assignment, reviewer=request.auth, note=payload.note)
    return {"detail": _("Thank you: you will not review this applicant.")}


# The call's staff ---------------------------------------------------------------------------


def _managed_call(request, call_id: int):
    call = get_object_or_404(calls_visible_to(request.auth), pk=call_id)
    if not request.auth.has_perm(review_rules.MANAGE_CALL, call):
        raise PermissionDenied
    return call


class RubricOut(Schema):
    phase: str
    blind: bool
    hold_decisions: bool
    reviewers_per_application: int
    max_per_reviewer: int


class RubricPatch(Schema):
    phase: Literal["scoring", "discussion", "closed"] | None = None
    blind: bool | None = None
    hold_decisions: bool | None = None
    reviewers_per_application: int | None = None
    max_per_reviewer: int | None = None


class RankingFilters(Schema):
    status: str = ""
    sector: str = ""
    reviewed: str = ""


class RankingRowOut(Schema):
    application: int
    startup: str
    status: str
    sectors: list[str]
    reviews: int
    complete: bool
    raw: float | None
    normalised: float | None


class StaffReviewOut(Schema):
    id: int
    assignment: int
    application: int
    startup: str
    reviewer: str
    submitted_at: datetime | None
    total: float | None
    z_score: float | None
    scores: dict[str, int]
    comment_to_staff: str
    comment_to_applicant: str


class AssignIn(Schema):
    application: int
    reviewer: int


class StaffAssignmentOut(Schema):
    id: int
    application: int
    reviewer: int
    source: str


class AutoAssignOut(Schema):
    ok: bool
    created: int
    optimal: bool
    objective: float
    diagnosis: list[str]


def _rubric_out(call, rubric) -> dict:
    """The review settings with the call's hold setting (a decisions setting, kept at this
    address for API clients)."""
    fields = ("phase", "blind", "reviewers_per_application", "max_per_reviewer")
    return {
        **{name: getattr(rubric, name) for name in fields},
        "hold_decisions": decision_selectors.decisions_held(call),
    }


@router.get("/calls/{int:call_id}/rubric", response={200: RubricOut, **WRITE})
def get_rubric(request, call_id: int):
    call = _managed_call(request, call_id)
    return _rubric_out(call, selectors.rubric_of(call))


@router.patch("/calls/{int:call_id}/rubric", response={200: RubricOut, **WRITE})
def patch_rubric(request, call_id: int, payload: RubricPatch):
    call = _managed_call(request, call_id)
    changes = payload.dict(exclude_none=True)
    hold = changes.pop("hold_decisions", None)
    with transaction.atomic():
        rubric = services.update_rubric(call=call, actor=request.auth, **changes)
        if hold is not None:
            decisions.set_hold(call=call, actor=request.auth, hold=hold)
    return _rubric_out(call, rubric)


@router.get("/calls/{int:call_id}/ranking", response={200: list[RankingRowOut], **WRITE})
def get_ranking(request, call_id: int, filters: Query[RankingFilters]):
    call = _managed_call(request, call_id)
    return [
        {
            "application": row["application"].pk,
            "startup": row["application"].startup.slug,
            "status": row["status"],
            "sectors": [sector.code for sector in row["sectors"]],
            **{key: row[key] for key in ("reviews", "complete", "raw", "normalised")},
        }
        for row in decision_selectors.decision_ranking(call, **filters.dict())
    ]


@router.get("/calls/{int:call_id}/reviews", response={200: list[StaffReviewOut], **WRITE})
def list_call_reviews(request, call_id: int):
    """Every review of the call with its reviewer and both comments: staff only."""
    call = _managed_call(request, call_id)
    z = selectors.z_scores(call)
    return [
        {
            "id": review.pk,
            "assignment": review.assignment_id,
            "application": review.assignment.application_id,
            "startup": review.assignment.application.startup.slug,
            "reviewer": review.assignment.reviewer.email,
            "submitted_at": review.submitted_at,
            "total": review.total,
            "z_score": z.get((review.assignment.reviewer_id, review.assignment.application_id)),
            "scores": {str(s.criterion_id): s.value for s in review.scores.all()},
            "comment_to_staff": review.comment_to_staff,
            "comment_to_applicant": review.comment_to_applicant,
        }
        for review in selectors.reviews_of_call(call)
    ]


@router.post("/calls/{int:call_id}/assignments", response={200: StaffAssignmentOut, **WRITE})
def assign(request, call_id: int, payload: AssignIn):
    call = _managed_call(request, call_id)
    application = get_object_or_404(call.applications, pk=payload.application)
    reviewer = get_object_or_404(selectors.reviewer_pool(call), pk=payload.reviewer)
    assignment = services.assign_reviewer(
        application=application, reviewer=reviewer, actor=request.auth
    )
    return {
        "id": assignment.pk,
        "application": assignment.application_id,
        "reviewer": assignment.reviewer_id,
        "source": assignment.source,
    }


@router.delete(
    "/calls/{int:call_id}/assignments/{int:assignment_id}", response={204: None, **WRITE}
)
def unassign(request, call_id: int, assignment_id: int):
    call = _managed_call(request, call_id)
    assignment = get_object_or_404(ReviewAssignment, pk=assignment_id, application__call=call)
    services.unassign_reviewer(assignment=assignment, actor=request.auth)
    return 204, None


@router.post("/calls/{int:call_id}/auto-assign", response={200: AutoAssignOut, **WRITE})
def auto_assign(request, call_id: int, max_probability: str | None = None):
    """`?max_probability=1/2` (or 1/3, 2/3, 3/4): a random assignment with that cap per pair."""
    call = _managed_call(request, call_id)
    cap = auto.parse_cap(max_probability)
    outcome = auto.auto_assign(call=call, actor=request.auth, max_probability=cap)
    return {**outcome.__dict__, "diagnosis": list(outcome.diagnosis)}


# Investors and shareholders ----------------------------------------------------------------


class StakeIn(Schema):
    startup: str
    kind: str
    organization: str | None = None
    person: str | None = None  # an e-mail address


class StakeOut(Schema):
    id: int
    startup: str
    kind: str
    organization: str | None
    person: str | None


@router.post("/stakes", response={200: StakeOut, **WRITE})
def record_stake(request, payload: StakeIn):
    startup = get_object_or_404(selectors.startups_for_stakes(request.auth), slug=payload.startup)
    organization = (
        get_object_or_404(Organization, slug=payload.organization) if payload.organization else None
    )
    person = get_object_or_404(User, email__iexact=payload.person) if payload.person else None
    stake = conflicts.record_stake(
        startup=startup,
        actor=request.auth,
        kind=payload.kind,
        person=person,
        organization=organization,
    )
    return {
        "id": stake.pk,
        "startup": startup.slug,
        "kind": stake.kind,
        "organization": organization.slug if organization else None,
        "person": person.email if person else None,
    }
