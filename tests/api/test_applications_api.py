import pytest

from startup_street.applications import services
from startup_street.applications.models import Question
from tests.api.test_api import bearer
from tests.factories import make_call, make_program, make_startup, make_user

pytestmark = pytest.mark.django_db
API = "/api/v1/applications"


@pytest.fixture
def application(organization):
    call = make_call(make_program(organization), seats=1)
    Question.objects.create(form=services.form_for(call), kind="short_text", label={"en": "Pitch"})
    owner, mate = make_user("owner"), make_user("mate")
    startup = make_startup(owner, teammates=[mate], slug="owned")
    application = services.start_application(call=call, startup=startup, user=owner)
    application.owner, application.mate = owner, mate
    return application


def _question(application):
    return str(Question.objects.get(form__call=application.call).pk)


@pytest.mark.parametrize(
    ("who", "status"), [("owner", 200), ("mate", 200), ("staff", 200), ("outsider", 404)]
)
def test_read_permissions(client, application, bob, charlie, who, status):
    users = {
        "owner": application.owner,
        "mate": application.mate,
        "staff": bob,
        "outsider": charlie,
    }
    response = client.get(f"{API}/{application.pk}", **bearer(users[who]))
    assert response.status_code == status


def test_outsider_list_is_empty(client, application, charlie):
    assert client.get(API, **bearer(charlie)).json()["count"] == 0


def test_anonymous_is_401(client, application):
    assert client.get(f"{API}/{application.pk}").status_code == 401


def test_answer_and_submit_by_founder(client, application):
    headers = bearer(application.mate)
    url = f"{API}/{application.pk}"
    response = client.patch(
        f"{url}/answers",
        {"answers": {_question(application): "Robots for logistics"}},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 200
    assert client.post(f"{url}/submit", **headers).json()["status"] == "submitted"
    assert client.post(f"{url}/submit", **headers).json()["status"] == "submitted"


def test_answers_by_staff_refused(client, application, bob):
    response = client.patch(
        f"{API}/{application.pk}/answers",
        {"answers": {_question(application): "x"}},
        content_type="application/json",
        **bearer(bob),
    )
    assert response.status_code == 403
    assert not application.answers.exists()


def test_submit_incomplete_is_422(client, application):
    response = client.post(f"{API}/{application.pk}/submit", **bearer(application.owner))
    assert response.status_code == 422
    application.refresh_from_db()
    assert application.status == "draft"


def test_decision_by_founder_is_403_and_by_staff_works(client, application, bob):
    services.save_answers(
        application=application, user=application.owner, data={_question(application): "x"}
    )
    services.submit_application(application=application, user=application.owner)
    url = f"{API}/{application.pk}/decision"
    body = {"decision": "accepted"}
    founder = client.post(url, body, content_type="application/json", **bearer(application.owner))
    assert founder.status_code == 403
    staff = client.post(url, body, content_type="application/json", **bearer(bob))
    assert staff.json()["status"] == "accepted"


def test_bad_decision_is_422(client, application, bob):
    response = client.post(
        f"{API}/{application.pk}/decision",
        {"decision": "promote"},
        content_type="application/json",
        **bearer(bob),
    )
    assert response.status_code == 422 and "decision" in response.json()["errors"]
