"""The demo's spaces: every kind of space, hours granted by acceptance, bookings past and to
come that keep every booking rule, and each demo role led to its spaces work from its home."""

import random
from collections import Counter
from datetime import timedelta

import pytest
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from startup_street.accounts.models import User
from startup_street.core.timezones import get_zone
from startup_street.demo.generate import demo_accounts, load_demo
from startup_street.demo.spaces import _past_booking
from startup_street.spaces.enums import SpaceKind
from startup_street.spaces.models import (
    Booking,
    BookingSeries,
    CertificationHolder,
    DemonstrationPlan,
    DemonstrationResult,
    Entitlement,
    Space,
)

pytestmark = pytest.mark.django_db


def _email(prefix: str) -> str:
    return next(email for _role, email in demo_accounts() if email.startswith(prefix + "@"))


@pytest.fixture
def demo(client):
    load_demo(programs=12, startups=40)

    def home(prefix: str) -> str:
        client.logout()
        client.force_login(User.objects.get(email=_email(prefix)))
        response = client.get(reverse("core:home"))
        assert response.status_code == 200
        return response.content.decode()

    return home


def test_demo_spaces_world(demo):
    """One test, as loading the demo with its work takes a while."""
    for check in (
        every_kind_of_space_is_there_in_three_languages,
        acceptance_granted_hours_and_staff_granted_testbed_hours,
        past_and_future_bookings_keep_the_rules,
        robowave_has_testbed_runs_whatever_the_weekday,
        founder_home_leads_to_bookings_and_hours_left,
        testbed_manager_home_leads_to_the_pending_requests,
        kic_manager_home_shows_the_meeting_room_request,
        analyst_home_counts_booked_hours_and_testbed_runs,
        loading_again_changes_nothing,
    ):
        check(demo)


def every_kind_of_space_is_there_in_three_languages(demo):
    assert set(Space.objects.values_list("kind", flat=True)) == set(SpaceKind.values)
    for space in Space.objects.all():
        assert set(space.name) == {"ko", "zh-hans", "en"}, space.slug
        assert space.opening_hours.exists()
    zones = dict(Space.objects.values_list("organization__slug", "time_zone").distinct())
    assert zones["seoul-robot-cluster"] == "Asia/Seoul"
    assert zones["haidian-university-startup-camp"] == "Asia/Shanghai"
    testbeds = Space.objects.filter(kind="testbed")
    assert all(s.required_certification for s in testbeds)
    certification = testbeds.first().required_certification
    holders = CertificationHolder.objects.filter(certification=certification)
    assert holders.filter(user__email=_email("founder")).exists() and holders.count() >= 2


def acceptance_granted_hours_and_staff_granted_testbed_hours(demo):
    robowave = Entitlement.objects.filter(startup__slug="robowave")
    by_call = robowave.filter(call__isnull=False, organization__slug="kic-beijing")
    assert set(by_call.values_list("kind", flat=True)) == {"desk", "meeting_room"}
    assert robowave.filter(kind="testbed", granted_by__email=_email("testbed")).exists()
    shenshi = Entitlement.objects.filter(startup__slug="shenshi-tech", call__isnull=False)
    assert {"lab", "lecture_room"} <= set(shenshi.values_list("kind", flat=True))


def past_and_future_bookings_keep_the_rules(demo):
    now = timezone.now()
    mine = Booking.objects.filter(startup__slug="robowave")
    assert mine.filter(starts_at__lt=now, status="confirmed").exists()
    assert mine.filter(starts_at__gt=now, status="pending", space__kind="testbed").exists()
    pending_plan = DemonstrationPlan.objects.get(status="submitted")
    assert pending_plan.booking.startup.slug == "robowave"
    assert pending_plan.booking.starts_at > now
    outcomes = Counter(DemonstrationResult.objects.values_list("outcome", flat=True))
    assert set(outcomes) == {"succeeded", "partly", "failed"}
    assert not DemonstrationResult.objects.filter(plan__booking__starts_at__gt=now).exists()
    series = BookingSeries.objects.get(booked_by__email=_email("founder"))
    assert series.confirmed_until < series.until  # a long series asks to be re-confirmed
    assert series.bookings.count() == 8
    confirmed = Booking.objects.filter(status="confirmed")
    overlapping = confirmed.filter(
        space=OuterRef("space"),
        starts_at__lt=OuterRef("ends_at"),
        ends_at__gt=OuterRef("starts_at"),
    ).exclude(pk=OuterRef("pk"))
    assert not confirmed.filter(Exists(overlapping)).exists()
    for booking in Booking.objects.filter(status__in=["pending", "confirmed"]).exclude(
        entitlement=None
    ):
        assert booking.entitlement.startup_id == booking.startup_id
        assert booking.entitlement.kind == booking.space.kind


def robowave_has_testbed_runs_whatever_the_weekday(demo):
    """The demo's history is spread over the days a space is open: loaded on any date, the
    founder has past testbed runs with results to look at."""
    assert DemonstrationResult.objects.filter(plan__booking__startup__slug="robowave").exists()
    entitlement = Entitlement.objects.get(startup__slug="robowave", kind="testbed")
    space = Space.objects.filter(kind="testbed").prefetch_related("opening_hours").first()
    open_days = {h.weekday for h in space.opening_hours.all()}
    now, rng = timezone.now(), random.Random(1)
    user = entitlement.startup.members.first().user_id
    for days_ago in range(2, 16):  # two weeks: every weekday, the closed ones too
        booking = _past_booking(rng, space, entitlement, user, now, days_ago)
        assert booking is not None, days_ago
        zone = get_zone(space.time_zone)
        day = booking.starts_at.astimezone(zone).date()
        assert day.weekday() in open_days
        assert day <= (now - timedelta(days=days_ago)).astimezone(zone).date()


def founder_home_leads_to_bookings_and_hours_left(demo):
    page = demo("founder")
    assert 'id="spaces"' in page
    upcoming = Booking.objects.filter(
        startup__slug="robowave", starts_at__gt=timezone.now()
    ).order_by("starts_at")
    assert reverse("spaces:booking", args=[upcoming.first().pk]) in page
    assert reverse("spaces:mine") in page and reverse("spaces:list") in page
    assert "status--pending" in page or "status--confirmed" in page
    assert " h</strong>" in page  # hours left this month


def testbed_manager_home_leads_to_the_pending_requests(demo):
    page = demo("testbed")
    assert 'id="spaces"' in page and reverse("spaces:manage") in page
    pending = Booking.objects.filter(
        space__organization__slug="seoul-robot-cluster", status="pending"
    )
    assert pending.count() >= 2
    assert reverse("spaces:booking", args=[pending.first().pk]) in page


def kic_manager_home_shows_the_meeting_room_request(demo):
    page = demo("kic-manager")
    request = Booking.objects.get(space__slug="kic-beijing-meeting-room", status="pending")
    assert reverse("spaces:booking", args=[request.pk]) in page


def analyst_home_counts_booked_hours_and_testbed_runs(demo):
    page = demo("analyst")
    assert "Testbed runs" in page or "실증" in page
    assert 'id="spaces"' not in page


def loading_again_changes_nothing(demo):
    counts = (Space.objects.count(), Booking.objects.count(), Entitlement.objects.count())
    load_demo(programs=12, startups=40)
    assert (Space.objects.count(), Booking.objects.count(), Entitlement.objects.count()) == counts
