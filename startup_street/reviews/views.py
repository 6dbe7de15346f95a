from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from startup_street.accounts.models import User
from startup_street.applications.selectors import answers_by_question, questions_of
from startup_street.programs.selectors import calls_visible_to

from . import assignment as auto
from . import rules as review_rules
from . import selectors, services
from .forms import AssignForm, ConflictForm, CriterionForm, ReviewForm
from .models import Review, ReviewAssignment


@login_required
def my_reviews(request):
    return render(
        request, "reviews/review_list.html", {"assignments": selectors.assignments_of(request.user)}
    )


def _own_assignment(request, pk: int) -> ReviewAssignment:
    # Another reviewer's assignment answers 404: its existence is not revealed.
    return get_object_or_404(selectors.assignments_of(request.user), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def review_detail(request, pk: int):
    assignment = _own_assignment(request, pk)
    application = assignment.application
    rubric = services.rubric_for(application.call)
    criteria = list(rubric.criteria.all())
    review = Review.objects.filter(assignment=assignment).first()
    initial_scores = dict(review.scores.values_list("criterion_id", "value")) if review else {}
    initial = (
        {
            "comment_to_staff": review.comment_to_staff,
            "comment_to_applicant": review.comment_to_applicant,
        }
        if review
        else None
    )
    form = ReviewForm(
        request.POST or None, criteria=criteria, initial_scores=initial_scores, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_review(
                assignment=assignment,
                reviewer=request.user,
                scores=form.scores(),
                comment_to_staff=form.cleaned_data["comment_to_staff"],
                comment_to_applicant=form.cleaned_data["comment_to_applicant"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Your review was submitted."))
            return redirect("reviews:detail", pk=pk)
    others = []
    if rubric.show_other_scores and review and review.submitted_at:
        others = Review.objects.filter(
            assignment__application=application, submitted_at__isnull=False
        ).exclude(pk=review.pk)
    answers = answers_by_question(application)
    context = {
        "assignment": assignment,
        "application": application,
        "rubric": rubric,
        "form": form,
        "review": review,
        "others": others,
        "questions": [(q, answers.get(q.pk)) for q in questions_of(application.call)],
        "attachments": application.attachments.all(),
        "conflict_form": ConflictForm(),
    }
    return render(request, "reviews/review_detail.html", context)


@login_required
def review_attachment(request, pk: int, attachment_id: int):
    assignment = _own_assignment(request, pk)
    attachment = get_object_or_404(assignment.application.attachments, pk=attachment_id)
    name = (
        attachment.original_name
        if not services.rubric_for(assignment.application.call).blind
        else f"attachment-{attachment.pk}"
    )
    return FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=True,
        filename=name,
    )


@login_required
@require_POST
def declare_conflict(request, pk: int):
    assignment = _own_assignment(request, pk)
    form = ConflictForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    services.declare_conflict(assignment=assignment, reviewer=request.user, note=note)
    messages.success(request, _("Thank you: you will not review this applicant."))
    return redirect("reviews:mine")


def _managed_call(request, call_id: int):
    call = get_object_or_404(calls_visible_to(request.user), pk=call_id)
    if not review_rules.can_manage_reviews(request.user, call):
        raise PermissionDenied
    return call


@login_required
@require_http_methods(["GET", "POST"])
def manage(request, call_id: int):
    call = _managed_call(request, call_id)
    rubric = services.rubric_for(call)
    criterion_form = CriterionForm(request.POST or None)
    if request.method == "POST" and criterion_form.is_valid():
        try:
            services.add_criterion(call=call, actor=request.user, **criterion_form.cleaned_data)
        except ValidationError as error:
            criterion_form.add_error(None, error.messages)
        else:
            messages.success(request, _("The criterion was added."))
            return redirect("reviews:manage", call_id=call.pk)
    context = {
        "call": call,
        "rubric": rubric,
        "criterion_form": criterion_form,
        "rows": selectors.ranking(call),
        "assignments": ReviewAssignment.objects.filter(application__call=call).select_related(
            "reviewer", "application__startup", "review"
        ),
        "pool": selectors.reviewer_pool(call),
    }
    return render(request, "reviews/manage.html", context)


@login_required
@require_POST
def run_auto_assign(request, call_id: int):
    call = _managed_call(request, call_id)
    services.detect_conflicts(call=call, actor=request.user)
    outcome = auto.auto_assign(call=call, actor=request.user)
    text = _("%(count)d assignments were made.") % {"count": outcome.created}
    if outcome.ok:
        messages.success(request, text)
    else:
        messages.warning(request, " ".join([text, *outcome.diagnosis]))
    return redirect("reviews:manage", call_id=call.pk)


@login_required
@require_POST
def manual_assign(request, call_id: int):
    call = _managed_call(request, call_id)
    form = AssignForm(request.POST)
    if form.is_valid():
        application = get_object_or_404(call.applications, pk=form.cleaned_data["application"])
        reviewer = get_object_or_404(User, pk=form.cleaned_data["reviewer"])
        try:
            services.assign_reviewer(application=application, reviewer=reviewer, actor=request.user)
            messages.success(request, _("The reviewer was assigned."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("reviews:manage", call_id=call.pk)
