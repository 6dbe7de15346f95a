from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "startup_street.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self):
        from .indexing import connect

        connect()  # the staff search's index follows mentor profiles
