"""Bulk import that loses nothing: validate the whole table, then write it in batches.

A model's importer says how to turn one row into an unsaved, validated object (``prepare``) and
how to write a batch of them (``write``); ``run_import`` does the rest, the same for every model:

1. Read every row once and prepare it, without writing. Each problem becomes one line naming
   the row; two rows that stand for the same object (the same key) are an error, never a
   silent overwrite.
2. Unless ``partial``, a table with any invalid row writes nothing. Otherwise the valid rows
   are read again and written in batches, all in one transaction, and the report counts only
   what was written.

Memory stays flat: only each row's key and line are kept between the two passes.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .tabular import TableError
from .text import join_words, labelled

BATCH_SIZE = 500


class Source(Protocol):
    """A table of rows (``tabular.Table``, or rows made from another format)."""

    encoding: str

    def rows(self) -> Iterator[tuple[int, dict]]: ...


@dataclass(frozen=True)
class Rows:
    """Rows already in memory (made from another format), numbered from 2 like a table's."""

    items: list[dict]
    encoding: str = ""

    def rows(self) -> Iterator[tuple[int, dict]]:
        return enumerate(self.items, start=2)


class RowImporter(Protocol):
    """What ``run_import`` needs of a model's importer."""

    def prepare(self, rows: list[tuple[int, dict]], *, check: bool = True) -> list[tuple[int, Any]]:
        """Each row as ``(line, prepared)`` or ``(line, ValidationError)``; no writes.
        ``check=False``: the rows were validated already, only build the objects."""

    def key(self, prepared: Any) -> str:
        """What makes two rows the same object (a slug)."""

    def write(self, batch: list[Any], report: "ImportReport") -> None:
        """Write prepared rows (in the caller's transaction) and count them in ``report``."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    calls: int = 0
    rows: int = 0
    rejected: int = 0
    errors: list[str] = field(default_factory=list)
    written: bool = False
    encoding: str = ""

    def __str__(self) -> str:
        parts = [
            ngettext("%(n)s created", "%(n)s created", self.created) % {"n": self.created},
            ngettext("%(n)s updated", "%(n)s updated", self.updated) % {"n": self.updated},
        ]
        if self.calls:
            parts.append(ngettext("%(n)s call", "%(n)s calls", self.calls) % {"n": self.calls})
        if self.errors:
            parts.append(
                ngettext("%(n)s row rejected", "%(n)s rows rejected", self.rejected)
                % {"n": self.rejected}
            )
        if not self.written and self.errors:
            parts.append(_("nothing was written"))
        return join_words(parts)


def describe(error: ValidationError) -> str:
    """A validation error as one line: ``field: message; field: message``."""
    if hasattr(error, "error_dict"):
        return "; ".join(
            labelled(name, " ".join(messages)) if name != "__all__" else " ".join(messages)
            for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def row_error(line: int, message: str) -> str:
    return _("row %(line)s: %(message)s") % {"line": line, "message": message}


def run_import(
    table: Source,
    importer: RowImporter,
    *,
    partial: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Validate every row of ``table``, then (when all are valid, or with ``partial``) write
    the valid ones in one transaction. ``progress(done, total)`` is told as rows are written."""
    report = ImportReport(encoding=table.encoding)
    stamp = _stamp(table)
    bad_lines = _validate(table, importer, report)
    report.rejected = len(bad_lines)
    if report.errors and not partial:
        return report
    total = report.rows - len(bad_lines)
    if _stamp(table) != stamp:
        raise _changed()
    with transaction.atomic():
        done = 0
        for batch in _batches(table, importer, skip=bad_lines):
            importer.write(batch, report)
            done += len(batch)
            if progress:
                progress(done, total)
    report.written = True
    return report


def _validate(table: Source, importer: RowImporter, report: ImportReport) -> set[int]:
    seen: dict[str, int] = {}
    bad: set[int] = set()
    for rows in _chunks(table.rows()):
        report.rows += len(rows)
        for line, prepared in importer.prepare(rows):
            if isinstance(prepared, ValidationError):
                report.errors.append(row_error(line, describe(prepared)))
                bad.add(line)
                continue
            key = importer.key(prepared)
            if key in seen:
                report.errors.append(
                    row_error(
                        line,
                        _("“%(key)s” is also on row %(first)s; each row must stand for its own.")
                        % {"key": key, "first": seen[key]},
                    )
                )
                bad.add(line)
            else:
                seen[key] = line
    return bad


def _batches(table: Source, importer: RowImporter, *, skip: set[int]) -> Iterator[list[Any]]:
    for rows in _chunks(table.rows()):
        rows = [(line, row) for line, row in rows if line not in skip]
        prepared = importer.prepare(rows, check=False)
        batch = [item for _line, item in prepared if not isinstance(item, ValidationError)]
        if len(batch) != len(prepared):  # e.g. an organisation deleted meanwhile
            raise _changed()
        yield batch


def _stamp(table: Source) -> tuple | None:
    """When and how big the file was: checked again before writing what was validated."""
    path = getattr(table, "path", None)
    if path is None:
        return None
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def _changed() -> TableError:
    return TableError(_("The file changed while it was being imported; import it again."))


def _chunks(rows: Iterator[tuple[int, dict]]) -> Iterator[list[tuple[int, dict]]]:
    chunk: list[tuple[int, dict]] = []
    for item in rows:
        chunk.append(item)
        if len(chunk) == BATCH_SIZE:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
