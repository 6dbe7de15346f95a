"""Cohort-wide mentor matching: propose (now or in the background), solve, re-run."""

from __future__ import annotations

import logging
import math
import time

import numpy as np
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from startup_street.core.services import CONFLICT, record_activity
from startup_street.matching.models import MatchRun, stale_after
from startup_street.matching.solver import (
    MatchProblem,
    MatchResult,
    make_problem,
    solve,
    verify_certificate,
)
from startup_street.organizations.rules import is_org_staff

from ..models import MentorProfile
from ..run_snapshot import (
    CertificateRecord,
    Features,
    Pair,
    RunInputs,
    read_inputs,
    write_certificate,
    write_inputs,
    write_pairs,
)
from .snapshot import encode_snapshot, gather

logger = logging.getLogger(__name__)
MODES = ("max_sum", "fair")
# a fair run spends at most this long raising the second-worst startup and onward (leximin)
# after proving the worst: small cohorts are solved while staff wait
FAIR_LEXIMIN_SECONDS = 5.0


def require_staff(user, organization) -> None:
    if not (user.is_superuser or is_org_staff(user, organization)):
        raise PermissionDenied(_("Only the organisation's staff can match mentors."))


def _check_parameters(per_startup: int, mode: str) -> None:
    if mode not in MODES:
        raise ValidationError({"mode": _("Choose “max_sum” or “fair”.")})
    if not 1 <= per_startup <= 5:
        raise ValidationError({"per_startup": _("Ask for 1 to 5 mentors per startup.")})


