from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from startup_street.applications.models import Application
from startup_street.core.fields import TranslatedTextField, shown
from startup_street.core.models import TimeStampedModel
from startup_street.organizations.models import Organization
from startup_street.programs.models import Call
from startup_street.startups.models import Startup

from .enums import AssignmentSource, ConflictReason, Phase, StakeKind

# Every score, assignment, conflict and stake keeps its history (who, when, what it was before):
# django-simple-history writes a row per change, admin edits included. Services set
# ``_history_user`` so that API and command changes are attributed too.


class Rubric(TimeStampedModel):
    call = models.OneToOneField(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="rubric"
    )
    blind = models.BooleanField(
        _("blind review"), default=False, help_text=_("Reviewers do not see who applied.")
    )
    phase = models.CharField(
        _("review phase"),
        max_length=12,
        choices=Phase.choices,
        default=Phase.SCORING,
        help_text=_(
            "Scoring: each reviewer scores alone. Discussion: reviewers who have submitted see "
            "the others' scores. Closed: scores are final."
        ),
    )
    reviewers_per_application = models.PositiveSmallIntegerField(
        _("reviewers per application"), default=3, validators=[MinValueValidator(1)]
    )
    max_per_reviewer = models.PositiveSmallIntegerField(
        _("maximum applications per reviewer"), default=12, validators=[MinValueValidator(1)]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")

    def __str__(self) -> str:
        return str(self.call)


class Criterion(models.Model):
    rubric = models.ForeignKey(
        Rubric, verbose_name=_("rubric"), on_delete=models.CASCADE, related_name="criteria"
    )
    label = TranslatedTextField(_("criterion"), max_length=300)
    weight = models.DecimalField(
        _("weight"), max_digits=5, decimal_places=2, default=1, validators=[MinValueValidator(0)]
    )
    scale_min = models.SmallIntegerField(_("lowest score"), default=1)
    scale_max = models.SmallIntegerField(_("highest score"), default=5)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    original_language = models.CharField(_("original language"), max_length=8, default="ko")

    class Meta:
        ordering = ["rubric", "position", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_max__gt=F("scale_min")), name="reviews_criterion_scale_order"
            )
        ]

    def __str__(self) -> str:
        return shown(self, "label").text


class Conflict(TimeStampedModel):
    """A reviewer who must never review a startup's applications."""

    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="review_conflicts",
    )
    startup = models.ForeignKey(
        Startup, verbose_name=_("startup"), on_delete=models.CASCADE, related_name="conflicts"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ConflictReason.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["reviewer", "startup", "reason"], name="reviews_conflict_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} × {self.startup} ({self.get_reason_display()})"


class ReviewAssignment(TimeStampedModel):
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="review_assignments",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="review_assignments",
    )
    source = models.CharField(_("source"), max_length=10, choices=AssignmentSource.choices)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "reviewer"]
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="reviews_assignment_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.application}"


class Review(TimeStampedModel):
    assignment = models.OneToOneField(
        ReviewAssignment,
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="review",
    )
    comment_to_staff = models.TextField(_("comment to staff"), max_length=5000, blank=True)
    comment_to_applicant = models.TextField(
        _("comment to the applicant"), max_length=5000, blank=True
    )
    total = models.FloatField(_("weighted score"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.assignment}: {self.total}"


class Score(models.Model):
    review = models.ForeignKey(
        Review, verbose_name=_("review"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.CASCADE, related_name="scores"
    )
    value = models.SmallIntegerField(_("score"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="reviews_score_unique")
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class Stake(TimeStampedModel):
    """An investor's or shareholder's interest in a startup: whoever holds it never reviews it.

    The holder is a person (an angel, a shareholder) or an organisation (a fund: every member of
    it is conflicted). Recorded by the startup's team or by the staff of a call it applied to.
    """

    startup = models.ForeignKey(
        Startup, verbose_name=_("startup"), on_delete=models.CASCADE, related_name="stakes"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=StakeKind.choices)
    holder_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="stakes",
    )
    holder_organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="stakes",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("investor or shareholder")
        verbose_name_plural = _("investors and shareholders")
        constraints = [
            models.CheckConstraint(
                condition=Q(holder_user__isnull=False, holder_organization__isnull=True)
                | Q(holder_user__isnull=True, holder_organization__isnull=False),
                name="reviews_stake_one_holder",
            ),
            models.UniqueConstraint(
                fields=["startup", "holder_user", "kind"], name="reviews_stake_unique_person"
            ),
            models.UniqueConstraint(
                fields=["startup", "holder_organization", "kind"],
                name="reviews_stake_unique_organization",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder_user or self.holder_organization} · {self.startup}"
