from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from startup_street.core.management.base import ImportCommand
from startup_street.organizations.models import Organization
from startup_street.programs.importers import REQUIRED_COLUMNS, import_kstartup, import_table


class Command(ImportCommand):
    help = (
        "Import programs (and their calls) from CSV, JSON or XLSX in the documented columns, "
        "or K-Startup announcements (JSON). The whole file is checked first; nothing is written "
        "unless every row is valid (or --partial is given). See README, Importing programs."
    )
    required_columns = REQUIRED_COLUMNS
    json_key = "programs"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--organization",
            help="K-Startup only: put every announcement under this organisation's slug.",
        )

    def import_table(self, table, *, partial, progress, organization=None, **options):
        if "pbancSn" in table.columns:
            owner = Organization.objects.filter(slug=organization).first() if organization else None
            if organization and owner is None:
                raise CommandError(_("Unknown organisation “%(slug)s”.") % {"slug": organization})
            return import_kstartup([row for _line, row in table.rows()], owner, partial=partial)
        self.check_columns(table)
        return import_table(table, partial=partial, progress=progress)
