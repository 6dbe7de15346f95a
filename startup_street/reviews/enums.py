from django.db import models
from django.utils.translation import gettext_lazy as _


class ConflictReason(models.TextChoices):
    DECLARED = "declared", _("Declared by the reviewer")
    SAME_STARTUP = "same_startup", _("Member of the startup")
    SAME_ORGANIZATION = "same_organization", _("Same organisation as the startup's team")
    INVESTOR = "investor", _("Investor or shareholder")
    MENTORING = "mentoring", _("Mentored the startup")
    EMAIL_DOMAIN = "email_domain", _("Same e-mail domain as the startup's team")


class AssignmentSource(models.TextChoices):
    AUTOMATIC = "automatic", _("Automatic")
    MANUAL = "manual", _("Manual")


# Public mail providers: sharing one of these says nothing about a conflict of interest.
PUBLIC_MAIL_DOMAINS = {
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
