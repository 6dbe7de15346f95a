import pytest

from startup_street.applications import services
from startup_street.applications.models import Question
from startup_street.decisions import services as decision_services
from tests.factories import bearer, make_call, make_program, make_startup, make_user

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
    ("who", "status"), [("owner", 200), ("mate", 200), ("staff", 404), ("outsider", 404)]
)
def test_read_permissions(client, application, bob, charlie, who, status):
    users = {
        "owner": application.owner,
        "mate": application.mate,
        "staff": bob,
        "outsider": charlie,
    }
    response = client.get(f"{API}/{application.pk}", **bearer(users[who]))
    assert response.status_code == status  # a draft is its team's alone


def test_staff_read_a_submitted_application(client, application, bob):
    _submitted(application)
    assert client.get(f"{API}/{application.pk}", **bearer(bob)).status_code == 200


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
    assert response.status_code == 404  # staff do not even see a draft
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
    _submitted(application)
    response = client.post(
        f"{API}/{application.pk}/decision",
        {"decision": "promote"},
        content_type="application/json",
        **bearer(bob),
    )
    assert response.status_code == 422 and "decision" in response.json()["errors"]


def _submitted(application):
    services.save_answers(
        application=application, user=application.owner, data={_question(application): "x"}
    )
    return services.submit_application(application=application, user=application.owner)


def test_founder_starts_an_application_through_the_api(client, organization):
    from django.core.files.uploadedfile import SimpleUploadedFile

    call = make_call(make_program(organization))
    deck = Question.objects.create(form=services.form_for(call), kind="file", label={"en": "Deck"})
    founder = make_user("founder")
    startup = make_startup(founder, slug="api-startup")
    body = {"call": call.pk, "startup": "api-startup"}
    created = client.post(API, body, content_type="application/json", **bearer(founder)).json()
    assert created["status"] == "draft" and created["feedback"] == []
    again = client.post(API, body, content_type="application/json", **bearer(founder)).json()
    assert again["id"] == created["id"]  # one application per startup and call
    url = f"{API}/{created['id']}/files/{deck.pk}"
    fake = SimpleUploadedFile("deck.pdf", b"MZ not a pdf", content_type="application/pdf")
    assert client.post(url, {"file": fake}, **bearer(founder)).status_code == 422
    pdf = SimpleUploadedFile("deck.pdf", b"%PDF-1.7\n%%EOF\n", content_type="application/pdf")
    assert client.post(url, {"file": pdf}, **bearer(founder)).status_code == 200
    assert client.post(f"{API}/{created['id']}/submit", **bearer(founder)).json()["status"] == (
        "submitted"
    )
    assert startup.applications.get().attachments.count() == 1


def test_only_the_team_uploads_an_applications_files(client, organization, alice, charlie):
    from django.core.files.uploadedfile import SimpleUploadedFile

    call = make_call(make_program(organization))
    deck = Question.objects.create(form=services.form_for(call), kind="file", label={"en": "Deck"})
    founder = make_user("founder")
    application = services.start_application(
        call=call, startup=make_startup(founder, slug="files-startup"), user=founder
    )
    url = f"{API}/{application.pk}/files/{deck.pk}"
    for who in (charlie, alice):  # an outsider; the call's staff, who do not see a draft
        pdf = SimpleUploadedFile("deck.pdf", b"%PDF-1.7\n%%EOF\n", content_type="application/pdf")
        assert client.post(url, {"file": pdf}, **bearer(who)).status_code == 404
    assert application.attachments.count() == 0


def test_start_for_someone_elses_startup_is_404(client, application, charlie):
    body = {"call": application.call_id, "startup": "owned"}
    response = client.post(API, body, content_type="application/json", **bearer(charlie))
    assert response.status_code == 404


def test_withdraw_by_team_only(client, application, bob):
    url = f"{API}/{application.pk}/withdraw"
    _submitted(application)
    assert client.post(url, **bearer(bob)).status_code == 403  # staff cannot withdraw for them
    assert client.post(url, **bearer(application.mate)).json()["status"] == "withdrawn"


