from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from startup_street.operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite online backup, or pg_dump), the private attachments and "
        "media, and a manifest of row counts and checksums, into one .tar.gz while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=settings.BACKUP_DIR or str(Path(settings.DATA_DIR) / "backups"),
            help="folder for the archive (default: BACKUP_DIR, else var/backups)",
        )

    def handle(self, *args, output: str, **options):
        try:
            archive = create_backup(destination=Path(output))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
