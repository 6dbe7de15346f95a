from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ConflictReason(models.TextChoices):
    DECLARED = "declared", _("Declared by the reviewer")
    SAME_STARTUP = "same_startup", _("Member of the startup")
    SAME_ORGANIZATION = "same_organization", _("Same organisation as the startup's team")
    INVESTOR = "investor", _("Investor or shareholder")
    MENTORING = "mentoring", _("Mentored the startup")
    EMAIL_DOMAIN = "email_domain", _("Same e-mail domain as the startup's team")


class StakeKind(models.TextChoices):
    INVESTOR = "investor", pgettext_lazy("stake holder", "Investor")  # a role, not a kind of firm
    SHAREHOLDER = "shareholder", _("Shareholder")


class Phase(models.TextChoices):
    """Who sees what while a call is reviewed."""

    SCORING = "scoring", pgettext_lazy("review phase", "Scoring")
    DISCUSSION = "discussion", pgettext_lazy("review phase", "Discussion")
    CLOSED = "closed", pgettext_lazy("review phase", "Closed")


class AssignmentSource(models.TextChoices):
    AUTOMATIC = "automatic", _("Automatic")
    MANUAL = "manual", _("Manual")
