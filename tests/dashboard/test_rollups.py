"""The rollups the figures read (calls' tallies, accepted places, each startup's latest verified
report, each quarter's investment) follow every write made through the apps' services: after a
random sequence of submissions, withdrawals, decisions, declined seats, reports, corrections,
verifications, edits of startups and a deletion, the page's figures read from the rollups equal
the same figures counted from the records, for several slices, and the rollups equal a rebuild
from scratch."""

import random
from contextlib import suppress
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from startup_street.applications import services as applications
from startup_street.applications.enums import Status
from startup_street.applications.models import Application, Question
from startup_street.core.models import Sector
from startup_street.dashboard import selectors
from startup_street.dashboard.indicators import Slice, from_the_records
from startup_street.dashboard.models import AcceptedPlace, CallTally, LatestReport, QuarterOutcome
from startup_street.dashboard.rollups import rebuild_rollups
from startup_street.dashboard.services import verify_outcome_report
from startup_street.decisions.services import decide_application
from startup_street.startups.models import OutcomeReport
from startup_street.startups.services import report_outcome, update_startup
from tests.factories import (
    make_call,
    make_member,
    make_organization,
    make_program,
    make_startup,
    make_user,
)

pytestmark = pytest.mark.django_db
DISTRICTS = ["Gangnam-gu", "Mapo-gu", "Guro-gu"]


def _verified_user(name: str):
    return make_user(name, email_verified_at=timezone.now())


@pytest.fixture
def street():
    rng = random.Random(18)
    orgs, staff, calls = [], [], []
    for n, kind in enumerate(["funding", "testbed"]):
        org = make_organization(slug=f"org-{n}")
        person = _verified_user(f"staff{n}")
        make_member(org, person, "admin")
        orgs.append(org)
        staff.append(person)
        for days in (5, 12):
            call = make_call(make_program(org, kind=kind), closes_in_days=days)
            Question.objects.create(
                form=applications.form_for(call), kind="short_text", label={"en": "Pitch"}
            )
            calls.append(call)
    owners = [_verified_user(f"founder{n}") for n in range(8)]
    startups = [
        make_startup(owner, region=rng.choice(DISTRICTS), name=f"S{n}")
        for n, owner in enumerate(owners)
    ]
    return {"rng": rng, "orgs": orgs, "staff": staff, "calls": calls, "owners": owners,
            "startups": startups}  # fmt: skip


def _slices(street) -> list[Slice]:
    today = timezone.localdate()
    start, end = date(today.year - 2, 1, 1), today + timedelta(days=60)
    first = street["orgs"][0].pk
    return [
        Slice(start, end),
        Slice(start, end, organizations=(first,)),
        Slice(start, end, kind="testbed"),
        Slice(start, end, district="Mapo-gu"),
        Slice(start, today - timedelta(days=200)),  # reports verified after it: read from records
    ]


def _reading(piece: Slice):
    figures = [(f.indicator.code, f.value, f.series) for f in selectors.figures(piece)]
    return figures, selectors.by_organization(piece)


def _owner(street, startup):
    return street["owners"][street["startups"].index(startup)]


def _pick(rng, records):
    """One of the records, chosen by the test's seeded generator (None when there are none)."""
    found = list(records.order_by("pk"))
    return rng.choice(found) if found else None


def _submit(street, rng):
    startup, call = rng.choice(street["startups"]), rng.choice(street["calls"])
    owner = _owner(street, startup)
    application = applications.start_application(call=call, startup=startup, user=owner)
    if application.status == Status.DRAFT and rng.random() < 0.8:  # some stay drafts
        question = Question.objects.get(form__call=call)
        applications.save_answers(
            application=application, user=owner, data={str(question.pk): "Robots"}
        )
        applications.submit_application(application=application, user=owner)


def _decide(street, rng):
    decidable = [Status.SUBMITTED, Status.UNDER_REVIEW, Status.WAITLISTED]
    application = _pick(rng, Application.objects.filter(status__in=decidable))
    if application is None:
        return
    staff = street["staff"][street["orgs"].index(application.call.program.organization)]
    decision = rng.choice([Status.ACCEPTED, Status.ACCEPTED, Status.REJECTED, Status.WAITLISTED])
    decide_application(application=application, actor=staff, decision=decision)


def _withdraw(street, rng):
    """A withdrawal, or a declined seat when the application was accepted."""
    ended = [Status.REJECTED, Status.WITHDRAWN]
    application = _pick(rng, Application.objects.exclude(status__in=ended))
    if application is not None:
        owner = _owner(street, application.startup)
        applications.withdraw_application(application=application, user=owner)


