"""Applications and decisions under /api/v1/applications, with the web pages' permissions.

Founders start, answer, upload to, submit and withdraw their own applications; the call's staff
read them, decide one or many, set quotas, form the cohort, write to applicants and read an
application's whole history. Anyone else gets 404 for an application and 403 for a call they
can see but do not run.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import paginate

from startup_street.applications import selectors, services
from startup_street.applications.forms import DECISION_CHOICES
from startup_street.applications.models import Question
from startup_street.core.models import Sector
from startup_street.decisions import selectors as decision_selectors
from startup_street.decisions import services as decisions
from startup_street.decisions.models import Cohort
from startup_street.decisions.quotas import quota_status
from startup_street.programs.selectors import calls_visible_to
from startup_street.reviews import history
from startup_street.startups.selectors import startups_of

from .auth import SIGNED_IN
from .pagination import PageNumberPagination
from .schemas import (
    AnswersIn,
    ApplicationDecisionIn,
    ApplicationOut,
    ErrorOut,
    FieldErrorsOut,
    Id,
)

router = Router(tags=["applications"], auth=SIGNED_IN)
ERRORS = {403: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut}
DECISIONS = {value for value, _label in DECISION_CHOICES}


class ApplicationDetailOut(ApplicationOut):
    feedback: list[str]  # reviewers' comments to the applicant once decided; never their names


class StartIn(Schema):
    call: int
    startup: str


class BulkDecisionIn(Schema):
    call: Id
    applications: list[Id]
    decision: str


class CountOut(Schema):
    count: int


class HistoryEntryOut(Schema):
    at: datetime
    actor: str | None
    what: str
    details: list[str]


def _seen_by(user):
    """What ``user`` may read, with the pending decision where they decide it (the call's staff):
    ``status`` itself is always what the team sees."""
    qs = selectors.applications_visible_to(user).prefetch_related("answers", "timeline")
    return decision_selectors.with_pending_for(qs, user)


def _visible(request, application_id: int):
    return get_object_or_404(_seen_by(request.auth), pk=application_id)


def _detail(request, application_id: int):
    application = _visible(request, application_id)
    application.feedback = selectors.feedback_for(application)
    return application


def _decision(value: str) -> str:
    if value not in DECISIONS:
        raise ValidationError({"decision": [_("Choose a decision.")]})
    return value


@router.get("", response=list[ApplicationOut])
@paginate(PageNumberPagination)
def list_applications(request, call: int | None = None, status: str | None = None):
    qs = _seen_by(request.auth)
    if call:
        qs = qs.filter(call_id=call)
    if status:
        qs = decision_selectors.decided_with_status(qs, status)
    return qs.order_by("-updated_at", "pk")


@router.post("", response={200: ApplicationDetailOut, **ERRORS})
def start(request, payload: StartIn):
    """The startup's application to the call, created as a draft the first time."""
    call = get_object_or_404(calls_visible_to(request.auth), pk=payload.call)
    startup = get_object_or_404(startups_of(request.auth), slug=payload.startup)
    application = services.start_application(call=call, startup=startup, user=request.auth)
    return _detail(request, application.pk)


@router.get("/{int:application_id}", response={200: ApplicationDetailOut, 404: ErrorOut})
def get_application(request, application_id: int):
    return _detail(request, application_id)


@router.patch("/{int:application_id}/answers", response={200: ApplicationDetailOut, **ERRORS})
def save_answers(request, application_id: int, payload: AnswersIn):
    application = _visible(request, application_id)
    services.save_answers(application=application, user=request.auth, data=payload.answers)
    return _detail(request, application_id)


@router.post(
    "/{int:application_id}/files/{int:question_id}",
    response={200: ApplicationDetailOut, **ERRORS},
)
def upload(request, application_id: int, question_id: int, file: File[UploadedFile]):
    """A PDF, PNG or JPEG for a file question (multipart, field ``file``)."""
    application = _visible(request, application_id)
    question = get_object_or_404(Question, pk=question_id, form__call_id=application.call_id)
    services.attach_file(application=application, question=question, user=request.auth, upload=file)
    return _detail(request, application_id)


@router.post("/{int:application_id}/submit", response={200: ApplicationDetailOut, **ERRORS})
def submit(request, application_id: int):
    application = _visible(request, application_id)
    services.submit_application(application=application, user=request.auth)
    return _detail(request, application_id)


@router.post("/{int:application_id}/withdraw", response={200: ApplicationDetailOut, **ERRORS})
def withdraw(request, application_id: int):
    application = _visible(request, application_id)
    services.withdraw_application(application=application, user=request.auth)
    return _detail(request, application_id)


@router.post("/{int:application_id}/decision", response={200: ApplicationDetailOut, **ERRORS})
def decide(request, application_id: int, payload: ApplicationDecisionIn):
    application = _visible(request, application_id)
    decision = _decision(payload.decision)
    decisions.decide_application(application=application, actor=request.auth, decision=decision)
    return _detail(request, application_id)


@router.get("/{int:application_id}/history", response={200: list[HistoryEntryOut], **ERRORS})
def get_history(request, application_id: int):
    """Every status change, assignment, score, conflict and stake: the call's staff only."""
    application = _visible(request, application_id)
    if not request.auth.has_perm("applications.decide_application", application):
        raise PermissionDenied
    return [
        {
            "at": entry.at,
            "actor": entry.actor.display_name if entry.actor else None,
            "what": entry.what,
            "details": entry.details,
        }
        for entry in history.application_history(application)
    ]


# Decisions over a call -----------------------------------------------------------------------


class QuotaOut(Schema):
    sector: str
    min_percent: int
    accepted: int
    in_sector: int
    needed: int
    met: bool


class QuotaIn(Schema):
    min_percent: int | None


class CallDecisionsOut(Schema):
    seats: int | None
    left: int | None
    counts: dict[str, int]
    quotas: list[QuotaOut]
    cohort: list[int] | None  # application ids, once a cohort is formed


class CohortIn(Schema):
    name: str = ""


class NoticeIn(Schema):
    statuses: list[str] = Field(
        min_length=1,
        description="Whom to write to, by their application's status.",
        json_schema_extra={"items": {"type": "string", "enum": decisions.NOTICE_STATUSES}},
    )
    subject: dict[str, str]
    body: dict[str, str]
    original_language: str


class NoticeOut(Schema):
    id: int
    statuses: list[str]


def _decided_call(request, call_id: int):
    call = get_object_or_404(calls_visible_to(request.auth), pk=call_id)
    if not request.auth.has_perm(decisions.DECIDE, call):
        raise PermissionDenied
    return call


def _call_decisions(call) -> dict:
    summary = decision_selectors.decision_summary(call)
    cohort = Cohort.objects.filter(call=call).first()
    return {
        **summary,
        "quotas": [
            {
                "sector": s.quota.sector.code,
                "min_percent": s.quota.min_percent,
                "accepted": s.accepted,
                "in_sector": s.in_sector,
                "needed": s.needed,
                "met": s.met,
            }
            for s in quota_status(call)
        ],
        "cohort": sorted(cohort.applications.values_list("pk", flat=True)) if cohort else None,
    }


@router.post("/decisions", response={200: CountOut, **ERRORS})
def decide_many(request, payload: BulkDecisionIn):
    """One decision for many applications of a call: all of them, or none."""
    call = _decided_call(request, payload.call)
    count = decisions.decide_many(
        call=call,
        actor=request.auth,
        application_ids=payload.applications,
        decision=_decision(payload.decision),
    )
    return {"count": count}


@router.get("/calls/{int:call_id}/decisions", response={200: CallDecisionsOut, **ERRORS})
def get_call_decisions(request, call_id: int):
    return _call_decisions(_decided_call(request, call_id))


@router.post("/calls/{int:call_id}/decisions/release", response={200: CountOut, **ERRORS})
def release_call_decisions(request, call_id: int):
    """Tell the founders every held decision of the call at once (one e-mail each, in their
    language); ``count`` is how many were released, 0 the second time."""
    count = decisions.release_decisions(call=_decided_call(request, call_id), actor=request.auth)
    return {"count": count}


@router.put("/calls/{int:call_id}/quotas/{sector}", response={200: CallDecisionsOut, **ERRORS})
def put_quota(request, call_id: int, sector: str, payload: QuotaIn):
    """At least ``min_percent`` % of accepted startups from the sector; ``null`` removes it."""
    call = _decided_call(request, call_id)
    decisions.set_quota(
        call=call,
        actor=request.auth,
        sector=get_object_or_404(Sector, code=sector),
        min_percent=payload.min_percent,
    )
    return _call_decisions(call)


@router.post("/calls/{int:call_id}/waitlist/promote", response={200: CountOut, **ERRORS})
def promote_waitlist(request, call_id: int):
    accepted = decisions.promote_from_waitlist(
        call=_decided_call(request, call_id), actor=request.auth
    )
    return {"count": len(accepted)}


@router.post("/calls/{int:call_id}/cohort", response={200: CallDecisionsOut, **ERRORS})
def form_cohort(request, call_id: int, payload: CohortIn):
    call = _decided_call(request, call_id)
    decisions.form_cohort(call=call, actor=request.auth, name=payload.name)
    return _call_decisions(call)


@router.post("/calls/{int:call_id}/notices", response={200: NoticeOut, **ERRORS})
def send_notice(request, call_id: int, payload: NoticeIn):
    """A message to the call's applicants in these statuses, each read in their language."""
    call = _decided_call(request, call_id)
    notice = decisions.send_notice(call=call, actor=request.auth, **payload.dict())
    return {"id": notice.pk, "statuses": notice.statuses}
