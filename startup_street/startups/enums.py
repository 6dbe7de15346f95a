from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    MEMBER = "member", _("Team member")


class RevenueBand(models.TextChoices):
    NONE = "none", _("No revenue yet")
    UNDER_100M = "under_100m_krw", _("Under ₩100 million")
    UNDER_1B = "under_1b_krw", _("₩100 million to ₩1 billion")
    UNDER_10B = "under_10b_krw", _("₩1 billion to ₩10 billion")
    OVER_10B = "over_10b_krw", _("Over ₩10 billion")
