from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "startup_street.decisions"
    label = "decisions"
    verbose_name = _("Decisions")

    def ready(self):
        from . import rules  # noqa: F401  (registers the app's named permissions)
