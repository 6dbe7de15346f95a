import pytest

from startup_street.applications import services as application_services
from startup_street.applications.models import Question
from startup_street.reviews import services
from tests.factories import make_call, make_member, make_program, make_startup, make_user


@pytest.fixture
def call(organization):
    return make_call(make_program(organization), seats=3)


@pytest.fixture
def reviewers(organization):
    people = [
        make_user(f"reviewer{i}", email=f"r{i}@review{i}.kr", preferred_language="en")
        for i in range(4)
    ]
    for person in people:
        make_member(organization, person, "reviewer")
    return people


def submit_one(call, owner=None):
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


@pytest.fixture
def criteria(call, alice):
    return [
        services.add_criterion(
            call=call, actor=alice, label={"en": "Team"}, weight=2, scale_min=1, scale_max=5
        ),
        services.add_criterion(
            call=call, actor=alice, label={"en": "Market"}, weight=1, scale_min=1, scale_max=5
        ),
    ]


def score(assignment, reviewer, value, *, criteria, to_staff="", to_applicant=""):
    """Submit the same score on every criterion."""
    return services.submit_review(
        assignment=assignment,
        reviewer=reviewer,
        scores={criterion.pk: value for criterion in criteria},
        comment_to_staff=to_staff,
        comment_to_applicant=to_applicant,
    )
