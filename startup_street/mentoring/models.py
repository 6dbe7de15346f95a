from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from startup_street.core.enums import Stage
from startup_street.core.fields import TranslatedTextField
from startup_street.core.models import OriginalLanguageMixin, Sector, TimeStampedModel
from startup_street.matching.models import MatchRun
from startup_street.organizations.models import Organization
from startup_street.programs.models import Program
from startup_street.startups.models import Startup

# What a mentor edits on their profile, in the order the form shows it: the profile form (which
# ``save_mentor_profile`` saves) reads this one list, as will any API door for profiles.
MENTOR_PROFILE_FIELDS = (
    "headline",
    "bio",
    "original_language",
    "expertise",
    "languages",
    "stages",
    "hours_per_month",
    "max_startups",
    "is_active",
)


class MentorProfile(OriginalLanguageMixin, TimeStampedModel):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="mentor_profile",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="mentors",
    )
    headline = TranslatedTextField(_("headline"), max_length=200)
    bio = TranslatedTextField(_("biography"), max_length=5000, blank=True, long=True)
    expertise = models.ManyToManyField(Sector, verbose_name=_("expertise"), blank=True)
    languages = models.JSONField(_("working languages"), default=list)
    stages = models.JSONField(
        _("stages"), default=list, blank=True, help_text=_("The startup stages this mentor helps.")
    )
    hours_per_month = models.PositiveSmallIntegerField(
        _("hours per month"), default=8, validators=[MaxValueValidator(200)]
    )
    max_startups = models.PositiveSmallIntegerField(
        _("startups at most"), default=3, validators=[MinValueValidator(1)]
    )
    is_active = models.BooleanField(_("taking startups"), default=True)

    class Meta:
        verbose_name = _("mentor profile")
        verbose_name_plural = _("mentor profiles")

    def __str__(self) -> str:
        return str(self.user)

    def clean(self):
        unknown = sorted(set(self.stages or []) - set(Stage.values))
        if unknown:
            raise ValidationError(
                {"stages": _("Unknown stage: %(codes)s.") % {"codes": ", ".join(unknown)}}
            )


class AvailabilityWindow(models.Model):
    """A weekly time the mentor publishes, in the mentor's own time zone."""

    mentor = models.ForeignKey(
        MentorProfile, verbose_name=_("mentor"), on_delete=models.CASCADE, related_name="windows"
    )
    weekday = models.PositiveSmallIntegerField(
        _("weekday"),
        choices=[
            (0, _("Monday")),
            (1, _("Tuesday")),
            (2, _("Wednesday")),
            (3, _("Thursday")),
            (4, _("Friday")),
            (5, _("Saturday")),
            (6, _("Sunday")),
        ],
    )
    starts = models.TimeField(pgettext_lazy("start of a span of time of day", "from"))
    ends = models.TimeField(pgettext_lazy("end of a span of time of day", "until"))

    class Meta:
        ordering = ["mentor", "weekday", "starts"]
        verbose_name = _("availability")
        verbose_name_plural = _("availability")
        constraints = [
            models.CheckConstraint(condition=Q(ends__gt=F("starts")), name="mentoring_window_order")
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts:%H:%M}–{self.ends:%H:%M}"


