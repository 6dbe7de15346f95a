"""Spaces, their hours and rules, what startups were granted, and the bookings that use it.

Times are stored in UTC; opening hours and closures are wall-clock times in the space's zone.
No two confirmed bookings of one space overlap: an exclusion constraint on PostgreSQL (added by
migration 0002) and, on both databases, a check made with the space's row locked.
"""

import os
from decimal import Decimal

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from rules.contrib.models import RulesModel

from startup_street.core.fields import TranslatedTextField, shown
from startup_street.core.models import OriginalLanguageMixin, TimeStampedModel
from startup_street.core.timezones import validate_time_zone
from startup_street.organizations.models import Organization
from startup_street.programs.models import Call
from startup_street.startups.models import Startup

from . import rules as space_rules
from .enums import (
    WEEKDAYS,
    BookingStatus,
    Frequency,
    Outcome,
    PlanStatus,
    SpaceKind,
    WaitlistStatus,
)


class PrivateStorage(FileSystemStorage):
    """Demonstration files live outside the web root, served only through a permission check."""

    @property
    def base_location(self):
        return os.path.join(settings.PRIVATE_MEDIA_ROOT, "spaces")

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public address.")


private_storage = PrivateStorage()


class Certification(OriginalLanguageMixin, TimeStampedModel):
    """A named qualification staff record per person (a robot-safety training, a lab induction)."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="certifications",
    )
    code = models.SlugField(_("code"), max_length=60)
    name = TranslatedTextField(_("name"), max_length=160)

    class Meta:
        ordering = ["organization", "code"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"], name="spaces_certification_unique"
            )
        ]

    def __str__(self) -> str:
        return shown(self, "name").text or self.code


class CertificationHolder(models.Model):
    certification = models.ForeignKey(
        Certification,
        verbose_name=_("certification"),
        on_delete=models.CASCADE,
        related_name="holders",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="space_certifications",
    )
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("certification holder")
        verbose_name_plural = _("certification holders")
        constraints = [
            models.UniqueConstraint(
                fields=["certification", "user"], name="spaces_certification_holder_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.certification}"


class Space(OriginalLanguageMixin, TimeStampedModel, RulesModel):
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="spaces",
    )
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SpaceKind.choices, db_index=True)
    name = TranslatedTextField(_("name"), max_length=160)
    description = TranslatedTextField(_("description"), max_length=5000, blank=True, long=True)
    equipment = TranslatedTextField(_("equipment"), max_length=2000, blank=True, long=True)
    capacity = models.PositiveIntegerField(_("capacity"), default=1)
    address = models.CharField(_("address"), max_length=300, blank=True)
    map_url = models.URLField(_("map link"), blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Seoul", validators=[validate_time_zone]
    )
    # Booking rules.
    min_minutes = models.PositiveIntegerField(
        _("shortest booking (minutes)"), default=30, validators=[MinValueValidator(5)]
    )
    max_minutes = models.PositiveIntegerField(
        _("longest booking (minutes)"), default=480, validators=[MinValueValidator(5)]
    )
    slot_minutes = models.PositiveIntegerField(
        _("slot length (minutes)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
        help_text=_("Bookings start and end on this grid."),
    )
    lead_minutes = models.PositiveIntegerField(
        _("lead time (minutes)"), default=60, help_text=_("How long before the start one may book.")
    )
    horizon_days = models.PositiveIntegerField(
        _("how far ahead (days)"), default=90, validators=[MinValueValidator(1)]
    )
    requires_approval = models.BooleanField(_("approval required"), default=False)
    cohort_calls = models.ManyToManyField(
        Call,
        verbose_name=_("cohorts that may book"),
        blank=True,
        related_name="+",
        help_text=_("Empty: any startup with hours of this kind from the organisation."),
    )
    required_certification = models.ForeignKey(
        Certification,
        verbose_name=_("certification required"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="spaces",
    )
    is_active = models.BooleanField(_("bookable"), default=True)

    class Meta:
        ordering = ["organization", "kind", "slug"]
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        rules_permissions = {"manage": space_rules.is_space_staff}

    def __str__(self) -> str:
        return shown(self, "name").text or self.slug

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.max_minutes < self.min_minutes:
            raise ValidationError(
                {"max_minutes": _("The longest booking cannot be shorter than the shortest.")}
            )


class SpacePhoto(models.Model):
    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.FileField(_("photo"), upload_to="spaces/photos/")
    caption = TranslatedTextField(_("caption"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["space", "position", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.image.name


class OpeningHours(models.Model):
    """One opening window on a weekday, in the space's zone; a day may have several."""

    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)
    opens = models.TimeField(pgettext_lazy("opening hours", "opens"))
    closes = models.TimeField(pgettext_lazy("opening hours", "closes"))

    class Meta:
        ordering = ["space", "weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="spaces_hours_close_after_open"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class Closure(models.Model):
    """A whole local day the space is closed (a public holiday, maintenance)."""

    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.CASCADE, related_name="closures"
    )
    date = models.DateField(_("date"))
    reason = TranslatedTextField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["space", "date"]
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        constraints = [
            models.UniqueConstraint(fields=["space", "date"], name="spaces_closure_unique")
        ]

    def __str__(self) -> str:
        return f"{self.space} {self.date}"


