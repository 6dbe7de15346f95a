"""Import loses nothing: encodings, broken files, repeated slugs, honest counts, DST gaps."""

import csv
import io
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from startup_street.programs.importers import import_rows
from startup_street.programs.indexing import programs_needing_indexing
from startup_street.programs.models import Call, Program
from startup_street.programs.tasks import task_index_programs
from startup_street.search.models import SearchEntry
from startup_street.search.selectors import ranked_program_ids
from tests.factories import make_organization

pytestmark = pytest.mark.django_db
COLUMNS = ["organization", "slug", "title_ko", "title_zh", "title_en", "kind", "country"]


@pytest.fixture
def hub():
    return make_organization(slug="seoul-hub")


@pytest.fixture
def kic():
    return make_organization(slug="kic", country="CN", time_zone="Asia/Shanghai")


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _run(path, *args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import-programs", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _row(**cells) -> dict:
    return {"organization": "seoul-hub", "kind": "funding", "country": "KR", **cells}


@pytest.mark.parametrize(
    ("encoding", "title", "label"),
    [
        ("cp949", "서울 로봇 실증 지원사업", "cp949"),
        ("gbk", "中关村机器人示范应用征集", "gb"),
        ("utf-16", "서울 로봇 실증 지원사업", "utf_16"),
    ],
)
def test_csv_in_local_encodings_imports_and_names_the_encoding(
    hub, tmp_path, encoding, title, label
):
    path = tmp_path / "programs.csv"
    rows = [_row(slug="robot-testbed", title_ko=title), _row(slug="second", title_ko=title + " 2")]
    path.write_bytes(_csv(rows).encode(encoding))
    out, _err = _run(path)
    assert Program.objects.get(slug="robot-testbed").title["ko"] == title
    assert "2 created" in out and label in out.lower().replace("-", "_")


def test_corrupt_workbook_is_one_clear_error_and_writes_nothing(hub, tmp_path):
    path = tmp_path / "programs.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a workbook")
    with pytest.raises(CommandError, match="not a readable Excel workbook"):
        _run(path)
    assert not Program.objects.exists()


def test_deeply_nested_json_is_one_clear_error(hub, tmp_path):
    path = tmp_path / "programs.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(CommandError, match="nested too deeply"):
        _run(path)


def test_json_object_instead_of_a_list_fails_instead_of_reporting_zero(hub, tmp_path):
    path = tmp_path / "programs.json"
    path.write_text(json.dumps({"organization": "seoul-hub", "title_en": "Lonely"}))
    with pytest.raises(CommandError, match="must be a list of rows"):
        _run(path)
    assert not Program.objects.exists()


def test_nested_object_in_a_cell_is_a_row_error(hub, tmp_path):
    path = tmp_path / "programs.json"
    path.write_text(json.dumps([_row(slug="a", title_en="A", city={"name": "Seoul"})]))
    with pytest.raises(CommandError, match="Nothing was written"):
        _run(path)


def test_slug_repeated_in_one_file_is_an_error_not_an_overwrite(hub):
    report = import_rows([_row(slug="dup", title_en="First"), _row(slug="dup", title_en="Second")])
    assert report.errors == ["row 3: “dup” is also on row 2; each row must stand for its own."]
    assert not report.written and not Program.objects.exists()
    assert (report.created, report.rejected) == (0, 1)


def test_rows_without_slug_and_english_title_never_overwrite_each_other(hub):
    report = import_rows([_row(title_ko="로봇 실증"), _row(title_ko="바이오 창업 지원")])
    assert (report.created, report.errors) == (2, [])
    titles = sorted(program.title["ko"] for program in Program.objects.all())
    assert titles == ["로봇 실증", "바이오 창업 지원"]
    again = import_rows([_row(title_ko="로봇 실증")])  # the same row again updates, not duplicates
    assert (again.created, again.updated, Program.objects.count()) == (0, 1, 2)


def test_one_invalid_row_writes_nothing_and_counts_nothing(hub):
    report = import_rows(
        [_row(slug="good", title_en="Good"), _row(slug="bad", title_en="Bad", kind="magic")]
    )
    assert (report.created, report.rejected, report.written) == (0, 1, False)
    assert report.errors[0].startswith("row 3: kind:")
    assert not Program.objects.exists()


def test_partial_writes_the_valid_rows_and_reports_exactly(hub):
    rows = [_row(slug="good", title_en="Good"), _row(slug="bad", title_en="Bad", kind="magic")]
    report = import_rows(rows, partial=True)
    assert (report.created, report.rejected, report.rows, report.written) == (1, 1, 2, True)
    assert list(Program.objects.values_list("slug", flat=True)) == ["good"]


def test_command_exits_with_error_when_a_row_is_invalid(hub, tmp_path):
    path = tmp_path / "programs.csv"
    path.write_text(_csv([_row(slug="good", title_en="Good"), _row(slug="bad", kind="magic")]))
    with pytest.raises(CommandError, match="Nothing was written: 1 of 2"):
        _run(path)
    out, err = _run(path, "--partial")
    assert "1 created" in out and "row 3" in err
    assert Program.objects.filter(slug="good").exists()


def test_missing_organization_column_is_one_clear_error(hub, tmp_path):
    path = tmp_path / "programs.csv"
    path.write_text("slug,title_en\nx,Nothing\n")
    with pytest.raises(CommandError, match="no “organization” column"):
        _run(path)


