"""The call staff's review page: rubric, criteria, assignments, conflicts, stakes, exports, and
an application's whole history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from startup_street.applications.exports import FORMATS, spreadsheet_response
from startup_street.applications.selectors import applications_visible_to
from startup_street.core.flash import flash_error, flash_form_errors
from startup_street.programs.selectors import calls_visible_to

from .. import assignment as auto
from .. import conflicts, history, selectors, services
from .. import rules as review_rules
from ..forms import AssignForm, AutoAssignForm, CriterionForm, RubricForm, StakeForm
from ..models import ReviewAssignment


def managed_call(request, call_id: int):
    call = get_object_or_404(calls_visible_to(request.user), pk=call_id)
    if not request.user.has_perm(review_rules.MANAGE_CALL, call):
        raise PermissionDenied
    return call


@login_required
@require_http_methods(["GET", "POST"])
def manage(request, call_id: int):
    call = managed_call(request, call_id)
    rubric = selectors.rubric_of(call)  # GET writes nothing: a default rubric until set
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
        "rubric_form": RubricForm(instance=rubric),
        "criteria": list(rubric.criteria.all()) if rubric.pk else [],
        "criterion_form": criterion_form,
        "assignments": selectors.assignments_to_call(call),
        "applications": selectors.reviewable_applications(call).select_related("startup"),
        "pool": selectors.reviewer_pool(call).order_by("display_name"),
        "conflicts": selectors.conflicts_of_call(call),
        "stakes": selectors.stakes_of_call(call),
        "stake_form": StakeForm(call=call),
        "auto_assign_form": AutoAssignForm(),
        "last_auto": selectors.last_auto_assignment(call),
    }
    return render(request, "reviews/manage.html", context)


@login_required
@require_POST
def rubric_settings(request, call_id: int):
    call = managed_call(request, call_id)
    form = RubricForm(request.POST, instance=services.rubric_for(call))
    if form.is_valid():
        services.update_rubric(
            call=call,
            actor=request.user,
            **{name: form.cleaned_data[name] for name in services.RUBRIC_SETTINGS},
        )
        messages.success(request, _("The review settings were saved."))
    else:
        flash_form_errors(request, form)
    return redirect("reviews:manage", call_id=call.pk)


@login_required
@require_POST
def run_auto_assign(request, call_id: int):
    call = managed_call(request, call_id)
    form = AutoAssignForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("reviews:manage", call_id=call.pk)
    cap = auto.parse_cap(form.cleaned_data["randomize"])
    outcome = auto.auto_assign(call=call, actor=request.user, max_probability=cap)
    text = ngettext(
        "%(count)d assignment was made.", "%(count)d assignments were made.", outcome.created
    ) % {"count": outcome.created}
    if outcome.ok:
        messages.success(request, text)
    else:
        messages.warning(request, " ".join([text, *outcome.diagnosis]))
    return redirect("reviews:manage", call_id=call.pk)


@login_required
@require_POST
def manual_assign(request, call_id: int):
    call = managed_call(request, call_id)
    form = AssignForm(request.POST)
    if form.is_valid():
        application = get_object_or_404(call.applications, pk=form.cleaned_data["application"])
        reviewer = get_object_or_404(
            selectors.reviewer_pool(call), pk=form.cleaned_data["reviewer"]
        )
        try:
            services.assign_reviewer(application=application, reviewer=reviewer, actor=request.user)
            messages.success(request, _("The reviewer was assigned."))
        except ValidationError as error:
            flash_error(request, error)
    return redirect("reviews:manage", call_id=call.pk)


@login_required
@require_POST
def unassign(request, call_id: int, pk: int):
    call = managed_call(request, call_id)
    assignment = get_object_or_404(ReviewAssignment, pk=pk, application__call=call)
    try:
        services.unassign_reviewer(assignment=assignment, actor=request.user)
        messages.success(request, _("The assignment was removed."))
    except ValidationError as error:
        flash_error(request, error)
    return redirect("reviews:manage", call_id=call.pk)


@login_required
@require_POST
def record_stake(request, call_id: int):
    call = managed_call(request, call_id)
    form = StakeForm(request.POST, call=call)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("reviews:manage", call_id=call.pk)
    try:
        conflicts.record_stake(
            startup=form.cleaned_data["startup"],
            actor=request.user,
            kind=form.cleaned_data["kind"],
            person=form.cleaned_data["person"],
            organization=form.cleaned_data["organization"],
        )
        created = conflicts.detect_conflicts(call=call, actor=request.user)
        text = ngettext(
            "Recorded. %(count)d new conflict of interest was found.",
            "Recorded. %(count)d new conflicts of interest were found.",
            created,
        )
        messages.success(request, text % {"count": created})
    except ValidationError as error:
        flash_error(request, error)
    return redirect("reviews:manage", call_id=call.pk)


@login_required
def export_reviews(request, call_id: int):
    call = managed_call(request, call_id)
    kind = request.GET.get("format", "csv")
    if kind not in FORMATS:
        kind = "csv"
    header, rows = selectors.review_export_rows(call)
    return spreadsheet_response(name=f"call-{call.pk}-reviews", kind=kind, header=header, rows=rows)


@login_required
def application_history(request, pk: int):
    application = get_object_or_404(applications_visible_to(request.user), pk=pk)
    if not request.user.has_perm("applications.decide_application", application):
        raise PermissionDenied
    entries = history.application_history(application)
    return render(
        request,
        "reviews/application_history.html",
        {"application": application, "entries": entries},
    )
