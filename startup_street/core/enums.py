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


class RevenueBand(models.TextChoices):
    """Annual revenue bands, in order: a startup's profile and a call's limit use the same."""

    NONE = "none", _("No revenue yet")
    UNDER_100M = "under_100m_krw", _("Under ₩100 million")
    UNDER_1B = "under_1b_krw", _("₩100 million to ₩1 billion")
    UNDER_10B = "under_10b_krw", _("₩1 billion to ₩10 billion")
    OVER_10B = "over_10b_krw", _("Over ₩10 billion")


# Public mail providers: sharing one of these says nothing about a conflict of interest.
PUBLIC_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "naver.com",
        "daum.net",
        "hanmail.net",
        "kakao.com",
        "qq.com",
        "163.com",
        "126.com",
        "outlook.com",
        "hotmail.com",
        "yahoo.com",
        "icloud.com",
        "example.org",
        "example.com",
    }
)
