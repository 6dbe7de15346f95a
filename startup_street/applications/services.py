import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from startup_street.core.permissions import require
from startup_street.core.services import CONFLICT
from startup_street.core.timezones import get_zone, zone_label
from startup_street.programs.models import Call
from startup_street.spaces import services as space_services
from startup_street.startups.models import Startup

from . import tasks
from .answers import clean_answer
from .enums import FOUNDER_EDITABLE, TRANSITIONS, QuestionKind, Status
from .models import (
    Answer,
    Application,
    ApplicationForm,
    Attachment,
    Question,
    StatusChange,
)

# Accepted upload types, recognised by their first bytes rather than by the name or the header.
MAGIC = {
    "application/pdf": b"%PDF-",
    "image/png": b"\x89PNG\r\n\x1a\n",
    "image/jpeg": b"\xff\xd8\xff",
}


def form_for(call: Call) -> ApplicationForm:
    form, _created = ApplicationForm.objects.get_or_create(call=call)
    return form


def _in_call_zone(call: Call, moment) -> str:
    zone = get_zone(call.time_zone)
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M} {zone_label(moment, zone)}"


def _require_open(call: Call) -> None:
    """Applications are taken only while the call is open, judged in UTC on the server."""
    if call.status == "upcoming":
        raise ValidationError(
            _("This call opens on %(opens)s."),
            params={"opens": _in_call_zone(call, call.opens_at)},
            code=CONFLICT,
        )
    if call.status == "closed":
        raise ValidationError(
            _("This call closed on %(deadline)s."),
            params={"deadline": _in_call_zone(call, call.closes_at)},
            code=CONFLICT,
        )


def check_transition(status: str, to: str) -> None:
    """Refuse a step the state machine does not allow from ``status`` to ``to``."""
    if to not in TRANSITIONS[status]:
        raise ValidationError(
            _("An application that is “%(status)s” cannot become “%(to)s”."),
            params={"status": Status(status).label, "to": Status(to).label},
            code=CONFLICT,
        )


def change_status(application: Application, to: str, actor, *, notify: bool = True) -> StatusChange:
    """One step of the state machine: recorded with who and when, and e-mailed to the team.

    The one way an application's ``status`` changes; the caller saves the application."""
    check_transition(application.status, to)
    change = StatusChange.objects.create(
        application=application, from_status=application.status, to_status=to, actor=actor
    )
    application.status = to
    if notify:
        transaction.on_commit(lambda: tasks.task_notify_status.enqueue(change.pk))
    return change


def start_application(*, call: Call, startup: Startup, user) -> Application:
    """The startup's application to the call, created as a draft the first time (idempotent)."""
    require(user, "applications.apply_for_startup", startup)
    existing = Application.objects.filter(call=call, startup=startup).first()
    if existing:
        return existing
    _require_open(call)
    try:
        with transaction.atomic():
            application = Application.objects.create(call=call, startup=startup, created_by=user)
            StatusChange.objects.create(application=application, to_status=Status.DRAFT, actor=user)
    except IntegrityError:  # a parallel request created it first
        return Application.objects.get(call=call, startup=startup)
    form_for(call)
    return application


def _questions(application: Application):
    return list(Question.objects.filter(form__call_id=application.call_id))


def missing_answers(application: Application) -> list[Question]:
    answered = set(
        application.answers.exclude(value__isnull=True).values_list("question_id", flat=True)
    )
    answered |= set(application.attachments.values_list("question_id", flat=True))
    return [q for q in _questions(application) if q.required and q.pk not in answered]


