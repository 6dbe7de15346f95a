"""Everything from "ranked" to "told": decisions (pending until released), the hold setting,
quotas, the cohort and notices to applicants.

An application's ``status`` is always what its team may see. A decision made while its call holds
decisions is a pending :class:`Decision`; releasing it applies it to the application (one step of
the application's state machine, e-mailed to the team). A decision not held is released at once.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from startup_street.applications.enums import Status
from startup_street.applications.models import Application
from startup_street.core.fields import TranslatedTextField, shown
from startup_street.core.i18n import CONTENT_LANGUAGE_CHOICES
from startup_street.core.models import Sector, TimeStampedModel
from startup_street.programs.models import Call


class Decision(models.Model):
    """One decision on an application: who made it and when, and when its team was told.

    ``released_at`` empty: pending (held, not told). At most one decision per application is
    pending; a new one while held replaces its value."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    value = models.CharField(_("decision"), max_length=16, choices=Status.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"))
    released_at = models.DateTimeField(_("told to the team"), null=True, blank=True)

    class Meta:
        ordering = ["decided_at", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(released_at__isnull=True),
                name="decisions_one_pending_per_application",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} · {self.get_value_display()}"

    @property
    def pending(self) -> bool:
        return self.released_at is None


class DecisionSettings(models.Model):
    """How a call's decisions are told: at once, or held until staff release them together."""

    call = models.OneToOneField(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="decision_settings"
    )
    hold = models.BooleanField(
        _("hold decision notices until released"),
        default=False,
        help_text=_(
            "Decisions are recorded but founders are told nothing until staff release them "
            "together."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decision settings")
        verbose_name_plural = _("decision settings")

    def __str__(self) -> str:
        return str(self.call)


class Quota(models.Model):
    """At least ``min_percent`` of the startups a call accepts come from ``sector``."""

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="quotas"
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="+"
    )
    min_percent = models.PositiveSmallIntegerField(
        _("at least (%)"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    history = HistoricalRecords(table_name="applications_historicalquota")

    class Meta:
        db_table = "applications_quota"
        ordering = ["call", "sector"]
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")
        constraints = [
            models.UniqueConstraint(fields=["call", "sector"], name="applications_quota_unique"),
            models.CheckConstraint(
                condition=models.Q(min_percent__gte=1, min_percent__lte=100),
                name="applications_quota_percent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sector} ≥ {self.min_percent}%"


class Cohort(TimeStampedModel):
    """The startups a call accepted, formed into one group once the decisions are made."""

    call = models.OneToOneField(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="cohort"
    )
    name = models.CharField(_("name"), max_length=200)
    applications = models.ManyToManyField(
        Application, verbose_name=_("applications"), related_name="cohorts"
    )
    formed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("formed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        db_table = "applications_cohort"
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")

    def __str__(self) -> str:
        return self.name


class Notice(TimeStampedModel):
    """A message staff send to every applicant of a call in some statuses, in several languages.

    Each recipient reads it in their own language, else in the original one.
    """

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="notices"
    )
    statuses = models.JSONField(_("to applications that are"), default=list)
    subject = TranslatedTextField(_("subject"), max_length=200)
    body = TranslatedTextField(_("message"), max_length=5000, long=True)
    original_language = models.CharField(
        _("original language"), max_length=8, choices=CONTENT_LANGUAGE_CHOICES, default="ko"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        db_table = "applications_notice"
        ordering = ["-created_at"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self) -> str:
        return shown(self, "subject").text
