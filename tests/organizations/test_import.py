"""Organisations are imported by the same rules as programs."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from startup_street.organizations.models import Organization
from tests.factories import make_organization

pytestmark = pytest.mark.django_db
HEADER = "slug,name_ko,name_zh,name_en,kind,city,country,time_zone\n"


def _run(path, *args) -> str:
    out = StringIO()
    call_command("import-organizations", str(path), *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_csv_creates_organisations_with_names_in_each_language(tmp_path):
    path = tmp_path / "organizations.csv"
    path.write_text(
        HEADER + "kic-beijing,코리아이노베이션센터 베이징,韩国创新中心北京,KIC Beijing,government,"
        "Beijing,CN,Asia/Shanghai\n"
        + "seoul-hub,서울창업허브,首尔创业中心,Seoul Startup Hub,incubator,Seoul,KR,\n",
        encoding="utf-8",
    )
    assert "2 created" in _run(path)
    kic = Organization.objects.get(slug="kic-beijing")
    assert kic.name == {
        "ko": "코리아이노베이션센터 베이징",
        "zh-hans": "韩国创新中心北京",
        "en": "KIC Beijing",
    }
    assert (kic.time_zone, Organization.objects.get(slug="seoul-hub").time_zone) == (
        "Asia/Shanghai",
        "Asia/Seoul",
    )


def test_reimport_updates_by_slug(tmp_path):
    make_organization(slug="seoul-hub", kind="incubator")
    path = tmp_path / "organizations.xlsx"
    book = Workbook()
    book.active.append(["slug", "name_en", "kind", "city", "country"])
    book.active.append(["seoul-hub", "Seoul Startup Hub", "accelerator", "Seoul", "KR"])
    book.save(path)
    assert "0 created, 1 updated" in _run(path)
    assert Organization.objects.get(slug="seoul-hub").kind == "accelerator"


def test_invalid_row_writes_nothing_unless_partial(tmp_path):
    path = tmp_path / "organizations.csv"
    path.write_text(HEADER + "good,,,Good,incubator,Seoul,KR,\nbad,,,Bad,circus,Seoul,KR,\n")
    with pytest.raises(CommandError, match="Nothing was written"):
        _run(path)
    assert not Organization.objects.exists()
    assert "1 created" in _run(path, "--partial")
    assert list(Organization.objects.values_list("slug", flat=True)) == ["good"]


def test_repeated_slug_and_missing_slug_column_are_errors(tmp_path):
    path = tmp_path / "organizations.csv"
    path.write_text(HEADER + "same,,,One,incubator,Seoul,KR,\nsame,,,Two,incubator,Seoul,KR,\n")
    with pytest.raises(CommandError, match="Nothing was written"):
        _run(path)
    path.write_text("name_en,kind\nNo slug,incubator\n")
    with pytest.raises(CommandError, match="no “slug” column"):
        _run(path)
    assert not Organization.objects.exists()


def test_admin_resource_exports_and_imports_back():
    import tablib

    from startup_street.organizations.resources import OrganizationResource

    make_organization(slug="kic", name={"zh-hans": "韩国创新中心", "en": "KIC"}, country="CN")
    exported = OrganizationResource().export()
    Organization.objects.all().delete()
    result = OrganizationResource().import_data(
        tablib.Dataset().load(exported.csv, format="csv"), dry_run=False
    )
    assert not result.has_errors() and not result.has_validation_errors()
    assert Organization.objects.get(slug="kic").name == {"zh-hans": "韩国创新中心", "en": "KIC"}


def test_admin_resource_reports_an_invalid_row():
    import tablib

    from startup_street.organizations.resources import OrganizationResource

    data = tablib.Dataset(
        ["bad", "Bad", "circus", "Seoul", "KR"],
        headers=["slug", "name_en", "kind", "city", "country"],
    )
    result = OrganizationResource().import_data(data, dry_run=True)
    assert "kind" in result.invalid_rows[0].error_dict and not Organization.objects.exists()
