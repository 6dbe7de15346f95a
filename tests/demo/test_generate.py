import pytest
from django.contrib.auth.hashers import check_password
from django.utils import timezone

from startup_street.accounts.models import User
from startup_street.demo.generate import DEMO_PASSWORD, demo_accounts, load_demo
from startup_street.organizations.models import Organization
from startup_street.programs.models import Call, Program
from startup_street.startups.models import Startup

pytestmark = pytest.mark.django_db


def test_small_world_counts_and_log_ins():
    summary = load_demo(programs=12, startups=20)
    assert (summary.programs, summary.startups) == (12, 20)
    assert summary.organizations >= 8 and summary.calls >= 12
    for _role, email in demo_accounts():
        assert check_password(DEMO_PASSWORD, User.objects.get(email=email).password)


def test_loading_twice_changes_nothing():
    first = load_demo(programs=12, startups=20)
    assert load_demo(programs=12, startups=20) == first


def test_same_seed_same_world():
    load_demo(programs=15, startups=10, seed=7)
    titles = list(Program.objects.order_by("pk").values_list("title", flat=True))
    names = list(Startup.objects.order_by("pk").values_list("name", flat=True))
    User.objects.all().delete()
    Organization.objects.all().delete()
    Startup.objects.all().delete()
    load_demo(programs=15, startups=10, seed=7)
    assert list(Program.objects.order_by("pk").values_list("title", flat=True)) == titles
    assert list(Startup.objects.order_by("pk").values_list("name", flat=True)) == names


def test_world_has_open_upcoming_and_closed_calls_in_two_zones():
    load_demo(programs=60, startups=5)
    now = timezone.now()
    assert Call.objects.filter(opens_at__lte=now, closes_at__gt=now).exists()
    assert Call.objects.filter(opens_at__gt=now).exists()
    assert Call.objects.filter(closes_at__lte=now).exists()
    assert set(Call.objects.values_list("time_zone", flat=True)) == {"Asia/Seoul", "Asia/Shanghai"}


def test_texts_keep_their_original_and_some_lack_translations():
    load_demo(programs=60, startups=5)
    programs = list(Program.objects.all())
    assert all(p.title.get(p.original_language) for p in programs)
    assert any(len(p.title) < 3 for p in programs)
    assert {p.original_language for p in programs} >= {"ko", "zh-hans"}


def test_founder_owns_public_robotics_startup_with_teammate():
    load_demo(programs=5, startups=5)
    founder = User.objects.get(email=dict(demo_accounts())["Founder (Seoul robotics startup)"])
    startup = Startup.objects.get(members__user=founder)
    assert startup.is_public and "robotics" in startup.sectors.values_list("code", flat=True)
    assert startup.members.count() == 2
