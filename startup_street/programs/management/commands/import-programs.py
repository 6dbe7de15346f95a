from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from startup_street.organizations.models import Organization
from startup_street.programs.importers import (
    import_kstartup,
    import_rows,
    is_kstartup,
    read_rows,
)


class Command(BaseCommand):
    help = (
        "Import programs (and their calls) from CSV, JSON or XLSX in the documented columns, "
        "or K-Startup announcements (JSON). See startup_street/programs/importers.py."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--organization",
            help="K-Startup only: put every announcement under this organisation's slug.",
        )

    def handle(self, *args, file: Path, organization: str | None, **options):
        if not file.exists():
            raise CommandError(f"{file} does not exist")
        try:
            rows = read_rows(file)
        except (ValueError, KeyError) as error:
            raise CommandError(str(error)) from error
        if is_kstartup(rows):
            owner = Organization.objects.filter(slug=organization).first() if organization else None
            if organization and owner is None:
                raise CommandError(f"unknown organisation {organization!r}")
            report = import_kstartup(rows, owner)
        else:
            report = import_rows(rows)
        for error in report.errors:
            self.stderr.write(error)
        self.stdout.write(self.style.SUCCESS(f"Imported: {report}"))
        if report.errors and not (report.created or report.updated):
            raise CommandError("nothing was imported")
