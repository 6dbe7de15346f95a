import pytest
from django.urls import reverse

from tests.factories import make_program

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(email="root@example.org", password="pw-12345")


def test_staff_read_the_index_in_the_admin_and_cannot_change_it(client, superuser, organization):
    from startup_street.search.models import SearchEntry

    program = make_program(organization, title={"en": "Drone flight test site"})
    entry = SearchEntry.objects.get(kind="program", object_id=program.pk)
    client.force_login(superuser)
    for name in ("searchentry", "indexgeneration", "searchterm"):
        assert client.get(reverse(f"admin:search_{name}_changelist")).status_code == 200
    found = client.get(reverse("admin:search_searchentry_changelist"), {"q": "drone"})
    assert f">{program.pk}<" in found.content.decode()
    page = client.get(reverse("admin:search_searchentry_change", args=[entry.pk]))
    assert page.status_code == 200 and "drone" in page.content.decode()
    assert client.get(reverse("admin:search_searchentry_add")).status_code == 403
    deleted = client.post(
        reverse("admin:search_searchentry_delete", args=[entry.pk]), {"post": "yes"}
    )
    assert deleted.status_code == 403 and SearchEntry.objects.filter(pk=entry.pk).exists()


def test_every_model_of_the_project_is_in_the_admin():
    from django.apps import apps
    from django.contrib import admin

    inlined = {
        inline.model
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
    }
    missing = [
        model._meta.label
        for model in apps.get_models()
        if model.__module__.startswith("startup_street.")
        and not model.__name__.startswith("Historical")
        and model not in admin.site._registry
        and model not in inlined
    ]
    assert missing == []
