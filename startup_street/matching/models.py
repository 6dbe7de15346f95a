from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from startup_street.organizations.models import Organization


def stale_after() -> timedelta:
    """How long a running run may go without a heartbeat from its worker before it is stalled."""
    return timedelta(seconds=settings.MATCH_RUN_STALE_AFTER)


class MatchRun(models.Model):
    """One solve: who ran it, its inputs and parameters, the proposal and its objective.

    A run is a proposal until staff confirm it; confirming turns its pairs into real records
    (mentorships, review assignments) through the owning app's service.
    """

    class Kind(models.TextChoices):
        MENTORS = "mentors", _("Mentors to startups")
        REVIEWERS = "reviewers", _("Reviewers to applications")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to run")
        RUNNING = "running", _("Running")
        PROPOSED = "proposed", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed")
        DISCARDED = "discarded", _("Discarded")
        FAILED = "failed", _("Could not be solved")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="match_runs",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("run by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("run at"), auto_now_add=True)
    parameters = models.JSONField(_("parameters"), default=dict)
    inputs = models.JSONField(_("inputs"), default=dict, help_text=_("Items, agents, candidates."))
    pairs = models.JSONField(_("proposed pairs"), default=list)
    objective = models.FloatField(_("objective"), null=True)
    optimal = models.BooleanField(_("proven optimal"), default=False)
    diagnosis = models.JSONField(_("diagnosis"), default=list, blank=True)
    seconds = models.FloatField(_("solve time (s)"), null=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # The worker's heartbeat: set when it claims the run and at each stage. A run still
    # "running" long after it (a crashed worker) is stalled (``is_stalled``) and is given up as
    # failed by the worker's periodic schedule, see ``mentoring.services.fail_stale_runs``.
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    certificate = models.JSONField(
        _("optimality certificate check"),
        null=True,
        blank=True,
        help_text=_("Outcome of the solver's independent check: valid, dual bound, gap, time."),
    )

    class Stage(models.TextChoices):
        WAITING = "waiting", _("Waiting for a worker")
        GATHERING = "gathering", _("Reading mentors and startups")
        EMBEDDING = "embedding", _("Comparing descriptions")
        SOLVING = "solving", _("Solving")
        DONE = "done", _("Done")

    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    stage = models.CharField(
        _("stage"), max_length=10, choices=Stage.choices, default=Stage.WAITING
    )
    rerun_of = models.ForeignKey(
        "self",
        verbose_name=_("re-run of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reruns",
    )
    edits = models.JSONField(
        _("manual edits"), default=list, blank=True, help_text=_("Pairs added or removed by hand.")
    )

    PENDING = (Status.QUEUED, Status.RUNNING)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("match run")
        verbose_name_plural = _("match runs")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.created_at:%Y-%m-%d %H:%M} · {self.status}"

    @property
    def is_pending(self) -> bool:
        """Still waiting for, or inside, the background solve (a stalled run is not)."""
        return self.status in self.PENDING and not self.is_stalled

    @property
    def is_stalled(self) -> bool:
        """Still "running", but its worker has been silent for ``MATCH_RUN_STALE_AFTER``
        seconds (it crashed): read as given up, without writing; the periodic
        ``fail_stale_runs`` records it as failed, and a re-run may start at once."""
        if self.status != self.Status.RUNNING or self.updated_at is None:
            return False
        return self.updated_at < timezone.now() - stale_after()

    @property
    def status_label(self) -> str:
        """The status as shown: "Stalled" for a run whose worker stopped, else the status."""
        if self.is_stalled:
            return gettext("Stalled")
        return self.get_status_display()

    @property
    def stalled_reason(self) -> str:
        """Why a stalled run is given up, in the active language (also what is recorded)."""
        minutes = max(1, round(stale_after().total_seconds() / 60))
        return ngettext(
            "The worker solving this run stopped for more than %(minutes)d minute, so the "
            "run was given up: re-run it.",
            "The worker solving this run stopped for more than %(minutes)d minutes, so the "
            "run was given up: re-run it.",
            minutes,
        ) % {"minutes": minutes}

    @property
    def shown_diagnosis(self) -> list[str]:
        """The recorded diagnosis, and why the run is given up when it is stalled."""
        return [*self.diagnosis, self.stalled_reason] if self.is_stalled else list(self.diagnosis)
