import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from startup_street.applications import services
from startup_street.applications.models import Question
from tests.factories import make_call, make_program, make_startup, make_user

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n%%EOF\n"


def test_replaced_attachment_leaves_the_disk(
    settings, tmp_path, organization, django_capture_on_commit_callbacks
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    founder = make_user("dana")
    call = make_call(make_program(organization))
    application = services.start_application(call=call, startup=make_startup(founder), user=founder)
    deck = Question.objects.create(form=services.form_for(call), kind="file", label={"en": "Deck"})
    for body in (PDF, PDF + b"v2"):
        with django_capture_on_commit_callbacks(execute=True):
            services.attach_file(
                application=application,
                question=deck,
                user=founder,
                upload=SimpleUploadedFile("deck.pdf", body, content_type="application/pdf"),
            )
    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert len(files) == 1
    assert files[0].read_bytes() == PDF + b"v2"


def test_oversized_body_is_refused_from_content_length_before_csrf(settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    client = Client(enforce_csrf_checks=True)
    response = client.generic(
        "POST",
        "/applications/1/upload/1/",
        b"x",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(300 * 1024 * 1024),
    )
    assert response.status_code == 413  # not 403 from the CSRF check, which reads the body
    api = client.generic(
        "POST", "/api/v1/applications", b"x", CONTENT_LENGTH=str(300 * 1024 * 1024)
    )
    assert api.status_code == 413 and "larger than" in api.json()["detail"]
