"""Automatic reviewer assignment: the review models as arrays for the matching solver and back.

Each submitted application needs ``k`` reviewers (the rubric's ``reviewers_per_application``) and
no reviewer takes more than ``m`` (``max_per_reviewer``), counting assignments already made.
Conflicted pairs are forbidden. Affinity rewards a shared working language (the reviewer's
language is the one the applicant wrote in) so that, all else equal, reviewers read originals.
When capacity falls short, every application still gets at least one reviewer before any gets
a second, and the shortfall is reported.

Staff may ask for a randomised assignment instead (``max_probability``, e.g. 1/2): no
(application, reviewer) pair is then made with probability above the cap, so nobody can count
on reviewing a given application (which limits collusion), at the best expected fit.
"""

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from startup_street.core.permissions import require
from startup_street.core.services import record_activity
from startup_street.core.text import join_words
from startup_street.matching.solver import solve_matching

from . import selectors
from .conflicts import detect_conflicts
from .enums import AssignmentSource
from .models import ReviewAssignment
from .rules import MANAGE_CALL
from .services import rubric_for

BASE, LANGUAGE_BONUS = 1.0, 0.5
# the caps offered to staff: at most 1 chance in 2, in 3, 2 in 3, 3 in 4 per pair
RANDOM_CAPS = ("1/2", "1/3", "2/3", "3/4")


@dataclass(frozen=True)
class AssignOutcome:
    ok: bool
    created: int
    optimal: bool
    objective: float
    diagnosis: tuple[str, ...] = ()


def _arrays(applications, reviewers, existing, conflicts):
    """Every (application, reviewer) pair as flat arrays, less those already made or conflicted.

    Pairs are keyed ``application index * n_reviewers + reviewer index`` so that removing the
    existing and conflicted ones is one vectorised ``isin``, not a loop over all pairs.
    """
    n_items, n_agents = len(applications), len(reviewers)
    item = np.repeat(np.arange(n_items), n_agents)
    agent = np.tile(np.arange(n_agents), n_items)
    app_index = {a.pk: i for i, a in enumerate(applications)}
    startup_index = {a.startup_id: i for i, a in enumerate(applications)}
    reviewer_index = {r.pk: j for j, r in enumerate(reviewers)}
    excluded = [
        app_index[a] * n_agents + reviewer_index[r]
        for a, r in existing
        if a in app_index and r in reviewer_index
    ] + [
        startup_index[s] * n_agents + reviewer_index[r]
        for r, s in conflicts
        if s in startup_index and r in reviewer_index
    ]
    keep = ~np.isin(item * n_agents + agent, np.array(excluded, dtype=np.int64))
    app_language = np.array([a.startup.original_language for a in applications])
    reviewer_language = np.array([r.preferred_language for r in reviewers])
    language = (app_language[item] == reviewer_language[agent]) * LANGUAGE_BONUS
    return item[keep], agent[keep], language[keep]


def parse_cap(value: str | None) -> Fraction | None:
    """One of `RANDOM_CAPS` as a fraction, None for a blank value, else a translated error."""
    if value in (None, ""):
        return None
    if value not in RANDOM_CAPS:
        raise ValidationError(
            _("Choose a chance per pair of %(choices)s, or none for the best fit.")
            % {"choices": ", ".join(RANDOM_CAPS)}
        )
    return Fraction(value)


def _shortfall_in_words(result, applications, demand) -> tuple[str, ...]:
    """What could not be assigned, in the staff's words: how many reviews, and which
    applications got none (every reviewer is conflicted with them or has no room left)."""
    wanted = int(demand.sum())
    made = int(result.item.size) if result.ok else 0
    lines = [
        _("%(made)s of %(wanted)s reviews could be assigned.") % {"made": made, "wanted": wanted}
    ]
    covered = set(result.item.tolist()) if result.ok else set()
    left = [a for n, a in enumerate(applications) if demand[n] > 0 and n not in covered]
    if left:
        names = join_words(a.startup.name for a in left[:5])
        more = len(left) - 5
        lines.append(
            _("No reviewer is free of conflicts and has room left for: %(names)s.")
            % {"names": names + (_(" and %(n)s more") % {"n": more} if more > 0 else "")}
        )
    lines.append(
        _("Add reviewers, raise how many each may take, or lower the reviews per application.")
    )
    return tuple(lines)


