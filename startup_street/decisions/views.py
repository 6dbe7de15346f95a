"""The call staff's decisions: ranking with filters, one or many decisions, the waitlist, the
hold setting and release, quotas, the cohort and notices to applicants."""

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from startup_street.applications.selectors import applications_visible_to
from startup_street.core.flash import flash_error, flash_form_errors
from startup_street.programs.selectors import calls_visible_to
from startup_street.reviews.forms import RankingFilterForm

from . import selectors, services
from .forms import (
    BulkDecisionForm,
    CohortForm,
    DecisionForm,
    HoldForm,
    NoticeForm,
    QuotaForm,
    ReleaseDecisionsForm,
)
from .models import Cohort
from .quotas import quota_status

T = TypeVar("T")


def _decided_call(request, call_id: int):
    call = get_object_or_404(calls_visible_to(request.user), pk=call_id)
    if not request.user.has_perm(services.DECIDE, call):
        raise PermissionDenied
    return call


def _back(call):
    return redirect("decisions:decisions", call_id=call.pk)


def _attempt(request, call, action: Callable[[], T], success: Callable[[T], str]):
    """Run one decision service: say what it did, or why the domain refused it (a
    ValidationError, nothing changed); back to the call's decisions page either way."""
    try:
        result = action()
    except ValidationError as error:
        flash_error(request, error)
    else:
        messages.success(request, success(result))
    return _back(call)


def _with_form(request, call, form, service: Callable[..., T], success: Callable[[T], str]):
    """``_attempt`` of ``service(call=, actor=, **the form's cleaned data)``; an invalid form
    is said field by field and nothing runs."""
    if not form.is_valid():
        flash_form_errors(request, form)
        return _back(call)
    return _attempt(
        request, call, lambda: service(call=call, actor=request.user, **form.cleaned_data), success
    )


@login_required
def decisions(request, call_id: int):
    call = _decided_call(request, call_id)
    filters = RankingFilterForm(request.GET or None)
    held = selectors.decisions_held(call)
    context = {
        "call": call,
        "filters": filters,
        "rows": selectors.decision_ranking(call, **filters.filters()),
        "decision_form": BulkDecisionForm(call=call),
        "summary": selectors.decision_summary(call),
        "quotas": quota_status(call),
        "quota_form": QuotaForm(),
        "cohort": Cohort.objects.filter(call=call)
        .prefetch_related("applications__startup")
        .first(),
        "cohort_form": CohortForm(),
        "notice_form": NoticeForm(initial={"original_language": call.program.original_language}),
        "notices": call.notices.all()[:10],
        "hold": held,
        "hold_form": HoldForm(initial={"hold": held}),
        "held": selectors.pending_decisions(call).count(),
        "release_form": ReleaseDecisionsForm(),
    }
    return render(request, "decisions/call_decisions.html", context)


@login_required
@require_POST
def decide(request, pk: int):
    application = get_object_or_404(applications_visible_to(request.user), pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect("applications:detail", pk=pk)
    try:
        services.decide_application(
            application=application, actor=request.user, decision=form.cleaned_data["decision"]
        )
        messages.success(request, _("The decision was recorded."))
    except ValidationError as error:
        flash_error(request, error)
    return redirect("applications:detail", pk=pk)


@login_required
@require_POST
def decide_many(request, call_id: int):
    call = _decided_call(request, call_id)
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
        lambda: services.decide_many(
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
    call = _decided_call(request, call_id)

    def promoted(accepted: list) -> str:
        text = ngettext(
            "%(count)d waitlisted startup was accepted.",
            "%(count)d waitlisted startups were accepted.",
            len(accepted),
        )
        return text % {"count": len(accepted)}

    return _attempt(
        request,
        call,
        lambda: services.promote_from_waitlist(call=call, actor=request.user),
        promoted,
    )


@login_required
@require_POST
def hold(request, call_id: int):
    call = _decided_call(request, call_id)

    def saved(settings) -> str:
        if settings.hold:
            return _(
                "Decisions on this call are held: founders are told nothing until you release them."
            )
        return _("Decisions on this call are told as they are made.")

    return _with_form(request, call, HoldForm(request.POST), services.set_hold, saved)


@login_required
@require_POST
def release(request, call_id: int):
    call = _decided_call(request, call_id)
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
        request,
        call,
        lambda: services.release_decisions(call=call, actor=request.user),
        released,
    )


@login_required
@require_POST
def set_quota(request, call_id: int):
    call = _decided_call(request, call_id)
    return _with_form(
        request,
        call,
        QuotaForm(request.POST),
        services.set_quota,
        lambda _quota: _("The quota was saved."),
    )


@login_required
@require_POST
def form_cohort(request, call_id: int):
    call = _decided_call(request, call_id)
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
        lambda: services.form_cohort(call=call, actor=request.user, name=name),
        formed,
    )


@login_required
@require_POST
def send_notice(request, call_id: int):
    call = _decided_call(request, call_id)
    return _with_form(
        request,
        call,
        NoticeForm(request.POST),
        services.send_notice,
        lambda _notice: _("The notice is on its way, to each in their language."),
    )
