import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from rules.contrib.models import RulesModel

from startup_street.core.fields import TranslatedTextField, shown
from startup_street.core.models import TimeStampedModel
from startup_street.programs.models import Call
from startup_street.startups.models import Startup

from . import rules as application_rules
from .enums import QuestionKind, Status


class PrivateStorage(FileSystemStorage):
    """Uploads live outside the web root and are served only through a permission check."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public address.")


private_storage = PrivateStorage()


class ApplicationForm(TimeStampedModel):
    call = models.OneToOneField(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="form"
    )
    intro = TranslatedTextField(_("introduction"), max_length=5000, blank=True, long=True)

    class Meta:
        verbose_name = _("application form")
        verbose_name_plural = _("application forms")

    def __str__(self) -> str:
        return str(self.call)


class Question(models.Model):
    form = models.ForeignKey(
        ApplicationForm, verbose_name=_("form"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=QuestionKind.choices)
    label = TranslatedTextField(_("question"), max_length=500)
    help_text = TranslatedTextField(_("help text"), max_length=1000, blank=True)
    required = models.BooleanField(_("required"), default=True)
    max_length = models.PositiveIntegerField(
        _("maximum length"), null=True, blank=True, help_text=_("Characters, for text answers.")
    )
    choices = models.JSONField(
        _("choices"),
        default=list,
        blank=True,
        help_text=_('For choice questions: [{"value": "a", "label": {"en": "...", "ko": "..."}}]'),
    )
    original_language = models.CharField(_("original language"), max_length=8, default="ko")

    class Meta:
        ordering = ["form", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return shown(self, "label").text


class Application(TimeStampedModel, RulesModel):
    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications"
    )
    startup = models.ForeignKey(
        Startup, verbose_name=_("startup"), on_delete=models.CASCADE, related_name="applications"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "startup"], name="applications_one_per_startup_and_call"
            )
        ]
        indexes = [
            # The dashboard counts applications by call and status, and distinct startups, from
            # this index alone.
            models.Index(fields=["call", "status", "startup"], name="applications_call_status")
        ]
        rules_permissions = {
            "view": application_rules.can_view_application,
            "change": application_rules.can_edit_application,
            "decide": application_rules.can_decide_application,
        }

    def __str__(self) -> str:
        return f"{self.startup} → {self.call}"


class Answer(models.Model):
    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    value = models.JSONField(_("answer"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "question"], name="applications_one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.value}"


def attachment_path(instance, filename: str) -> str:
    return f"applications/{instance.application_id}/{instance.sha256[:16]}.bin"


class Attachment(models.Model):
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "question"], name="applications_one_file_per_question"
            )
        ]

    def __str__(self) -> str:
        return self.original_name


class StatusChange(models.Model):
    """One step of an application's timeline, as the founder and staff see it."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="timeline",
    )
    from_status = models.CharField(
        pgettext_lazy("previous state", "from"), max_length=16, choices=Status.choices, blank=True
    )
    to_status = models.CharField(
        pgettext_lazy("new state", "to"), max_length=16, choices=Status.choices
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"
