from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "startup_street.programs"
    label = "programs"
    verbose_name = _("Programs")

    def ready(self):
        from .indexing import connect

        connect()  # the search index follows programs and their calls
