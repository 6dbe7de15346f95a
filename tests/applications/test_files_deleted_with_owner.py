"""A file leaves the disk when the row that owns it is deleted, whichever door deletes it:
the application itself, its startup, or a space with its photos."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from startup_street.applications import services
from startup_street.applications.models import Attachment, Question
from startup_street.spaces.models import SpacePhoto
from tests.factories import make_call, make_program, make_startup, make_user
from tests.spaces.conftest import make_space

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n%%EOF\n"


def _files(root):
    return [path for path in root.rglob("*") if path.is_file()]


@pytest.fixture
def attached(settings, tmp_path, organization, django_capture_on_commit_callbacks):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    founder = make_user("dana")
    startup = make_startup(founder)
    call = make_call(make_program(organization))
    application = services.start_application(call=call, startup=startup, user=founder)
    form = services.form_for(call)
    for label in ("Deck", "Licence"):
        question = Question.objects.create(form=form, kind="file", label={"en": label})
        with django_capture_on_commit_callbacks(execute=True):
            services.attach_file(
                application=application,
                question=question,
                user=founder,
                upload=SimpleUploadedFile(
                    f"{label}.pdf", PDF + label.encode(), content_type="application/pdf"
                ),
            )
    assert len(_files(tmp_path)) == 2
    return application


@pytest.mark.parametrize("owner", ["application", "startup"])
def test_files_leave_the_disk_with_their_application(
    attached, tmp_path, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        getattr(attached, owner).delete() if owner != "application" else attached.delete()
    assert not Attachment.objects.exists()
    assert _files(tmp_path) == []


def test_files_stay_when_the_deletion_is_rolled_back(attached, tmp_path):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        attached.delete()
        raise RuntimeError("changed our mind")
    assert Attachment.objects.count() == 2
    assert len(_files(tmp_path)) == 2


def test_space_photos_leave_the_disk_with_their_space(
    settings, tmp_path, organization, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    space = make_space(organization)
    photo = SpacePhoto(space=space)
    photo.image.save("testbed.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)
    assert len(_files(tmp_path)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        space.delete()
    assert _files(tmp_path) == []
