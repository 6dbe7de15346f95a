"""Pages of participants: the event, registering, browsing and asking, the agenda."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from startup_street.core.timezones import get_zone

from .. import rules, selectors, services
from ..agenda import agenda_calendar, agenda_rows
from ..agenda import agenda_pdf as render_agenda_pdf
from ..enums import RegistrationStatus
from ..forms import AnswerForm, ParticipantFilterForm, RegistrationForm, RequestForm
from ..recommend import recommendations_for
from ..services.requests import request_refusal


def _event(request, slug: str):
    return get_object_or_404(
        selectors.events_visible_to(request.user).prefetch_related("organizers"), slug=slug
    )


def _participant(request, event):
    """The viewer's approved registration, else 404: only participants browse and ask."""
    mine = selectors.registration_of(request.user, event)
    if mine is None or mine.status != RegistrationStatus.APPROVED:
        raise Http404
    return mine


def _user_zone(request) -> str:
    return getattr(request.user, "time_zone", None) or "Asia/Seoul"


def event_list(request):
    events = selectors.events_visible_to(request.user).order_by("starts_at")
    return render(request, "events/event_list.html", {"events": events})


def event_detail(request, slug: str):
    event = _event(request, slug)
    context = {
        "event": event,
        "mine": selectors.registration_of(request.user, event),
        "may_register": rules.can_register(request.user, event),
        "may_manage": rules.can_manage_event(request.user, event),
        "slots": event.slots.all(),
        "zone": _user_zone(request),
    }
    return render(request, "events/event_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def register(request, slug: str):
    event = _event(request, slug)
    if selectors.registration_of(request.user, event) is not None:
        messages.info(request, _("You are already registered for this event."))
        return redirect("events:detail", slug=slug)
    form = RegistrationForm(request.POST or None, event=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.register(event=event, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("You are registered; the organisers will confirm."))
            return redirect("events:detail", slug=slug)
    return render(request, "events/registration_form.html", {"event": event, "form": form})


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


@login_required
def participants(request, slug: str):
    event = _event(request, slug)
    mine = _participant(request, event)
    others = selectors.participants_visible_to(request.user, event).exclude(pk=mine.pk)
    filters = ParticipantFilterForm(request.GET or None)
    if filters.is_valid():
        data = filters.cleaned_data
        if data["q"]:
            q = data["q"]
            others = others.filter(
                Q(name__icontains=q) | Q(offers__icontains=q) | Q(seeks__icontains=q)
            )
        if data["kind"]:
            others = others.filter(kind=data["kind"])
        if data["language"]:
            others = [r for r in others if data["language"] in r.languages]
    others = list(others)
    asked = set(selectors.requests_of(mine).values_list("sender_id", "recipient_id"))
    asked = {pk for pair in asked for pk in pair}
    rows = [
        {
            "registration": r,
            "asked": r.pk in asked,
            "refusal": None if r.pk in asked else request_refusal(mine, r),
        }
        for r in others
    ]
    context = {
        "event": event,
        "mine": mine,
        "rows": rows,
        "filters": filters,
        "recommendations": recommendations_for(mine, [r for r in others if r.pk not in asked]),
        "form": RequestForm(),
    }
    return render(request, "events/participant_list.html", context)


@login_required
@require_POST
def send_request(request, slug: str, pk: int):
    event = _event(request, slug)
    mine = _participant(request, event)
    recipient = get_object_or_404(selectors.participants_visible_to(request.user, event), pk=pk)
    form = RequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(m for ms in form.errors.values() for m in ms))
        return redirect("events:participants", slug=slug)
    try:
        services.send_request(
            sender=mine, recipient=recipient, actor=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Your request was sent to %(name)s.") % {"name": recipient.name}
        )
    return redirect("events:participants", slug=slug)


@login_required
def requests(request, slug: str):
    event = _event(request, slug)
    mine = _participant(request, event)
    context = {
        "event": event,
        "mine": mine,
        "received": selectors.requests_of(mine).filter(recipient=mine),
        "sent": selectors.requests_of(mine).filter(sender=mine),
        "form": AnswerForm(),
    }
    return render(request, "events/request_list.html", context)


@login_required
@require_POST
def answer(request, slug: str, pk: int):
    event = _event(request, slug)
    mine = _participant(request, event)
    meeting_request = get_object_or_404(event.requests, pk=pk, recipient=mine)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(m for ms in form.errors.values() for m in ms))
        return redirect("events:requests", slug=slug)
    try:
        services.answer_request(request=meeting_request, actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your answer is saved."))
    return redirect("events:requests", slug=slug)


def _own_registration(request, slug: str):
    event = _event(request, slug)
    mine = selectors.registration_of(request.user, event)
    if mine is None:
        raise Http404
    return event, mine


@login_required
def agenda(request, slug: str):
    event, mine = _own_registration(request, slug)
    zone = _user_zone(request)
    context = {
        "event": event,
        "mine": mine,
        "rows": agenda_rows(mine, zone) if event.schedule_published_at else [],
        "zone": get_zone(zone),
    }
    return render(request, "events/agenda_detail.html", context)


@login_required
def agenda_ics(request, slug: str):
    _event_, mine = _own_registration(request, slug)
    response = HttpResponse(agenda_calendar(mine), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="agenda-{slug}.ics"'
    return response


@login_required
def agenda_pdf(request, slug: str):
    _event_, mine = _own_registration(request, slug)
    pdf = render_agenda_pdf(mine, language=get_language(), zone_name=_user_zone(request))
    if pdf is None:
        messages.info(
            request,
            _(
                "A PDF needs a font with Korean and Chinese letters, which this server lacks: "
                "print this page instead."
            ),
        )
        return redirect("events:agenda", slug=slug)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="agenda-{slug}.pdf"'
    return response
