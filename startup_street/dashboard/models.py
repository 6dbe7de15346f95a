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
