from collections import Counter
from datetime import UTC, datetime

import pytest
from django.contrib.auth.hashers import check_password

from startup_street.accounts.models import User
from startup_street.demo.generate import (
    DEMO_PASSWORD,
    Summary,
    demo_accounts,
    load_demo,
    plan_world,
    summarise,
)
from startup_street.organizations.models import Membership, Organization
from startup_street.programs.eligibility import evaluate
from startup_street.programs.enums import CallStatus
from startup_street.programs.models import Call, Program
from startup_street.startups.models import Startup, StartupMember

SMALL = {"programs": 12, "startups": 20}
CATALOGUE = {**SMALL, "work": False}  # the work: test_demo_roles.py
NOW = datetime(2026, 3, 2, 5, 30, tzinfo=UTC)


def _email(word: str) -> str:
    return next(email for role, email in demo_accounts() if word in role)


def _titles() -> list[dict]:
    return list(Program.objects.order_by("slug").values_list("title", flat=True))


@pytest.mark.django_db
def test_load_demo_small_creates_the_world():
    summary = load_demo(**CATALOGUE)

    assert summary == summarise()
    assert (summary.organisations, summary.programs, summary.startups) == (14, 12, 20)
    assert 12 <= summary.calls <= 36
    assert summary.users >= 20 + len(demo_accounts())
    assert str(summary).startswith("Demo data: 14 organisations, 12 programs, ")
    assert Organization.objects.filter(time_zone="Asia/Shanghai").exists()


@pytest.mark.django_db
def test_load_demo_every_demo_account_signs_in_with_the_demo_password():
    load_demo(**CATALOGUE)

    for _role, email in demo_accounts():
        user = User.objects.get(email=email)
        assert user.is_active
        assert check_password(DEMO_PASSWORD, user.password), email
        assert email.endswith((".example.org", ".example.com"))


@pytest.mark.django_db
def test_load_demo_gives_each_demo_account_its_role():
    load_demo(**CATALOGUE)

    admin = User.objects.get(email=_email("Platform admin"))
    assert admin.is_superuser and admin.is_staff
    assert User.objects.get(email=_email("City analyst")).is_city_analyst
    memberships = Membership.objects.values_list("user__email", "organization__slug", "role")
    assert (_email("Org admin"), "seoul-startup-hub", "admin") in memberships
    assert (_email("Program manager"), "kic-beijing", "program_manager") in memberships
    assert Membership.objects.filter(user__email=_email("Reviewer"), role="reviewer").exists()
    assert Membership.objects.filter(user__email=_email("Mentor"), role="mentor").exists()


@pytest.mark.django_db
def test_load_demo_founder_owns_a_public_seoul_robotics_startup_with_a_teammate():
    load_demo(**CATALOGUE)

    founder = StartupMember.objects.get(user__email=_email("Founder, Robowave"), role="owner")
    startup = founder.startup
    assert startup.is_public and startup.city == "Seoul" and startup.original_language == "ko"
    assert startup.sectors.filter(code="robotics").exists()
    assert startup.members.filter(user__email=_email("Teammate"), role="member").exists()
    chinese = StartupMember.objects.get(
        user__email=_email("Founder, Shenshi"), role="owner"
    ).startup
    assert (chinese.country, chinese.original_language) == ("CN", "zh-hans")


@pytest.mark.django_db
def test_load_demo_founder_is_eligible_for_an_open_robot_testbed():
    load_demo(**CATALOGUE)
    startup = Startup.objects.get(members__user__email=_email("Founder, Robowave"))

    testbeds = Call.objects.filter(program__kind="testbed", program__is_published=True)
    open_calls = [call for call in testbeds if call.status == CallStatus.OPEN]

    assert any(evaluate(call.eligibility, startup).eligible for call in open_calls)


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing():
    first = load_demo(**CATALOGUE)
    titles = _titles()

    second = load_demo(programs=50, startups=80, seed=1)

    assert second == first
    assert _titles() == titles


@pytest.mark.django_db
def test_load_demo_same_seed_gives_the_same_programs_after_a_flush():
    load_demo(**CATALOGUE)
    titles = _titles()
    names = sorted(Startup.objects.values_list("name", flat=True))
    Organization.objects.all().delete()
    Startup.objects.all().delete()
    User.objects.all().delete()
    assert summarise() == Summary(0, 0, 0, 0, 0)

    load_demo(**CATALOGUE)

    assert _titles() == titles
    assert sorted(Startup.objects.values_list("name", flat=True)) == names


