from django.core.management.base import BaseCommand

from startup_street.programs.alerts import send_deadline_reminders


class Command(BaseCommand):
    help = "E-mail followers 7 days and 1 day before each call closes (safe to run every hour)."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_deadline_reminders()} reminders sent")
