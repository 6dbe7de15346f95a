from datetime import datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from startup_street.mentoring import selectors, services
from startup_street.organizations.selectors import organizations_staffed_by
from startup_street.startups.selectors import startups_of

from .auth import SIGNED_IN
from .schemas import ErrorOut, FieldErrorsOut

router = Router(tags=["mentoring"], auth=SIGNED_IN)
ERRORS = {403: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut}


class MatchIn(Schema):
    organization: str
    per_startup: int = 1
    call: int | None = None
    mode: Literal["max_sum", "fair"] = "max_sum"
    background: bool | None = None  # None: in the background when the cohort is large


class RerunIn(Schema):
    refresh: bool = False


class PairIn(Schema):
    startup: int
    mentor: int


class CertificateOut(Schema):
    """The solver's independent optimality check of the proposal it made (before hand edits)."""

    ok: bool
    objective: float | None
    bound: float | None = Field(description="No assignment's total fit exceeds this dual bound.")
    gap: float | None = Field(description="bound - objective: rounding slack only when ok.")
    problems: list[str]
    seconds: float = Field(description="Time the check took.")


class MatchRunOut(Schema):
    id: int
    status: str
    stalled: bool = Field(
        description="Still `running`, but its worker stopped: given up, and may be re-run now."
    )
    stage: str
    progress: int
    parameters: dict
    objective: float | None
    optimal: bool
    seconds: float | None
    diagnosis: list[str]
    pairs: list[dict]
    edits: list[dict]
    rerun_of_id: int | None
    updated_at: datetime
    certificate: CertificateOut | None

    @staticmethod
    def resolve_stalled(run) -> bool:
        return run.is_stalled

    @staticmethod
    def resolve_diagnosis(run) -> list[str]:
        return run.shown_diagnosis

    @staticmethod
    def resolve_edits(run) -> list[dict]:
        """Each hand edit with the startup's name and the mentor's display name."""
        return selectors.named_edits(run)


class FounderPreferenceIn(Schema):
    value: Literal["want", "could", "rather_not", ""] = Field(
        description='The team\'s word on this mentor; "" clears it (no preference).'
    )


class FounderPreferenceOut(Schema):
    mentor: int
    mentor_name: str
    organization: str
    value: str | None = Field(description='"want", "could", "rather_not", or null: none.')


def _preferences(startup) -> list[dict]:
    current = selectors.founder_preferences_of(startup)
    return [
        {
            "mentor": mentor.pk,
            "mentor_name": str(mentor),
            "organization": mentor.organization.slug,
            "value": current.get(mentor.pk),
        }
        for mentor in selectors.mentors_for(startup)
    ]


@router.get(
    "/startups/{slug}/preferences",
    response={200: list[FounderPreferenceOut], 404: ErrorOut},
)
def list_founder_preferences(request, slug: str):
    """The startup's word on each active mentor of the organisations that accepted it (the
    mirror of mentors' bids); its team only (404 for anyone else)."""
    return _preferences(get_object_or_404(startups_of(request.auth), slug=slug))


@router.put(
    "/startups/{slug}/preferences/{int:mentor_id}",
    response={200: list[FounderPreferenceOut], **ERRORS},
)
def state_founder_preference(request, slug: str, mentor_id: int, payload: FounderPreferenceIn):
    """Say want / could / rather not for one mentor ("" clears it); answers the whole list."""
    startup = get_object_or_404(startups_of(request.auth), slug=slug)
    mentor = get_object_or_404(selectors.mentors_for(startup), pk=mentor_id)
    services.state_founder_preference(
        startup=startup, actor=request.auth, mentor=mentor, value=payload.value
    )
    return _preferences(startup)


class SessionOut(Schema):
    id: int
    mentorship: int = Field(validation_alias="mentorship_id")
    starts_at: datetime
    ends_at: datetime
    status: str = Field(description='"booked", "done" (held) or "cancelled".')


@router.post(
    "/sessions/{int:session_id}/cancel",
    response={200: SessionOut, 401: ErrorOut, 404: ErrorOut, 422: FieldErrorsOut},
)
def cancel_session(request, session_id: int):
    """Cancel a booked session before it starts (its mentor, its startup's team, or the staff of
    the mentor's organisation): its hours count no more and the others are told by e-mail.
    404 when the session is not one of yours; 422 when it has started, taken place or is
    already cancelled."""
    session = get_object_or_404(selectors.sessions_visible_to(request.auth), pk=session_id)
    return services.cancel_session(session=session, user=request.auth)


def _run(request, run_id: int):
    return get_object_or_404(selectors.match_runs_visible_to(request.auth), pk=run_id)


@router.post("/match-runs", response={200: MatchRunOut, **ERRORS})
def run_match(request, payload: MatchIn):
    """Propose mentors for the organisation's accepted startups (staff of that organisation).
    Large cohorts are solved in the background: poll `GET /match-runs/{id}` for `status` and
    `progress` until the status is no longer "queued" or "running", or `stalled` is true."""
    organization = get_object_or_404(
        organizations_staffed_by(request.auth), slug=payload.organization
    )
    return services.propose_matches(
        organization=organization,
        startups=selectors.cohort_of(organization, payload.call),
        actor=request.auth,
        per_startup=payload.per_startup,
        mode=payload.mode,
        call=payload.call,
        background=payload.background,
    )


@router.get("/match-runs/{int:run_id}", response={200: MatchRunOut, 404: ErrorOut})
def get_match(request, run_id: int):
    return _run(request, run_id)


@router.post("/match-runs/{int:run_id}/confirm", response={200: MatchRunOut, **ERRORS})
def confirm_match(request, run_id: int):
    run = _run(request, run_id)
    services.confirm_run(run=run, actor=request.auth)
    run.refresh_from_db()
    return run


@router.post("/match-runs/{int:run_id}/discard", response={200: MatchRunOut, **ERRORS})
def discard_match(request, run_id: int):
    return services.discard_run(run=_run(request, run_id), actor=request.auth)


@router.post("/match-runs/{int:run_id}/rerun", response={200: MatchRunOut, **ERRORS})
def rerun_match(request, run_id: int, payload: RerunIn):
    """Solve again as a new run: from the same inputs, or (`refresh`) from today's profiles."""
    return services.rerun_match(
        run=_run(request, run_id), actor=request.auth, refresh=payload.refresh
    )


@router.post("/match-runs/{int:run_id}/pairs", response={200: MatchRunOut, **ERRORS})
def add_pair(request, run_id: int, payload: PairIn):
    """Add a pair to a proposal; refused (422, with the reason) when it breaks a constraint."""
    run = _run(request, run_id)
    services.add_pair(
        run=run, actor=request.auth, startup_id=payload.startup, mentor_id=payload.mentor
    )
    run.refresh_from_db()
    return run


@router.delete(
    "/match-runs/{int:run_id}/pairs/{int:startup}/{int:mentor}",
    response={200: MatchRunOut, **ERRORS},
)
def remove_pair(request, run_id: int, startup: int, mentor: int):
    run = _run(request, run_id)
    services.remove_pair(run=run, actor=request.auth, startup_id=startup, mentor_id=mentor)
    run.refresh_from_db()
    return run
