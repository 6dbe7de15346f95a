from django.db import models
from django.utils.translation import gettext_lazy as _


class DeadLetter(models.Model):
    """A background job that failed for good: a permanent error, or a transient one that outlived
    its retries. Staff read why in the admin and re-run it once the cause is fixed."""

    task_result_id = models.UUIDField(_("task result"), unique=True)
    task_path = models.TextField(_("task"))
    queue_name = models.CharField(_("queue"), max_length=32)
    args_kwargs = models.JSONField(_("arguments"))
    attempts = models.PositiveIntegerField(_("attempts"))
    exception_class_path = models.TextField(_("error"))
    traceback = models.TextField(_("traceback"))
    failed_at = models.DateTimeField(_("failed at"))
    rerun_at = models.DateTimeField(_("re-run at"), null=True, blank=True)
    rerun_task_result_id = models.UUIDField(_("re-run as"), null=True, blank=True)

    class Meta:
        ordering = ["-failed_at"]
        permissions = [("rerun_deadletter", _("Can re-run a dead letter"))]
        verbose_name = _("dead letter")
        verbose_name_plural = _("dead letters")

    def __str__(self) -> str:
        return f"{self.task_path} ({self.exception_class_path})"


class ScheduledRun(models.Model):
    """One periodic job's slot, claimed by the first worker to reach it, so a schedule kept by
    many workers on many machines enqueues each job once."""

    job = models.CharField(_("job"), max_length=100)
    slot = models.DateTimeField(_("slot"))
    enqueued_at = models.DateTimeField(_("enqueued at"), auto_now_add=True)
    task_result_id = models.UUIDField(_("task result"), null=True, blank=True)

    class Meta:
        ordering = ["-slot"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="one_run_per_slot")]
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")

    def __str__(self) -> str:
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M %Z}"
