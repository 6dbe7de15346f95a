from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from startup_street.matching.models import MatchRun
from startup_street.mentoring import services
from startup_street.organizations.selectors import organizations_staffed_by
from startup_street.startups.models import Startup

from .auth import SIGNED_IN
from .schemas import ErrorOut, FieldErrorsOut

router = Router(tags=["mentoring"], auth=SIGNED_IN)


class MatchIn(Schema):
    organization: str
    per_startup: int = 1
    call: int | None = None


class MatchRunOut(Schema):
    id: int
    status: str
    objective: float | None
    optimal: bool
    seconds: float | None
    diagnosis: list[str]
    pairs: list[dict]


@router.post("/match-runs", response={200: MatchRunOut, 404: ErrorOut, 422: FieldErrorsOut})
def run_match(request, payload: MatchIn):
    """Propose mentors for the organisation's accepted startups (staff of that organisation)."""
    organization = get_object_or_404(
        organizations_staffed_by(request.auth), slug=payload.organization
    )
    startups = Startup.objects.filter(
        applications__call__program__organization=organization, applications__status="accepted"
    )
    if payload.call:
        startups = startups.filter(applications__call_id=payload.call)
    return services.propose_matches(
        organization=organization,
        startups=startups.distinct(),
        actor=request.auth,
        per_startup=max(1, min(payload.per_startup, 5)),
    )


@router.get("/match-runs/{int:run_id}", response={200: MatchRunOut, 404: ErrorOut})
def get_match(request, run_id: int):
    return get_object_or_404(
        MatchRun, pk=run_id, organization__in=organizations_staffed_by(request.auth)
    )


@router.post(
    "/match-runs/{int:run_id}/confirm",
    response={200: MatchRunOut, 404: ErrorOut, 422: FieldErrorsOut},
)
def confirm_match(request, run_id: int):
    run = get_object_or_404(
        MatchRun, pk=run_id, organization__in=organizations_staffed_by(request.auth)
    )
    services.confirm_run(run=run, actor=request.auth)
    run.refresh_from_db()
    return run
