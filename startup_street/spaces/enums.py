from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SpaceKind(models.TextChoices):
    MEETING_ROOM = "meeting_room", _("Meeting room")
    LECTURE_ROOM = "lecture_room", _("Lecture room")
    LAB = "lab", _("Lab")
    EXHIBITION_HALL = "exhibition_hall", _("Exhibition hall")
    TESTBED = "testbed", _("Robot testbed / demonstration site")
    DESK = "desk", _("Desk")


class BookingStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("booking status", "Awaiting approval")
    CONFIRMED = "confirmed", pgettext_lazy("booking status", "Confirmed")
    DECLINED = "declined", pgettext_lazy("booking status", "Declined")
    CANCELLED = "cancelled", pgettext_lazy("booking status", "Cancelled")


# Bookings that hold their hours and their slot (a pending request holds hours, not the slot).
HOLDING = (BookingStatus.PENDING, BookingStatus.CONFIRMED)


class Frequency(models.TextChoices):
    DAILY = "daily", _("Every day")
    WEEKLY = "weekly", _("Every week")


class WaitlistStatus(models.TextChoices):
    WAITING = "waiting", pgettext_lazy("waitlist", "Waiting")
    OFFERED = "offered", pgettext_lazy("waitlist", "Offered")
    ACCEPTED = "accepted", pgettext_lazy("waitlist", "Accepted")
    TAKEN = "taken", pgettext_lazy("waitlist", "Taken by another")
    WITHDRAWN = "withdrawn", pgettext_lazy("waitlist", "Withdrawn")


class PlanStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("demonstration plan", "Awaiting approval")
    APPROVED = "approved", pgettext_lazy("demonstration plan", "Approved")
    REJECTED = "rejected", pgettext_lazy("demonstration plan", "Rejected")


class Outcome(models.TextChoices):
    SUCCEEDED = "succeeded", pgettext_lazy("demonstration outcome", "Succeeded")
    PARTLY = "partly", pgettext_lazy("demonstration outcome", "Partly succeeded")
    FAILED = "failed", pgettext_lazy("demonstration outcome", "Failed")


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
