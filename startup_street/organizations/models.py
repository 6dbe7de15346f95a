import rules
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from rules.contrib.models import RulesModel

from startup_street.core.enums import Country
from startup_street.core.fields import TranslatedTextField, shown
from startup_street.core.models import OriginalLanguageMixin, TimeStampedModel
from startup_street.core.timezones import validate_time_zone

from . import rules as org_rules
from .enums import OrganizationKind, Role

# What an organisation's admins edit, in the order the form shows it: the organisation form,
# ``update_organization`` and the API's organisation schema all read this one list.
ORGANIZATION_FIELDS = (
    "name",
    "description",
    "original_language",
    "kind",
    "city",
    "country",
    "time_zone",
    "website",
)


class Organization(OriginalLanguageMixin, TimeStampedModel, RulesModel):
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    name = TranslatedTextField(pgettext_lazy("an organisation's name", "name"), max_length=200)
    description = TranslatedTextField(_("description"), max_length=5000, blank=True, long=True)
    kind = models.CharField(_("kind"), max_length=24, choices=OrganizationKind.choices)
    city = models.CharField(_("city"), max_length=80)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Seoul", validators=[validate_time_zone]
    )
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organizations"
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        rules_permissions = {
            "view": rules.always_allow,
            "change": org_rules.is_org_admin,
            "manage_programs": org_rules.is_org_staff,
            "invite": org_rules.is_org_admin,
        }

    def __str__(self) -> str:
        return shown(self, "name").text or self.slug


class Membership(TimeStampedModel):
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["organization", "role", "user"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user", "role"], name="organizations_membership_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.organization}"


class Invitation(TimeStampedModel):
    """An e-mailed invitation to join an organisation in a role; only the token's hash is kept."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organization} ({self.get_role_display()})"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()
