from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "startup_street.reviews"
    label = "reviews"
    verbose_name = _("Reviews")

    def ready(self):
        from . import rules  # noqa: F401  (registers the app's named permissions)
