from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    DEMO_DAY = "demo_day", _("demo day")
    MEETUP = "meetup", _("business meet-up")
    DELEGATION = "delegation", _("delegation visit")
    INFO_SESSION = "info_session", _("info session")


class ParticipantKind(models.TextChoices):
    STARTUP = "startup", pgettext_lazy("participant kind", "startup")
    CORPORATE = "corporate", _("corporate")
    INVESTOR = "investor", _("investor")
    SUPPORT = "support", _("support organisation")
    PUBLIC = "public", _("public body")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("registration", "pending")
    APPROVED = "approved", pgettext_lazy("registration", "approved")
    WAITLISTED = "waitlisted", pgettext_lazy("registration", "waitlisted")
    DECLINED = "declined", pgettext_lazy("registration", "declined")


class Interest(models.TextChoices):
    MUST = "must", _("must meet")
    WOULD = "would", _("would meet")
    NO = "no", _("no thanks")


# How much a side's interest weighs in the schedule's objective.
INTEREST_WEIGHT = {Interest.MUST: 3, Interest.WOULD: 1, Interest.NO: 0}


class RequestStatus(models.TextChoices):
    SENT = "sent", pgettext_lazy("meeting request", "sent")
    ACCEPTED = "accepted", pgettext_lazy("meeting request", "accepted")
    DECLINED = "declined", pgettext_lazy("meeting request", "declined")


class OutcomeKind(models.TextChoices):
    FOLLOW_UP = "follow_up", _("follow-up meeting")
    MOU = "mou", _("memorandum of understanding")
    PILOT = "pilot", _("pilot project")
    INVESTMENT = "investment", _("investment")
    LOCAL_ENTITY = "local_entity", _("local entity registered")
    FIRST_SALE = "first_sale", _("first sale")


class Market(models.TextChoices):
    SEOUL = "seoul", _("Seoul")
    BEIJING = "beijing", _("Beijing")
    SHANGHAI = "shanghai", _("Shanghai")
    SHENZHEN = "shenzhen", _("Shenzhen")
    TOKYO = "tokyo", _("Tokyo")
    SINGAPORE = "singapore", _("Singapore")


class ScheduleStatus(models.TextChoices):
    OPTIMAL = "optimal", _("proven best")
    FEASIBLE = "feasible", _("good, not proven best")
    INVALID = "invalid", _("not solved")