@transaction.atomic
def save_answers(*, application: Application, user, data: dict) -> Application:
    """Store answers (by question id); all are validated first, so a bad one changes nothing."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    require(user, "applications.change_application", application)
    if application.status not in FOUNDER_EDITABLE:
        raise ValidationError(_("This application can no longer be changed."), code=CONFLICT)
    _require_open(application.call)
    errors, values = {}, {}
    for question in _questions(application):
        if question.kind == QuestionKind.FILE or str(question.pk) not in data:
            continue
        try:
            values[question] = clean_answer(question, data[str(question.pk)])
        except ValidationError as error:
            errors[str(question.pk)] = error.messages
    if errors:
        raise ValidationError(errors)
    for question, value in values.items():
        Answer.objects.update_or_create(
            application=application, question=question, defaults={"value": value}
        )
    if application.status == Status.SUBMITTED and missing_answers(application):
        raise ValidationError(_("A submitted application must keep every required answer."))
    application.save(update_fields=["updated_at"])
    return application


def _sniff(head: bytes) -> str | None:
    return next((kind for kind, magic in MAGIC.items() if head.startswith(magic)), None)


@transaction.atomic
def attach_file(*, application: Application, question: Question, user, upload) -> Attachment:
    application = Application.objects.select_for_update().get(pk=application.pk)
    require(user, "applications.change_application", application)
    if application.status not in FOUNDER_EDITABLE:
        raise ValidationError(_("This application can no longer be changed."), code=CONFLICT)
    _require_open(application.call)
    if question.form.call_id != application.call_id or question.kind != QuestionKind.FILE:
        raise ValidationError(_("This question does not take a file."))
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)d MB."),
            params={"limit": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)},
        )
    content = upload.read()
    detected = _sniff(content[:16])
    if detected is None or detected != (upload.content_type or detected):
        raise ValidationError(_("Upload a PDF, PNG or JPEG file whose content matches its type."))
    digest = hashlib.sha256(content).hexdigest()
    replaced = list(Attachment.objects.filter(application=application, question=question))
    for old in replaced:  # its file leaves the disk on commit (django-cleanup)
        old.delete()
    attachment = Attachment(
        application=application,
        question=question,
        original_name=upload.name[-255:],
        content_type=detected,
        size=len(content),
        sha256=digest,
    )
    attachment.file.save(digest, ContentFile(content), save=False)
    attachment.save()
    return attachment


@transaction.atomic
def submit_application(*, application: Application, user) -> Application:
    """Submit once: a double click or a retry returns the same submitted application.

    The call's form is locked too (after the application; nothing locks them the other way
    round), as its question changes do: a change is made before this submission, which is then
    checked against the changed questions, or refused after it."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    require(user, "applications.change_application", application)
    if application.status == Status.SUBMITTED:
        return application
    if not user.email_verified:
        raise ValidationError(
            _("Confirm your e-mail address first: open the link we sent when you signed up.")
        )
    _locked_form(application.call)
    _require_open(application.call)
    missing = missing_answers(application)
    if missing:
        raise ValidationError(
            _("Answer every required question first: %(questions)s."),
            params={"questions": "; ".join(str(q) for q in missing)},
        )
    change_status(application, Status.SUBMITTED, user)
    application.submitted_at = timezone.now()
    application.save(update_fields=["status", "submitted_at", "updated_at"])
    return application


@transaction.atomic
def withdraw_application(*, application: Application, user) -> Application:
    application = Application.objects.select_for_update().get(pk=application.pk)
    require(user, "applications.change_application", application)
    change_status(application, Status.WITHDRAWN, user)
    application.save(update_fields=["status", "updated_at"])
    # a startup that leaves the call gives up the hours in spaces acceptance granted
    space_services.revoke_call_entitlements(
        call=application.call, startup=application.startup, actor=user
    )
    return application


# The form builder: staff add, edit, delete and reorder a call's questions.


def _locked_form(call: Call) -> ApplicationForm:
    """The call's form, locked so that changes to its questions are made one at a time."""
    form_for(call)
    return ApplicationForm.objects.select_for_update().get(call=call)


def has_submissions(call: Call) -> bool:
    """Whether any application to the call was ever submitted (drafts do not count)."""
    never_submitted = Q(status__in=[Status.DRAFT, Status.WITHDRAWN], submitted_at__isnull=True)
    return call.applications.exclude(never_submitted).exists()


def _require_no_submission(call: Call) -> None:
    if has_submissions(call):
        raise ValidationError(
            _(
                "An application to this call has been submitted: its questions can no longer "
                "be changed or deleted."
            )
        )


def _with_values(options: list[dict], previous: list[dict]) -> list[dict]:
    """Give each option a stored value: the one of a previous option with the same text in some
    language (so that draft answers keep their meaning), else a new one."""
    free = list(previous)
    taken = {str(option.get("value")) for option in previous}
    result = []
    for option in options:
        label = option.get("label", {})
        match = next(
            (
                old
                for old in free
                if any(
                    text and old.get("label", {}).get(code) == text for code, text in label.items()
                )
            ),
            None,
        )
        if match is not None:
            free.remove(match)
            value = str(match.get("value"))
        else:
            number = 1
            while str(number) in taken:
                number += 1
            value = str(number)
        taken.add(value)
        result.append({"value": value, "label": label})
    return result


