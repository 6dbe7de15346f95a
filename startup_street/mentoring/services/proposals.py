"""A proposed run is edited by hand within its constraints, then confirmed or discarded."""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from startup_street.core.services import CONFLICT, record_activity
from startup_street.core.text import join_words
from startup_street.matching.models import MatchRun

from ..models import MentorProfile, Mentorship
from ..run_snapshot import Features, Pair, read_inputs, read_pairs, write_pairs
from .matching import require_staff
from .snapshot import score_pair

CONFLICT_REASONS = {
    "same_team": lambda: _("the mentor is on the startup's team"),
    "same_company": lambda: _("the mentor shares a company e-mail domain with the team"),
    "already_mentoring": lambda: _("the mentor already mentors this startup"),
}


def _locked_proposal(run: MatchRun, actor) -> MatchRun:
    require_staff(actor, run.organization)
    run = MatchRun.objects.select_for_update().get(pk=run.pk)
    if run.status != MatchRun.Status.PROPOSED:
        raise ValidationError(_("Only a proposed match can be changed."), code=CONFLICT)
    if read_inputs(run).features is None:
        raise ValidationError(_("This run was made before runs kept their inputs: re-run it."))
    return run


def _edited(run: MatchRun, actor, action: str, startup_id: int, mentor_id: int) -> None:
    run.objective = round(sum(pair.score for pair in read_pairs(run)), 6)
    run.optimal = False  # a hand-edited proposal is no longer the solver's optimum
    run.edits = [
        *run.edits,
        {
            "action": action,
            "startup": startup_id,
            "mentor": mentor_id,
            "by": actor.pk,
            "at": timezone.now().isoformat(),
        },
    ]
    run.save(update_fields=["pairs", "objective", "optimal", "edits"])
    record_activity(actor=actor, verb=f"match.pair_{action}", target=run, mentor=mentor_id)


@transaction.atomic
def add_pair(*, run: MatchRun, actor, startup_id: int, mentor_id: int) -> dict:
    """Add a pair to a proposal: refused, with the reason, when it breaks a constraint."""
    run = _locked_proposal(run, actor)
    features = read_inputs(run).features
    _check_addable(run, features, startup_id, mentor_id)
    score, why = score_pair(features, startup_id, mentor_id)
    pair = Pair(startup=startup_id, mentor=mentor_id, score=score, why=why)
    write_pairs(run, [*read_pairs(run), pair])
    _edited(run, actor, "added", startup_id, mentor_id)
    return pair.model_dump(mode="json")


def _check_addable(run: MatchRun, features: Features, startup_id: int, mentor_id: int) -> None:
    startups, mentors = features.startups.ids, features.mentors.ids
    if startup_id not in startups:
        raise ValidationError({"startup": _("This startup is not in the run's cohort.")})
    if mentor_id not in mentors:
        raise ValidationError({"mentor": _("This mentor is not among the run's mentors.")})
    pairs = read_pairs(run)
    if any(p.key == (startup_id, mentor_id) for p in pairs):
        raise ValidationError(_("This pair is already in the proposal."))
    reasons = features.conflict_reasons(startup_id, mentor_id)
    if reasons:
        reason = CONFLICT_REASONS[reasons[0]]() if reasons[0] in CONFLICT_REASONS else reasons[0]
        raise ValidationError(_("This pair is not allowed: %(reason)s.") % {"reason": reason})
    capacity = features.mentors.capacity[features.mentors.index(mentor_id)]
    load = sum(p.mentor == mentor_id for p in pairs)
    if load >= capacity:
        raise ValidationError(
            _(
                "This mentor can take %(capacity)d more startup(s) and already has %(load)d in "
                "the proposal: remove one of them first."
            )
            % {"capacity": capacity, "load": load}
        )
    per_startup = int(run.parameters.get("per_startup", 1))
    if sum(p.startup == startup_id for p in pairs) >= per_startup:
        raise ValidationError(
            _("This startup already has %(count)d mentor(s), as asked: remove one first.")
            % {"count": per_startup}
        )


@transaction.atomic
def remove_pair(*, run: MatchRun, actor, startup_id: int, mentor_id: int) -> None:
    run = _locked_proposal(run, actor)
    pairs = read_pairs(run)
    kept = [p for p in pairs if p.key != (startup_id, mentor_id)]
    if len(kept) == len(pairs):
        raise ValidationError(_("This pair is not in the proposal."))
    write_pairs(run, kept)
    _edited(run, actor, "removed", startup_id, mentor_id)


@transaction.atomic
def confirm_run(*, run: MatchRun, actor) -> list[Mentorship]:
    """Turn the proposal into mentorships, checking mentors' capacity as it is now."""
    require_staff(actor, run.organization)
    run = MatchRun.objects.select_for_update().get(pk=run.pk)
    if run.status != MatchRun.Status.PROPOSED:
        raise ValidationError(_("Only a proposed match can be confirmed."), code=CONFLICT)
    pairs = read_pairs(run)
    existing = set(
        Mentorship.objects.filter(
            mentor_id__in={p.mentor for p in pairs}, status=Mentorship.Status.ACTIVE
        ).values_list("mentor_id", "startup_id")
    )
    new = [p for p in pairs if (p.mentor, p.startup) not in existing]
    _check_capacity_now(new)
    features = read_inputs(run).features
    created = [
        Mentorship.objects.create(
            mentor_id=pair.mentor,
            startup_id=pair.startup,
            match_run=run,
            explanation=[list(part) for part in pair.why],
            program_id=features.program_of(pair.startup) if features else None,
        )
        for pair in new
    ]
    run.status = MatchRun.Status.CONFIRMED
    run.confirmed_at = timezone.now()
    run.save(update_fields=["status", "confirmed_at"])
    record_activity(actor=actor, verb="match.confirmed", target=run, created=len(created))
    return created


def _check_capacity_now(new_pairs: list[Pair]) -> None:
    adding = Counter(p.mentor for p in new_pairs)
    mentors = MentorProfile.objects.filter(pk__in=adding).annotate(
        active=Count("mentorships", filter=Q(mentorships__status=Mentorship.Status.ACTIVE))
    )
    over = [m for m in mentors.select_related("user") if m.active + adding[m.pk] > m.max_startups]
    if over:
        raise ValidationError(
            _(
                "Since this run, these mentors took other startups and would have too many: "
                "%(names)s. Re-run the match."
            )
            % {"names": join_words(over)}
        )


@transaction.atomic
def discard_run(*, run: MatchRun, actor) -> MatchRun:
    require_staff(actor, run.organization)
    run = MatchRun.objects.select_for_update().get(pk=run.pk)
    if run.status != MatchRun.Status.PROPOSED:
        raise ValidationError(_("Only a proposed match can be discarded."), code=CONFLICT)
    run.status = MatchRun.Status.DISCARDED
    run.save(update_fields=["status"])
    record_activity(actor=actor, verb="match.discarded", target=run)
    return run
