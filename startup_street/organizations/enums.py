from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganizationKind(models.TextChoices):
    INCUBATOR = "incubator", _("Incubator")
    ACCELERATOR = "accelerator", _("Accelerator")
    UNIVERSITY = "university", _("University")
    GOVERNMENT = "government", _("Government agency")
    CORPORATE = "corporate", _("Corporate")
    INVESTOR = "investor", _("Investor")
    INNOVATION_CENTER = "innovation_center", _("Innovation center")


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    PROGRAM_MANAGER = "program_manager", _("Program manager")
    REVIEWER = "reviewer", _("Reviewer")
    MENTOR = "mentor", _("Mentor")


STAFF_ROLES = (Role.ADMIN, Role.PROGRAM_MANAGER)
