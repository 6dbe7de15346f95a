from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from startup_street.matching.models import MatchRun
from startup_street.organizations.selectors import organizations_staffed_by
from startup_street.startups.models import Startup

from . import selectors, services
from .forms import AvailabilityFormSet, BookingForm, FeedbackForm, MatchForm, MentorProfileForm
from .models import MentoringSession, MentorProfile


@login_required
def my_mentorships(request):
    return render(
        request,
        "mentoring/mentorship_list.html",
        {"mentorships": selectors.mentorships_of(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def mentorship_detail(request, pk: int):
    mentorship = get_object_or_404(selectors.mentorships_of(request.user), pk=pk)
    form = BookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.book_session(
                mentorship=mentorship,
                user=request.user,
                starts_at=form.cleaned_data["starts_at"],
                minutes=form.cleaned_data["minutes"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("The session is booked; invitations were sent."))
            return redirect("mentoring:detail", pk=pk)
    context = {
        "mentorship": mentorship,
        "form": form,
        "windows": mentorship.mentor.windows.all(),
        "sessions": mentorship.sessions.all(),
        "feedback_form": FeedbackForm(),
    }
    return render(request, "mentoring/mentorship_detail.html", context)


def _own_session(request, pk: int) -> MentoringSession:
    mentorships = selectors.mentorships_of(request.user)
    return get_object_or_404(MentoringSession, pk=pk, mentorship__in=mentorships)


@login_required
@require_POST
def feedback(request, pk: int):
    session = _own_session(request, pk)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(m for ms in form.errors.values() for m in ms))
    else:
        services.record_feedback(
            session=session,
            user=request.user,
            notes=form.cleaned_data["notes"],
            rating=form.cleaned_data["rating"],
        )
        messages.success(request, _("Thank you: saved."))
    return redirect("mentoring:detail", pk=session.mentorship_id)


@login_required
def session_ics(request, pk: int):
    session = _own_session(request, pk)
    response = HttpResponse(services.session_calendar(session), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="session-{session.pk}.ics"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def match(request, org_slug: str):
    organization = get_object_or_404(organizations_staffed_by(request.user), slug=org_slug)
    form = MatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        startups = Startup.objects.filter(
            applications__call__program__organization=organization,
            applications__status="accepted",
        )
        if form.cleaned_data["call"]:
            startups = startups.filter(applications__call_id=form.cleaned_data["call"])
        run = services.propose_matches(
            organization=organization,
            startups=startups.distinct(),
            actor=request.user,
            per_startup=form.cleaned_data["per_startup"],
        )
        return redirect("mentoring:run", pk=run.pk)
    runs = MatchRun.objects.filter(organization=organization, kind=MatchRun.Kind.MENTORS)[:20]
    return render(
        request,
        "mentoring/match.html",
        {"organization": organization, "form": form, "runs": runs},
    )


def _staffed_run(request, pk: int) -> MatchRun:
    return get_object_or_404(
        MatchRun, pk=pk, organization__in=organizations_staffed_by(request.user)
    )


@login_required
@require_http_methods(["GET", "POST"])
def run_detail(request, pk: int):
    run = _staffed_run(request, pk)
    if request.method == "POST":
        try:
            created = services.confirm_run(run=run, actor=request.user)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(
                request, _("%(count)d mentorships were created.") % {"count": len(created)}
            )
        return redirect("mentoring:run", pk=run.pk)
    startups = Startup.objects.in_bulk([p["startup"] for p in run.pairs])
    mentors = MentorProfile.objects.select_related("user").in_bulk([p["mentor"] for p in run.pairs])
    rows = [
        {
            **pair,
            "startup_obj": startups.get(pair["startup"]),
            "mentor_obj": mentors.get(pair["mentor"]),
        }
        for pair in run.pairs
    ]
    return render(request, "mentoring/run_detail.html", {"run": run, "rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def mentor_profile(request):
    """A mentor's own profile and weekly hours (mentors of an organisation only)."""
    profile = MentorProfile.objects.filter(user=request.user).first()
    if profile is None:
        membership = request.user.memberships.filter(role="mentor").first()
        if membership is None:
            raise PermissionDenied
        profile = MentorProfile(user=request.user, organization=membership.organization)
    form = MentorProfileForm(request.POST or None, instance=profile)
    hours = AvailabilityFormSet(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid() and hours.is_valid():
        services.save_mentor_profile(form=form, hours=hours)
        messages.success(request, _("Your mentor profile was saved."))
        return redirect("mentoring:profile")
    return render(
        request, "mentoring/mentor_profile.html", {"form": form, "hours": hours, "profile": profile}
    )
