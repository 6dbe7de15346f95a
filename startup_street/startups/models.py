from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from rules.contrib.models import RulesModel
from simple_history.models import HistoricalRecords

from startup_street.core.enums import Country, RevenueBand, Stage
from startup_street.core.fields import TranslatedTextField
from startup_street.core.models import OriginalLanguageMixin, Sector, TimeStampedModel

from . import rules as startup_rules
from .enums import MemberRole

# What a startup's team edits, in the order the form shows it: the profile form, the services
# (``create_startup``, ``update_startup``) and the API's PATCH schema all read this one list.
STARTUP_FIELDS = (
    "name",
    "tagline",
    "description",
    "original_language",
    "sectors",
    "stage",
    "founded_on",
    "city",
    "region",
    "country",
    "team_size",
    "website",
    "revenue_band",
    "is_public",
)


class Startup(OriginalLanguageMixin, TimeStampedModel, RulesModel):
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    name = models.CharField(pgettext_lazy("a company's name", "name"), max_length=160)
    tagline = TranslatedTextField(_("one-line pitch"), max_length=200, blank=True)
    description = TranslatedTextField(_("description"), max_length=5000, blank=True, long=True)
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors"), related_name="startups", blank=True
    )
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=80)
    region = models.CharField(
        _("district or region"),
        max_length=80,
        blank=True,
        help_text=_("Where in the city or country the startup works, e.g. Gangnam-gu or Haidian."),
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    team_size = models.PositiveIntegerField(
        _("team size"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100000)],
    )
    website = models.URLField(_("website"), blank=True)
    revenue_band = models.CharField(
        _("annual revenue"), max_length=20, choices=RevenueBand.choices, blank=True
    )
    is_public = models.BooleanField(
        _("listed publicly"),
        default=True,
        help_text=_("Unlisted profiles are seen only by the team and by programs it applies to."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("startup")
        verbose_name_plural = _("startups")
        rules_permissions = {
            "view": startup_rules.can_view_startup,
            "change": startup_rules.can_edit_startup,
            "delete": startup_rules.can_edit_startup,
        }

    def __str__(self) -> str:
        return self.name


class StartupMember(TimeStampedModel):
    startup = models.ForeignKey(
        Startup, verbose_name=_("startup"), on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="startup_memberships",
    )
    role = models.CharField(_("role"), max_length=12, choices=MemberRole.choices)
    title = models.CharField(_("title"), max_length=80, blank=True)

    class Meta:
        ordering = ["startup", "role", "user"]
        verbose_name = _("startup member")
        verbose_name_plural = _("startup members")
        constraints = [
            models.UniqueConstraint(fields=["startup", "user"], name="startups_member_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.startup}"


class OutcomeReport(TimeStampedModel):
    """What a startup reports each quarter: the figures the city's indicators are made of.
    One report per startup and quarter; a correction edits it (its history is kept); staff of
    an organisation that accepted the startup may verify it, and only verified reports count."""

    startup = models.ForeignKey(
        Startup,
        verbose_name=_("startup"),
        on_delete=models.CASCADE,
        related_name="outcome_reports",
    )
    year = models.PositiveIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    revenue_band = models.CharField(
        _("annual revenue"), max_length=20, choices=RevenueBand.choices, blank=True
    )
    employees = models.PositiveIntegerField(_("employees at the end of the quarter"))
    investment_raised_krw = models.PositiveBigIntegerField(
        _("investment raised in the quarter (KRW)"), default=0
    )
    patents = models.PositiveIntegerField(_("patents filed in the quarter"), default=0)
    export_revenue_krw = models.PositiveBigIntegerField(
        _("export revenue in the quarter (KRW)"), default=0
    )
    markets_entered = models.CharField(
        _("markets entered in the quarter"),
        max_length=200,
        blank=True,
        help_text=_("Cities or countries, comma-separated (e.g. Beijing, Shanghai)."),
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "-quarter"]
        verbose_name = _("outcome report")
        verbose_name_plural = _("outcome reports")
        constraints = [
            models.UniqueConstraint(
                fields=["startup", "year", "quarter"], name="startups_outcome_one_per_quarter"
            )
        ]
        indexes = [
            # Each startup's latest verified report first, with its head count: the dashboard's
            # jobs figure reads this index alone.
            models.Index(
                fields=["startup", "-year", "-quarter", "employees"],
                condition=models.Q(verified_at__isnull=False),
                name="startups_outcome_verified",
            )
        ]

    def __str__(self) -> str:
        return f"{self.startup} · {self.year} Q{self.quarter}"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None
