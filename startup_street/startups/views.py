from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .forms import OutcomeReportForm, StartupForm


def startup_list(request):
    qs = selectors.with_listing_data(selectors.startups_visible_to(request.user))
    sector = request.GET.get("sector", "")
    if sector:
        qs = qs.filter(sectors__code=sector)
    page = Paginator(qs.order_by("name"), 30).get_page(request.GET.get("page"))
    return render(request, "startups/startup_list.html", {"page": page, "sector": sector})


def startup_detail(request, slug: str):
    startup = get_object_or_404(selectors.startups_visible_to(request.user), slug=slug)
    members = startup.members.select_related("user")
    can_edit = request.user.has_perm("startups.change_startup", startup)
    is_member = any(member.user_id == request.user.pk for member in members)
    return render(
        request,
        "startups/startup_detail.html",
        {"startup": startup, "members": members, "can_edit": can_edit, "is_member": is_member},
    )


def _split(form):
    data = dict(form.cleaned_data)
    return data.pop("sectors"), data


@login_required
@require_http_methods(["GET", "POST"])
def startup_create(request):
    form = StartupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sectors, data = _split(form)
        startup = services.create_startup(owner=request.user, sectors=sectors, **data)
        messages.success(request, _("Your startup profile was created."))
        return redirect("startups:detail", slug=startup.slug)
    return render(request, "startups/startup_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def startup_edit(request, slug: str):
    startup = get_object_or_404(selectors.startups_visible_to(request.user), slug=slug)
    if not request.user.has_perm("startups.change_startup", startup):
        raise PermissionDenied
    form = StartupForm(request.POST or None, instance=startup)
    if request.method == "POST" and form.is_valid():
        sectors, data = _split(form)
        services.update_startup(startup=startup, actor=request.user, sectors=sectors, **data)
        messages.success(request, _("The profile was saved."))
        return redirect("startups:detail", slug=startup.slug)
    return render(request, "startups/startup_form.html", {"form": form, "startup": startup})


@login_required
@require_http_methods(["GET", "POST"])
def outcome_reports(request, slug: str):
    """The team's quarterly outcome reports: the history and the form for a quarter."""
    startup = get_object_or_404(selectors.startups_of(request.user), slug=slug)
    form = OutcomeReportForm(request.POST or None, initial=_last_quarter())
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.OUTCOME_FIELDS}
        try:
            services.report_outcome(
                startup=startup,
                actor=request.user,
                year=form.cleaned_data["year"],
                quarter=form.cleaned_data["quarter"],
                **data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Outcome report saved."))
            return redirect("startups:outcomes", slug=startup.slug)
    reports = startup.outcome_reports.select_related("verified_by")
    return render(
        request,
        "startups/outcome_list.html",
        {"startup": startup, "form": form, "reports": reports},
        status=400 if form.errors else 200,
    )


def _last_quarter() -> dict:
    """The quarter a report is usually due for: the last one that has ended."""
    today = timezone.localdate()
    year, quarter = today.year, (today.month - 1) // 3  # 0 in the first quarter
    return {"year": year - 1, "quarter": 4} if quarter == 0 else {"year": year, "quarter": quarter}
