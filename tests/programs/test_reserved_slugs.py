import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import RequestFactory

from startup_street.api.api import programs as api_programs
from startup_street.programs import services, urls
from startup_street.programs.importers import import_rows
from startup_street.programs.models import RESERVED_PROGRAM_SLUGS, Program
from startup_street.programs.resources import ProgramResource
from tests.factories import make_organization, make_program, make_user

pytestmark = pytest.mark.django_db
RESERVED = sorted(RESERVED_PROGRAM_SLUGS)


def _first_fixed_segment(route: str) -> str | None:
    segment = route.strip("/").split("/")[0]
    return segment if segment and "<" not in segment and "{" not in segment else None


def test_reserved_words_cover_every_fixed_segment_of_program_addresses():
    web = {_first_fixed_segment(str(pattern.pattern)) for pattern in urls.urlpatterns}
    api = {_first_fixed_segment(route) for route in api_programs.path_operations}
    assert (web | api) - {None} <= RESERVED_PROGRAM_SLUGS
    assert {"facets", "eligible", "saved-searches", "feeds", "new"} <= RESERVED_PROGRAM_SLUGS


def _create(organization, actor, title):
    return services.create_program(
        organization=organization,
        actor=actor,
        title=title,
        kind="testbed",
        country="KR",
        is_published=True,
    )


def test_program_titled_facets_is_readable_through_the_api(client, organization, bob):
    program = _create(organization, bob, {"en": "Facets"})
    assert program.slug not in RESERVED_PROGRAM_SLUGS
    response = client.get(f"/api/v1/programs/{program.slug}")
    assert response.status_code == 200 and response.json()["title"] == {"en": "Facets"}


@pytest.mark.parametrize("word", RESERVED)
def test_made_slug_skips_reserved_words(client, bob, word):
    organization = make_organization(slug=word)
    first = _create(organization, bob, {"ko": "로봇 실증 지원"})  # no Latin letters to slug
    second = _create(organization, bob, {"zh-hans": "机器人示范"})
    assert (first.slug, second.slug) == (f"{word}-program", f"{word}-program-2")
    assert client.get(f"/api/v1/programs/{first.slug}").json()["slug"] == first.slug
    assert client.get(first.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("word", RESERVED)
def test_explicit_reserved_slug_is_refused_by_validation(organization, word):
    program = Program(organization=organization, slug=word, title={"en": "X"}, kind="testbed")
    program.country = "KR"
    with pytest.raises(ValidationError) as error:
        program.full_clean()
    assert list(error.value.message_dict) == ["slug"]
    assert error.value.message_dict["slug"] == [
        f"“{word}” is a reserved word of program addresses; choose another."
    ]


def test_database_refuses_a_reserved_slug(organization):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_program(organization, slug="facets")


def test_admin_form_refuses_a_reserved_slug_once(organization):
    request = RequestFactory().post("/admin/")
    request.user = make_user("root", is_superuser=True, is_staff=True)
    model_admin = admin.site._registry[Program]
    form_class = model_admin.get_form(request)
    form = form_class(data={"slug": "feeds", "organization": organization.pk})
    assert form.errors["slug"] == [
        "“feeds” is a reserved word of program addresses; choose another."
    ]
    assert "__all__" not in form.errors


def _row(**fields):
    return {"organization": "seoul-hub", "kind": "funding", "country": "KR", **fields}


def test_import_refuses_an_explicit_reserved_slug(organization):
    report = import_rows([_row(slug="facets", title_en="Facets")])
    assert report.created == 0 and "reserved word" in report.errors[0]
    assert not Program.objects.exists()


def test_import_makes_an_unreserved_slug_and_reruns_onto_it(bob):
    make_organization(slug="saved")
    row = _row(organization="saved", title_en="Searches")
    assert import_rows([row]).created == 1
    assert list(Program.objects.values_list("slug", flat=True)) == ["saved-searches-program"]
    assert import_rows([row]).updated == 1 and Program.objects.count() == 1


def test_admin_import_refuses_a_reserved_slug(organization):
    import tablib

    row = _row(slug="eligible", title_en="Eligible")
    dataset = tablib.Dataset([*row.values()], headers=list(row))
    result = ProgramResource().import_data(dataset, dry_run=False)
    assert result.has_validation_errors() and not Program.objects.exists()