def _renumber(form: ApplicationForm) -> list[Question]:
    """The form's questions in order, numbered 1, 2, 3… (stored only where that changed)."""
    questions = list(form.questions.order_by("position", "pk"))
    for number, question in enumerate(questions, 1):
        if question.position != number:
            question.position = number
            question.save(update_fields=["position"])
    return questions


@transaction.atomic
def add_question(
    *,
    call: Call,
    actor,
    kind: str,
    label: dict,
    help_text: dict,
    required: bool,
    max_length: int | None,
    choices: list[dict],
) -> Question:
    """A new question at the end of the call's form. Once an application has been submitted,
    only an optional one: a required question would leave the submitted ones unanswered."""
    require(actor, "programs.change_call", call)
    form = _locked_form(call)
    if required and has_submissions(call):
        raise ValidationError(
            {
                "required": _(
                    "An application to this call has been submitted: a question added now "
                    "cannot be required."
                )
            }
        )
    last = form.questions.aggregate(last=Max("position"))["last"] or 0
    return Question.objects.create(
        form=form,
        position=last + 1,
        kind=kind,
        label=label,
        help_text=help_text,
        required=required,
        max_length=max_length,
        choices=_with_values(choices, []) if kind == QuestionKind.CHOICE else [],
        original_language=call.program.original_language,
    )


def _staffed_question(question: Question, actor) -> tuple[Question, Call]:
    """The question, locked with its form, once ``actor`` is known to be the call's staff."""
    gone = ValidationError(_("This question no longer exists."))
    call = Call.objects.select_related("program").filter(form__questions=question.pk).first()
    if call is None:
        raise gone
    require(actor, "programs.change_call", call)
    form = _locked_form(call)
    locked = Question.objects.select_for_update().filter(pk=question.pk, form=form).first()
    if locked is None:  # deleted meanwhile
        raise gone
    return locked, call


@transaction.atomic
def update_question(
    *,
    question: Question,
    actor,
    kind: str,
    label: dict,
    help_text: dict,
    required: bool,
    max_length: int | None,
    choices: list[dict],
) -> Question:
    """Change a question while no application to its call has been submitted; a draft's answer
    to an option that no longer exists is dropped."""
    question, call = _staffed_question(question, actor)
    _require_no_submission(call)
    answered = question.answers.exists() or question.attachments.exists()
    if kind != question.kind and answered:
        raise ValidationError(
            {"kind": _("This question has answers already: its type can no longer be changed.")}
        )
    question.kind = kind
    question.label = label
    question.help_text = help_text
    question.required = required
    question.max_length = max_length
    question.choices = (
        _with_values(choices, question.choices or []) if kind == QuestionKind.CHOICE else []
    )
    question.save()
    if kind == QuestionKind.CHOICE:
        values = {option["value"] for option in question.choices}
        stale = [
            a.pk for a in question.answers.all() if a.value is not None and a.value not in values
        ]
        Answer.objects.filter(pk__in=stale).delete()
    return question


@transaction.atomic
def delete_question(*, question: Question, actor) -> None:
    """Delete a question while no application to its call has been submitted, with the drafts'
    answers and files to it."""
    question, call = _staffed_question(question, actor)
    _require_no_submission(call)
    form = question.form
    question.delete()  # the attachments' files leave the disk on commit (django-cleanup)
    _renumber(form)


@transaction.atomic
def move_question(*, question: Question, actor, direction: str) -> Question:
    """Swap a question with the one before it (``up``) or after it (``down``); the first stays
    first and the last stays last. The order may change at any time: answers keep their question."""
    if direction not in {"up", "down"}:
        raise ValidationError(_("Move a question up or down."))
    question, call = _staffed_question(question, actor)
    questions = _renumber(question.form)
    index = next(n for n, q in enumerate(questions) if q.pk == question.pk)
    question = questions[index]  # with its renumbered position
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(questions):
        neighbour = questions[other]
        question.position, neighbour.position = neighbour.position, question.position
        Question.objects.bulk_update([question, neighbour], ["position"])
    return question
