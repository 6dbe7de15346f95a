"""The demo's applications: forms, drafts, submissions, review assignments, reviews and
decisions, made through the same services the web pages call (so the demo obeys every rule).

Calls that are closed by now are opened while their applications are written, then given back
their deadline; timestamps of past steps are moved back to when they would have happened.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import F

from startup_street.accounts.models import User
from startup_street.applications.models import Application, StatusChange
from startup_street.applications.services import (
    add_question,
    save_answers,
    start_application,
    submit_application,
)
from startup_street.core.i18n import pick
from startup_street.decisions.services import decide_application
from startup_street.organizations.models import Membership
from startup_street.programs.models import Call, Program
from startup_street.reviews.models import Rubric
from startup_street.reviews.services import add_criterion, assign_reviewer, submit_review
from startup_street.startups.models import Startup

from .data import work
from .data.people import PANEL, org_domain, startup_domain

DEMO_REVIEWER = f"reviewer@{org_domain('seoul-robot-cluster')}"


@dataclass(frozen=True)
class DemoCall:
    """A demo call, found by its organisation and kind (the first such program is a fixed one)."""

    org: str
    kind: str
    staff: str = ""  # e-mail of the staff member who acts; else the organisation's first admin
    nth: int = 0


OPEN_SOFT_LANDING = DemoCall(
    "kic-beijing", "soft_landing", f"kic-manager@{org_domain('kic-beijing')}"
)
COHORT = DemoCall("kic-beijing", "soft_landing", OPEN_SOFT_LANDING.staff, nth=1)
IN_REVIEW = DemoCall(
    "seoul-startup-hub", "commercialisation", f"hub-admin@{org_domain('seoul-startup-hub')}"
)
TESTBED = DemoCall("seoul-robot-cluster", "testbed")
ZGC = DemoCall("zgc-frontier-accelerator", "mentoring")
HAIDIAN = DemoCall("haidian-university-startup-camp", "mentoring")


def load(*, now: datetime, seed: int) -> None:
    rng = random.Random(seed)
    robowave = Startup.objects.get(slug="robowave")
    shenshi = Startup.objects.get(slug="shenshi-tech")
    others = list(
        Startup.objects.exclude(pk__in=[robowave.pk, shenshi.pk])
        .filter(members__role="owner")
        .order_by("pk")
    )
    korean = [s for s in others if s.country == "KR"]
    rest = [s for s in others if s.country != "KR"]

    _cohort(rng, now, [robowave, *korean[:8]])
    _in_review(rng, now, [shenshi, *rest[:3], *korean[8:11]])
    _open(rng, now, TESTBED, drafts=[robowave, *korean[11:13]], submitted=korean[13:16])
    _open(rng, now, OPEN_SOFT_LANDING, drafts=[], submitted=[robowave, *korean[16:18]])
    _open(rng, now, ZGC, drafts=[shenshi], submitted=rest[3:5])
    _decided_without_review(rng, now, HAIDIAN, [shenshi, *rest[5:7]])


# --- the four kinds of call -------------------------------------------------------------------


def _cohort(rng, now, startups) -> None:
    """KIC Beijing's closed round: reviewed by a panel and decided 30 days ago."""
    call, staff = _call(COHORT), _staff(COHORT)
    deadline = call.closes_at
    _open_for_writing(call, now)
    _form_and_rubric(call, staff)
    applications = [_apply(rng, call, startup, submit=True) for startup in startups]
    panel = _panel(call)
    for application in applications:
        for reviewer in rng.sample(panel, k=min(3, len(panel))):
            assignment = assign_reviewer(application=application, reviewer=reviewer, actor=staff)
            _review(rng, assignment, reviewer, strong=application.startup.slug == "robowave")
    ranked = sorted(applications, key=lambda a: (a.startup.slug != "robowave", _mean(a)))
    decisions = ["accepted"] * 4 + ["waitlisted"] * 2
    for application, decision in zip(ranked, decisions + ["rejected"] * len(ranked), strict=False):
        decide_application(application=application, actor=staff, decision=decision)
    Rubric.objects.filter(call=call).update(phase="closed")
    _close(call, deadline, now, days_ago=45)


def _in_review(rng, now, startups) -> None:
    """Seoul Startup Hub's round that closed last week: the panel is half way through."""
    call, staff = _call(IN_REVIEW), _staff(IN_REVIEW)
    _open_for_writing(call, now)
    _form_and_rubric(call, staff)
    applications = [_apply(rng, call, startup, submit=True) for startup in startups]
    reviewer = User.objects.get(email=DEMO_REVIEWER)
    panel = [User.objects.get(email=account.email) for account in PANEL]
    for index, application in enumerate(applications):
        decide_application(application=application, actor=staff, decision="under_review")
        team = [reviewer, panel[index % len(panel)]] if index < 5 else panel[:2]
        for position, person in enumerate(team):
            assignment = assign_reviewer(application=application, reviewer=person, actor=staff)
            if person != reviewer and position == 1 or (person == reviewer and index < 2):
                _review(rng, assignment, person)
    _close(call, call.closes_at, now, days_ago=6)


