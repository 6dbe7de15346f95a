from startup_street.core.management.base import ImportCommand
from startup_street.organizations.importers import REQUIRED_COLUMNS, import_organizations


class Command(ImportCommand):
    help = (
        "Import organisations from CSV, JSON or XLSX (columns: slug, name_ko, name_zh, name_en, "
        "kind, city, country, time_zone, ...). The whole file is checked first; nothing is "
        "written unless every row is valid (or --partial is given)."
    )
    required_columns = REQUIRED_COLUMNS
    json_key = "organizations"

    def import_table(self, table, *, partial, progress, **options):
        self.check_columns(table)
        return import_organizations(table, partial=partial, progress=progress)
