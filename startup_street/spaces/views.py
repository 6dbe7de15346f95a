from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from startup_street.core.timezones import get_zone
from startup_street.startups.selectors import startups_of

from . import selectors, services
from .enums import SpaceKind
from .forms import (
    BlockingForm,
    BookingForm,
    DayForm,
    PlanDecisionForm,
    PlanForm,
    ResultForm,
    SpaceFilterForm,
    TopUpForm,
    WaitlistForm,
)
from .models import Blocking, BookingSeries, DemonstrationFile, DemonstrationPlan, WaitlistEntry
from .rules import can_view_booking, is_space_staff


@require_GET
def space_list(request):
    spaces = selectors.spaces_visible_to(request.user)
    form = SpaceFilterForm(
        request.GET or None, organizations=selectors.organizations_with_spaces(spaces)
    )
    if form.is_valid():
        if form.cleaned_data["kind"]:
            spaces = spaces.filter(kind=form.cleaned_data["kind"])
        if form.cleaned_data["organization"]:
            spaces = spaces.filter(organization__slug=form.cleaned_data["organization"])
    return render(
        request,
        "spaces/space_list.html",
        {"spaces": spaces.order_by("kind", "slug"), "form": form, "kinds": SpaceKind},
    )


def _view_range(request, space):
    """The day asked for (else the first day with a free slot in the next two weeks) and the
    scope: one day, or the seven days from it."""
    form = DayForm(request.GET or None)
    today = timezone.now().astimezone(get_zone(space.time_zone)).date()
    day, scope = None, "day"
    if form.is_valid():
        day = form.cleaned_data["day"]
        scope = form.cleaned_data["view"] or "day"
    day = day or selectors.first_free_day(space, today, days=14) or today
    day = min(max(day, today - timedelta(days=31)), today + timedelta(days=space.horizon_days))
    return day, scope


def _availability_context(request, space):
    day, scope = _view_range(request, space)
    days = 7 if scope == "week" else 1
    step = timedelta(days=days)
    shown = selectors.availability([space], day, days)[space.pk]
    return {
        "space": space,
        "days": shown,
        "open_day": next((d.date for d in shown if d.free), day),
        "day": day,
        "scope": scope,
        "previous": day - step,
        "next": day + step,
    }


@require_GET
def space_detail(request, slug: str):
    space = get_object_or_404(selectors.spaces_visible_to(request.user), slug=slug)
    context = _availability_context(request, space)
    context["form"] = _booking_form(request, space, initial=request.GET)
    context["is_staff"] = is_space_staff(request.user, space)
    context["photos"] = space.photos.all()
    context["hours"] = space.opening_hours.all()
    return render(request, "spaces/space_detail.html", context)


@require_GET
def availability(request, slug: str):
    space = get_object_or_404(selectors.spaces_visible_to(request.user), slug=slug)
    return render(request, "spaces/_availability.html", _availability_context(request, space))


def _booking_form(request, space, data=None, initial=None):
    if not request.user.is_authenticated:
        return None
    startups = startups_of(request.user).order_by("name")
    staff = is_space_staff(request.user, space)
    initial = {k: initial.get(k) for k in ("day", "start", "end")} if initial else None
    return BookingForm(data, initial=initial, space=space, startups=startups, staff=staff)


def _startup(request, pk):
    if pk is None:
        return None
    return get_object_or_404(startups_of(request.user), pk=pk)


@login_required
@require_POST
def book(request, slug: str):
    space = get_object_or_404(selectors.spaces_visible_to(request.user), slug=slug)
    form = _booking_form(request, space, data=request.POST)
    if form.is_valid():
        data = form.cleaned_data
        startup = _startup(request, data["startup"])
        try:
            if data.get("repeat"):
                series = services.book_series(
                    space=space,
                    user=request.user,
                    startup=startup,
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    frequency=data["repeat"],
                    until=data["until"],
                    title=data["title"],
                )
                booking = series.bookings.first()
            else:
                booking = services.book_space(
                    space=space,
                    user=request.user,
                    startup=startup,
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    title=data["title"],
                )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request, _("Booked: %(status)s.") % {"status": booking.get_status_display()}
            )
            if request.htmx:  # the whole page moves on, not the form's box
                return HttpResponseClientRedirect(reverse("spaces:booking", args=[booking.pk]))
            return redirect("spaces:booking", pk=booking.pk)
    context = _availability_context(request, space)
    context.update(
        form=form,
        is_staff=is_space_staff(request.user, space),
        photos=(),
        hours=space.opening_hours.all(),
    )
    template = "spaces/_booking_form.html" if request.htmx else "spaces/space_detail.html"
    return render(request, template, context, status=422)


