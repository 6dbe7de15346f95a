import json
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from startup_street.programs.importers import import_rows, kstartup_row
from startup_street.programs.models import Call, Program
from tests.factories import make_organization

pytestmark = pytest.mark.django_db
FIXTURE = (
    Path(__file__).resolve().parents[2] / "startup_street/programs/fixtures/kstartup_sample.json"
)
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
    "call_opens": "2027-03-01 09:00",
    "call_closes": "2027-03-31 17:00",
    "call_time_zone": "Asia/Shanghai",
    "call_seats": "12",
}


@pytest.fixture
def kic():
    return make_organization(slug="kic-beijing", country="CN", time_zone="Asia/Shanghai")


def test_row_imports_program_and_call_in_its_zone(kic):
    report = import_rows([ROW])
    assert (report.created, report.calls, report.errors) == (1, 1, [])
    program = Program.objects.get()
    assert program.title["zh-hans"] == "中关村机器人示范应用征集"
    assert sorted(program.sectors.values_list("code", flat=True)) == ["ai", "robotics"]
    assert Call.objects.get().closes_at == datetime(2027, 3, 31, 9, 0, tzinfo=UTC)


def test_reimport_updates_instead_of_duplicating(kic):
    import_rows([ROW])
    report = import_rows([{**ROW, "kind": "funding"}])
    assert (report.created, report.updated) == (0, 1)
    assert Program.objects.get().kind == "funding" and Call.objects.count() == 1


@pytest.mark.parametrize(
    "change",
    [
        {"organization": "nope"},
        {"kind": "magic"},
        {"sectors": "robotics,astrology"},
        {"title_zh": "", "title_en": ""},
        {"call_closes": "2027-02-01 09:00"},
        {"call_opens": "yesterday"},
    ],
)
def test_bad_row_rejected_with_line_and_nothing_written(kic, change):
    report = import_rows([{**ROW, **change}])
    assert report.errors and report.errors[0].startswith("row 2")
    assert not Program.objects.exists() and not Call.objects.exists()


def test_command_reads_csv_json_xlsx(kic, tmp_path):
    csv_path = tmp_path / "programs.csv"
    csv_path.write_text(",".join(ROW) + "\n" + ",".join(f'"{v}"' for v in ROW.values()) + "\n")
    json_path = tmp_path / "programs.json"
    json_path.write_text(json.dumps([{**ROW, "slug": "from-json"}]))
    xlsx_path = tmp_path / "programs.xlsx"
    book = Workbook()
    book.active.append(list(ROW) + ["slug"])
    book.active.append(list(ROW.values()) + ["from-xlsx"])
    book.save(xlsx_path)
    for path in (csv_path, json_path, xlsx_path):
        call_command("import-programs", str(path), stdout=StringIO(), stderr=StringIO())
    assert Program.objects.count() == 3


def test_command_unknown_file_type_is_clear_error(tmp_path):
    path = tmp_path / "programs.txt"
    path.write_text("x")
    with pytest.raises(CommandError, match="Unsupported file type"):
        call_command("import-programs", str(path))


def test_kstartup_fixture_imports():
    out = StringIO()
    call_command("import-programs", str(FIXTURE), stdout=out, stderr=StringIO())
    assert Program.objects.count() == 3
    robot = Program.objects.get(slug="kstartup-900001")
    assert robot.title == {"ko": "2026년 로봇 실증 테스트베드 지원사업 참여기업 모집"}
    assert robot.kind == "commercialisation" and "실증 비용 최대 5천만원" in robot.description["ko"]
    call = robot.calls.get()
    assert call.closes_at == datetime(2026, 3, 31, 9, 0, tzinfo=UTC)  # 18:00 KST
    assert Program.objects.get(slug="kstartup-900002").kind == "sales_overseas"
    assert not Program.objects.get(slug="kstartup-900003").calls.exists()  # no dates given
    assert Program.objects.values("organization").distinct().count() == 2


def test_kstartup_row_without_time_closes_at_end_of_day():
    record = json.loads(FIXTURE.read_text())[1]
    row = kstartup_row(record, make_organization())
    assert (row["call_opens"], row["call_closes"]) == ("2026-04-01 00:00", "2026-04-20 23:59")
