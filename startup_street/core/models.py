from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .fields import TranslatedTextField, shown
from .i18n import CONTENT_LANGUAGE_CHOICES


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Sector(models.Model):
    """Industry sector shared by startups, programs and mentors (robotics, AI, bio...)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = TranslatedTextField(_("name"), max_length=80)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self) -> str:
        return shown(self, "name").text or self.code


class ActivityLog(models.Model):
    """Who did what to which object, and when: an append-only audit trail."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verb = models.CharField(_("action"), max_length=60)
    target_type = models.CharField(_("object type"), max_length=60)
    target_id = models.CharField(_("object id"), max_length=40)
    data = models.JSONField(_("details"), default=dict, blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["target_type", "target_id"])]
        verbose_name = _("activity")
        verbose_name_plural = _("activity log")

    def __str__(self) -> str:
        return f"{self.verb} {self.target_type}#{self.target_id}"


class OriginalLanguageMixin(models.Model):
    original_language = models.CharField(
        _("original language"), max_length=8, choices=CONTENT_LANGUAGE_CHOICES, default="ko"
    )

    class Meta:
        abstract = True
