from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router
from ninja.pagination import PageNumberPagination, paginate

from startup_street.applications import services
from startup_street.applications.selectors import applications_visible_to

from .auth import SIGNED_IN
from .schemas import AnswersIn, ApplicationOut, DecisionIn, ErrorOut, FieldErrorsOut

router = Router(tags=["applications"], auth=SIGNED_IN)
WRITE = {200: ApplicationOut, 403: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut}


def _visible(request, application_id: int):
    qs = applications_visible_to(request.auth).prefetch_related("answers", "timeline")
    return get_object_or_404(qs, pk=application_id)


@router.get("", response=list[ApplicationOut])
@paginate(PageNumberPagination)
def list_applications(request, call: int | None = None, status: str | None = None):
    qs = applications_visible_to(request.auth).prefetch_related("answers", "timeline")
    if call:
        qs = qs.filter(call_id=call)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-updated_at", "pk")


@router.get("/{int:application_id}", response={200: ApplicationOut, 404: ErrorOut})
def get_application(request, application_id: int):
    return _visible(request, application_id)


@router.patch("/{int:application_id}/answers", response=WRITE)
def save_answers(request, application_id: int, payload: AnswersIn):
    application = _visible(request, application_id)
    services.save_answers(application=application, user=request.auth, data=payload.answers)
    return _visible(request, application_id)


@router.post("/{int:application_id}/submit", response=WRITE)
def submit(request, application_id: int):
    application = _visible(request, application_id)
    services.submit_application(application=application, user=request.auth)
    return _visible(request, application_id)


@router.post("/{int:application_id}/decision", response=WRITE)
def decide(request, application_id: int, payload: DecisionIn):
    application = _visible(request, application_id)
    allowed = {"accepted", "waitlisted", "rejected", "under_review"}
    if payload.decision not in allowed:
        raise ValidationError({"decision": [_("Choose a decision.")]})
    if not request.auth.has_perm("applications.decide_application", application):
        raise PermissionDenied
    services.decide_application(
        application=application, actor=request.auth, decision=payload.decision
    )
    return _visible(request, application_id)
