from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from startup_street.core.flash import flash_error, flash_form_errors
from startup_street.matching.models import MatchRun
from startup_street.organizations.selectors import organizations_staffed_by
from startup_street.startups.models import Startup
from startup_street.startups.selectors import startups_of

from . import selectors, services
from .forms import (
    AvailabilityFormSet,
    BidForm,
    BookingForm,
    FeedbackForm,
    FounderPreferenceForm,
    MatchForm,
    MentorProfileForm,
    PairForm,
)
from .models import MentoringSession, MentorProfile
from .run_snapshot import read_inputs, read_pairs


@login_required
def my_mentorships(request):
    return render(
        request,
        "mentoring/mentorship_list.html",
        {
            "mentorships": selectors.mentorships_of(request.user),
            "staffed": selectors.mentorships_visible_to(request.user).exclude(
                pk__in=selectors.mentorships_of(request.user).values("pk")
            ),
            "startups": startups_of(request.user).order_by("name"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def mentorship_detail(request, pk: int):
    """The mentor's and the team's page (booking, feedback); the organisation's staff read it
    and may cancel a session."""
    mentorship = get_object_or_404(selectors.mentorships_visible_to(request.user), pk=pk)
    is_party = selectors.mentorships_of(request.user).filter(pk=pk).exists()
    form = BookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.book_session(
                mentorship=mentorship,
                user=request.user,
                starts_at=form.cleaned_data["starts_at"],
                minutes=form.cleaned_data["minutes"],
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, getattr(error, "messages", None) or str(error))
        else:
            messages.success(request, _("The session is booked; invitations were sent."))
            return redirect("mentoring:detail", pk=pk)
    context = {
        "mentorship": mentorship,
        "is_party": is_party,
        "is_mentor": mentorship.mentor.user_id == request.user.pk,
        "form": form,
        "windows": selectors.next_windows(mentorship.mentor),
        "sessions": _coming_first(mentorship.sessions.all()),
    }
    return render(request, "mentoring/mentorship_detail.html", context)


def _coming_first(sessions) -> list[MentoringSession]:
    """Sessions still to come, soonest first, then those past, latest first."""
    coming = [s for s in sessions if not s.has_ended]
    past = [s for s in sessions if s.has_ended]
    return coming + past[::-1]


def _own_session(request, pk: int) -> MentoringSession:
    mentorships = selectors.mentorships_of(request.user)
    return get_object_or_404(MentoringSession, pk=pk, mentorship__in=mentorships)


@login_required
@require_POST
def feedback(request, pk: int):
    session = _own_session(request, pk)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("mentoring:detail", pk=session.mentorship_id)
    try:
        services.record_feedback(
            session=session,
            user=request.user,
            notes=form.cleaned_data["notes"],
            rating=form.cleaned_data["rating"],
        )
    except ValidationError as error:
        flash_error(request, error)
    else:
        messages.success(request, _("Thank you: saved."))
    return redirect("mentoring:detail", pk=session.mentorship_id)


@login_required
@require_http_methods(["GET", "POST"])
def cancel_session(request, pk: int):
    """Asks first (a page of its own, so that it works without JavaScript), then cancels."""
    session = get_object_or_404(selectors.sessions_visible_to(request.user), pk=pk)
    if request.method == "POST":
        try:
            services.cancel_session(session=session, user=request.user)
        except (ValidationError, PermissionDenied) as error:
            flash_error(request, error)
        else:
            messages.success(
                request, _("The session is cancelled; its hours are free again. Everyone was told.")
            )
        return redirect("mentoring:detail", pk=session.mentorship_id)
    if not session.can_be_cancelled:
        messages.error(
            request,
            _("This session is already cancelled.")
            if session.status == MentoringSession.Status.CANCELLED
            else _(
                "This session has already started or taken place: it can no longer be cancelled."
            ),
        )
        return redirect("mentoring:detail", pk=session.mentorship_id)
    return render(request, "mentoring/session_cancel.html", {"session": session})


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
    form = MatchForm(request.POST or None, organization=organization)
    if request.method == "POST" and form.is_valid():
        call = form.cleaned_data["call"]
        run = services.propose_matches(
            organization=organization,
            startups=selectors.cohort_of(organization, call),
            actor=request.user,
            per_startup=form.cleaned_data["per_startup"],
            mode=form.cleaned_data["mode"],
            call=call,
        )
        return redirect("mentoring:run", pk=run.pk)
    runs = MatchRun.objects.filter(organization=organization, kind=MatchRun.Kind.MENTORS)[:20]
    return render(
        request,
        "mentoring/match.html",
        {"organization": organization, "form": form, "runs": runs},
    )


EDITS = ("add", "remove", "rerun", "discard")


def _staffed_run(request, pk: int) -> MatchRun:
    return get_object_or_404(selectors.match_runs_visible_to(request.user), pk=pk)


def _run_context(run: MatchRun, pair_form=None) -> dict:
    inputs = read_inputs(run)
    startups = Startup.objects.in_bulk(inputs.startup_ids)
    mentors = MentorProfile.objects.select_related("user").in_bulk(inputs.mentor_ids)
    rows = [
        {
            **pair.model_dump(),
            "startup_obj": startups.get(pair.startup),
            "mentor_obj": mentors.get(pair.mentor),
        }
        for pair in read_pairs(run)
    ]
    if pair_form is None:
        pair_form = PairForm(startups=startups.values(), mentors=mentors.values())
    edits = selectors.named_edits(run, startups=startups, mentors=mentors)
    return {
        "run": run,
        "rows": rows,
        "edits": edits,
        "pair_form": pair_form,
        "editable": inputs.features is not None,
    }


@login_required
@require_http_methods(["GET", "POST"])
def run_detail(request, pk: int):
    run = _staffed_run(request, pk)
    if request.method == "POST":
        try:
            created = services.confirm_run(run=run, actor=request.user)
        except (ValidationError, PermissionDenied) as error:
            flash_error(request, error)
        else:
            messages.success(
                request, _("%(count)d mentorships were created.") % {"count": len(created)}
            )
        return redirect("mentoring:run", pk=run.pk)
    return render(request, "mentoring/run_detail.html", _run_context(run))


@login_required
def run_progress(request, pk: int):
    """The htmx-polled progress of a background run; asks the page to reload once it is done."""
    run = _staffed_run(request, pk)
    response = render(request, "mentoring/_run_progress.html", {"run": run})
    if not run.is_pending and request.htmx:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def run_edit(request, pk: int, action: str):
    """Add or remove a pair of a proposal, or discard it, or solve it again."""
    run = _staffed_run(request, pk)
    if action not in EDITS:
        raise Http404
    try:
        target = _apply_edit(request, run, action)
    except (ValidationError, PermissionDenied) as error:
        flash_error(request, error)
        target = run
    return redirect("mentoring:run", pk=target.pk)


def _apply_edit(request, run: MatchRun, action: str) -> MatchRun:
    if action == "rerun":
        refresh = request.POST.get("refresh") == "1"
        return services.rerun_match(run=run, actor=request.user, refresh=refresh)
    if action == "discard":
        services.discard_run(run=run, actor=request.user)
        messages.success(request, _("The proposal was discarded."))
        return run
    try:
        startup_id, mentor_id = int(request.POST["startup"]), int(request.POST["mentor"])
    except (KeyError, ValueError) as error:
        raise ValidationError(_("Choose a startup and a mentor.")) from error
    edit = services.add_pair if action == "add" else services.remove_pair
    edit(run=run, actor=request.user, startup_id=startup_id, mentor_id=mentor_id)
    messages.success(request, _("The proposal was changed."))
    return run


@login_required
@require_http_methods(["GET", "POST"])
def bids(request):
    """A mentor states which startups of their organisation's cohorts they want to mentor."""
    mentor = get_object_or_404(
        MentorProfile.objects.select_related("organization"), user=request.user
    )
    if request.method == "POST":
        form = BidForm(request.POST)
        startup = (
            form.is_valid() and Startup.objects.filter(pk=form.cleaned_data["startup"]).first()
        )
        if not startup:
            messages.error(request, _("Choose a startup of the list."))
        else:
            try:
                services.place_bid(
                    mentor=mentor,
                    actor=request.user,
                    startup=startup,
                    value=form.cleaned_data["value"],
                )
            except ValidationError as error:
                flash_error(request, error)
            else:
                messages.success(request, _("Your preference was saved."))
        return redirect("mentoring:bids")
    current = selectors.bids_of(mentor)
    rows = [
        (startup, BidForm(initial={"startup": startup.pk, "value": current.get(startup.pk, "")}))
        for startup in selectors.cohort_of(mentor.organization).order_by("name")
    ]
    return render(request, "mentoring/bid_list.html", {"mentor": mentor, "rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def founder_preferences(request, slug: str):
    """A startup's team states which mentors of its organisations it wants (team only: 404)."""
    startup = get_object_or_404(startups_of(request.user), slug=slug)
    mentors = selectors.mentors_for(startup)
    if request.method == "POST":
        form = FounderPreferenceForm(request.POST)
        mentor = form.is_valid() and mentors.filter(pk=form.cleaned_data["mentor"]).first()
        if not mentor:
            messages.error(request, _("Choose a mentor of the list."))
        else:
            try:
                services.state_founder_preference(
                    startup=startup,
                    actor=request.user,
                    mentor=mentor,
                    value=form.cleaned_data["value"],
                )
            except ValidationError as error:
                flash_error(request, error)
            else:
                messages.success(request, _("Your team's preference was saved."))
        return redirect("mentoring:preferences", slug=startup.slug)
    current = selectors.founder_preferences_of(startup)
    rows = [
        (
            mentor,
            FounderPreferenceForm(
                initial={"mentor": mentor.pk, "value": current.get(mentor.pk, "")}
            ),
        )
        for mentor in mentors
    ]
    context = {"startup": startup, "rows": rows}
    return render(request, "mentoring/preference_list.html", context)


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
