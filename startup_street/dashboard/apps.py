from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "startup_street.dashboard"
    verbose_name = _("City dashboard")

    def ready(self):
        from . import rollups

        rollups.connect()  # the figures' rollups follow every write of their records