class Blocking(TimeStampedModel):
    """A period staff keep free of bookings (an event, maintenance)."""

    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.CASCADE, related_name="blockings"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    reason = models.CharField(_("reason"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["space", "starts_at"]
        verbose_name = _("blocked period")
        verbose_name_plural = _("blocked periods")
        indexes = [models.Index(fields=["space", "starts_at", "ends_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="spaces_blocking_ends_after"
            )
        ]

    def __str__(self) -> str:
        return f"{self.space}: {self.reason}"


class Entitlement(TimeStampedModel):
    """Hours a month of one kind of space at one organisation, granted to a startup.

    Granted when a call accepts the startup (from the call's :class:`CallSpaceGrant`) or by
    staff; bookings draw the month down, top-ups add to one month, revoking ends it."""

    startup = models.ForeignKey(
        Startup, verbose_name=_("startup"), on_delete=models.CASCADE, related_name="entitlements"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="space_entitlements",
    )
    kind = models.CharField(_("kind of space"), max_length=20, choices=SpaceKind.choices)
    hours_per_month = models.DecimalField(
        _("hours a month"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    starts_on = models.DateField(pgettext_lazy("first day of a period", "from"))
    ends_on = models.DateField(
        pgettext_lazy("last day of a period", "until"), null=True, blank=True
    )
    call = models.ForeignKey(
        Call,
        verbose_name=_("granted by the call"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["startup", "organization", "kind"]
        verbose_name = _("entitlement")
        verbose_name_plural = _("entitlements")
        constraints = [
            models.UniqueConstraint(
                fields=["startup", "organization", "kind", "call"],
                name="spaces_entitlement_one_per_call",
            )
        ]

    def __str__(self) -> str:
        return f"{self.startup} · {self.get_kind_display()} · {self.hours_per_month} h"


class EntitlementAdjustment(models.Model):
    """A top-up (or a cut) of one month's hours."""

    entitlement = models.ForeignKey(
        Entitlement,
        verbose_name=_("entitlement"),
        on_delete=models.CASCADE,
        related_name="adjustments",
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=2)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    made_at = models.DateTimeField(_("made"), auto_now_add=True)

    class Meta:
        ordering = ["entitlement", "month", "pk"]
        verbose_name = _("top-up")
        verbose_name_plural = _("top-ups")

    def __str__(self) -> str:
        return f"{self.entitlement} {self.month:%Y-%m} {self.hours:+}"


class CallSpaceGrant(models.Model):
    """What acceptance into a call grants: hours a month of a kind at the program's organisation."""

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="space_grants"
    )
    kind = models.CharField(_("kind of space"), max_length=20, choices=SpaceKind.choices)
    hours_per_month = models.DecimalField(
        _("hours a month"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.5"))],
    )
    months = models.PositiveSmallIntegerField(
        _("for how many months"), default=6, validators=[MinValueValidator(1)]
    )

    class Meta:
        ordering = ["call", "kind"]
        verbose_name = _("space grant of a call")
        verbose_name_plural = _("space grants of calls")
        constraints = [
            models.UniqueConstraint(fields=["call", "kind"], name="spaces_call_grant_unique")
        ]

    def __str__(self) -> str:
        return f"{self.call} · {self.get_kind_display()} · {self.hours_per_month} h"


class BookingSeries(TimeStampedModel):
    """A recurring booking: the same time every day or week until a date.

    A long series is kept only while its booker re-confirms it: occurrences after
    ``confirmed_until`` are released when it passes unconfirmed."""

    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.CASCADE, related_name="series"
    )
    frequency = models.CharField(_("repeats"), max_length=8, choices=Frequency.choices)
    until = models.DateField(_("until"))
    confirmed_until = models.DateField(_("confirmed until"))
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        on_delete=models.CASCADE,
        related_name="space_series",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("recurring booking")
        verbose_name_plural = _("recurring bookings")

    def __str__(self) -> str:
        return f"{self.space} · {self.get_frequency_display()} · {self.until}"


class Booking(TimeStampedModel, RulesModel):
    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.CASCADE, related_name="bookings"
    )
    startup = models.ForeignKey(
        Startup,
        verbose_name=_("startup"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="space_bookings",
        help_text=_("Empty for the organisation's own use."),
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        on_delete=models.CASCADE,
        related_name="space_bookings",
    )
    title = models.CharField(_("purpose"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=BookingStatus.choices,
        default=BookingStatus.PENDING,
        db_index=True,
    )
    series = models.ForeignKey(
        BookingSeries,
        verbose_name=_("recurring booking"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    entitlement = models.ForeignKey(
        Entitlement,
        verbose_name=_("drawn from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    month = models.DateField(_("month drawn"), null=True, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=2, default=0)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        indexes = [
            models.Index(fields=["space", "status", "starts_at"]),
            models.Index(fields=["entitlement", "month"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="spaces_booking_ends_after"
            )
        ]
        rules_permissions = {
            "view": space_rules.can_view_booking,
            "cancel": space_rules.can_cancel_booking,
            "decide": space_rules.can_decide_booking,
        }

    def __str__(self) -> str:
        return f"{self.space} {self.starts_at:%Y-%m-%d %H:%M}Z"

    @property
    def is_testbed(self) -> bool:
        return self.space.kind == SpaceKind.TESTBED


class WaitlistEntry(models.Model):
    """Someone waiting for a taken slot; when it frees, everyone waiting for it is offered it by
    e-mail in the order they joined, and the first to accept books it."""

    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.CASCADE, related_name="waitlist"
    )
    startup = models.ForeignKey(
        Startup, verbose_name=_("startup"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="space_waitlist",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    status = models.CharField(
        _("status"), max_length=10, choices=WaitlistStatus.choices, default=WaitlistStatus.WAITING
    )
    offered_at = models.DateTimeField(_("offered"), null=True, blank=True)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)
    booking = models.ForeignKey(
        Booking,
        verbose_name=_("booking"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("waitlist entry")
        verbose_name_plural = _("waitlist")

    def __str__(self) -> str:
        return f"{self.space} {self.starts_at:%Y-%m-%d %H:%M}Z · {self.startup}"


class DemonstrationPlan(TimeStampedModel):
    """What a testbed booking will demonstrate; staff approve it before the run."""

    booking = models.OneToOneField(
        Booking, verbose_name=_("booking"), on_delete=models.CASCADE, related_name="plan"
    )
    robot = models.CharField(_("robot"), max_length=200)
    scenario = models.TextField(_("scenario"), max_length=5000)
    safety_officer = models.CharField(_("safety officer"), max_length=200)
    safety_officer_phone = models.CharField(_("safety officer's phone"), max_length=40)
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.SUBMITTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("demonstration plan")
        verbose_name_plural = _("demonstration plans")

    def __str__(self) -> str:
        return f"{self.robot} @ {self.booking}"


class DemonstrationResult(TimeStampedModel):
    plan = models.OneToOneField(
        DemonstrationPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="result"
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    notes = models.TextField(_("notes"), max_length=5000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("demonstration result")
        verbose_name_plural = _("demonstration results")

    def __str__(self) -> str:
        return f"{self.plan}: {self.get_outcome_display()}"


class DemonstrationFile(models.Model):
    result = models.ForeignKey(
        DemonstrationResult,
        verbose_name=_("result"),
        on_delete=models.CASCADE,
        related_name="files",
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to="results/%Y/%m/")
    name = models.CharField(_("file name"), max_length=200)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["result", "pk"]
        verbose_name = _("demonstration file")
        verbose_name_plural = _("demonstration files")

    def __str__(self) -> str:
        return self.name
