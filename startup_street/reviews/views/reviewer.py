"""A reviewer's pages: only their own assignments, never another's (those answer 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import conflicts, selectors, services
from ..forms import ConflictForm, ReviewForm
from ..models import ReviewAssignment
from ..sheets import applicant_shown, attachment_name, review_sheet, sees_applicant


@login_required
def my_reviews(request):
    assignments = list(selectors.assignments_of(request.user))
    for assignment in assignments:  # as this reviewer may name it (blind review)
        assignment.applicant = applicant_shown(request.user, assignment)
    return render(request, "reviews/review_list.html", {"assignments": assignments})


def _own_assignment(request, pk: int) -> ReviewAssignment:
    # Another reviewer's assignment answers 404: its existence is not revealed.
    return get_object_or_404(selectors.assignments_of(request.user), pk=pk)


def _review_form(request, assignment, criteria, review):
    initial_scores = dict(review.scores.values_list("criterion_id", "value")) if review else {}
    initial = (
        {
            "comment_to_staff": review.comment_to_staff,
            "comment_to_applicant": review.comment_to_applicant,
        }
        if review
        else None
    )
    return ReviewForm(
        request.POST or None, criteria=criteria, initial_scores=initial_scores, initial=initial
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_detail(request, pk: int):
    assignment = _own_assignment(request, pk)
    sheet = review_sheet(assignment, request.user)
    form = _review_form(request, assignment, sheet.criteria, sheet.review)
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
    context = {
        "sheet": sheet,
        "assignment": assignment,
        "application": sheet.application,
        "rubric": sheet.rubric,
        "blind": sheet.blind,
        "closed": sheet.closed,
        "form": form,
        "review": sheet.review,
        "others": sheet.others,
        "questions": sheet.questions,
        "attachments": sheet.attachments,
        "conflict_form": ConflictForm(),
    }
    return render(request, "reviews/review_detail.html", context)


@login_required
def review_attachment(request, pk: int, attachment_id: int):
    assignment = _own_assignment(request, pk)
    attachment = get_object_or_404(assignment.application.attachments, pk=attachment_id)
    blind = not sees_applicant(request.user, assignment)
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=True,
        filename=attachment_name(attachment, blind=blind),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def declare_conflict(request, pk: int):
    assignment = _own_assignment(request, pk)
    form = ConflictForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    conflicts.declare_conflict(assignment=assignment, reviewer=request.user, note=note)
    messages.success(request, _("Thank you: you will not review this applicant."))
    return redirect("reviews:mine")
