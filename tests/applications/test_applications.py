from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from startup_street.applications import services
from startup_street.applications.models import Application, Attachment, Question
from startup_street.decisions import services as decider
from startup_street.programs.models import Call
from tests.factories import make_call, make_program, make_startup, make_user

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def call(organization):
    call = make_call(make_program(organization), seats=2)
    form = services.form_for(call)
    Question.objects.create(form=form, kind="short_text", label={"en": "Pitch"}, max_length=20)
    Question.objects.create(form=form, kind="number", label={"en": "Revenue"}, required=False)
    Question.objects.create(form=form, kind="file", label={"en": "Deck"})
    return call


def _questions(call):
    return {q.kind: q for q in Question.objects.filter(form__call=call)}


def _complete(application, user):
    q = _questions(application.call)
    services.save_answers(
        application=application, user=user, data={str(q["short_text"].pk): "Robots"}
    )
    upload = SimpleUploadedFile("deck.pdf", PDF, content_type="application/pdf")
    services.attach_file(application=application, question=q["file"], user=user, upload=upload)


def test_start_is_idempotent_and_unique(call, startup, alice, bob):
    first = services.start_application(call=call, startup=startup, user=alice)
    second = services.start_application(call=call, startup=startup, user=bob)
    assert first == second and Application.objects.count() == 1


def test_start_by_outsider_refused(call, startup, charlie):
    with pytest.raises(PermissionDenied):
        services.start_application(call=call, startup=startup, user=charlie)
    assert not Application.objects.exists()


def test_start_after_deadline_refused(call, startup, alice):
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    call.refresh_from_db()
    with pytest.raises(ValidationError):
        services.start_application(call=call, startup=startup, user=alice)


def test_answers_validated_all_or_nothing(call, startup, alice):
    application = services.start_application(call=call, startup=startup, user=alice)
    q = _questions(call)
    with pytest.raises(ValidationError) as error:
        services.save_answers(
            application=application,
            user=alice,
            data={str(q["short_text"].pk): "x" * 21, str(q["number"].pk): "12"},
        )
    assert str(q["short_text"].pk) in error.value.message_dict
    assert not application.answers.exists()


def test_submit_requires_required_answers(call, startup, alice):
    application = services.start_application(call=call, startup=startup, user=alice)
    with pytest.raises(ValidationError):
        services.submit_application(application=application, user=alice)
    application.refresh_from_db()
    assert application.status == "draft"


def test_submit_twice_gives_one_submission(
    call, startup, alice, django_capture_on_commit_callbacks
):
    application = services.start_application(call=call, startup=startup, user=alice)
    _complete(application, alice)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_application(application=application, user=alice)
        services.submit_application(application=application, user=alice)
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.timeline.filter(to_status="submitted").count() == 1
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(m.user.email for m in startup.members.all())  # once each


def test_submit_after_deadline_refused(call, startup, alice):
    application = services.start_application(call=call, startup=startup, user=alice)
    _complete(application, alice)
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(ValidationError):
        services.submit_application(application=application, user=alice)
    application.refresh_from_db()
    assert application.status == "draft"


def test_mislabelled_file_refused(call, startup, alice):
    application = services.start_application(call=call, startup=startup, user=alice)
    fake = SimpleUploadedFile("deck.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError):
        services.attach_file(
            application=application, question=_questions(call)["file"], user=alice, upload=fake
        )
    assert not Attachment.objects.exists()


def test_oversized_file_refused(call, startup, alice, settings):
    settings.ATTACHMENT_MAX_BYTES = 10
    application = services.start_application(call=call, startup=startup, user=alice)
    upload = SimpleUploadedFile("deck.pdf", PDF, content_type="application/pdf")
    with pytest.raises(ValidationError):
        services.attach_file(
            application=application, question=_questions(call)["file"], user=alice, upload=upload
        )


def test_attachment_stored_outside_web_root(call, startup, alice, settings):
    application = services.start_application(call=call, startup=startup, user=alice)
    _complete(application, alice)
    path = application.attachments.get().file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.STATIC_ROOT))


@pytest.mark.parametrize(
    ("who", "status"), [("alice", 200), ("bob", 200), ("charlie", 404), ("staff", 200)]
)
def test_attachment_download_permissions(client, call, organization, request, who, status):
    owner, mate = make_user("owner"), make_user("mate")
    startup = make_startup(owner, teammates=[mate])
    application = services.start_application(call=call, startup=startup, user=owner)
    _complete(application, owner)
    services.submit_application(application=application, user=owner)  # staff see no drafts
    attachment = application.attachments.get()
    users = {"alice": owner, "bob": mate, "charlie": request.getfixturevalue("charlie")}
    users["staff"] = request.getfixturevalue("bob")  # program manager of the organisation
    client.force_login(users[who])
    response = client.get(reverse("applications:download", args=[application.pk, attachment.pk]))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize(("who", "status"), [("alice", 200), ("bob", 200), ("charlie", 404)])
def test_application_page_permissions(client, call, startup, request, who, status):
    application = services.start_application(
        call=call, startup=startup, user=request.getfixturevalue("alice")
    )
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("applications:detail", args=[application.pk])).status_code == status


def test_outsider_cannot_edit_draft(client, call, startup, alice, charlie):
    application = services.start_application(call=call, startup=startup, user=alice)
    q = _questions(call)["short_text"]
    client.force_login(charlie)
    response = client.post(reverse("applications:detail", args=[application.pk]), {str(q.pk): "x"})
    assert response.status_code == 404
    assert not application.answers.exists()