@pytest.mark.parametrize(
    ("who", "status"), [("owner", 403), ("staff", 200), ("outsider", 404), ("analyst", 404)]
)
def test_history_for_staff_only(client, application, bob, charlie, who, status):
    _submitted(application)
    analyst = make_user("analyst", is_city_analyst=True)
    users = {"owner": application.owner, "staff": bob, "outsider": charlie, "analyst": analyst}
    response = client.get(f"{API}/{application.pk}/history", **bearer(users[who]))
    assert response.status_code == status
    if status == 200:
        assert response.json()[-1]["what"] == "Status: Draft"  # the oldest step comes last


def test_bulk_decisions_quotas_cohort_and_notices(client, application, bob):
    from startup_street.core.models import Sector

    _submitted(application)
    application.startup.sectors.add(Sector.objects.get(code="robotics"))
    call = f"{API}/calls/{application.call_id}"
    headers = {"content_type": "application/json", **bearer(bob)}
    quota = client.put(f"{call}/quotas/robotics", {"min_percent": 50}, **headers).json()
    assert quota["quotas"][0] == {
        "sector": "robotics",
        "min_percent": 50,
        "accepted": 0,
        "in_sector": 0,
        "needed": 1,
        "met": True,
    }
    body = {"call": application.call_id, "applications": [application.pk], "decision": "accepted"}
    assert client.post(f"{API}/decisions", body, **headers).json() == {"count": 1}
    cohort = client.post(f"{call}/cohort", {"name": "Robots"}, **headers).json()
    assert cohort["cohort"] == [application.pk] and cohort["left"] == 0
    notice = {
        "statuses": ["accepted"],
        "subject": {"en": "Welcome"},
        "body": {"en": "Orientation on Monday."},
        "original_language": "en",
    }
    assert client.post(f"{call}/notices", notice, **headers).json()["statuses"] == ["accepted"]


@pytest.mark.parametrize("who", ["owner", "outsider"])
def test_call_decisions_refused_to_non_staff(client, application, charlie, who):
    user = application.owner if who == "owner" else charlie
    headers = {"content_type": "application/json", **bearer(user)}
    call = f"{API}/calls/{application.call_id}"
    assert client.get(f"{call}/decisions", **headers).status_code == 403
    assert client.put(f"{call}/quotas/robotics", {"min_percent": 5}, **headers).status_code == 403
    body = {"call": application.call_id, "applications": [application.pk], "decision": "rejected"}
    assert client.post(f"{API}/decisions", body, **headers).status_code == 403
    assert client.post(f"{call}/cohort", {}, **headers).status_code == 403
    assert client.post(f"{call}/waitlist/promote", **headers).status_code == 403
    notice = {"statuses": ["draft"], "subject": {"en": "x"}, "body": {"en": "y"}}
    notice["original_language"] = "en"
    assert client.post(f"{call}/notices", notice, **headers).status_code == 403
    application.refresh_from_db()
    assert application.status == "draft" and not application.call.quotas.exists()
    assert not application.call.notices.exists()


def test_feedback_reaches_the_founder_without_reviewer_names(client, application, alice, bob):
    from startup_street.reviews import services as reviews
    from tests.factories import make_member

    _submitted(application)
    reviewer = make_user("reviewer-name")
    make_member(application.call.program.organization, reviewer, "reviewer")
    criterion = reviews.add_criterion(
        call=application.call,
        actor=alice,
        label={"en": "Team"},
        weight=1,
        scale_min=1,
        scale_max=5,
    )
    assignment = reviews.assign_reviewer(application=application, reviewer=reviewer, actor=alice)
    reviews.submit_review(
        assignment=assignment,
        reviewer=reviewer,
        scores={criterion.pk: 3},
        comment_to_staff="only for staff",
        comment_to_applicant="sharpen the pitch",
    )
    decision_services.decide_application(application=application, actor=bob, decision="rejected")
    response = client.get(f"{API}/{application.pk}", **bearer(application.owner))
    assert response.json()["feedback"] == ["sharpen the pitch"]
    text = response.content.decode()
    assert (
        "only for staff" not in text and reviewer.email not in text and "Reviewer-Name" not in text
    )
