"""What every ``import-*`` command shares: the file checked, validated, written, reported."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from startup_street.core.importing import ImportReport
from startup_street.core.progress import progress_bar
from startup_street.core.tabular import Table, TableError, open_table


class ImportCommand(BaseCommand):
    """Reads FILE (CSV in any common encoding, JSON or XLSX), validates every row, then writes
    them all in one transaction — or, with ``--partial``, the valid ones. Exits non-zero when
    nothing was written."""

    required_columns: tuple[str, ...] = ()
    json_key: str | None = None

    def import_table(self, table: Table, *, partial: bool, progress, **options) -> ImportReport:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--partial",
            action="store_true",
            help="Write the valid rows even when some rows are invalid (each one is reported).",
        )

    def handle(self, *args, file: Path, partial: bool, **options):
        if not file.is_file():
            raise CommandError(_("%(file)s does not exist.") % {"file": file})
        try:
            table = open_table(file, key=self.json_key)
            report = self.import_table(
                table, partial=partial, progress=progress_bar(sys.stderr), **options
            )
        except TableError as error:
            raise CommandError(str(error)) from error
        for error in report.errors:
            self.stderr.write(error)
        if not report.rows:
            raise CommandError(_("The file holds no rows."))
        if not report.written:
            raise CommandError(
                _("Nothing was written: %(n)s of %(rows)s rows are invalid (see above).")
                % {"n": report.rejected, "rows": report.rows}
            )
        self.stdout.write(self.style.SUCCESS(_("Imported: %(report)s") % {"report": report}))
        if report.encoding:
            self.stdout.write(_("Read as %(encoding)s.") % {"encoding": report.encoding})

    def check_columns(self, table: Table) -> None:
        missing = [name for name in self.required_columns if name not in table.columns]
        if table.columns and missing:
            raise TableError(_("The file has no “%(column)s” column.") % {"column": missing[0]})