def test_founder_flow_in_views(client, call, startup, alice):
    client.force_login(alice)
    response = client.post(reverse("applications:apply", args=[call.pk]), {"startup": startup.pk})
    application = Application.objects.get()
    assert response.url == reverse("applications:detail", args=[application.pk])
    q = _questions(call)
    client.post(
        reverse("applications:autosave", args=[application.pk]), {str(q["short_text"].pk): "AI"}
    )
    assert application.answers.get(question=q["short_text"]).value == "AI"
    client.post(
        reverse("applications:upload", args=[application.pk, q["file"].pk]),
        {"file": SimpleUploadedFile("deck.pdf", PDF, content_type="application/pdf")},
    )
    client.post(reverse("applications:submit", args=[application.pk]))
    application.refresh_from_db()
    assert application.status == "submitted"
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "Submitted" in page


def test_accept_respects_seats(call, organization, alice, bob):
    applications = []
    for _ in range(3):
        owner = make_user()
        application = services.start_application(call=call, startup=make_startup(owner), user=owner)
        _complete(application, owner)
        services.submit_application(application=application, user=owner)
        applications.append(application)
    decider.decide_application(application=applications[0], actor=bob, decision="accepted")
    decider.decide_application(application=applications[1], actor=bob, decision="accepted")
    with pytest.raises(ValidationError):
        decider.decide_application(application=applications[2], actor=bob, decision="accepted")
    assert call.applications.filter(status="accepted").count() == 2


def test_decision_by_founder_refused(call):
    founder = make_user("founder")
    application = services.start_application(call=call, startup=make_startup(founder), user=founder)
    _complete(application, founder)
    services.submit_application(application=application, user=founder)
    with pytest.raises(PermissionDenied):
        decider.decide_application(application=application, actor=founder, decision="accepted")
    application.refresh_from_db()
    assert application.status == "submitted"


def test_decision_cannot_skip_states(call, startup, alice, bob):
    application = services.start_application(call=call, startup=startup, user=alice)
    with pytest.raises(ValidationError):
        decider.decide_application(application=application, actor=bob, decision="accepted")


def test_withdrawn_cannot_be_resubmitted(call, startup, alice):
    application = services.start_application(call=call, startup=startup, user=alice)
    services.withdraw_application(application=application, user=alice)
    with pytest.raises(ValidationError):
        services.submit_application(application=application, user=alice)


@pytest.mark.parametrize(("who", "status"), [("alice", 200), ("bob", 200), ("charlie", 403)])
def test_staff_list_and_csv(client, call, request, who, status):
    client.force_login(request.getfixturevalue(who))
    response = client.get(
        reverse("applications:call_applications", args=[call.pk]), {"format": "csv"}
    )
    assert response.status_code == status


def test_xlsx_export_has_answers(client, call, startup, alice, bob):
    from io import BytesIO

    from openpyxl import load_workbook

    application = services.start_application(call=call, startup=startup, user=alice)
    _complete(application, alice)
    services.submit_application(application=application, user=alice)
    client.force_login(bob)
    response = client.get(
        reverse("applications:call_applications", args=[call.pk]), {"format": "xlsx"}
    )
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("id", "startup", "status") and "Pitch" in rows[0]
    assert rows[1][1:3] == ("Robowave", "submitted") and "Robots" in rows[1]


def test_staff_see_history_founder_does_not(client, call, startup, alice, bob):
    founder = make_user("solo")
    own = make_startup(founder)
    application = services.start_application(call=call, startup=own, user=founder)
    _complete(application, founder)
    services.submit_application(application=application, user=founder)
    url = reverse("reviews:history", args=[application.pk])
    page = reverse("applications:detail", args=[application.pk])
    client.force_login(bob)
    assert "Status: Submitted" in client.get(url).content.decode()
    assert url in client.get(page).content.decode()
    client.force_login(founder)
    assert client.get(url).status_code == 403
    assert url not in client.get(page).content.decode()


def test_closed_call_message_names_deadline_in_call_zone(call, startup, alice):
    from datetime import UTC, datetime

    Call.objects.filter(pk=call.pk).update(
        opens_at=datetime(2026, 3, 1, 1, 0, tzinfo=UTC),
        closes_at=datetime(2026, 3, 31, 9, 0, tzinfo=UTC),
        time_zone="Asia/Shanghai",
    )
    call.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.start_application(call=call, startup=startup, user=alice)
    assert "2026-03-31 17:00 CST (Asia/Shanghai)" in error.value.messages[0]


def test_autosave_shows_each_wrong_answer_under_its_field_and_saves_nothing(
    client, call, startup, alice
):
    client.force_login(alice)
    application = services.start_application(call=call, startup=startup, user=alice)
    q = _questions(call)
    response = client.post(
        reverse("applications:autosave", args=[application.pk]),
        {str(q["short_text"].pk): "AI", str(q["number"].pk): "many"},
    )
    page = response.content.decode()
    assert "Not saved" in page
    wrong = page.split(f'id="answer-errors-{q["number"].pk}"')[1].split("</div>")[0]
    assert 'class="errorlist"' in wrong
    fine = page.split(f'id="answer-errors-{q["short_text"].pk}"')[1].split("</div>")[0]
    assert "errorlist" not in fine  # a field fixed since is cleared
    assert not application.answers.exists()


def test_submitted_application_offers_changes_not_a_draft(client, call, startup, alice):
    application = services.start_application(call=call, startup=startup, user=alice)
    _complete(application, alice)
    services.submit_application(application=application, user=alice)
    client.force_login(alice)
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "Save draft" not in page and "Save changes" in page
    assert reverse("applications:submit", args=[application.pk]) not in page
    assert "Yes, withdraw" in page  # withdrawing asks first
