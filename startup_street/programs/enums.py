from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SupportKind(models.TextChoices):
    """Kinds of support, aligned with K-Startup's support fields plus testbeds and soft landing."""

    COMMERCIALISATION = "commercialisation", _("Commercialisation")
    SPACE = "space", _("Space and incubation")
    MENTORING = "mentoring", _("Mentoring, consulting and education")
    EVENTS = "events", _("Events and networking")
    SALES_OVERSEAS = "sales_overseas", _("Sales channels and overseas expansion")
    RND = "rnd", _("Research and development")
    FUNDING = "funding", _("Funding and investment")
    TALENT = "talent", _("Talent")
    TESTBED = "testbed", _("Testbed and demonstration")
    SOFT_LANDING = "soft_landing", _("Soft landing")


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", pgettext_lazy("call status", "Upcoming")
    OPEN = "open", pgettext_lazy("call status", "Open")
    CLOSED = "closed", pgettext_lazy("call status", "Closed")
