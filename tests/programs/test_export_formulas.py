"""Every program export quotes text a spreadsheet would run as a formula."""

import io

import pytest
from import_export.formats.base_formats import CSV, XLSX
from openpyxl import load_workbook

from startup_street.programs.models import Program
from startup_street.programs.resources import ProgramResource
from tests.factories import make_organization, make_program

pytestmark = pytest.mark.django_db
EVIL = '=HYPERLINK("http://evil.example","x")'


@pytest.fixture
def program():
    org = make_organization(slug="kic")
    return make_program(org, slug="evil", title={"en": EVIL}, city="@SUM(A1)")


def test_csv_export_quotes_formulas(program):
    text = CSV().export_data(ProgramResource().export())
    assert EVIL.replace('"', '""') not in text.split("'")[0]
    assert "'=HYPERLINK" in text and "'@SUM(A1)" in text


def test_xlsx_export_holds_no_live_formula(program):
    data = XLSX().export_data(ProgramResource().export())
    sheet = load_workbook(io.BytesIO(data)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    assert any(cell.value == "'" + EVIL for cell in cells)


def test_quoted_export_imports_back_unchanged(program):
    exported = ProgramResource().export()
    result = ProgramResource().import_data(exported, dry_run=False)
    assert not result.has_validation_errors()
    program = Program.objects.get(slug="evil")
    assert program.title["en"] == EVIL and program.city == "@SUM(A1)"
