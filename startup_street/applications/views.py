from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from startup_street.programs.selectors import calls_visible_to
from startup_street.startups.selectors import startups_of

from . import selectors, services
from .enums import WITHDRAWABLE
from .exports import FORMATS, spreadsheet_response
from .forms import AnswersForm, DecisionForm, MoveQuestionForm, QuestionForm, UploadForm
from .models import Question


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _visible(request, pk: int):
    return get_object_or_404(selectors.applications_visible_to(request.user), pk=pk)


@login_required
def my_applications(request):
    applications = selectors.applications_of(request.user).order_by("-updated_at")
    return render(request, "applications/application_list.html", {"applications": applications})


@login_required
@require_POST
def apply(request, call_id: int):
    call = get_object_or_404(calls_visible_to(request.user), pk=call_id)
    startup = get_object_or_404(startups_of(request.user), pk=request.POST.get("startup") or 0)
    try:
        application = services.start_application(call=call, startup=startup, user=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("programs:detail", slug=call.program.slug)
    return redirect("applications:detail", pk=application.pk)


def _answers_form(application, data=None):
    return AnswersForm(
        data,
        questions=selectors.questions_of(application.call),
        answers=selectors.answers_by_question(application),
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_detail(request, pk: int):
    application = _visible(request, pk)
    can_edit = request.user.has_perm("applications.change_application", application)
    can_decide = request.user.has_perm("applications.decide_application", application)
    form = _answers_form(application, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        try:
            services.save_answers(application=application, user=request.user, data=request.POST)
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(request, _("Your answers were saved."))
            return redirect("applications:detail", pk=pk)
    timeline = application.timeline.select_related("actor")
    context = {
        "application": application,
        "form": form,
        "can_edit": can_edit,
        "attachments": {a.question_id: a for a in application.attachments.all()},
        "timeline": timeline,
        "upload_form": UploadForm(),
        "decision_form": DecisionForm(),
        "can_decide": can_decide,
        "can_withdraw": can_edit and application.status in WITHDRAWABLE,
        "feedback": selectors.feedback_for(application) if can_edit or can_decide else [],
    }
    return render(request, "applications/application_detail.html", context)


def _attach_errors(form, error: ValidationError) -> None:
    form.is_valid()
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


@login_required
@require_POST
def autosave(request, pk: int):
    application = _visible(request, pk)
    fields = [
        str(pk) for pk in selectors.questions_of(application.call).values_list("pk", flat=True)
    ]
    try:
        services.save_answers(application=application, user=request.user, data=request.POST)
    except (ValidationError, PermissionDenied) as error:
        # Each wrong answer's message goes under its field; the status line says none was saved.
        by_field = error.message_dict if getattr(error, "error_dict", None) else {}
        text = (
            _("Not saved: correct the answers marked below.")
            if by_field
            else _error_text(error)
            if isinstance(error, ValidationError)
            else _("Not saved.")
        )
        context = {"error": text, "fields": [(name, by_field.get(name, [])) for name in fields]}
        return render(request, "applications/_autosave.html", context, status=200)
    context = {"saved_at": timezone.now(), "fields": [(name, []) for name in fields]}
    return render(request, "applications/_autosave.html", context)


@login_required
@require_POST
def upload(request, pk: int, question_id: int):
    application = _visible(request, pk)
    question = get_object_or_404(Question, pk=question_id, form__call=application.call)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
    else:
        try:
            services.attach_file(
                application=application,
                question=question,
                user=request.user,
                upload=form.cleaned_data["file"],
            )
            messages.success(request, _("The file was uploaded."))
        except ValidationError as error:
            messages.error(request, _error_text(error))
    return redirect("applications:detail", pk=pk)


@login_required
def download(request, pk: int, attachment_id: int):
    application = _visible(request, pk)
    attachment = get_object_or_404(application.attachments, pk=attachment_id)
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=True,
        filename=attachment.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _founder_action(request, pk: int, action, done_message: str):
    application = _visible(request, pk)
    try:
        action(application=application, user=request.user)
        messages.success(request, done_message)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect("applications:detail", pk=pk)


@login_required
@require_POST
def submit(request, pk: int):
    return _founder_action(
        request, pk, services.submit_application, _("Your application was submitted.")
    )


@login_required
@require_POST
def withdraw(request, pk: int):
    return _founder_action(
        request, pk, services.withdraw_application, _("Your application was withdrawn.")
    )


def _staffed_call(request, call_id: int):
    call = get_object_or_404(calls_visible_to(request.user), pk=call_id)
    if not request.user.has_perm("programs.change_call", call):
        raise PermissionDenied
    return call


@login_required
def call_applications(request, call_id: int):
    call = _staffed_call(request, call_id)
    applications = selectors.applications_to_call(call)
    kind = request.GET.get("format")
    if kind in FORMATS:
        header, rows = selectors.export_rows(call, applications)
        return spreadsheet_response(
            name=f"call-{call.pk}-applications", kind=kind, header=header, rows=rows
        )
    return render(
        request,
        "applications/call_applications.html",
        {"call": call, "applications": applications, "summary": selectors.seat_summary(call)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def form_builder(request, call_id: int):
    call = _staffed_call(request, call_id)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_question(call=call, actor=request.user, **form.question_fields())
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(request, _("The question was added."))
            return redirect("applications:form_builder", call_id=call.pk)
    return render(
        request,
        "applications/form_builder.html",
        {
            "call": call,
            "form": form,
            "questions": selectors.questions_of(call),
            "locked": services.has_submissions(call),
        },
    )


def _staffed_question(request, call_id: int, question_id: int):
    call = _staffed_call(request, call_id)
    return call, get_object_or_404(Question, pk=question_id, form__call=call)


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, call_id: int, question_id: int):
    call, question = _staffed_question(request, call_id, question_id)
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_question(
                question=question, actor=request.user, **form.question_fields()
            )
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(request, _("The question was saved."))
            return redirect("applications:form_builder", call_id=call.pk)
    question.refresh_from_db()  # validating the bound form changed the instance in memory
    return render(
        request,
        "applications/question_edit.html",
        {
            "call": call,
            "question": question,
            "form": form,
            "locked": services.has_submissions(call),
        },
    )


@login_required
@require_POST
def question_delete(request, call_id: int, question_id: int):
    call, question = _staffed_question(request, call_id, question_id)
    try:
        services.delete_question(question=question, actor=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("applications:question_edit", call_id=call.pk, question_id=question.pk)
    messages.success(request, _("The question was deleted."))
    return redirect("applications:form_builder", call_id=call.pk)


@login_required
@require_POST
def question_move(request, call_id: int, question_id: int):
    call, question = _staffed_question(request, call_id, question_id)
    form = MoveQuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Move a question up or down."))
    else:
        services.move_question(
            question=question, actor=request.user, direction=form.cleaned_data["direction"]
        )
    return redirect("applications:form_builder", call_id=call.pk)
