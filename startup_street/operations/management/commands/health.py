import json
import sys
import urllib.error
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from startup_street.operations.health import FAILED, run_checks


class Command(BaseCommand):
    help = (
        "Print the health checks as JSON and exit 1 when one failed: run here, or asked of a "
        "running server with --url (a container's or process manager's probe)."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("--url", help="e.g. http://127.0.0.1:8000/healthz")
        parser.add_argument("--timeout", type=float, default=10)

    def handle(self, *args, url: str | None, timeout: float, **options):
        report = self._fetch(url, timeout) if url else run_checks().as_dict()
        self.stdout.write(json.dumps(report, indent=2))
        if report.get("status") == FAILED:
            sys.exit(1)

    def _fetch(self, url: str, timeout: float) -> dict:
        # The first allowed host, so the probe passes Django's host check wherever it runs.
        host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h != "*"), None)
        if not url.startswith(("http://", "https://")):
            raise CommandError("--url must be an http:// or https:// address")
        headers = {"Host": host} if host else {}
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 - checked above
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            try:
                return json.loads(error.read())
            except ValueError:
                return {"status": FAILED, "detail": f"HTTP {error.code}"}
        except (OSError, ValueError) as error:
            return {"status": FAILED, "detail": str(error)}
