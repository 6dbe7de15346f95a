from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from rules.contrib.models import RulesModel

from startup_street.core.fields import TranslatedTextField, shown
from startup_street.core.i18n import CONTENT_LANGUAGE_CHOICES
from startup_street.core.models import OriginalLanguageMixin, TimeStampedModel
from startup_street.core.timezones import validate_time_zone

from . import rules as event_rules
from .enums import (
    EventKind,
    Interest,
    Market,
    OutcomeKind,
    ParticipantKind,
    RegistrationStatus,
    RequestStatus,
    ScheduleStatus,
)

LANGUAGE_CODES = [code for code, _label in CONTENT_LANGUAGE_CHOICES]


class Event(OriginalLanguageMixin, TimeStampedModel, RulesModel):
    """A demo day, meet-up, delegation visit or info session, run by one or more organisations."""

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices)
    title = TranslatedTextField(_("title"), max_length=200)
    description = TranslatedTextField(_("description"), max_length=8000, blank=True, long=True)
    organizers = models.ManyToManyField(
        "organizations.Organization", verbose_name=_("organisers"), related_name="events"
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Seoul", validators=[validate_time_zone]
    )
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), default=100)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    registration_opens_at = models.DateTimeField(_("registration opens"))
    registration_closes_at = models.DateTimeField(_("registration closes"))
    is_published = models.BooleanField(_("published"), default=False)
    schedule_published_at = models.DateTimeField(_("schedule published"), null=True, blank=True)

    class Meta:
        ordering = ["-starts_at", "slug"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        rules_permissions = {
            "view": event_rules.can_view_event,
            "change": event_rules.can_manage_event,
            "register": event_rules.can_register,
        }

    def __str__(self) -> str:
        return shown(self, "title").text or self.slug


class Slot(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="slots"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        ordering = ["event", "starts_at"]
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        constraints = [
            models.UniqueConstraint(fields=["event", "starts_at"], name="events_slot_unique")
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M} UTC"


class Table(models.Model):
    """A table or meeting room."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="tables"
    )
    name = models.CharField(_("name"), max_length=60)
    unavailable_slots = models.ManyToManyField(
        Slot, verbose_name=_("unavailable slots"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["event", "name"]
        verbose_name = _("table or room")
        verbose_name_plural = _("tables and rooms")
        constraints = [models.UniqueConstraint(fields=["event", "name"], name="events_table_name")]

    def __str__(self) -> str:
        return self.name


class Interpreter(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="interpreters"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(pgettext_lazy("a person's name", "name"), max_length=120)
    language_pairs = models.JSONField(
        _("language pairs"), default=list, help_text=_('For example [["ko", "zh-hans"]].')
    )
    unavailable_slots = models.ManyToManyField(
        Slot, verbose_name=_("unavailable slots"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["event", "name"]
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")

    def __str__(self) -> str:
        return self.name


class Registration(TimeStampedModel):
    """A participant's registration, with the profile others browse."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    kind = models.CharField(_("participant kind"), max_length=12, choices=ParticipantKind.choices)
    name = models.CharField(_("organisation or company"), max_length=160)
    startup = models.ForeignKey(
        "startups.Startup",
        verbose_name=_("startup"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    city = models.CharField(_("city"), max_length=80, blank=True)
    offers = models.TextField(_("what we offer"), max_length=2000, blank=True)
    seeks = models.TextField(_("what we seek"), max_length=2000, blank=True)
    sectors = models.ManyToManyField("core.Sector", verbose_name=_("sectors"), blank=True)
    languages = models.JSONField(_("working languages"), default=list)
    unavailable_slots = models.ManyToManyField(
        Slot, verbose_name=_("unavailable slots"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )

    class Meta:
        ordering = ["event", "name"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="events_registration_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"


class MeetingRule(models.Model):
    """Who may ask whom for a meeting, and how many requests each may send to that kind."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="rules"
    )
    requester_kind = models.CharField(
        _("who may ask"), max_length=12, choices=ParticipantKind.choices
    )
    recipient_kind = models.CharField(_("whom"), max_length=12, choices=ParticipantKind.choices)
    max_requests = models.PositiveSmallIntegerField(_("requests each"), default=10)

    class Meta:
        ordering = ["event", "requester_kind", "recipient_kind"]
        verbose_name = _("meeting rule")
        verbose_name_plural = _("meeting rules")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "requester_kind", "recipient_kind"], name="events_rule_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_requester_kind_display()} → {self.get_recipient_kind_display()}"


class MeetingRequest(TimeStampedModel):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="requests"
    )
    sender = models.ForeignKey(
        Registration,
        verbose_name=pgettext_lazy("sender of a message", "from"),
        on_delete=models.CASCADE,
        related_name="sent",
    )
    recipient = models.ForeignKey(
        Registration,
        verbose_name=pgettext_lazy("recipient of a message", "to"),
        on_delete=models.CASCADE,
        related_name="received",
    )
    sender_interest = models.CharField(
        _("sender's interest"), max_length=8, choices=Interest.choices, default=Interest.WOULD
    )
    recipient_interest = models.CharField(
        _("recipient's interest"), max_length=8, choices=Interest.choices, blank=True
    )
    message = models.CharField(_("message"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.SENT
    )

    class Meta:
        ordering = ["event", "-created_at"]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        constraints = [
            models.UniqueConstraint(fields=["sender", "recipient"], name="events_request_unique")
        ]

    def __str__(self) -> str:
        return f"{self.sender.name} → {self.recipient.name}"


class ScheduleRun(models.Model):
    """One solve of an event's schedule: what it achieved and what it could not do, and why."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="schedule_runs"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=ScheduleStatus.choices)
    requested = models.PositiveIntegerField(_("requested priority"), default=0)
    objective = models.PositiveIntegerField(_("priority met"), default=0)
    bound = models.FloatField(_("best possible"), default=0)
    seconds = models.FloatField(_("seconds"), default=0)
    meetings = models.PositiveIntegerField(_("meetings scheduled"), default=0)
    issues = models.JSONField(_("issues"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("schedule run")
        verbose_name_plural = _("schedule runs")

    def __str__(self) -> str:
        return f"{self.event} · {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def gap(self) -> float:
        if self.status == ScheduleStatus.OPTIMAL or self.bound <= 0:
            return 0.0
        return max(0.0, (self.bound - self.objective) / self.bound)


class Meeting(TimeStampedModel):
    """A mutual request in the schedule: the draft place and the place last published."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="meetings"
    )
    request = models.OneToOneField(
        MeetingRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="meeting"
    )
    slot = models.ForeignKey(
        Slot,
        verbose_name=_("slot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    table = models.ForeignKey(
        Table,
        verbose_name=_("table"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    interpreter = models.ForeignKey(
        Interpreter, verbose_name=_("interpreter"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    pinned = models.BooleanField(_("pinned"), default=False)
    published_slot = models.ForeignKey(
        Slot, verbose_name=_("published slot"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    published_table = models.ForeignKey(
        Table, verbose_name=_("published table"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    published_interpreter = models.ForeignKey(
        Interpreter, verbose_name=_("published interpreter"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["event", "slot__starts_at", "table__name"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return str(self.request)


class MarketEntryTemplate(OriginalLanguageMixin, TimeStampedModel):
    """Entry steps into a market, written by a support organisation."""

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="market_entry_templates",
    )
    title = TranslatedTextField(_("title"), max_length=200)
    target = models.CharField(_("target market"), max_length=16, choices=Market.choices)

    class Meta:
        ordering = ["target", "organization"]
        verbose_name = _("market-entry template")
        verbose_name_plural = _("market-entry templates")

    def __str__(self) -> str:
        return shown(self, "title").text


class MarketEntryTemplateStep(models.Model):
    template = models.ForeignKey(
        MarketEntryTemplate, verbose_name=_("template"), on_delete=models.CASCADE,
        related_name="steps",
    )  # fmt: skip
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = TranslatedTextField(_("step"), max_length=300)
    owner = models.CharField(_("usually done by"), max_length=120, blank=True)
    days_after_start = models.PositiveSmallIntegerField(_("days after start"), default=0)

    class Meta:
        ordering = ["template", "position"]
        verbose_name = _("template step")
        verbose_name_plural = _("template steps")

    def __str__(self) -> str:
        return shown(self.template, "title").text + f" #{self.position}"


class MarketEntry(TimeStampedModel):
    """A startup's checklist for entering a market, copied from a template."""

    startup = models.ForeignKey(
        "startups.Startup", verbose_name=_("startup"), on_delete=models.CASCADE,
        related_name="market_entries",
    )  # fmt: skip
    origin = models.CharField(
        pgettext_lazy("market a startup comes from", "from"), max_length=16, choices=Market.choices
    )
    target = models.CharField(_("target market"), max_length=16, choices=Market.choices)
    template = models.ForeignKey(
        MarketEntryTemplate, verbose_name=_("template"), null=True, on_delete=models.SET_NULL,
        related_name="entries",
    )  # fmt: skip
    started_on = models.DateField(_("started on"))

    class Meta:
        ordering = ["-started_on"]
        verbose_name = _("market entry")
        verbose_name_plural = _("market entries")

    def __str__(self) -> str:
        return f"{self.startup} → {self.get_target_display()}"


class MarketEntryStep(models.Model):
    entry = models.ForeignKey(
        MarketEntry, verbose_name=_("market entry"), on_delete=models.CASCADE, related_name="steps"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = TranslatedTextField(_("step"), max_length=300)
    original_language = models.CharField(_("original language"), max_length=8, default="ko")
    owner = models.CharField(_("owner"), max_length=120, blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_on = models.DateField(_("done"), null=True, blank=True)

    class Meta:
        ordering = ["entry", "position"]
        verbose_name = _("market-entry step")
        verbose_name_plural = _("market-entry steps")

    def __str__(self) -> str:
        return shown(self, "title").text


class Outcome(TimeStampedModel):
    """What came of meeting someone: a follow-up, an MOU, a pilot, an investment, ..."""

    startup = models.ForeignKey(
        "startups.Startup", verbose_name=_("startup"), on_delete=models.CASCADE,
        related_name="event_outcomes",
    )  # fmt: skip
    event = models.ForeignKey(
        Event, verbose_name=_("event"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="outcomes",
    )  # fmt: skip
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="outcomes",
    )  # fmt: skip
    market_entry = models.ForeignKey(
        MarketEntry, verbose_name=_("market entry"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="outcomes",
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=16, choices=OutcomeKind.choices)
    counterpart = models.CharField(_("with"), max_length=160, blank=True)
    happened_on = models.DateField(_("date"))
    evidence_url = models.URLField(_("evidence (link)"), blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-happened_on"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self) -> str:
        return f"{self.startup} · {self.get_kind_display()} · {self.happened_on}"