def test_plan_world_is_deterministic_by_seed():
    def content(world):
        return (
            [row["title"] for _org, row, _sectors in world.programs],
            [row["description"] for row, _sectors in world.startups],
            [row["display_name"] for row in world.users],
            [(p, row["opens_at"], row["closes_at"]) for p, row in world.calls],
        )

    first = plan_world(seed=7, programs=30, startups=40, now=NOW)
    again = plan_world(seed=7, programs=30, startups=40, now=NOW)
    other = plan_world(seed=8, programs=30, startups=40, now=NOW)

    assert content(again) == content(first)
    assert content(other)[0] != content(first)[0]


def test_plan_world_default_scale_has_the_documented_shape():
    world = plan_world(seed=20261124, programs=200, startups=500, now=NOW)
    programs = [row for _org, row, _sectors in world.programs]
    translations = Counter(len(row["title"]) for row in programs)
    countries = Counter(row["country"] for row, _sectors in world.startups)

    assert (len(programs), len(world.startups), len(world.organizations)) == (200, 500, 14)
    assert 300 <= len(world.calls) <= 460
    assert 80 <= translations[3] <= 120 and 40 <= translations[1] <= 80
    assert 160 <= sum(row["is_published"] for row in programs) <= 195
    assert set(Counter(row["kind"] for row in programs)) == {
        "commercialisation", "space", "mentoring", "events", "sales_overseas",
        "rnd", "funding", "talent", "testbed", "soft_landing",
    }  # fmt: skip
    assert 250 <= countries["KR"] <= 350 and 110 <= countries["CN"] <= 190
    assert len({row["slug"] for row in programs}) == 200
    assert len({row["name"] for row, _sectors in world.startups}) == 500
    roles = Counter(role for _org, _user, role in world.memberships)
    assert roles["reviewer"] >= 40 and roles["mentor"] >= 60


@pytest.mark.django_db
def test_load_demo_calls_are_open_upcoming_and_closed_in_their_organisations_zone():
    load_demo(**CATALOGUE)

    statuses = Counter(call.status for call in Call.objects.select_related("program__organization"))
    assert (
        statuses[CallStatus.OPEN] and statuses[CallStatus.UPCOMING] and statuses[CallStatus.CLOSED]
    )
    for call in Call.objects.select_related("program__organization"):
        assert call.time_zone == call.program.organization.time_zone
        assert call.closes_at > call.opens_at
        assert call.seats is None or 5 <= call.seats <= 50


@pytest.mark.django_db
def test_load_demo_titles_keep_their_original_language_and_some_lack_a_translation():
    load_demo(**CATALOGUE)

    programs = list(Program.objects.all())
    for program in programs:
        assert program.title.get(program.original_language), program.slug
        assert program.summary.get(program.original_language), program.slug
    assert any(set(p.title) != {"ko", "zh-hans", "en"} for p in programs)
    for startup in Startup.objects.all():
        assert startup.tagline.get(startup.original_language), startup.slug


@pytest.mark.django_db
def test_load_demo_every_datetime_is_aware():
    load_demo(**CATALOGUE)

    for call in Call.objects.all():
        assert call.opens_at.tzinfo is not None and call.closes_at.tzinfo is not None
    for user in User.objects.all():
        assert user.date_joined.tzinfo is not None
    world = plan_world(seed=1, **SMALL, now=NOW)
    for _program, row in world.calls:
        assert row["opens_at"].utcoffset() is not None and row["closes_at"].utcoffset() is not None


@pytest.mark.django_db
def test_load_demo_rows_pass_model_validation():
    load_demo(**CATALOGUE)

    # A sample of the users: validating a time zone is slow, and every user is made alike.
    users = User.objects.filter(email__regex=r"^(founder0|team0|reviewer00|mentor00|[a-z-]+@)")
    for queryset in (Organization.objects, Program.objects, Call.objects, Startup.objects, users):
        for obj in queryset.all():
            obj.full_clean()


def test_plan_world_summaries_are_short_and_do_not_repeat_the_description():
    from startup_street.core.text import fullwidth_punctuation

    world = plan_world(seed=1, programs=60, startups=5, now=NOW)
    kinds = set()
    for _org, row, _sectors in world.programs:
        kinds.add(row["kind"])
        assert set(row["summary"]) == set(row["description"]), row["slug_text"]
        for language, summary in row["summary"].items():
            opening = row["description"][language].split("\n\n")[0]
            assert summary != opening and summary not in row["description"][language]
            assert len(summary) <= 100, summary
            assert "{" not in summary, summary
        chinese = row["summary"].get("zh-hans")
        assert chinese is None or fullwidth_punctuation(chinese) == chinese
    assert len(kinds) >= 8  # every kind of program has its own sentence
