from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorSnapshot(models.Model):
    """An indicator's value as computed on one night, so that a trend survives later edits of
    the records it was computed from. ``scope`` is ``city`` or ``org:<id>``."""

    taken_on = models.DateField(_("taken on"), db_index=True)
    code = models.CharField(_("indicator"), max_length=40)
    scope = models.CharField(_("scope"), max_length=40, default="city")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    value = models.FloatField(_("value"), null=True)

    class Meta:
        ordering = ["-taken_on", "code"]
        verbose_name = _("indicator snapshot")
        verbose_name_plural = _("indicator snapshots")
        constraints = [
            models.UniqueConstraint(
                fields=["taken_on", "code", "scope"], name="dashboard_snapshot_once_a_night"
            )
        ]

    def __str__(self) -> str:
        return f"{self.taken_on} {self.code} {self.scope}: {self.value}"


class OutcomeReminder(models.Model):
    """One reminder to a startup's team to report a quarter's outcomes, so none is sent twice."""

    class Round(models.TextChoices):
        OPENING = "opening", _("the reporting window opened")
        CLOSING = "closing", _("a week before the window closes")

    startup = models.ForeignKey(
        "startups.Startup",
        verbose_name=_("startup"),
        on_delete=models.CASCADE,
        related_name="outcome_reminders",
    )
    year = models.PositiveIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    round = models.CharField(_("reminder"), max_length=10, choices=Round.choices)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("outcome report reminder")
        verbose_name_plural = _("outcome report reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["startup", "year", "quarter", "round"], name="dashboard_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.startup} {self.year}-Q{self.quarter} {self.round}"
