from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    PRE_SEED = "pre_seed", _("Pre-seed")
    SEED = "seed", _("Seed")
    SERIES_A = "series_a", _("Series A")
    SERIES_B_PLUS = "series_b_plus", _("Series B or later")
    GROWTH = "growth", _("Growth")


class Country(models.TextChoices):
    KR = "KR", _("South Korea")
    CN = "CN", _("China")
    JP = "JP", _("Japan")
    US = "US", _("United States")
    SG = "SG", _("Singapore")
    DE = "DE", _("Germany")
    GB = "GB", _("United Kingdom")
    OTHER = "ZZ", _("Other")
