from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from icalendar import Calendar

from startup_street.spaces import services
from startup_street.spaces.checks import hours_left
from startup_street.spaces.models import (
    Blocking,
    Booking,
    CallSpaceGrant,
    Certification,
    CertificationHolder,
    Closure,
    Entitlement,
    WaitlistEntry,
)
from tests.factories import make_call, make_program

from .conftest import local_slot

pytestmark = pytest.mark.django_db


def _book(w, who="founder", startup="startup", **slot):
    start, end = local_slot(w["space"], **slot)
    return services.book_space(
        space=w["space"], user=w[who], startup=w[startup], starts_at=start, ends_at=end
    )


def test_booking_confirmed_draws_hours_and_mails_an_ics(
    cluster, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = _book(cluster)
    assert booking.status == "confirmed"
    assert booking.hours == Decimal("1.00")
    assert hours_left(cluster["entitlement"], booking.month) == Decimal("19.00")
    assert [m.to for m in mail.outbox] == [[cluster["founder"].email]]
    ics = Calendar.from_ical(mail.outbox[0].attachments[0][1])
    assert ics["method"] == "REQUEST"
    event = ics.walk("VEVENT")[0]
    assert "mailto:" in str(event["organizer"])
    assert str(event["attendee"]) == f"mailto:{cluster['founder'].email}"
    assert [tz["tzid"] for tz in ics.walk("VTIMEZONE")] == ["Asia/Seoul"]
    assert event.decoded("dtstart") == booking.starts_at


def test_overlapping_booking_refused_and_nothing_changes(cluster):
    _book(cluster)
    before = Booking.objects.count()
    with pytest.raises(ValidationError, match="already booked"):
        _book(cluster, who="other", startup="other_startup", hour=10, minutes=30)
    assert Booking.objects.count() == before


@pytest.mark.parametrize(
    ("slot", "message"),
    [
        ({"hour": 6}, "not open"),
        ({"hour": 19, "minutes": 120}, "not open"),
        ({"minutes": 15}, "from 30 to 240 minutes"),
        ({"minutes": 300}, "from 30 to 240 minutes"),
        ({"days_ahead": 90}, "at most 60 days ahead"),
        ({"days_ahead": -1}, "at least 60 minutes ahead"),
    ],
)
def test_rules_refuse_with_reason(cluster, slot, message):
    with pytest.raises(ValidationError, match=message):
        _book(cluster, **slot)
    assert not Booking.objects.exists()


def test_closure_and_block_refuse(cluster):
    start, end = local_slot(cluster["space"])
    Blocking.objects.create(space=cluster["space"], starts_at=start, ends_at=end, reason="Repairs")
    with pytest.raises(ValidationError, match="blocked then: Repairs"):
        _book(cluster)
    Closure.objects.create(space=cluster["space"], date=start.date() + timedelta(days=1))
    with pytest.raises(ValidationError, match="closed"):
        _book(cluster, days_ahead=3)
    assert not Booking.objects.exists()


def test_over_entitlement_refused(cluster):
    cluster["entitlement"].hours_per_month = Decimal("1.5")
    cluster["entitlement"].save()
    _book(cluster)
    with pytest.raises(ValidationError, match="Not enough hours"):
        _book(cluster, hour=14)
    assert Booking.objects.count() == 1


def test_no_entitlement_and_not_on_team_refused(cluster):
    Entitlement.objects.filter(startup=cluster["startup"]).delete()
    with pytest.raises(ValidationError, match="no hours"):
        _book(cluster)
    with pytest.raises(PermissionDenied):
        _book(cluster, who="other")  # other is not on Robowave's team
    assert not Booking.objects.exists()


def test_certification_required(cluster):
    space = cluster["space"]
    safety = Certification.objects.create(
        organization=cluster["org"], code="robot-safety", name={"en": "Robot safety"}
    )
    space.required_certification = safety
    space.save()
    with pytest.raises(ValidationError, match="Robot safety"):
        _book(cluster)
    CertificationHolder.objects.create(certification=safety, user=cluster["founder"])
    assert _book(cluster).status == "confirmed"


def test_cohort_only_space(cluster):
    call = make_call(make_program(cluster["org"]))
    cluster["space"].cohort_calls.add(call)
    with pytest.raises(ValidationError, match="cohorts"):
        _book(cluster)
    cluster["entitlement"].call = call
    cluster["entitlement"].save()
    assert _book(cluster).entitlement == cluster["entitlement"]


def test_approval_declines_overlapping_after_warning(cluster, django_capture_on_commit_callbacks):
    space = cluster["space"]
    space.requires_approval = True
    space.save()
    mine = _book(cluster)
    theirs = _book(cluster, who="other", startup="other_startup", minutes=30)
    assert (mine.status, theirs.status) == ("pending", "pending")
    with pytest.raises(services.OverlapWarning) as warning:
        services.approve_booking(booking=mine, actor=cluster["staff"])
    assert warning.value.others == [theirs]
    assert Booking.objects.filter(status="pending").count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_booking(booking=mine, actor=cluster["staff"], decline_overlapping=True)
    theirs.refresh_from_db()
    mine.refresh_from_db()
    assert (mine.status, theirs.status) == ("confirmed", "declined")
    cancel_mail = [m for m in mail.outbox if cluster["other"].email in m.to][-1]
    assert "METHOD:CANCEL" in str(cancel_mail.attachments[0][1])
    # the declined request's hours came back
    other_ent = Entitlement.objects.get(startup=cluster["other_startup"])
    assert hours_left(other_ent, theirs.month) == Decimal("20")


def test_founder_cannot_approve(cluster):
    cluster["space"].requires_approval = True
    cluster["space"].save()
    booking = _book(cluster)
    with pytest.raises(PermissionDenied):
        services.approve_booking(booking=booking, actor=cluster["founder"])
    booking.refresh_from_db()
    assert booking.status == "pending"


def test_cancel_gives_hours_back_and_offers_waitlist(cluster, django_capture_on_commit_callbacks):
    booking = _book(cluster)
    start, end = local_slot(cluster["space"])
    entry = services.join_waitlist(
        space=cluster["space"],
        user=cluster["other"],
        startup=cluster["other_startup"],
        starts_at=start,
        ends_at=end,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(booking=booking, actor=cluster["founder"])
    assert hours_left(cluster["entitlement"], booking.month) == Decimal("20")
    entry.refresh_from_db()
    assert entry.status == "offered"
    assert any(cluster["other"].email in m.to for m in mail.outbox)
    taken = services.accept_offer(entry=entry, user=cluster["other"])
    assert taken.status == "confirmed" and taken.startup == cluster["other_startup"]
    entry.refresh_from_db()
    assert entry.status == "accepted"


def test_waitlist_refuses_free_time(cluster):
    start, end = local_slot(cluster["space"])
    with pytest.raises(ValidationError, match="free"):
        services.join_waitlist(
            space=cluster["space"],
            user=cluster["founder"],
            startup=cluster["startup"],
            starts_at=start,
            ends_at=end,
        )
    assert not WaitlistEntry.objects.exists()


def test_weekly_series_and_reconfirmation(cluster):
    cluster["space"].horizon_days = 120
    cluster["space"].save()
    cluster["entitlement"].hours_per_month = Decimal("100")
    cluster["entitlement"].save()
    start, end = local_slot(cluster["space"])
    until = start.date() + timedelta(weeks=9)
    series = services.book_series(
        space=cluster["space"],
        user=cluster["founder"],
        startup=cluster["startup"],
        starts_at=start,
        ends_at=end,
        frequency="weekly",
        until=until,
    )
    assert series.bookings.count() == 10
    assert series.confirmed_until < series.until
    local_hours = {b.starts_at.astimezone(start.tzinfo).hour for b in series.bookings.all()}
    assert local_hours == {10}
    # not re-confirmed: the later occurrences go once confirmed_until has passed
    later = timezone.now() + timedelta(days=40)
    released = services.release_unconfirmed_series(now=later)
    assert released == series.bookings.filter(status="cancelled").count() > 0
    assert series.bookings.filter(status="confirmed").count() == 10 - released


def test_series_refused_whole_when_one_occurrence_clashes(cluster):
    start, end = local_slot(cluster["space"], days_ahead=9)
    services.book_space(
        space=cluster["space"],
        user=cluster["other"],
        startup=cluster["other_startup"],
        starts_at=start,
        ends_at=end,
    )
    first, first_end = local_slot(cluster["space"])
    with pytest.raises(ValidationError, match="Nothing was booked"):
        services.book_series(
            space=cluster["space"],
            user=cluster["founder"],
            startup=cluster["startup"],
            starts_at=first,
            ends_at=first_end,
            frequency="weekly",
            until=first.date() + timedelta(weeks=2),
        )
    assert not Booking.objects.filter(startup=cluster["startup"]).exists()


def test_block_cancels_after_warning(cluster):
    booking = _book(cluster)
    start, end = local_slot(cluster["space"], minutes=480)
    with pytest.raises(services.BlockingWarning):
        services.block_space(
            space=cluster["space"],
            actor=cluster["staff"],
            starts_at=start,
            ends_at=end,
            reason="Fair",
        )
    assert not Blocking.objects.exists()
    services.block_space(
        space=cluster["space"],
        actor=cluster["staff"],
        starts_at=start,
        ends_at=end,
        reason="Fair",
        cancel_bookings=True,
    )
    booking.refresh_from_db()
    assert booking.status == "cancelled"


def test_top_up_and_revoke(cluster):
    entitlement = cluster["entitlement"]
    month = timezone.now().date().replace(day=1)
    with pytest.raises(PermissionDenied):
        services.top_up_entitlement(
            entitlement=entitlement, actor=cluster["founder"], hours=Decimal(5), month=month
        )
    services.top_up_entitlement(
        entitlement=entitlement, actor=cluster["staff"], hours=Decimal(5), month=month
    )
    assert hours_left(entitlement, month) == Decimal(25)
    services.revoke_entitlement(entitlement=entitlement, actor=cluster["staff"])
    with pytest.raises(ValidationError, match="no hours"):
        _book(cluster)


def test_demonstration_plan_approved_then_result(cluster, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    booking = _book(cluster)
    plan = services.submit_plan(
        booking=booking,
        user=cluster["founder"],
        robot="Delivery bot R2",
        scenario="Deliver parcels along the test lane",
        safety_officer="Kim Min-ji",
        safety_officer_phone="+82 10 0000 0000",
    )
    with pytest.raises(PermissionDenied):
        services.decide_plan(plan=plan, actor=cluster["founder"], approve=True)
    services.decide_plan(plan=plan, actor=cluster["staff"], approve=True)
    plan.refresh_from_db()
    assert plan.status == "approved"
    with pytest.raises(ValidationError, match="once the run has started"):
        services.record_result(plan=plan, user=cluster["founder"], outcome="succeeded")
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    result = services.record_result(
        plan=plan, user=cluster["founder"], outcome="partly", notes="ok"
    )
    assert result.get_outcome_display() == "Partly succeeded"


def test_acceptance_into_a_call_grants_hours(cluster):
    from startup_street.applications import services as applications
    from startup_street.decisions import services as decisions

    call = make_call(make_program(cluster["org"]))
    CallSpaceGrant.objects.create(call=call, kind="testbed", hours_per_month=Decimal(20), months=6)
    Entitlement.objects.all().delete()
    application = applications.start_application(
        call=call, startup=cluster["startup"], user=cluster["founder"]
    )
    application = applications.submit_application(application=application, user=cluster["founder"])
    decisions.decide_application(
        application=application, actor=cluster["staff"], decision="under_review"
    )
    decisions.decide_application(
        application=application, actor=cluster["staff"], decision="accepted"
    )
    granted = Entitlement.objects.get(startup=cluster["startup"])
    assert (granted.call, granted.hours_per_month, granted.revoked_at) == (call, Decimal(20), None)
    assert granted.ends_on > date.today()
    assert _book(cluster).entitlement == granted
    applications.withdraw_application(application=application, user=cluster["founder"])
    granted.refresh_from_db()
    assert granted.revoked_at is not None


def test_booking_through_htmx_moves_the_whole_page_to_the_booking(cluster, client):
    start, end = local_slot(cluster["space"])
    client.force_login(cluster["founder"])
    response = client.post(
        f"/spaces/{cluster['space'].slug}/book/",
        {
            "startup": cluster["startup"].pk,
            "day": start.date().isoformat(),  # the space's local day
            "start": start.strftime("%H:%M"),
            "end": end.strftime("%H:%M"),
        },
        HTTP_HX_REQUEST="true",
    )
    booking = Booking.objects.get()
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/spaces/bookings/{booking.pk}/"
