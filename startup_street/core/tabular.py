"""Reading the tables people bring (CSV in any common encoding, XLSX, JSON) as rows of text.

Whatever is wrong with a file is one ``TableError`` with one translated sentence that names the
problem (and the row, when there is one): an encoding nobody can tell, a corrupt workbook, JSON
that is not a list of rows, a missing column. Rows are read lazily where the format allows (CSV
and XLSX), so a file is never held twice in memory.
"""

import csv
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

FORMATS = (".csv", ".json", ".xlsx")
BOMS = {b"\xef\xbb\xbf": "utf-8-sig", b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16"}


class TableError(ValueError):
    """A file that cannot be read as a table; the message says why, in the reader's language."""


@dataclass(frozen=True)
class Table:
    """A readable table: its column names, its encoding (text files only) and where JSON keeps
    its rows. ``rows()`` reads it (again) from the start."""

    path: Path
    columns: tuple[str, ...]
    encoding: str = ""
    key: str | None = None

    def rows(self) -> Iterator[tuple[int, dict]]:
        """Each non-empty row with its number as a spreadsheet shows it (the header is 1)."""
        return _read(self.path, self.encoding, key=self.key)


def open_table(path: Path, *, required: Iterable[str] = (), key: str | None = None) -> Table:
    """Check that ``path`` can be read as a table with the ``required`` columns, reading no
    more than its first row. ``key``: a JSON object may hold the list of rows under this name."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise TableError(
            _("Unsupported file type “%(suffix)s”: use .csv, .json or .xlsx.") % {"suffix": suffix}
        )
    encoding = detect_encoding(path) if suffix == ".csv" else ""
    first = next(_read(path, encoding, key=key), None)
    if suffix == ".json":
        columns = tuple(first[1]) if first else ()
    else:
        columns = tuple(_header(path, encoding))
    missing = [name for name in required if name not in columns]
    if first is not None and missing:
        raise TableError(_("The file has no “%(column)s” column.") % {"column": missing[0]})
    return Table(path=path, columns=columns, encoding=encoding, key=key)


def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without a byte-order mark), UTF-16 by its mark, or the encoding
    charset-normalizer is sure of (CP949, GBK, Big5, Shift-JIS, ...)."""
    data = path.read_bytes()
    for mark, name in BOMS.items():
        if data.startswith(mark):
            return name
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise TableError(
            _(
                "The file's text encoding could not be told: save it as UTF-8 "
                "(“CSV UTF-8” in a spreadsheet) and import it again."
            )
        )
    return best.encoding


def _header(path: Path, encoding: str) -> list[str]:
    if path.suffix.lower() == ".csv":
        with path.open(encoding=encoding, newline="") as handle:
            return [name.strip() for name in next(csv.reader(handle), [])]
    workbook = _workbook(path)
    try:
        first = next(workbook.active.iter_rows(values_only=True), ())
        return [str(name or "").strip() for name in first]
    finally:
        workbook.close()


def _read(path: Path, encoding: str, *, key: str | None) -> Iterator[tuple[int, dict]]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _csv_rows(path, encoding)
    elif suffix == ".xlsx":
        yield from _xlsx_rows(path)
    else:
        yield from _json_rows(path, key)


def _csv_rows(path: Path, encoding: str) -> Iterator[tuple[int, dict]]:
    try:
        with path.open(encoding=encoding, newline="") as handle:
            reader = csv.reader(handle)
            header = [name.strip() for name in next(reader, [])]
            for line, values in enumerate(reader, start=2):
                if len(values) > len(header):
                    raise TableError(
                        _("Row %(line)s has more cells than the header has columns.")
                        % {"line": line}
                    )
                if any(value.strip() for value in values):
                    yield line, dict(zip(header, values, strict=False))
    except (UnicodeDecodeError, csv.Error) as error:
        raise TableError(
            _("The file could not be read as %(encoding)s text: %(error)s")
            % {"encoding": encoding, "error": error}
        ) from error


def _not_a_workbook() -> TableError:
    return TableError(
        _("The file is not a readable Excel workbook (.xlsx); save it again from the spreadsheet.")
    )


def _workbook(path: Path):
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # a damaged workbook fails in zipfile, XML or openpyxl itself
        raise _not_a_workbook() from error


def _xlsx_rows(path: Path) -> Iterator[tuple[int, dict]]:
    workbook = _workbook(path)
    try:
        rows = workbook.active.iter_rows(values_only=True)
        header = [str(name or "").strip() for name in next(rows, ())]
        for line, values in enumerate(rows, start=2):
            if any(value not in (None, "") for value in values):
                yield line, dict(zip(header, values, strict=False))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise _not_a_workbook() from error
    finally:
        workbook.close()


def _json_rows(path: Path, key: str | None) -> Iterator[tuple[int, dict]]:
    try:
        data = json.loads(path.read_bytes())
    except RecursionError as error:
        raise TableError(_("The JSON file is nested too deeply to be a table of rows.")) from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        where = (
            _(" (line %(line)s, column %(column)s)") % {"line": error.lineno, "column": error.colno}
            if isinstance(error, json.JSONDecodeError)
            else ""
        )
        raise TableError(_("The file is not valid JSON%(where)s.") % {"where": where}) from error
    if isinstance(data, dict) and key and isinstance(data.get(key), list):
        data = data[key]
    if not isinstance(data, list):
        raise TableError(
            _("The JSON file must be a list of rows (objects), one per line of the table.")
        )
    for line, row in enumerate(data, start=2):
        if not isinstance(row, dict):
            raise TableError(
                _("Row %(line)s is not an object of column names and values.") % {"line": line}
            )
        yield line, row


def cell_text(value) -> str:
    """A cell as text: numbers without a trailing .0, lists joined by commas; nested objects
    are refused (``ValueError``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return ",".join(cell_text(item) for item in value)
    if isinstance(value, dict):
        raise ValueError(_("a value, not a nested object, was expected"))
    return str(value).strip()


# Columns that hold one text per language end in these suffixes (``title_ko``, ``name_zh``).
COLUMN_LANGUAGES = {"ko": "ko", "zh": "zh-hans", "en": "en"}
TRUE = {"1", "true", "yes", "y", "on"}


def row_cells(row: dict) -> dict[str, str]:
    """A row's cells as text under trimmed column names (``ValueError`` for a nested object)."""
    return {str(name).strip(): cell_text(value) for name, value in row.items() if name}


def translated_cells(row: dict, prefix: str) -> dict[str, str]:
    """``{language: text}`` from a row's ``<prefix>_ko``, ``_zh`` and ``_en`` cells."""
    texts = {
        code: str(row.get(f"{prefix}_{key}") or "").strip()
        for key, code in COLUMN_LANGUAGES.items()
    }
    return {code: text for code, text in texts.items() if text}


def is_true(value, *, default: bool = True) -> bool:
    text = str(value if value is not None else "").strip().lower()
    return text in TRUE if text else default
