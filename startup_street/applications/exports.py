"""Spreadsheets for staff: the same rows as CSV (UTF-8 with a BOM) or XLSX."""

import csv

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {"csv", "xlsx"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(cell):
    """Founder-written text never runs as a spreadsheet formula (``=HYPERLINK(...)``)."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def spreadsheet_response(*, name: str, kind: str, header: list[str], rows) -> HttpResponse:
    rows = ([_safe(cell) for cell in row] for row in rows)
    if kind == "xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        response = HttpResponse(content_type=XLSX)
        book.save(response)
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # lets spreadsheet programs read Korean and Chinese correctly
        writer = csv.writer(response)
        writer.writerow(header)
        writer.writerows(rows)
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response
