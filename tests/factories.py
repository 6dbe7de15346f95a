"""Small builders for test data: explicit, keyword-only, no fixtures files."""

import itertools
from datetime import timedelta

from django.utils import timezone

from startup_street.accounts.models import User
from startup_street.accounts.services import create_api_token
from startup_street.applications import services as application_services
from startup_street.applications.models import Question
from startup_street.organizations.models import Membership, Organization
from startup_street.programs.models import Call, Program
from startup_street.reviews import services as review_services
from startup_street.startups.enums import MemberRole
from startup_street.startups.models import Startup, StartupMember

PASSWORD = "correct-horse-battery-staple"
_seq = itertools.count(1)


def make_user(name: str | None = None, **fields) -> User:
    n = next(_seq)
    name = name or f"user{n}"
    fields.setdefault("email", f"{name.lower()}{n}@example.org")
    fields.setdefault("display_name", name.title())
    return User.objects.create_user(password=PASSWORD, **fields)


def make_organization(**fields) -> Organization:
    n = next(_seq)
    fields.setdefault("slug", f"org-{n}")
    fields.setdefault("name", {"en": f"Organisation {n}", "ko": f"기관 {n}"})
    fields.setdefault("kind", "incubator")
    fields.setdefault("city", "Seoul")
    fields.setdefault("country", "KR")
    return Organization.objects.create(**fields)


def make_member(organization: Organization, user: User, role: str = "admin") -> Membership:
    return Membership.objects.create(organization=organization, user=user, role=role)


def make_startup(owner: User | None = None, teammates=(), **fields) -> Startup:
    n = next(_seq)
    fields.setdefault("slug", f"startup-{n}")
    fields.setdefault("name", f"Startup {n}")
    fields.setdefault("stage", "seed")
    fields.setdefault("city", "Seoul")
    fields.setdefault("country", "KR")
    startup = Startup.objects.create(**fields)
    if owner:
        StartupMember.objects.create(startup=startup, user=owner, role=MemberRole.OWNER)
    for mate in teammates:
        StartupMember.objects.create(startup=startup, user=mate, role=MemberRole.MEMBER)
    return startup


def make_program(organization: Organization | None = None, **fields) -> Program:
    n = next(_seq)
    organization = organization or make_organization()
    fields.setdefault("slug", f"program-{n}")
    fields.setdefault("title", {"en": f"Robot testbed support {n}", "ko": f"로봇 실증 지원 {n}"})
    fields.setdefault("kind", "testbed")
    fields.setdefault("country", "KR")
    fields.setdefault("is_published", True)
    return Program.objects.create(organization=organization, **fields)


def make_call(program: Program, *, opens_in_days: float = -1, closes_in_days: float = 10, **fields):
    now = timezone.now()
    fields.setdefault("time_zone", "Asia/Seoul")
    return Call.objects.create(
        program=program,
        opens_at=now + timedelta(days=opens_in_days),
        closes_at=now + timedelta(days=closes_in_days),
        **fields,
    )


def bearer(user) -> dict:
    """Headers that sign an API request in as ``user`` (a fresh token)."""
    _token, raw = create_api_token(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def submit_one(call, owner=None):
    """A submitted application to ``call`` (a one-question form), by a new startup of ``owner``."""
    Question.objects.get_or_create(
        form=application_services.form_for(call),
        kind="short_text",
        defaults={"label": {"en": "Pitch"}},
    )
    owner = owner or make_user("founder")
    startup = make_startup(owner)
    application = application_services.start_application(call=call, startup=startup, user=owner)
    question = Question.objects.get(form__call=call)
    application_services.save_answers(
        application=application, user=owner, data={str(question.pk): "Robots"}
    )
    return application_services.submit_application(application=application, user=owner)


def score(assignment, reviewer, value, *, criteria, to_staff="", to_applicant=""):
    """Submit the same score on every criterion."""
    return review_services.submit_review(
        assignment=assignment,
        reviewer=reviewer,
        scores={criterion.pk: value for criterion in criteria},
        comment_to_staff=to_staff,
        comment_to_applicant=to_applicant,
    )
