from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running it for real: the production server, the worker and its schedule, dead letters,
    health, backups and logs. At the top of the stack: it imports the apps, none imports it."""

    name = "startup_street.operations"
    label = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from django.core.signals import request_finished

        from . import checks  # noqa: F401 - registers the deployment checks
        from .logs import forget_request_id

        # Infrastructure, not business logic: the log context ends with the response.
        request_finished.connect(forget_request_id, dispatch_uid="operations.forget_request_id")
