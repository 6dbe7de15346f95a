from datetime import UTC, datetime

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from startup_street.programs.models import Call, Program
from startup_street.programs.resources import COLUMNS, ProgramResource
from tests.factories import make_organization, make_program, make_user

pytestmark = pytest.mark.django_db
ROW = {
    "organization": "kic-beijing",
    "title_zh": "中关村机器人示范应用征集",
    "title_en": "Zhongguancun robot demonstration call",
    "original_language": "zh-hans",
    "kind": "testbed",
    "sectors": "robotics, ai",
    "stages": "seed,series_a",
    "city": "Beijing",
    "country": "CN",
    "is_published": "1",
    "call_opens": "2027-03-01 09:00",
    "call_closes": "2027-03-31 17:00",
    "call_time_zone": "Asia/Shanghai",
    "call_seats": "12",
}


@pytest.fixture
def kic():
    return make_organization(slug="kic-beijing", country="CN", time_zone="Asia/Shanghai")


def _dataset(*rows) -> tablib.Dataset:
    headers = sorted({key for row in rows for key in row})
    return tablib.Dataset(*[[row.get(h, "") for h in headers] for row in rows], headers=headers)


def test_resource_imports_program_and_call_in_its_zone(kic):
    result = ProgramResource().import_data(_dataset(ROW), dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    program = Program.objects.get()
    assert program.slug == "kic-beijing-zhongguancun-robot-demonstration-call"
    assert sorted(program.sectors.values_list("code", flat=True)) == ["ai", "robotics"]
    assert Call.objects.get().closes_at == datetime(2027, 3, 31, 9, 0, tzinfo=UTC)


def test_resource_dry_run_writes_nothing(kic):
    result = ProgramResource().import_data(_dataset(ROW), dry_run=True)
    assert result.totals["new"] == 1
    assert not Program.objects.exists() and not Call.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"organization": "nope"}, "organization"),
        ({"kind": "magic"}, "kind"),
        ({"sectors": "robotics,unicorns"}, "sectors"),
        ({"stages": "seed,legendary"}, "stages"),
        ({"call_closes": "2027-02-01 09:00"}, "closes_at"),
        ({"call_opens": "next spring"}, "call_opens"),
    ],
)
def test_resource_invalid_row_is_reported_and_nothing_written(kic, change, field):
    good = {**ROW, "slug": "good-one"}
    result = ProgramResource().import_data(_dataset(good, {**ROW, **change}), dry_run=True)
    assert result.has_validation_errors()
    invalid = result.invalid_rows[0]
    assert invalid.number == 2 and field in invalid.error_dict
    assert not Program.objects.exists()


def test_resource_reimport_updates_by_slug(kic):
    ProgramResource().import_data(_dataset(ROW), dry_run=False)
    result = ProgramResource().import_data(_dataset({**ROW, "kind": "funding"}), dry_run=False)
    assert result.totals["update"] == 1
    assert Program.objects.get().kind == "funding" and Call.objects.count() == 1


def test_export_in_documented_columns_imports_back(kic):
    program = make_program(
        kic, slug="zgc", title={"zh-hans": "示范", "en": "Demo"}, stages=["seed"], city="Beijing"
    )
    closes = datetime(2030, 3, 31, 9, 0, tzinfo=UTC)
    Call.objects.create(
        program=program,
        opens_at=datetime(2030, 3, 1, 1, 0, tzinfo=UTC),
        closes_at=closes,
        time_zone="Asia/Shanghai",
        seats=3,
    )
    exported = ProgramResource().export()
    assert exported.headers == COLUMNS
    row = dict(zip(exported.headers, exported[0], strict=True))
    assert row["title_zh"] == "示范" and row["stages"] == "seed" and row["call_seats"] == "3"
    assert row["call_time_zone"] == "Asia/Shanghai" and row["call_closes"] == "2030-03-31 17:00"
    result = ProgramResource().import_data(exported, dry_run=False)
    assert not result.has_validation_errors() and result.totals["update"] == 1
    assert Call.objects.count() == 1  # the same call, not a second one


def test_admin_import_page_previews_then_confirms(client, kic):
    admin = make_user("root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    csv = _dataset(ROW).export("csv").encode()
    response = client.post(
        reverse("admin:programs_program_import"),
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("programs.csv", csv, content_type="text/csv"),
        },
    )
    assert response.status_code == 200 and not Program.objects.exists()
    confirm = response.context["confirm_form"]
    data = {name: confirm[name].value() for name in confirm.fields}
    response = client.post(reverse("admin:programs_program_process_import"), data)
    assert response.status_code == 302 and Program.objects.count() == 1


def test_admin_import_with_invalid_row_offers_no_confirmation(client, kic):
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    csv = _dataset({**ROW, "kind": "magic"}).export("csv").encode()
    response = client.post(
        reverse("admin:programs_program_import"),
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("programs.csv", csv, content_type="text/csv"),
        },
    )
    assert response.status_code == 200 and "confirm_form" not in response.context
    assert "magic" in response.content.decode() and not Program.objects.exists()


@pytest.mark.parametrize("who", ["charlie", None])
def test_admin_import_not_for_non_staff(client, request, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("admin:programs_program_import"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_admin_export_page_loads_for_admin(client, kic):
    make_program(kic)
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:programs_program_export")).status_code == 200


def test_resource_refuses_a_slug_repeated_in_one_file(kic):
    first, second = {**ROW, "slug": "same"}, {**ROW, "slug": "same", "kind": "funding"}
    result = ProgramResource().import_data(_dataset(first, second), dry_run=True)
    invalid = result.invalid_rows[0]
    assert invalid.number == 2 and "also on row 1" in str(invalid.error_dict["slug"])


def test_resource_refuses_another_organisations_slug(kic):
    other = make_organization(slug="other-org")
    make_program(other, slug="theirs")
    result = ProgramResource().import_data(_dataset({**ROW, "slug": "theirs"}), dry_run=True)
    assert "another organisation" in str(result.invalid_rows[0].error_dict["slug"])
    assert Program.objects.get(slug="theirs").organization == other


def test_resource_refuses_a_time_in_a_daylight_saving_gap(kic):
    row = {**ROW, "call_opens": "2027-03-14 02:30", "call_time_zone": "America/New_York"}
    result = ProgramResource().import_data(_dataset(row), dry_run=True)
    assert "does not exist in America/New_York" in str(result.invalid_rows[0].error_dict)
