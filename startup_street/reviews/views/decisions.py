"""The call staff's decisions: ranking with filters, many decisions at once, the waitlist,
quotas, the cohort and notices to applicants; and an application's whole history."""

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from startup_street.applications import decisions as call_decisions
from startup_street.applications.forms import (
    BulkDecisionForm,
    CohortForm,
    NoticeForm,
    QuotaForm,
)
from startup_street.applications.models import Cohort
from startup_street.applications.quotas import quota_status
from startup_street.applications.selectors import applications_visible_to, seat_summary

from .. import history, selectors
from ..decisions import promote_from_waitlist, release_decisions
from ..forms import RankingFilterForm, ReleaseDecisionsForm
from ..services import rubric_for
from .staff import managed_call, say_error, say_form_errors

T = TypeVar("T")


def _back(call):
    return redirect("reviews:decisions", call_id=call.pk)


def _attempt(request, call, action: Callable[[], T], success: Callable[[T], str]):
    """Run one decision service: say what it did, or why the domain refused it (a
    ValidationError, nothing changed); back to the call's decisions page either way."""
    try:
        result = action()
    except ValidationError as error:
        say_error(request, error)
    else:
        messages.success(request, success(result))
    return _back(call)


def _with_form(request, call, form, service: Callable[..., T], success: Callable[[T], str]):
    """``_attempt`` of ``service(call=, actor=, **the form's cleaned data)``; an invalid form
    is said field by field and nothing runs."""
    if not form.is_valid():
        say_form_errors(request, form)
        return _back(call)
    return _attempt(
        request, call, lambda: service(call=call, actor=request.user, **form.cleaned_data), success
    )


@login_required
def decisions(request, call_id: int):
    call = managed_call(request, call_id)
    filters = RankingFilterForm(request.GET or None)
    context = {
        "call": call,
        "filters": filters,
        "rows": selectors.ranking(call, **filters.filters()),
        "decision_form": BulkDecisionForm(call=call),
        "summary": seat_summary(call),
        "quotas": quota_status(call),
        "quota_form": QuotaForm(),
        "cohort": Cohort.objects.filter(call=call)
        .prefetch_related("applications__startup")
        .first(),
        "cohort_form": CohortForm(),
        "notice_form": NoticeForm(initial={"original_language": call.program.original_language}),
        "notices": call.notices.all()[:10],
        "rubric": rubric_for(call),
        "held": call.applications.exclude(shown_status="").count(),
        "release_form": ReleaseDecisionsForm(),
    }
    return render(request, "reviews/decisions.html", context)


@login_required
@require_POST
def decide_many(request, call_id: int):
    call = managed_call(request, call_id)
    form = BulkDecisionForm(request.POST, call=call)
    if not form.is_valid():
        messages.error(request, _("Choose applications and a decision."))
        return _back(call)

    def recorded(count: int) -> str:
        text = ngettext(
            "%(count)d decision was recorded.", "%(count)d decisions were recorded.", count
        )
        return text % {"count": count}

    return _attempt(
        request,
        call,
        lambda: call_decisions.decide_many(
            call=call,
            actor=request.user,
            application_ids=form.cleaned_data["applications"],
            decision=form.cleaned_data["decision"],
        ),
        recorded,
    )


@login_required
@require_POST
def promote_waitlist(request, call_id: int):
    call = managed_call(request, call_id)

    def promoted(accepted: list) -> str:
        text = ngettext(
            "%(count)d waitlisted startup was accepted.",
            "%(count)d waitlisted startups were accepted.",
            len(accepted),
        )
        return text % {"count": len(accepted)}

    return _attempt(
        request, call, lambda: promote_from_waitlist(call=call, actor=request.user), promoted
    )


@login_required
@require_POST
def release(request, call_id: int):
    call = managed_call(request, call_id)
    if not ReleaseDecisionsForm(request.POST).is_valid():
        messages.error(request, _("Confirm that every founder is to be told now."))
        return _back(call)

    def released(count: int) -> str:
        text = ngettext(
            "%(count)d decision was released: its founders are being told.",
            "%(count)d decisions were released: their founders are being told.",
            count,
        )
        return text % {"count": count}

    return _attempt(
        request, call, lambda: release_decisions(call=call, actor=request.user), released
    )


@login_required
@require_POST
def set_quota(request, call_id: int):
    call = managed_call(request, call_id)
    return _with_form(
        request,
        call,
        QuotaForm(request.POST),
        call_decisions.set_quota,
        lambda _quota: _("The quota was saved."),
    )


@login_required
@require_POST
def form_cohort(request, call_id: int):
    call = managed_call(request, call_id)
    form = CohortForm(request.POST)
    name = form.cleaned_data["name"] if form.is_valid() else ""

    def formed(cohort: Cohort) -> str:
        count = cohort.applications.count()
        text = ngettext(
            "The cohort %(name)s has %(count)d startup.",
            "The cohort %(name)s has %(count)d startups.",
            count,
        )
        return text % {"name": cohort.name, "count": count}

    return _attempt(
        request,
        call,
        lambda: call_decisions.form_cohort(call=call, actor=request.user, name=name),
        formed,
    )


@login_required
@require_POST
def send_notice(request, call_id: int):
    call = managed_call(request, call_id)
    return _with_form(
        request,
        call,
        NoticeForm(request.POST),
        call_decisions.send_notice,
        lambda _notice: _("The notice is on its way, to each in their language."),
    )


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
