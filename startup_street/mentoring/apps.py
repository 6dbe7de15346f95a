from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "startup_street.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self):
        from startup_street.reviews.conflicts import register_mentored

        from .indexing import connect
        from .selectors import mentored_pairs

        register_mentored(mentored_pairs)  # a mentor never reviews a startup they mentored
        connect()  # the staff search's index follows mentor profiles