def _report(street, rng):
    """A new report, or a correction of one (which needs verifying again)."""
    startup = rng.choice(street["startups"])
    today = timezone.localdate()
    year, quarter = rng.choice([(today.year - 1, q) for q in (1, 2, 3, 4)] + [(today.year, 1)])
    report_outcome(
        startup=startup, actor=_owner(street, startup), year=year, quarter=quarter,
        employees=rng.randint(1, 30), investment_raised_krw=rng.choice([0, 10_000_000]),
    )  # fmt: skip


def _verify(street, rng):
    """Staff of an organisation that accepted the startup verify one of its reports."""
    place = _pick(rng, Application.objects.filter(status=Status.ACCEPTED))
    reports = OutcomeReport.objects.filter(verified_at__isnull=True)
    report = place and _pick(rng, reports.filter(startup=place.startup))
    if report:
        staff = street["staff"][street["orgs"].index(place.call.program.organization)]
        verify_outcome_report(report=report, actor=staff)


def _edit_startup(street, rng):
    startup = rng.choice(street["startups"])
    sectors = rng.sample(list(Sector.objects.all()[:4]), 1)
    update_startup(
        startup=startup, actor=_owner(street, startup), sectors=sectors,
        region=rng.choice(DISTRICTS),
    )  # fmt: skip


STEPS = [_submit, _submit, _submit, _decide, _decide, _withdraw, _report, _verify, _edit_startup]


def _rollups() -> dict:
    return {
        "tallies": set(CallTally.objects.values_list("call", "submitted", "accepted")),
        "places": set(AcceptedPlace.objects.values_list("application", "call", "startup")),
        "latest": set(LatestReport.objects.values_list("startup", "year", "quarter", "employees")),
        "quarters": set(
            QuarterOutcome.objects.exclude(investment_raised_krw=0).values_list(
                "year", "quarter", "investment_raised_krw"
            )
        ),
    }


def _assert_rollups_agree(street) -> None:
    for piece in _slices(street):
        rolled = _reading(piece)
        with from_the_records():
            assert rolled == _reading(piece), piece


def test_figures_from_rollups_equal_the_records_after_random_operations(street):
    rng = street["rng"]
    for step in range(120):
        # a step the rules refuse (a full call, a staff member who may not verify) changes nothing
        with suppress(ValidationError, PermissionDenied):
            rng.choice(STEPS)(street, rng)
        if step % 15 == 14:
            _assert_rollups_agree(street)
    city = _values(_slices(street)[0])
    assert city["startups_supported"] >= 3 and city["jobs"] > 0 and city["investment_raised"] > 0
    assert Application.objects.filter(status=Status.WITHDRAWN).exists()
    street["startups"][0].delete()  # and a startup removed with all its records
    _assert_rollups_agree(street)
    kept = _rollups()
    rebuild_rollups()
    assert _rollups() == kept


def _values(piece: Slice) -> dict:
    return {code: value for code, value, _series in _reading(piece)[0]}


def test_a_declined_seat_and_a_verified_report_show_on_the_next_reading(street):
    call, startup = street["calls"][0], street["startups"][0]
    owner, staff = _owner(street, startup), street["staff"][0]
    city, org = _slices(street)[:2]
    application = _submit_to(call, startup, owner)
    decide_application(application=application, actor=staff, decision=Status.ACCEPTED)
    assert _values(city)["startups_supported"] == 1
    last_year = timezone.localdate().year - 1
    report = report_outcome(startup=startup, actor=owner, year=last_year, quarter=4, employees=7)
    assert _values(city)["jobs"] == 0  # not verified yet
    verify_outcome_report(report=report, actor=staff)
    assert (_values(city)["jobs"], _values(org)["jobs"]) == (7, 7)
    applications.withdraw_application(application=application, user=owner)  # declines the seat
    values = _values(city)
    assert (values["startups_supported"], values["applications_submitted"]) == (0, 1)
    assert (values["jobs"], _values(org)["jobs"]) == (7, 0)  # no longer the organisation's


def _submit_to(call, startup, owner):
    application = applications.start_application(call=call, startup=startup, user=owner)
    question = Question.objects.get(form__call=call)
    applications.save_answers(
        application=application, user=owner, data={str(question.pk): "Robots"}
    )
    return applications.submit_application(application=application, user=owner)


def test_rebuild_command_recounts_what_bulk_writes_skipped(street):
    call, startup = street["calls"][0], street["startups"][1]
    _submit_to(call, startup, _owner(street, startup))
    Application.objects.filter(call=call).update(status=Status.ACCEPTED)  # skips the rollups
    assert CallTally.objects.get(call=call).accepted == 0
    call_command("rebuild_indicator_rollups", verbosity=0)
    assert (
        CallTally.objects.get(call=call).submitted,
        CallTally.objects.get(call=call).accepted,
    ) == (
        1,
        1,
    )
    assert AcceptedPlace.objects.filter(call=call, startup=startup).exists()