@login_required
@require_POST
def join_waitlist(request, slug: str):
    space = get_object_or_404(selectors.spaces_visible_to(request.user), slug=slug)
    form = WaitlistForm(request.POST, space=space, startups=startups_of(request.user))
    if not form.is_valid():
        messages.error(request, _("Choose a startup and a time."))
        return redirect("spaces:detail", slug=slug)
    try:
        services.join_waitlist(
            space=space,
            user=request.user,
            startup=_startup(request, form.cleaned_data["startup"]),
            starts_at=form.cleaned_data["starts_at"],
            ends_at=form.cleaned_data["ends_at"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You are on the waitlist; we will e-mail you if it frees."))
    return redirect("spaces:detail", slug=slug)


@login_required
@require_GET
def my_bookings(request):
    month = selectors.current_month(request.user.time_zone)
    bookings = selectors.bookings_of(request.user)
    now = timezone.now()
    return render(
        request,
        "spaces/booking_list.html",
        {
            "upcoming": bookings.filter(ends_at__gte=now).order_by("starts_at")[:100],
            "past": bookings.filter(ends_at__lt=now).order_by("-starts_at")[:30],
            "balances": selectors.hours_left_of(request.user, month),
            "month": month,
            "offers": selectors.offers_for(request.user),
        },
    )


def _visible_booking(request, pk):
    booking = get_object_or_404(selectors.bookings_visible_to(request.user), pk=pk)
    if not can_view_booking(request.user, booking):
        raise Http404
    return booking


@login_required
@require_GET
def booking_detail(request, pk: int):
    booking = _visible_booking(request, pk)
    plan = getattr(booking, "plan", None)
    return render(
        request,
        "spaces/booking_detail.html",
        {
            "booking": booking,
            "plan": plan,
            "result": getattr(plan, "result", None) if plan else None,
            "plan_form": PlanForm(initial=_plan_initial(plan)),
            "decision_form": PlanDecisionForm(),
            "result_form": ResultForm(),
            "is_staff": is_space_staff(request.user, booking.space),
            "series": booking.series,
            "now": timezone.now(),
        },
    )


def _plan_initial(plan):
    if plan is None:
        return None
    return {
        "robot": plan.robot,
        "scenario": plan.scenario,
        "safety_officer": plan.safety_officer,
        "safety_officer_phone": plan.safety_officer_phone,
    }


def _act(request, action, success: str, *args, **kwargs):
    try:
        action(*args, **kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, success)
    return True


@login_required
@require_POST
def cancel(request, pk: int):
    booking = _visible_booking(request, pk)
    _act(
        request,
        services.cancel_booking,
        _("The booking is cancelled."),
        booking=booking,
        actor=request.user,
        reason=request.POST.get("reason", ""),
    )
    return redirect("spaces:booking", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def approve(request, pk: int):
    """A first POST that would decline overlapping requests shows them and asks again."""
    booking = _visible_booking(request, pk)
    if not is_space_staff(request.user, booking.space):
        raise PermissionDenied
    if request.method == "GET":
        return redirect("spaces:manage")
    try:
        services.approve_booking(
            booking=booking,
            actor=request.user,
            decline_overlapping=request.POST.get("decline_overlapping") == "yes",
        )
    except services.OverlapWarning as warning:
        return render(
            request, "spaces/booking_approve.html", {"booking": booking, "others": warning.others}
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The booking is confirmed."))
    return redirect("spaces:manage")


@login_required
@require_POST
def decline(request, pk: int):
    booking = _visible_booking(request, pk)
    if not is_space_staff(request.user, booking.space):
        raise PermissionDenied
    _act(
        request,
        services.decline_booking,
        _("The request is declined."),
        booking=booking,
        actor=request.user,
        reason=request.POST.get("reason", ""),
    )
    return redirect("spaces:manage")


@login_required
@require_POST
def submit_plan(request, pk: int):
    booking = _visible_booking(request, pk)
    form = PlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Fill in every field of the plan."))
    else:
        _act(
            request,
            services.submit_plan,
            _("The plan is submitted for approval."),
            booking=booking,
            user=request.user,
            **form.cleaned_data,
        )
    return redirect("spaces:booking", pk=pk)


def _visible_plan(request, pk):
    plan = get_object_or_404(DemonstrationPlan.objects.select_related("booking"), pk=pk)
    _visible_booking(request, plan.booking_id)
    return plan


@login_required
@require_POST
def decide_plan(request, pk: int):
    plan = _visible_plan(request, pk)
    form = PlanDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or reject."))
    else:
        _act(
            request,
            services.decide_plan,
            _("The plan is decided."),
            plan=plan,
            actor=request.user,
            **form.cleaned_data,
        )
    if request.POST.get("next") == "manage":
        return redirect("spaces:manage")
    return redirect("spaces:booking", pk=plan.booking_id)


@login_required
@require_POST
def record_result(request, pk: int):
    plan = _visible_plan(request, pk)
    form = ResultForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    else:
        _act(
            request,
            services.record_result,
            _("The result is recorded."),
            plan=plan,
            user=request.user,
            **form.cleaned_data,
        )
    return redirect("spaces:booking", pk=plan.booking_id)


@login_required
@require_GET
def download(request, pk: int):
    item = get_object_or_404(DemonstrationFile.objects.select_related("result__plan"), pk=pk)
    _visible_booking(request, item.result.plan.booking_id)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name)


@login_required
@require_POST
def reconfirm(request, pk: int):
    series = get_object_or_404(BookingSeries, pk=pk)
    first = series.bookings.first()
    if first is None:
        raise Http404
    _visible_booking(request, first.pk)
    _act(
        request,
        services.reconfirm_series,
        _("The series is re-confirmed."),
        series=series,
        user=request.user,
    )
    return redirect("spaces:booking", pk=first.pk)


def _own_entry(request, pk):
    return get_object_or_404(
        WaitlistEntry.objects.filter(startup__members__user=request.user), pk=pk
    )


@login_required
@require_POST
def accept_offer(request, pk: int):
    entry = _own_entry(request, pk)
    _act(
        request,
        services.accept_offer,
        _("The freed time is yours."),
        entry=entry,
        user=request.user,
    )
    return redirect("spaces:mine")


@login_required
@require_POST
def leave_waitlist(request, pk: int):
    entry = _own_entry(request, pk)
    _act(
        request,
        services.leave_waitlist,
        _("You left the waitlist."),
        entry=entry,
        user=request.user,
    )
    return redirect("spaces:mine")


@login_required
@require_GET
def manage(request):
    spaces = selectors.spaces_managed_by(request.user)
    if not spaces.exists():
        raise PermissionDenied
    month = selectors.current_month(request.user.time_zone)
    entitlements = (
        selectors.entitlements_visible_to(request.user)
        .filter(
            organization_id__in=selectors.staffed_organization_ids(request.user),
            revoked_at__isnull=True,
        )
        .prefetch_related("adjustments")
    )
    return render(
        request,
        "spaces/space_manage.html",
        {
            "spaces": spaces.order_by("slug"),
            "pending": selectors.pending_requests(request.user).select_related("space", "startup"),
            "plans": selectors.plans_to_decide(request.user),
            "blockings": Blocking.objects.filter(
                space__in=spaces, ends_at__gte=timezone.now()
            ).select_related("space"),
            "balances": selectors.balances(entitlements, month),
            "month": month,
            "decision_form": PlanDecisionForm(),
            "top_up_form": TopUpForm(),
        },
    )


@login_required
@require_POST
def block(request, slug: str):
    space = get_object_or_404(selectors.spaces_managed_by(request.user), slug=slug)
    form = BlockingForm(request.POST, space=space)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("spaces:detail", slug=slug)
    data = form.cleaned_data
    try:
        services.block_space(
            space=space,
            actor=request.user,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            reason=data["reason"],
            cancel_bookings=data["cancel_bookings"],
        )
    except services.BlockingWarning as warning:
        return render(
            request,
            "spaces/blocking_confirm.html",
            {"space": space, "bookings": warning.bookings, "data": request.POST},
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The period is blocked."))
    return redirect("spaces:detail", slug=slug)


@login_required
@require_POST
def unblock(request, pk: int):
    blocking = get_object_or_404(
        Blocking.objects.filter(space__in=selectors.spaces_managed_by(request.user)), pk=pk
    )
    services.unblock_space(blocking=blocking, actor=request.user)
    messages.success(request, _("The block is removed."))
    return redirect("spaces:manage")


def _managed_entitlement(request, pk):
    return get_object_or_404(
        selectors.entitlements_visible_to(request.user).filter(
            organization_id__in=selectors.staffed_organization_ids(request.user)
        ),
        pk=pk,
    )


@login_required
@require_POST
def top_up(request, pk: int):
    entitlement = _managed_entitlement(request, pk)
    form = TopUpForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    else:
        _act(
            request,
            services.top_up_entitlement,
            _("The hours are changed."),
            entitlement=entitlement,
            actor=request.user,
            **form.cleaned_data,
        )
    return redirect("spaces:manage")


@login_required
@require_POST
def revoke(request, pk: int):
    entitlement = _managed_entitlement(request, pk)
    _act(
        request,
        services.revoke_entitlement,
        _("The entitlement is revoked."),
        entitlement=entitlement,
        actor=request.user,
    )
    return redirect("spaces:manage")