class MentorBid(TimeStampedModel):
    """A mentor's declared preference for a startup, read by the matching encoder."""

    class Value(models.TextChoices):
        WANT = "want", _("I want to mentor them")
        COULD = "could", _("I could")
        RATHER_NOT = "rather_not", _("I would rather not")

    mentor = models.ForeignKey(
        MentorProfile, verbose_name=_("mentor"), on_delete=models.CASCADE, related_name="bids"
    )
    startup = models.ForeignKey(
        Startup, verbose_name=_("startup"), on_delete=models.CASCADE, related_name="mentor_bids"
    )
    value = models.CharField(_("preference"), max_length=10, choices=Value.choices)

    class Meta:
        verbose_name = _("mentor's preference")
        verbose_name_plural = _("mentors' preferences")
        constraints = [
            models.UniqueConstraint(fields=["mentor", "startup"], name="mentoring_one_bid_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.startup}: {self.value}"


class FounderPreference(TimeStampedModel):
    """A startup's declared preference for a mentor (the mirror of ``MentorBid``), stated by a
    member of its team and read by the matching encoder beside the mentor's bid."""

    class Value(models.TextChoices):
        WANT = "want", _("We want this mentor")
        COULD = "could", _("We could work with them")
        RATHER_NOT = "rather_not", _("We would rather not")

    startup = models.ForeignKey(
        Startup,
        verbose_name=_("startup"),
        on_delete=models.CASCADE,
        related_name="mentor_preferences",
    )
    mentor = models.ForeignKey(
        MentorProfile,
        verbose_name=_("mentor"),
        on_delete=models.CASCADE,
        related_name="founder_preferences",
    )
    value = models.CharField(_("preference"), max_length=10, choices=Value.choices)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("stated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("founders' preference")
        verbose_name_plural = _("founders' preferences")
        constraints = [
            models.UniqueConstraint(
                fields=["startup", "mentor"], name="mentoring_one_founder_preference_per_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.startup} → {self.mentor}: {self.value}"


class ProgramMentoring(TimeStampedModel):
    """A program's mentoring hours: each startup's share and the program's whole budget."""

    program = models.OneToOneField(
        Program,
        verbose_name=_("program"),
        on_delete=models.CASCADE,
        related_name="mentoring_caps",
    )
    hours_per_startup = models.PositiveSmallIntegerField(
        _("hours per startup"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Each startup's mentoring hours in this program, over all its mentors."),
    )
    hours_total = models.PositiveIntegerField(
        _("hours in total"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("All mentoring hours the program can give."),
    )

    class Meta:
        verbose_name = _("program mentoring hours")
        verbose_name_plural = _("program mentoring hours")

    def __str__(self) -> str:
        return str(self.program)


class Mentorship(TimeStampedModel):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")

    mentor = models.ForeignKey(
        MentorProfile,
        verbose_name=_("mentor"),
        on_delete=models.CASCADE,
        related_name="mentorships",
    )
    startup = models.ForeignKey(
        Startup, verbose_name=_("startup"), on_delete=models.CASCADE, related_name="mentorships"
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.ACTIVE
    )
    hours_cap = models.PositiveSmallIntegerField(
        _("hours for the startup"), default=10, validators=[MinValueValidator(1)]
    )
    match_run = models.ForeignKey(
        MatchRun,
        verbose_name=_("match run"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    explanation = models.JSONField(_("why this match"), default=list, blank=True)
    program = models.ForeignKey(
        Program,
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentorships",
        help_text=_("The program whose mentoring hours this mentorship uses."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "startup"],
                condition=Q(status="active"),
                name="mentoring_one_active_per_pair",
            )
        ]

    def __str__(self) -> str:
        return f"{self.mentor} × {self.startup}"


class MentoringSession(TimeStampedModel):
    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        DONE = "done", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    mentorship = models.ForeignKey(
        Mentorship, verbose_name=_("mentorship"), on_delete=models.CASCADE, related_name="sessions"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.BOOKED
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mentor_notes = models.TextField(_("mentor's notes"), max_length=5000, blank=True)
    founder_feedback = models.TextField(_("founder's feedback"), max_length=5000, blank=True)
    founder_rating = models.PositiveSmallIntegerField(
        _("founder's rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("mentoring session")
        verbose_name_plural = _("mentoring sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="mentoring_session_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.mentorship} · {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600

    @property
    def has_ended(self) -> bool:
        """Feedback is asked only once the session has taken place."""
        return self.ends_at <= timezone.now()

    @property
    def can_be_cancelled(self) -> bool:
        """Booked and not yet started."""
        return self.status == self.Status.BOOKED and self.starts_at > timezone.now()