def propose_matches(
    *,
    organization,
    startups,
    actor,
    per_startup: int = 1,
    mode: str = "max_sum",
    call=None,
    embedder=None,
    background: bool | None = None,
) -> MatchRun:
    """Record a run for the cohort and solve it: now for a small cohort, else in the background.

    `mode="fair"` raises the worst-served startup first; when mentors are short, every startup
    gets one mentor before any gets a second. Nothing changes until staff confirm the run.
    """
    require_staff(actor, organization)
    _check_parameters(per_startup, mode)
    mentor_ids = list(
        MentorProfile.objects.filter(organization=organization, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    run = MatchRun(
        kind=MatchRun.Kind.MENTORS,
        organization=organization,
        created_by=actor,
        status=MatchRun.Status.QUEUED,
        parameters={
            "per_startup": per_startup,
            "mode": mode,
            "call": getattr(call, "pk", call),
        },
    )
    cohort = sorted(set(startups.values_list("pk", flat=True)))
    write_inputs(run, RunInputs(startups=cohort, mentors=mentor_ids))
    run.save()
    record_activity(actor=actor, verb="match.requested", target=run)
    return _start(run, background=background, embedder=embedder)


def rerun_match(
    *, run: MatchRun, actor, refresh: bool = False, embedder=None, background=None
) -> MatchRun:
    """Solve a run again as a new run: from its very snapshot, or (`refresh`) from today's data
    for the same startups and the organisation's mentors now taking startups."""
    require_staff(actor, run.organization)
    if run.is_pending:
        raise ValidationError(_("This run has not finished yet."), code=CONFLICT)
    if run.is_stalled:  # its worker crashed: record it as given up before solving it again
        fail_stale_runs(MatchRun.objects.filter(pk=run.pk))
    old = read_inputs(run)
    if refresh or old.features is None:
        mentors = list(
            MentorProfile.objects.filter(organization=run.organization, is_active=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        inputs = RunInputs(startups=old.startups, mentors=mentors)
    else:
        inputs = RunInputs(startups=old.startups, mentors=old.mentors, features=old.features)
    new = MatchRun(
        kind=run.kind,
        organization=run.organization,
        created_by=actor,
        status=MatchRun.Status.QUEUED,
        parameters={**run.parameters, "refreshed": bool(refresh)},
        rerun_of=run,
    )
    write_inputs(new, inputs)
    new.save()
    record_activity(actor=actor, verb="match.rerun", target=new, of=run.pk)
    return _start(new, background=background, embedder=embedder)


def _start(run: MatchRun, *, background: bool | None, embedder) -> MatchRun:
    inputs = read_inputs(run)
    size = len(inputs.startups) * len(inputs.mentors)
    limit = settings.MENTORING_BACKGROUND_PAIRS
    if background is None:
        background = size > limit
    if background:
        from ..tasks import task_run_match

        transaction.on_commit(lambda: task_run_match.enqueue(run.pk))
        return run
    run_match(run_id=run.pk, embedder=embedder)
    run.refresh_from_db()
    return run


def _progress(run_id: int, stage: str, percent: int) -> None:
    """Record the stage, which is also the worker's heartbeat (see `fail_stale_runs`)."""
    MatchRun.objects.filter(pk=run_id, status=MatchRun.Status.RUNNING).update(
        stage=stage, progress=percent, updated_at=timezone.now()
    )


def _language(run: MatchRun) -> str:
    return getattr(run.created_by, "preferred_language", None) or settings.LANGUAGE_CODE


def _finish(run: MatchRun, fields: list[str]) -> bool:
    """Write a solved (or failed) run, unless it was given up as stale in the meantime."""
    values = {name: getattr(run, name) for name in fields}
    done = MatchRun.objects.filter(pk=run.pk, status=MatchRun.Status.RUNNING).update(
        **values, updated_at=timezone.now()
    )
    if not done:
        logger.warning("match run %s was given up before its worker finished", run.pk)
    return bool(done)


def run_match(*, run_id: int, embedder=None) -> MatchRun | None:
    """Solve a queued run. Idempotent: a run that is not waiting (already solved, or being
    solved by another worker) is left as it is. Never raises for bad data: a run that cannot be
    solved ends "could not be solved" with a diagnosis."""
    claimed = MatchRun.objects.filter(pk=run_id, status=MatchRun.Status.QUEUED).update(
        status=MatchRun.Status.RUNNING,
        stage=MatchRun.Stage.GATHERING,
        progress=5,
        updated_at=timezone.now(),
    )
    run = MatchRun.objects.select_related("organization", "created_by").filter(pk=run_id).first()
    if not claimed or run is None:
        return run
    with translation.override(_language(run)):
        try:
            _solve_run(run, embedder)
        except Exception:  # a bug must not leave the run spinning for ever
            logger.exception("match run %s failed", run_id)
            run.status, run.stage, run.progress = MatchRun.Status.FAILED, MatchRun.Stage.DONE, 100
            run.diagnosis = [_("The match could not be computed; please try again.")]
            _finish(run, ["status", "stage", "progress", "diagnosis"])
    run.refresh_from_db()
    return run


def fail_stale_runs(runs=None) -> int:
    """Mark failed, with the reason, the runs still "running" whose worker has shown no sign of
    life for `MATCH_RUN_STALE_AFTER` seconds (a crashed worker). The worker's periodic schedule
    calls it every five minutes (and a re-run of a stalled run); pages never do: they read the
    run as stalled (``MatchRun.is_stalled``). `runs` narrows the search (an unsliced queryset);
    returns how many were given up."""
    cutoff = timezone.now() - stale_after()
    runs = MatchRun.objects.all() if runs is None else runs
    stale = runs.filter(status=MatchRun.Status.RUNNING, updated_at__lt=cutoff)
    given_up = 0
    for run in stale.select_related("created_by"):
        with translation.override(_language(run)):
            reason = run.stalled_reason
        given_up += MatchRun.objects.filter(
            pk=run.pk, status=MatchRun.Status.RUNNING, updated_at__lt=cutoff
        ).update(
            status=MatchRun.Status.FAILED,
            stage=MatchRun.Stage.DONE,
            progress=100,
            diagnosis=[*run.diagnosis, reason],
            updated_at=timezone.now(),
        )
    if given_up:
        logger.warning("gave up %d stale match run(s)", given_up)
    return given_up


def _solve_run(run: MatchRun, embedder) -> None:
    inputs = read_inputs(run)
    features = inputs.features
    if features is None:
        features = gather(
            organization=run.organization,
            startup_ids=inputs.startups,
            mentor_ids=inputs.mentors,
            call_id=run.parameters.get("call"),
            embedder=embedder,
            on_stage=lambda: _progress(run.pk, MatchRun.Stage.EMBEDDING, 30),
        )
        write_inputs(run, inputs.model_copy(update={"features": features}))
    _progress(run.pk, MatchRun.Stage.SOLVING, 60)
    run.stage, run.progress = MatchRun.Stage.DONE, 100
    fields = ["inputs", "stage", "progress", "status", "diagnosis", "pairs"]
    if not features.startups.ids or not features.mentors.ids:
        run.status = MatchRun.Status.FAILED
        run.diagnosis = [_("There are no mentors or no startups to match.")]
        _finish(run, fields)
        return
    encoded = encode_snapshot(features)
    problem = build_problem(encoded, features, run.parameters)
    result, notes = _solve(problem, run.parameters)
    certificate = check_certificate(problem, result) if result.ok else None
    write_certificate(run, certificate)
    run.status = MatchRun.Status.PROPOSED if result.ok else MatchRun.Status.FAILED
    run.objective = float(result.objective)
    run.optimal = result.status == "optimal" and bool(certificate and certificate.ok)
    run.seconds = float(result.stats.get("total_s", 0.0))
    run.diagnosis = notes + _coverage_lines(result) + _failure_lines(result)
    write_pairs(run, _pairs(result, encoded, features))
    finished = _finish(run, [*fields, "objective", "optimal", "seconds", "certificate"])
    if finished and run.created_by:
        record_activity(
            actor=run.created_by,
            verb="match.proposed",
            target=run,
            pairs=len(run.pairs),
            solver=list(result.diagnosis),
        )


def build_problem(encoded, features: Features, parameters: dict) -> MatchProblem:
    """The solver's problem for a run's snapshot (its encoded features and parameters)."""
    s_pos = {pk: n for n, pk in enumerate(features.startups.ids)}
    m_pos = {pk: n for n, pk in enumerate(features.mentors.ids)}
    rows = {(s_pos[s], m_pos[m]) for s, m, _r in features.conflicts if s in s_pos and m in m_pos}
    return make_problem(
        item=encoded.item,
        agent=encoded.agent,
        affinity=encoded.affinity,
        n_items=len(s_pos),
        n_agents=len(m_pos),
        demand=int(parameters.get("per_startup", 1)),
        max_load=features.mentors.capacity,
        forbidden=np.array(sorted(rows), dtype=np.int64).reshape(-1, 2),
        components=encoded.components,
    )


def check_certificate(problem: MatchProblem, result: MatchResult) -> CertificateRecord:
    """The solver's independent certificate check, as stored on the run: valid or not, the
    objective it recomputed, the dual bound no assignment can beat, the gap between them, what
    failed, and the seconds the check took. An unbounded bound is stored as null."""
    start = time.perf_counter()
    check = verify_certificate(problem, result)
    seconds = time.perf_counter() - start
    return CertificateRecord(
        ok=bool(check.ok),
        objective=_finite(check.objective),
        bound=_finite(check.bound),
        gap=_finite(check.gap),
        problems=list(check.problems),
        seconds=round(seconds, 6),
    )


def _finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def _solve(problem: MatchProblem, parameters: dict) -> tuple[MatchResult, list[str]]:
    per_startup = int(parameters.get("per_startup", 1))
    notes = []
    if parameters.get("mode") == "fair":
        result = solve(problem, mode="fair", leximin_time_s=FAIR_LEXIMIN_SECONDS)
        if result.ok:
            return result, notes + _fairness_lines(result)
        notes.append(
            _(
                "Not every startup can have %(count)d mentor(s), so the fair variant was not "
                "used: every startup gets one mentor before any gets a second."
            )
            % {"count": per_startup}
        )
    return solve(problem, allow_partial=True), notes


def _fairness_lines(result: MatchResult) -> list[str]:
    """How fair the fair proposal is proven to be, in plain words: the worst-served startup's
    score, then (leximin) the second-worst's and onward as far as the time allowed; or, when not
    proven, its worst-served startup's score and the most any proposal could give it."""
    fairness = result.fairness
    if fairness is None:
        return []
    if fairness.proven:
        return [_proven_line(fairness.levels_proven, fairness.levels)]
    if not math.isfinite(fairness.upper_bound):
        return [
            _(
                "The fairest proposal was not found in the time allowed: this is the best-total "
                "proposal, whose worst-served startup scores %(worst).3f."
            )
            % {"worst": fairness.min_item_score}
        ]
    return [
        _(
            "The fairest proposal was not proven in the time allowed: its worst-served startup "
            "scores %(worst).3f, and no proposal can give it more than %(bound).3f."
        )
        % {"worst": fairness.min_item_score, "bound": fairness.upper_bound}
    ]


def _proven_line(levels_proven: int, levels: int) -> str:
    if levels_proven >= levels:
        return _(
            "Proven fairest: the worst-served startup's score is as high as any proposal "
            "allows, then the second-worst's, and so on for every startup."
        )
    if levels_proven <= 1:
        return _(
            "Proven: the worst-served startup's score is as high as any proposal allows, and "
            "among such proposals this one has the best total fit."
        )
    return ngettext(
        "Proven: the %(count)d lowest startup score is as high as any proposal allows, each "
        "in turn from the worst; the time allowed ran out before the others, which are set "
        "for the best total fit.",
        "Proven: the %(count)d lowest startup scores are as high as any proposal allows, each "
        "in turn from the worst; the time allowed ran out before the others, which are set "
        "for the best total fit.",
        levels_proven,
    ) % {"count": levels_proven}


def _failure_lines(result: MatchResult) -> list[str]:
    """A failed solve in the staff's words (the solver's own lines name items and agents by
    index; they stay in the activity record)."""
    if result.ok:
        return []
    return [
        _(
            "No proposal meets every rule (each mentor's capacity, conflicts of interest, the "
            "mentors asked per startup). Check the cohort and the mentors' hours, or ask for "
            "fewer mentors per startup."
        )
    ]


def _coverage_lines(result: MatchResult) -> list[str]:
    coverage = result.coverage
    if coverage is None:
        return []
    if coverage.items_covered < coverage.items_with_demand:
        return [
            _(
                "%(left)d of %(total)d startups could not get a mentor: every mentor they could "
                "have is at capacity or in a conflict of interest."
            )
            % {
                "left": coverage.items_with_demand - coverage.items_covered,
                "total": coverage.items_with_demand,
            }
        ]
    if coverage.assigned < coverage.total_demand:
        return [
            _(
                "Mentors are short: every startup has at least one mentor, and %(open)d "
                "requested places are left open."
            )
            % {"open": coverage.total_demand - coverage.assigned}
        ]
    return []


def _pairs(result: MatchResult, encoded, features: Features) -> list[Pair]:
    """Each assigned pair with its score and its largest parts (the staff's "why")."""
    s_ids, m_ids = features.startups.ids, features.mentors.ids
    return [
        Pair(
            startup=s_ids[i],
            mentor=m_ids[j],
            score=round(float(encoded.affinity[p]), 4),
            why=[(name, round(value, 3)) for name, value in result.explain(k) if value],
        )
        for k, (i, j, p) in enumerate(
            zip(result.item.tolist(), result.agent.tolist(), result.pair.tolist(), strict=True)
        )
    ]
