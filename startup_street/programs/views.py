from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from startup_street.accounts.models import User
from startup_street.core.flash import flash_error
from startup_street.core.i18n import normalise_language
from startup_street.organizations.selectors import organizations_staffed_by
from startup_street.startups.selectors import startups_of

from . import alerts, selectors, services
from .discovery import describe_filters, find_programs, search_url
from .forms import CallForm, ProgramFilterForm, ProgramForm


def program_list(request):
    form = ProgramFilterForm(request.GET or None)
    data = form.valid_data()
    found = find_programs(request.user, data)
    page = Paginator(found.results, 20).get_page(request.GET.get("page"))
    template = "programs/_program_results.html" if request.htmx else "programs/program_list.html"
    context = {"page": page, "form": form, "facets": found.facets(), "saved": form.facet_values()}
    context.update(query=data.get("q", ""), oob_facets=bool(request.htmx))
    context["corrections"] = getattr(found.results, "corrections", {})
    context["query_read"] = " ".join([context["query"], *context["corrections"].values()])
    return render(request, template, context)


def program_detail(request, slug: str):
    program = get_object_or_404(selectors.programs_visible_to(request.user), slug=slug)
    calls = program.calls.order_by("-closes_at")
    can_manage = request.user.has_perm("programs.change_program", program)
    memberships = (
        request.user.startup_memberships.select_related("startup")
        if request.user.is_authenticated
        else []
    )
    open_ones = [call for call in calls if call.status == "open"]
    checks = {}
    for membership in memberships:
        for call, verdict in selectors.eligibility_of(membership.startup, open_ones):
            checks.setdefault(call.pk, []).append((membership.startup, verdict))
    context = {
        "program": program,
        "calls": calls,
        "can_manage": can_manage,
        "memberships": memberships,
        "checks": checks,
        "following": request.user.is_authenticated
        and program.follows.filter(user=request.user).exists(),
    }
    return render(request, "programs/program_detail.html", context)


@login_required
def eligible_programs(request):
    """ "Programs I'm eligible for": open calls none of whose rules the startup fails."""
    startups = list(startups_of(request.user))
    chosen = next((s for s in startups if str(s.pk) == request.GET.get("startup")), None)
    chosen = chosen or (startups[0] if startups else None)
    rows = selectors.eligible_open_calls(request.user, chosen) if chosen else []
    context = {"startups": startups, "chosen": chosen, "rows": rows}
    return render(request, "programs/eligible_list.html", context)


def _split(form):
    data = dict(form.cleaned_data)
    return data.pop("sectors"), data


@login_required
@require_http_methods(["GET", "POST"])
def program_create(request, org_slug: str):
    organization = get_object_or_404(organizations_staffed_by(request.user), slug=org_slug)
    form = ProgramForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sectors, data = _split(form)
        program = services.create_program(
            organization=organization, actor=request.user, sectors=sectors, **data
        )
        messages.success(request, _("The program was created."))
        return redirect(program)
    return render(
        request, "programs/program_form.html", {"form": form, "organization": organization}
    )


def _managed_program(request, slug: str):
    program = get_object_or_404(selectors.programs_visible_to(request.user), slug=slug)
    if not request.user.has_perm("programs.change_program", program):
        raise PermissionDenied
    return program


@login_required
@require_http_methods(["GET", "POST"])
def program_edit(request, slug: str):
    program = _managed_program(request, slug)
    form = ProgramForm(request.POST or None, instance=program)
    if request.method == "POST" and form.is_valid():
        sectors, data = _split(form)
        services.update_program(program=program, actor=request.user, sectors=sectors, **data)
        messages.success(request, _("The program was saved."))
        return redirect(program)
    return render(
        request,
        "programs/program_form.html",
        {"form": form, "program": program, "organization": program.organization},
    )


@login_required
@require_http_methods(["GET", "POST"])
def call_edit(request, slug: str, pk: int | None = None):
    program = _managed_program(request, slug)
    call = get_object_or_404(program.calls, pk=pk) if pk else None
    initial = CallForm.initial_for(call) if call else None
    form = CallForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_call(
            program=program, actor=request.user, call=call, **form.call_fields(program)
        )
        messages.success(request, _("The call was saved."))
        return redirect(program)
    return render(
        request, "programs/call_form.html", {"form": form, "program": program, "call": call}
    )


@login_required
@require_http_methods(["POST"])
def follow(request, slug: str):
    program = get_object_or_404(selectors.programs_visible_to(request.user), slug=slug)
    if request.POST.get("action") == "unfollow":
        alerts.unfollow_program(user=request.user, program=program)
        messages.success(request, _("You no longer follow this program."))
    else:
        alerts.follow_program(user=request.user, program=program)
        messages.success(
            request, _("You follow this program: new calls and deadlines will reach you.")
        )
    return redirect(program)


def deadlines_ics(request, token: str):
    """The followed programs' deadlines as a calendar; the signed token stands for the user."""
    user = User.objects.filter(pk=alerts.user_id_from_feed_token(token), is_active=True).first()
    if user is None:
        raise Http404
    response = HttpResponse(alerts.deadlines_calendar(user), content_type="text/calendar")
    response["Content-Disposition"] = 'inline; filename="startup-street-deadlines.ics"'
    return response


@login_required
def saved_searches(request):
    searches = selectors.saved_searches_of(request.user)
    rows = [(saved, search_url(saved), describe_filters(saved.filters)) for saved in searches]
    return render(request, "programs/saved_search_list.html", {"rows": rows})


@login_required
@require_http_methods(["POST"])
def saved_search_create(request):
    form = ProgramFilterForm(request.POST)
    if form.errors:
        messages.error(request, _("The search could not be saved: its filters are not valid."))
        return redirect("programs:list")
    try:
        saved, _created = services.save_search(
            user=request.user,
            query=form.cleaned_data["q"],
            filters=form.facet_values(),
            language=normalise_language(get_language()) or "en",
        )
    except ValidationError as error:
        flash_error(request, error)
        return redirect("programs:list")
    messages.success(request, _("Search saved: new calls that match will be e-mailed to you."))
    return redirect(search_url(saved))


@login_required
@require_http_methods(["POST"])
def saved_search_delete(request, pk: int):
    saved = get_object_or_404(selectors.saved_searches_of(request.user), pk=pk)
    services.delete_saved_search(saved_search=saved)
    messages.success(request, _("The saved search was deleted."))
    return redirect("programs:saved_searches")
