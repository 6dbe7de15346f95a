from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .forms import StartupForm


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
    return render(
        request,
        "startups/startup_detail.html",
        {"startup": startup, "members": members, "can_edit": can_edit},
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
