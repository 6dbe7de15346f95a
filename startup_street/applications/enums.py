from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    CHOICE = "choice", _("Choice")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    FILE = "file", _("File")
    URL = "url", _("Web address")


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("application status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("application status", "Submitted")
    WITHDRAWN = "withdrawn", pgettext_lazy("application status", "Withdrawn")
    UNDER_REVIEW = "under_review", pgettext_lazy("application status", "Under review")
    ACCEPTED = "accepted", pgettext_lazy("application status", "Accepted")
    WAITLISTED = "waitlisted", pgettext_lazy("application status", "Waitlisted")
    REJECTED = "rejected", pgettext_lazy("application status", "Not selected")


# Which status may follow which: the application's state machine.
TRANSITIONS: dict[str, set[str]] = {
    Status.DRAFT: {Status.SUBMITTED, Status.WITHDRAWN},
    Status.SUBMITTED: {Status.WITHDRAWN, Status.UNDER_REVIEW},
    Status.UNDER_REVIEW: {Status.ACCEPTED, Status.WAITLISTED, Status.REJECTED, Status.WITHDRAWN},
    Status.WAITLISTED: {Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN},
    Status.ACCEPTED: {Status.WITHDRAWN},  # a startup that declines its seat frees it
    Status.REJECTED: set(),
    Status.WITHDRAWN: set(),
}
FOUNDER_EDITABLE = {Status.DRAFT, Status.SUBMITTED}  # until the call's deadline
DECIDED = {Status.ACCEPTED, Status.WAITLISTED, Status.REJECTED}
WITHDRAWABLE = {s for s, following in TRANSITIONS.items() if Status.WITHDRAWN in following}
