from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from startup_street.operations.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `startup-street backup`: replaces the database and the "
        "uploaded files, then checks every table's row count and every file against the "
        "manifest. Stop the web servers and workers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="a startup-street-*.tar.gz file")
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args, archive: str, interactive: bool, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"{path} does not exist")
        try:
            manifest = read_manifest(path)
            if interactive:
                answer = input(
                    f"Replace this site's database and files with the backup of "
                    f"{manifest['created_at']}? Type 'yes' to continue: "
                )
                if answer.strip().lower() != "yes":
                    raise CommandError("restore cancelled")
            manifest = restore_backup(archive=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"restored {manifest['created_at']}: {len(manifest['tables'])} tables, {rows} rows, "
            f"{len(manifest['files'])} files, all checked"
        )
