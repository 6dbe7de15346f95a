"""A startup's market entries and the outcomes of its meetings (its team only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from startup_street.startups.selectors import startups_of

from .. import services
from ..forms import MarketEntryForm, OutcomeForm, StepForm
from ..models import MarketEntryStep


@login_required
@require_http_methods(["GET", "POST"])
def startup_outcomes(request, startup_slug: str):
    startup = get_object_or_404(startups_of(request.user), slug=startup_slug)
    outcome_form = OutcomeForm(request.POST if "record_outcome" in request.POST else None)
    entry_form = MarketEntryForm(request.POST if "start_entry" in request.POST else None)
    try:
        if outcome_form.is_bound and outcome_form.is_valid():
            services.record_outcome(
                startup=startup, actor=request.user, **outcome_form.cleaned_data
            )
            messages.success(request, _("The outcome is recorded."))
            return redirect("events:outcomes", startup_slug=startup.slug)
        if entry_form.is_bound and entry_form.is_valid():
            services.start_market_entry(
                startup=startup, actor=request.user, **entry_form.cleaned_data
            )
            messages.success(request, _("The checklist is ready."))
            return redirect("events:outcomes", startup_slug=startup.slug)
    except ValidationError as error:
        form = outcome_form if outcome_form.is_bound else entry_form
        form.add_error(None, error.messages)
    context = {
        "startup": startup,
        "outcomes": startup.event_outcomes.select_related("event"),
        "entries": startup.market_entries.prefetch_related("steps"),
        "outcome_form": outcome_form,
        "entry_form": entry_form,
        "step_form": StepForm(),
    }
    return render(request, "events/outcome_list.html", context)


@login_required
@require_POST
def entry_step(request, pk: int):
    step = get_object_or_404(
        MarketEntryStep.objects.select_related("entry__startup"),
        pk=pk,
        entry__startup__in=startups_of(request.user),
    )
    form = StepForm(request.POST)
    if form.is_valid():
        services.update_entry_step(step=step, actor=request.user, **form.cleaned_data)
    else:
        messages.error(request, " ".join(m for ms in form.errors.values() for m in ms))
    return redirect("events:outcomes", startup_slug=step.entry.startup.slug)
