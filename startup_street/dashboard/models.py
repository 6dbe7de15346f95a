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


# --- rollups: what the figures read instead of every record, kept by the records' writes ------
# Each row is recounted from its records whenever one of them is saved or deleted, in the same
# transaction (``dashboard/rollups.py``); ``startup-street rebuild_indicator_rollups`` recounts
# them all. Only the records' own fields are kept here: which organisation, kind of program or
# quarter a call belongs to, and a startup's sector and district, are joined when read, so an
# edit of a call, a program or a startup needs no recount.


class CallTally(models.Model):
    """A call's applications (not drafts) and accepted places."""

    call = models.OneToOneField(
        "programs.Call",
        verbose_name=_("call"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    submitted = models.PositiveIntegerField(_("applications"), default=0)
    accepted = models.PositiveIntegerField(_("accepted"), default=0)

    class Meta:
        verbose_name = _("call tally (rollup)")
        verbose_name_plural = _("call tallies (rollup)")

    def __str__(self) -> str:
        return f"call {self.call_id}: {self.accepted}/{self.submitted}"


class AcceptedPlace(models.Model):
    """One accepted application: the distinct startups supported are counted from these rows."""

    application = models.OneToOneField(
        "applications.Application",
        verbose_name=_("application"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    call = models.ForeignKey(
        "programs.Call",
        verbose_name=_("call"),
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    startup = models.ForeignKey(
        "startups.Startup", verbose_name=_("startup"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("accepted place (rollup)")
        verbose_name_plural = _("accepted places (rollup)")
        indexes = [models.Index(fields=["call", "startup"], name="dashboard_place_call")]

    def __str__(self) -> str:
        return f"application {self.application_id}"


class LatestReport(models.Model):
    """A startup's latest verified outcome report (none: no row)."""

    startup = models.OneToOneField(
        "startups.Startup",
        verbose_name=_("startup"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    year = models.PositiveIntegerField(_("year"), default=0)
    quarter = models.PositiveSmallIntegerField(_("quarter"), default=0)
    employees = models.PositiveIntegerField(_("employees"), default=0)

    class Meta:
        verbose_name = _("latest verified report (rollup)")
        verbose_name_plural = _("latest verified reports (rollup)")
        indexes = [
            models.Index(fields=["year", "quarter", "employees"], name="dashboard_latest_quarter")
        ]

    def __str__(self) -> str:
        return f"startup {self.startup_id}: {self.year}-Q{self.quarter}"


class QuarterOutcome(models.Model):
    """Investment raised in a quarter, from every verified outcome report of that quarter."""

    year = models.PositiveIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    investment_raised_krw = models.PositiveBigIntegerField(_("investment raised (KRW)"), default=0)

    class Meta:
        verbose_name = _("quarter's investment (rollup)")
        verbose_name_plural = _("quarters' investment (rollup)")
        constraints = [
            models.UniqueConstraint(fields=["year", "quarter"], name="dashboard_quarter_once")
        ]

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter}: {self.investment_raised_krw}"
