"""A choice answer reads as its option's label, in the reader's language, wherever reviewers and
staff read answers: the review page and its API, the application page, the export."""

import pytest
from django.urls import reverse

from startup_street.applications import services as applications
from startup_street.applications.models import Question
from startup_street.reviews import services
from tests.factories import bearer, make_call, make_member, make_program, make_startup, make_user

pytestmark = pytest.mark.django_db
SECTORS = [
    {"value": "7", "label": {"en": "Hardware robots", "ko": "하드웨어 로봇"}},
    {"value": "8", "label": {"en": "Software only", "ko": "소프트웨어"}},
]


@pytest.fixture
def world(organization, alice):
    call = make_call(make_program(organization))
    form = applications.form_for(call)
    sector = Question.objects.create(
        form=form, kind="choice", label={"en": "Sector"}, choices=SECTORS, original_language="en"
    )
    founder = make_user("founder", preferred_language="en")
    application = applications.start_application(
        call=call, startup=make_startup(founder, name="Shelfbot"), user=founder
    )
    applications.save_answers(application=application, user=founder, data={str(sector.pk): "7"})
    applications.submit_application(application=application, user=founder)
    reviewer = make_user("reviewer", email="r@review.example.com", preferred_language="en")
    make_member(organization, reviewer, "reviewer")
    assignment = services.assign_reviewer(application=application, reviewer=reviewer, actor=alice)
    return {"application": application, "reviewer": reviewer, "assignment": assignment}


def test_reviewer_reads_the_label_not_the_stored_value(world, client):
    client.force_login(world["reviewer"])
    html = client.get(reverse("reviews:detail", args=[world["assignment"].pk])).content.decode()
    assert "Hardware robots" in html
    assert "<dd>\n  7</dd>" not in html and "Software only" not in html


def test_reviewer_reads_the_label_in_korean(world, client):
    world["reviewer"].preferred_language = "ko"
    world["reviewer"].save()
    client.force_login(world["reviewer"])
    html = client.get(reverse("reviews:detail", args=[world["assignment"].pk])).content.decode()
    assert "하드웨어 로봇" in html


def test_api_gives_the_label_beside_the_stored_value(world, client):
    response = client.get(
        f"/api/v1/reviews/assignments/{world['assignment'].pk}", **bearer(world["reviewer"])
    )
    body = response.json()
    assert list(body["answers"].values()) == ["7"]
    assert list(body["answers_shown"].values()) == ["Hardware robots"]


def test_staff_read_the_label_on_the_application_and_in_the_export(world, client, alice):
    client.force_login(alice)
    page = client.get(reverse("applications:detail", args=[world["application"].pk]))
    assert "<p>Hardware robots</p>" in page.content.decode()
    call = world["application"].call
    export = client.get(
        reverse("applications:call_applications", args=[call.pk]), {"format": "csv"}
    )
    lines = export.content.decode().splitlines()
    assert lines[1].endswith(",Hardware robots")
