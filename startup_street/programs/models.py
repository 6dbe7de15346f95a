from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rules.contrib.models import RulesModel

from startup_street.core.enums import Country, Stage
from startup_street.core.fields import TranslatedTextField, shown
from startup_street.core.i18n import CONTENT_LANGUAGE_CHOICES
from startup_street.core.models import OriginalLanguageMixin, Sector, TimeStampedModel
from startup_street.core.timezones import validate_time_zone
from startup_street.organizations.models import Organization

from . import rules as program_rules
from .eligibility import validate_rules
from .enums import CallStatus, SupportKind


def validate_stages(value) -> None:
    if not isinstance(value, list) or not set(value) <= set(Stage.values):
        raise ValidationError(_("Choose stages from the list."))


# Fixed path segments right under /programs/ (web, ``urls.py``) and /api/v1/programs/ (API,
# ``api/api.py``): a program slugged so could not be reached at its own address. A test keeps
# this list in step with both URL spaces.
RESERVED_PROGRAM_SLUGS = frozenset({"eligible", "facets", "feeds", "new", "saved-searches"})
RESERVED_SLUG_MESSAGE = _("“%(value)s” is a reserved word of program addresses; choose another.")


def validate_program_slug(value) -> None:
    if value in RESERVED_PROGRAM_SLUGS:
        raise ValidationError(RESERVED_SLUG_MESSAGE, code="reserved", params={"value": value})


def unreserved_slug(slug: str) -> str:
    """``slug``, or ``slug-program`` when program addresses reserve it (``feeds``)."""
    return f"{slug}-program" if slug in RESERVED_PROGRAM_SLUGS else slug


# What an organisation's staff edit on a program, in the order the form shows it: the program
# form, the services (``create_program``, ``update_program``), the importer and the API's program
# schema all read this one list.
PROGRAM_FIELDS = (
    "title",
    "summary",
    "description",
    "original_language",
    "kind",
    "sectors",
    "stages",
    "city",
    "country",
    "website",
    "is_published",
)


class Program(OriginalLanguageMixin, TimeStampedModel, RulesModel):
    """A support program an organisation runs, open to startups through calls."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="programs",
    )
    slug = models.SlugField(
        _("short name"), max_length=100, unique=True, validators=[validate_program_slug]
    )
    title = TranslatedTextField(_("title"), max_length=200)
    summary = TranslatedTextField(_("summary"), max_length=500, blank=True, long=True)
    description = TranslatedTextField(_("description"), max_length=20000, blank=True, long=True)
    kind = models.CharField(_("kind of support"), max_length=24, choices=SupportKind.choices)
    sectors = models.ManyToManyField(
        Sector,
        verbose_name=_("sectors"),
        related_name="programs",
        blank=True,
        help_text=_("Leave empty when the program is open to every sector."),
    )
    stages = models.JSONField(_("stages"), default=list, blank=True, validators=[validate_stages])
    city = models.CharField(_("city"), max_length=80, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    website = models.URLField(_("website"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        constraints = [
            models.CheckConstraint(
                condition=~Q(slug__in=sorted(RESERVED_PROGRAM_SLUGS)),
                name="programs_program_slug_not_reserved",
                violation_error_message=_("This short name is a reserved word; choose another."),
            )
        ]
        rules_permissions = {
            "view": program_rules.can_view_program,
            "change": program_rules.can_manage_program,
            "delete": program_rules.can_manage_program,
            "add_call": program_rules.can_manage_program,
        }

    def __str__(self) -> str:
        return shown(self, "title").text or self.slug

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("programs:detail", args=[self.slug])


# What staff set on a call (``save_call``; its form gives the two times as wall-clock times in
# the call's own zone): the API's call schema shows every one of them.
CALL_FIELDS = ("title", "time_zone", "opens_at", "closes_at", "seats", "eligibility")


class Call(TimeStampedModel, RulesModel):
    """An intake round: opens and closes at instants defined in the call's own time zone."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="calls"
    )
    title = TranslatedTextField(_("title"), max_length=200, blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"), db_index=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Asia/Seoul",
        validators=[validate_time_zone],
        help_text=_("The deadline is defined in this zone."),
    )
    seats = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("How many startups can be accepted.")
    )
    eligibility = models.JSONField(
        _("eligibility rules"),
        default=dict,
        blank=True,
        validators=[validate_rules],
        help_text=_("Structured rules checked against each startup's profile."),
    )

    class Meta:
        ordering = ["closes_at"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="programs_call_closes_after_opens"
            ),
            models.CheckConstraint(
                condition=Q(seats__isnull=True) | Q(seats__gte=1),
                name="programs_call_seats_positive",
            ),
        ]
        rules_permissions = {
            "view": program_rules.can_view_call,
            "change": program_rules.can_manage_call,
            "delete": program_rules.can_manage_call,
        }

    def __str__(self) -> str:
        return shown(self, "title").text or f"{self.program} #{self.pk}"

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The call must close after it opens.")})

    def status_at(self, moment=None) -> str:
        moment = moment or timezone.now()
        if moment < self.opens_at:
            return CallStatus.UPCOMING
        if moment < self.closes_at:
            return CallStatus.OPEN
        return CallStatus.CLOSED

    @property
    def status(self) -> str:
        return self.status_at()

    def get_status_display(self) -> str:
        return CallStatus(self.status).label

    @property
    def is_news(self) -> bool:
        """Worth announcing: neither closed already nor a draft program's."""
        return self.status != CallStatus.CLOSED and self.program.is_published


class ProgramFollow(models.Model):
    """A user following a program: new calls and deadlines reach them by e-mail and calendar."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="program_follows",
    )
    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("followed program")
        verbose_name_plural = _("followed programs")
        constraints = [
            models.UniqueConstraint(fields=["user", "program"], name="programs_follow_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.program}"


class DeadlineReminder(models.Model):
    """A reminder that was sent, so that each is sent once however often the job runs."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="reminders"
    )
    days_before = models.PositiveSmallIntegerField(_("days before the deadline"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("deadline reminder")
        verbose_name_plural = _("deadline reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "call", "days_before"], name="programs_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.call} · {self.days_before}"


class SavedSearch(models.Model):
    """Search words and filters a user keeps: new calls that match reach them by e-mail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="saved_searches",
    )
    query = models.CharField(_("search words"), max_length=1000, blank=True)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=CONTENT_LANGUAGE_CHOICES, default="en"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "query", "filters"], name="programs_saved_search_unique"
            )
        ]

    def __str__(self) -> str:
        return self.query or str(_("(all programs)"))


class SavedSearchAlert(models.Model):
    """A new matching call that was e-mailed for a saved search, so that each goes out once."""

    saved_search = models.ForeignKey(
        SavedSearch, verbose_name=_("saved search"), on_delete=models.CASCADE, related_name="alerts"
    )
    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved-search alert")
        verbose_name_plural = _("saved-search alerts")
        constraints = [
            models.UniqueConstraint(
                fields=["saved_search", "call"], name="programs_saved_search_alert_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.saved_search} · {self.call}"
