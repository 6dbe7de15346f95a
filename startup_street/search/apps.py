from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "startup_street.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        # Keeping the index in step with programs is infrastructure, not business logic: the
        # handlers run inside the saving transaction, so the index commits with the data.
        from . import hooks  # noqa: F401
