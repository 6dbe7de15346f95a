"""A small world for spaces: a robot cluster with a testbed, its staff, and founders."""

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from startup_street.core.timezones import get_zone
from startup_street.spaces.models import Entitlement, OpeningHours, Space
from tests.factories import make_member, make_organization, make_startup, make_user


def make_space(organization, **fields) -> Space:
    fields.setdefault("slug", f"space-{Space.objects.count() + 1}")
    fields.setdefault("kind", "testbed")
    fields.setdefault("name", {"en": "Outdoor testbed", "ko": "실외 실증장"})
    fields.setdefault("time_zone", "Asia/Seoul")
    fields.setdefault("min_minutes", 30)
    fields.setdefault("max_minutes", 240)
    fields.setdefault("lead_minutes", 60)
    fields.setdefault("horizon_days", 60)
    space = Space.objects.create(organization=organization, **fields)
    for weekday in range(7):
        OpeningHours.objects.create(space=space, weekday=weekday, opens=time(8), closes=time(20))
    return space


def local_slot(space, days_ahead: int = 2, hour: int = 10, minutes: int = 60):
    """An aware start and end ``days_ahead`` local days from today at ``hour`` in the space."""
    zone = get_zone(space.time_zone)
    day = timezone.now().astimezone(zone).date() + timedelta(days=days_ahead)
    start = timezone.make_aware(datetime.combine(day, time(hour)), zone)
    return start, start + timedelta(minutes=minutes)


def grant(startup, space, hours="20"):
    return Entitlement.objects.create(
        startup=startup,
        organization=space.organization,
        kind=space.kind,
        hours_per_month=Decimal(hours),
        starts_on=timezone.now().date() - timedelta(days=40),
    )


@pytest.fixture
def cluster(db):
    org = make_organization(slug="robot-cluster", time_zone="Asia/Seoul")
    staff = make_user("staff", preferred_language="en", time_zone="Asia/Seoul")
    make_member(org, staff, "program_manager")
    founder = make_user("founder", preferred_language="en", time_zone="Asia/Shanghai")
    startup = make_startup(founder, name="Robowave")
    other = make_user("other", preferred_language="ko")
    other_startup = make_startup(other, name="Rival")
    space = make_space(org)
    entitlement = grant(startup, space)
    grant(other_startup, space)
    return {
        "org": org,
        "staff": staff,
        "founder": founder,
        "startup": startup,
        "other": other,
        "other_startup": other_startup,
        "space": space,
        "entitlement": entitlement,
    }
