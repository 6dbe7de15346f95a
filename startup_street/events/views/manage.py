"""Organisers' pages: registrations, solving, moving and pinning, publishing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import rules, selectors, services
from ..forms import DecideForm, MeetingRuleForm, MoveForm
from ..reasons import describe_stored, run_summary
from ..services.schedules import draft_problems


def _managed(request, slug: str):
    """The event when the viewer organises it: 404 when they may not see it, 403 when they
    may see it but not manage it."""
    event = get_object_or_404(selectors.events_visible_to(request.user), slug=slug)
    if not rules.can_manage_event(request.user, event):
        raise PermissionDenied
    return event


def _forms_errors(form) -> str:
    return " ".join(m for ms in form.errors.values() for m in ms)


@login_required
def manage(request, slug: str):
    event = _managed(request, slug)
    run = event.schedule_runs.first()
    context = {
        "event": event,
        "registrations": event.registrations.select_related("user").order_by("status", "name"),
        "decide_form": DecideForm(),
        "run": run,
        "summary": run_summary(run) if run else "",
        "run_issues": describe_stored(event.time_zone, run.issues) if run else [],
        "meetings": selectors.draft_of(event),
        "problems": draft_problems(event),
        "move_form": MoveForm(event=event),
        "meeting_rules": event.rules.all(),
        "rule_form": MeetingRuleForm(),
    }
    return render(request, "events/event_manage.html", context)


@login_required
@require_POST
def decide(request, slug: str, pk: int):
    event = _managed(request, slug)
    registration = get_object_or_404(event.registrations, pk=pk)

    def decide_it(status: str) -> None:
        services.decide_registration(registration=registration, actor=request.user, status=status)

    return _act(request, slug, DecideForm(request.POST), decide_it)


def _act(request, slug: str, form, act, said=None):
    """Do ``act(**form.cleaned_data)`` when the form is valid, then back to the event's page;
    a bad form or a refusal the domain explains is said there and changes nothing."""
    if not form.is_valid():
        messages.error(request, _forms_errors(form))
        return redirect("events:manage", slug=slug)
    try:
        done = act(**form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if said is not None:
            messages.success(request, said(done))
    return redirect("events:manage", slug=slug)


@login_required
@require_POST
def solve(request, slug: str):
    event = _managed(request, slug)
    run = services.solve_schedule(event=event, actor=request.user)
    messages.info(request, run_summary(run))
    return redirect("events:manage", slug=slug)


@login_required
@require_POST
def publish(request, slug: str):
    event = _managed(request, slug)
    try:
        notified = services.publish_schedule(event=event, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The schedule is published; %(count)d participants with changes were told.")
            % {"count": len(notified)},
        )
    return redirect("events:manage", slug=slug)


@login_required
@require_POST
def move(request, slug: str, pk: int):
    event = _managed(request, slug)
    meeting = get_object_or_404(event.meetings, pk=pk)
    form = MoveForm(request.POST, event=event)
    if not form.is_valid():
        messages.error(request, _forms_errors(form))
        return redirect("events:manage", slug=slug)
    services.move_meeting(meeting=meeting, actor=request.user, **form.cleaned_data)
    messages.success(request, _("The meeting is pinned there; solve again to fit the others."))
    return redirect("events:manage", slug=slug)


@login_required
@require_POST
def unpin(request, slug: str, pk: int):
    event = _managed(request, slug)
    meeting = get_object_or_404(event.meetings, pk=pk)
    services.unpin_meeting(meeting=meeting, actor=request.user)
    return redirect("events:manage", slug=slug)


@login_required
@require_POST
def set_rule(request, slug: str):
    event = _managed(request, slug)

    def set_it(**fields):
        return services.set_meeting_rule(event=event, actor=request.user, **fields)

    def said(rule) -> str:
        return _("%(rule)s: up to %(count)d requests each.") % {
            "rule": rule,
            "count": rule.max_requests,
        }

    return _act(request, slug, MeetingRuleForm(request.POST), set_it, said)


@login_required
@require_POST
def remove_rule(request, slug: str, pk: int):
    event = _managed(request, slug)
    rule = get_object_or_404(event.rules, pk=pk)
    services.remove_meeting_rule(rule=rule, actor=request.user)
    messages.success(request, _("The rule is removed."))
    return redirect("events:manage", slug=slug)