def test_slug_of_another_organisations_program_is_refused(hub, kic):
    import_rows([_row(slug="shared", title_en="Hub's own")])
    report = import_rows([_row(slug="shared", title_en="Taken over", organization="kic")])
    assert "another organisation" in report.errors[0]
    assert Program.objects.get(slug="shared").organization == hub


def test_wall_time_in_a_daylight_saving_gap_is_refused_with_the_reason(hub):
    row = _row(
        slug="ny",
        title_en="New York demo day",
        call_opens="2027-03-14 02:30",  # clocks jump from 02:00 to 03:00 in New York
        call_closes="2027-03-20 17:00",
        call_time_zone="America/New_York",
    )
    report = import_rows([row])
    assert "does not exist in America/New_York" in report.errors[0]
    assert not Program.objects.exists() and not Call.objects.exists()


def test_import_leaves_search_entries_to_the_background_job(
    hub, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        import_rows([_row(slug="robots", title_en="Robot testbed grant")])
    program = Program.objects.get()
    # Written, not yet searchable: marked as waiting for the job, which commit enqueues.
    assert list(programs_needing_indexing()) == [program]
    assert not SearchEntry.objects.filter(kind="program").exists()
    assert ranked_program_ids("robot") == []
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    assert ranked_program_ids("robot") == [program.pk]
    assert not programs_needing_indexing().exists()


def test_reimported_program_waits_for_the_job_then_is_found_by_its_new_title(
    hub, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        import_rows([_row(slug="robots", title_en="Robot testbed grant")])
    with django_capture_on_commit_callbacks(execute=False):  # this job is lost
        import_rows([_row(slug="robots", title_en="Drone inspection challenge")])
    program = Program.objects.get()
    assert list(programs_needing_indexing()) == [program]
    assert ranked_program_ids("drone") == []
    assert task_index_programs.call() == 1  # the periodic sweep: every program still waiting
    assert ranked_program_ids("drone") == [program.pk]
    assert "robot" not in SearchEntry.objects.get(object_id=program.pk).terms
    assert task_index_programs.call() == 0  # idempotent


def test_the_sweep_for_programs_waiting_to_be_indexed_is_on_the_schedule():
    from startup_street.core.periodic import periodic_jobs

    tasks = {job.task for job in periodic_jobs()}
    assert "startup_street.programs.tasks.task_index_programs" in tasks


def test_admin_import_indexes_its_rows_in_one_job_after_commit(
    hub, django_capture_on_commit_callbacks, monkeypatch
):
    import tablib

    from startup_street.programs import indexing
    from startup_street.programs.resources import ProgramResource

    written = []
    real = indexing.index_programs
    monkeypatch.setattr(
        indexing, "index_programs", lambda p, *a, **k: written.append(p) or real(p, *a, **k)
    )
    rows = [_row(slug=f"robots-{n}", title_en=f"Robot testbed {n}") for n in range(3)]
    data = tablib.Dataset(*[[r[c] for c in rows[0]] for r in rows], headers=list(rows[0]))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ProgramResource().import_data(data, dry_run=False)
    assert written == []  # no entry written row by row (program, sectors, call: three a row)
    assert programs_needing_indexing().count() == 3
    assert ranked_program_ids("robot") == []
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    assert len(written) == 1 and len(written[0]) == 3  # one job, one batch
    assert len(ranked_program_ids("robot")) == 3
    assert not programs_needing_indexing().exists()


def test_admin_import_preview_enqueues_no_indexing(hub, django_capture_on_commit_callbacks):
    import tablib

    from startup_street.programs.resources import ProgramResource

    row = _row(slug="robots", title_en="Robot testbed grant")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ProgramResource().import_data(
            tablib.Dataset(list(row.values()), headers=list(row)), dry_run=True
        )
    assert callbacks == []
    assert not Program.objects.exists()


def test_renamed_organisation_is_searchable_by_its_new_name_at_once(hub):
    with_name = import_rows([_row(slug="robots", title_en="Robot testbed grant")])
    assert with_name.created == 1
    task_index_programs.call()
    program = Program.objects.get()
    hub.name = {"en": "Gangnam Launchpad"}
    hub.save()
    assert ranked_program_ids("launchpad") == [program.pk]
    assert not programs_needing_indexing().exists()


def test_organisation_renamed_by_import_reindexes_its_programs_after_commit(
    hub, tmp_path, django_capture_on_commit_callbacks
):
    from startup_street.core.importing import Rows
    from startup_street.organizations.importers import COLUMNS as ORG_COLUMNS
    from startup_street.organizations.importers import import_organizations

    import_rows([_row(slug="robots", title_en="Robot testbed grant")])
    task_index_programs.call()
    program = Program.objects.get()
    cells = dict.fromkeys(ORG_COLUMNS, "")
    cells.update(
        slug="seoul-hub",
        name_en="Mapo Launchpad",
        kind=hub.kind,
        city=hub.city,
        country=hub.country,
        time_zone=hub.time_zone,
        is_active="1",
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = import_organizations(Rows([cells]))
    assert report.updated == 1, report.errors
    assert list(programs_needing_indexing()) == [program]  # its entry holds the old name
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    assert ranked_program_ids("launchpad") == [program.pk]
    assert not programs_needing_indexing().exists()