@transaction.atomic
def auto_assign(*, call, actor, max_probability: Fraction | None = None) -> AssignOutcome:
    """Conflicts are detected first, so that no door assigns a pair the platform knows about.

    With `max_probability`, a random assignment in which no pair's chance exceeds it (or
    nothing at all, with the reason, when no such assignment exists)."""
    require(actor, MANAGE_CALL, call)
    detect_conflicts(call=call, actor=actor)
    rubric = rubric_for(call)
    applications = list(selectors.reviewable_applications(call).select_related("startup"))
    reviewers = list(selectors.reviewer_pool(call).order_by("pk"))
    if not applications or not reviewers:
        reason = (
            _("There are no submitted applications.")
            if not applications
            else _("The organisation has no reviewers yet.")
        )
        return AssignOutcome(False, 0, False, 0.0, (reason,))
    made = list(  # a departed reviewer's assignment counts only if they submitted a review
        ReviewAssignment.objects.filter(application__call=call)
        .filter(selectors.still_reviewer() | Q(review__submitted_at__isnull=False))
        .values_list("application_id", "reviewer_id")
    )
    existing = set(made)
    per_app = {a.pk: 0 for a in applications}
    per_reviewer = {r.pk: 0 for r in reviewers}
    for application_id, reviewer_id in made:
        per_app[application_id] = per_app.get(application_id, 0) + 1
        per_reviewer[reviewer_id] = per_reviewer.get(reviewer_id, 0) + 1
    demand = np.array(
        [max(rubric.reviewers_per_application - per_app[a.pk], 0) for a in applications]
    )
    capacity = np.array([max(rubric.max_per_reviewer - per_reviewer[r.pk], 0) for r in reviewers])
    item, agent, language = _arrays(
        applications, reviewers, existing, selectors.conflicted_pairs(call)
    )
    options = {
        "item": item,
        "agent": agent,
        "affinity": BASE + language,
        "n_items": len(applications),
        "n_agents": len(reviewers),
        "demand": demand,
        "max_load": capacity,
        "components": {"base": np.full(len(item), BASE), "language": language},
    }
    if max_probability is not None:
        result = solve_matching(**options, randomized=True, max_prob=max_probability)
        if not result.ok:
            reason = _(
                "No random assignment gives every application its reviewers with at most "
                "%(cap)s chance per reviewer; nothing was assigned. Choose a larger chance or "
                "the best fit."
            ) % {"cap": f"{max_probability.numerator}/{max_probability.denominator}"}
            record_activity(  # the solver's own lines stay here, for those who ask
                actor=actor,
                verb="review.auto_assigned",
                target=call,
                created=0,
                status=result.status,
                diagnosis=[reason],
                solver=list(result.diagnosis),
                max_probability=str(max_probability),
            )
            return AssignOutcome(False, 0, False, 0.0, (reason,))
        diagnosis = ()
    else:
        result = solve_matching(**options)
        solver_lines = tuple(result.diagnosis)
        diagnosis = ()
        if not result.ok:
            result = solve_matching(**options, allow_partial=True)
            solver_lines += tuple(result.diagnosis)
            diagnosis = _shortfall_in_words(result, applications, demand)
    created = bulk_create_with_history(
        [
            ReviewAssignment(
                application=applications[i],
                reviewer=reviewers[j],
                source=AssignmentSource.AUTOMATIC,
                assigned_by=actor,
            )
            for i, j in zip(result.item.tolist(), result.agent.tolist(), strict=True)
        ],
        ReviewAssignment,
        default_user=actor,
    )
    record_activity(
        actor=actor,
        verb="review.auto_assigned",
        target=call,
        created=len(created),
        objective=float(result.objective),
        status=result.status,
        diagnosis=list(diagnosis),
        solver=list(solver_lines) if max_probability is None else list(result.diagnosis),
        max_probability=None if max_probability is None else str(max_probability),
    )
    return AssignOutcome(
        ok=bool(result.ok) and not diagnosis,
        created=len(created),
        optimal=result.status == "optimal",
        objective=float(result.objective),
        diagnosis=diagnosis,
    )