def _open(rng, now, which: DemoCall, *, drafts, submitted) -> None:
    call, staff = _call(which), _staff(which)
    if call.closes_at <= now or call.opens_at > now:
        _open_for_writing(call, now, closes=now + timedelta(days=rng.randint(5, 12)))
    _form_and_rubric(call, staff)
    for startup in submitted:
        _apply(rng, call, startup, submit=True)
    for startup in drafts:
        _apply(rng, call, startup, submit=False)


def _decided_without_review(rng, now, which: DemoCall, startups) -> None:
    call, staff = _call(which), _staff(which)
    deadline = call.closes_at
    _open_for_writing(call, now)
    _form_and_rubric(call, staff, rubric=False)
    applications = [_apply(rng, call, startup, submit=True) for startup in startups]
    for application, decision in zip(
        applications, ["accepted", "rejected", "waitlisted"], strict=False
    ):
        decide_application(application=application, actor=staff, decision=decision)
    _close(call, deadline, now, days_ago=60)


# --- helpers ----------------------------------------------------------------------------------


def _call(which: DemoCall) -> Call:
    """The latest call of the organisation's ``nth`` program of that kind (a fixed one)."""
    programs = Program.objects.filter(organization__slug=which.org, kind=which.kind)
    program = programs.order_by("pk")[which.nth]
    return program.calls.select_related("program").order_by("-closes_at").first()


def _staff(which: DemoCall) -> User:
    if which.staff:
        return User.objects.get(email=which.staff)
    membership = (
        Membership.objects.filter(organization__slug=which.org, role="admin")
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user


def _open_for_writing(call: Call, now: datetime, closes: datetime | None = None) -> None:
    call.opens_at = min(call.opens_at, now - timedelta(days=20))
    call.closes_at = closes or now + timedelta(hours=1)
    Call.objects.filter(pk=call.pk).update(opens_at=call.opens_at, closes_at=call.closes_at)


def _close(call: Call, deadline: datetime, now: datetime, *, days_ago: int) -> None:
    """Give the call back a deadline in the past and move its steps to before today."""
    closes = min(deadline, now - timedelta(days=days_ago))
    Call.objects.filter(pk=call.pk).update(
        closes_at=closes, opens_at=min(call.opens_at, closes - timedelta(days=30))
    )
    shift = timedelta(days=days_ago - 1)
    StatusChange.objects.filter(application__call=call).update(at=F("at") - shift)
    Application.objects.filter(call=call).update(
        submitted_at=F("submitted_at") - shift - timedelta(days=2),
        decided_at=F("decided_at") - shift + timedelta(days=14),
    )


def _form_and_rubric(call: Call, staff: User, *, rubric: bool = True) -> None:
    for kind, label, required, extra in work.QUESTIONS:
        add_question(
            call=call,
            actor=staff,
            kind=kind,
            label=label,
            help_text={},
            required=required,
            max_length=None,
            choices=extra.get("choices", []),
        )
    if rubric:
        for label, weight in work.CRITERIA:
            add_criterion(
                call=call, actor=staff, label=label, weight=weight, scale_min=1, scale_max=5
            )


def _apply(rng, call: Call, startup: Startup, *, submit: bool) -> Application:
    owner = startup.members.filter(role="owner").select_related("user").first().user
    application = start_application(call=call, startup=startup, user=owner)
    language = call.program.original_language
    answers = {}
    for question in call.form.questions.order_by("position"):
        if question.kind == "short_text":
            answers[question.pk] = pick(startup.tagline, startup.original_language).text[:200]
        elif question.kind == "long_text" and (submit or rng.random() < 0.5):
            answers[question.pk] = rng.choice(work.GOALS)[language]
        elif question.kind == "choice" and submit:
            answers[question.pk] = rng.choice(question.choices)["value"]
        elif question.kind == "number" and submit:
            answers[question.pk] = str(startup.team_size or 3)
        elif question.kind == "url" and submit and rng.random() < 0.6:
            answers[question.pk] = f"https://{startup_domain(startup.slug)}/demo"
    save_answers(application=application, user=owner, data={str(k): v for k, v in answers.items()})
    if submit:
        submit_application(application=application, user=owner)
    return application


def _panel(call: Call) -> list[User]:
    return list(
        User.objects.filter(
            memberships__organization=call.program.organization, memberships__role="reviewer"
        )
        .order_by("pk")
        .distinct()[:6]
    )


def _review(rng, assignment, reviewer, *, strong: bool = False) -> None:
    criteria = list(assignment.application.call.rubric.criteria.order_by("position"))
    low = 4 if strong else 2
    scores = {str(c.pk): rng.randint(low, 5) for c in criteria}
    comment = rng.choice(work.REVIEW_COMMENTS)[reviewer.preferred_language]
    submit_review(
        assignment=assignment, reviewer=reviewer, scores=scores, comment_to_applicant=comment
    )


def _mean(application: Application) -> float:
    totals = [
        a.review.total
        for a in application.review_assignments.select_related("review")
        if hasattr(a, "review") and a.review.total is not None
    ]
    return -sum(totals) / len(totals) if totals else 0.0
