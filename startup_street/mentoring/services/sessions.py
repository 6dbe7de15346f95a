from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from startup_street.core.services import CONFLICT, record_activity
from startup_street.core.timezones import get_zone
from startup_street.organizations.selectors import organizations_staffed_by

from ..models import MentoringSession, MentorProfile, Mentorship, ProgramMentoring


def _is_party(user, mentorship: Mentorship) -> bool:
    return (
        mentorship.mentor.user_id == user.pk
        or mentorship.startup.members.filter(user=user).exists()
    )


def _is_organisation_staff(user, mentorship: Mentorship) -> bool:
    return organizations_staffed_by(user).filter(pk=mentorship.mentor.organization_id).exists()


def _inside_availability(mentor: MentorProfile, starts: datetime, ends: datetime) -> bool:
    zone = get_zone(mentor.user.time_zone)
    local_start, local_end = starts.astimezone(zone), ends.astimezone(zone)
    if local_start.date() != local_end.date():
        return False
    return mentor.windows.filter(
        weekday=local_start.weekday(), starts__lte=local_start.time(), ends__gte=local_end.time()
    ).exists()


def _booked_hours(sessions) -> float:
    return sum(s.hours for s in sessions.exclude(status=MentoringSession.Status.CANCELLED))


@transaction.atomic
def book_session(
    *, mentorship: Mentorship, user, starts_at: datetime, minutes: int
) -> MentoringSession:
    """Book inside the mentor's published hours, within the mentor's and the startup's caps."""
    mentorship = (
        Mentorship.objects.select_for_update().select_related("mentor__user").get(pk=mentorship.pk)
    )
    if not _is_party(user, mentorship):
        raise PermissionDenied(_("Only the mentor and the startup's team can book."))
    if mentorship.status != Mentorship.Status.ACTIVE:
        raise ValidationError(_("This mentorship has ended."), code=CONFLICT)
    if not 15 <= minutes <= 240:
        raise ValidationError(_("A session lasts from 15 minutes to 4 hours."))
    ends_at = starts_at + timedelta(minutes=minutes)
    if starts_at <= timezone.now():
        raise ValidationError(_("Choose a time in the future."))
    mentor = mentorship.mentor
    if not _inside_availability(mentor, starts_at, ends_at):
        raise ValidationError(
            _("The mentor is not available then: choose a time in the published hours.")
        )
    mentor_sessions = MentoringSession.objects.filter(mentorship__mentor=mentor).exclude(
        status=MentoringSession.Status.CANCELLED
    )
    if mentor_sessions.filter(starts_at__lt=ends_at, ends_at__gt=starts_at).exists():
        raise ValidationError(_("The mentor already has a session then."))
    month = starts_at.astimezone(get_zone(mentor.user.time_zone))
    in_month = mentor_sessions.filter(starts_at__year=month.year, starts_at__month=month.month)
    if _booked_hours(in_month) + minutes / 60 > mentor.hours_per_month:
        raise ValidationError(_("The mentor's hours for that month are used up."))
    if _booked_hours(mentorship.sessions.all()) + minutes / 60 > mentorship.hours_cap:
        raise ValidationError(_("The startup's mentoring hours with this mentor are used up."))
    _check_program_hours(mentorship, minutes / 60)
    session = MentoringSession.objects.create(
        mentorship=mentorship, starts_at=starts_at, ends_at=ends_at, booked_by=user
    )
    record_activity(actor=user, verb="mentoring.booked", target=session)
    from ..tasks import task_send_invitations

    transaction.on_commit(lambda: task_send_invitations.enqueue(session.pk))
    return session


def _check_program_hours(mentorship: Mentorship, hours: float) -> None:
    """The program's caps: each startup's hours over all its mentors, and the program's total."""
    caps = ProgramMentoring.objects.select_for_update().filter(program=mentorship.program_id)
    caps = caps.first()
    if caps is None:
        return
    in_program = MentoringSession.objects.filter(mentorship__program_id=mentorship.program_id)
    if caps.hours_per_startup is not None:
        startup = in_program.filter(mentorship__startup_id=mentorship.startup_id)
        if _booked_hours(startup) + hours > caps.hours_per_startup:
            raise ValidationError(
                _("The startup's %(hours)d mentoring hours in this program are used up.")
                % {"hours": caps.hours_per_startup}
            )
    if caps.hours_total is not None and _booked_hours(in_program) + hours > caps.hours_total:
        raise ValidationError(_("The program's mentoring hours are used up."))


@transaction.atomic
def cancel_session(*, session: MentoringSession, user) -> MentoringSession:
    """The mentor, the startup's team or the organisation's staff call off a booked session
    before it starts: its hours count no more (the mentor's month, the startup's and the
    program's caps), the time is free again, and everyone else is told."""
    session = (
        MentoringSession.objects.select_for_update()
        .select_related("mentorship__mentor__user")
        .get(pk=session.pk)
    )
    mentorship = session.mentorship
    if not (_is_party(user, mentorship) or _is_organisation_staff(user, mentorship)):
        raise PermissionDenied(
            _("Only the mentor, the startup's team and the organisation's staff can cancel.")
        )
    if session.status == MentoringSession.Status.CANCELLED:
        raise ValidationError(_("This session is already cancelled."))
    if not session.can_be_cancelled:
        raise ValidationError(
            _("This session has already started or taken place: it can no longer be cancelled.")
        )
    session.status = MentoringSession.Status.CANCELLED
    session.save(update_fields=["status", "updated_at"])
    record_activity(actor=user, verb="mentoring.cancelled", target=session)
    from ..tasks import task_send_cancellation

    transaction.on_commit(lambda: task_send_cancellation.enqueue(session.pk, user.pk))
    return session


def session_calendar(session: MentoringSession) -> bytes:
    """The session as an invitation, or as its withdrawal once cancelled (same event id)."""
    cancelled = session.status == MentoringSession.Status.CANCELLED
    calendar = Calendar()
    calendar.add("prodid", "-//Startup Street//Mentoring//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", f"mentoring-session-{session.pk}@startup-street")
    if cancelled:
        event.add("status", "CANCELLED")
        event.add("sequence", 1)
    event.add("summary", f"{session.mentorship.mentor} × {session.mentorship.startup}")
    event.add(
        "dtstart", session.starts_at.astimezone(get_zone(session.mentorship.mentor.user.time_zone))
    )
    event.add(
        "dtend", session.ends_at.astimezone(get_zone(session.mentorship.mentor.user.time_zone))
    )
    event.add("dtstamp", timezone.now())
    calendar.add_component(event)
    return calendar.to_ical()


def _parties(session: MentoringSession) -> list:
    return [session.mentorship.mentor.user] + [
        m.user for m in session.mentorship.startup.members.select_related("user")
    ]


def _mail_parties(session: MentoringSession, people, *, subject, template: str, context) -> None:
    """One e-mail per person, in their language and time zone, with the session's .ics."""
    ics = session_calendar(session)
    for person in people:
        with translation.override(person.preferred_language), timezone.override(person.time_zone):
            body = render_to_string(template, {"session": session, **context})
            message = EmailMessage(str(subject()), body, to=[person.email])
        message.attach("session.ics", ics, "text/calendar")
        message.send()


def send_invitations(session_id: int) -> None:
    """E-mail the mentor and the team an invitation with an .ics, each in their language."""
    session = MentoringSession.objects.select_related(
        "mentorship__mentor__user", "mentorship__startup"
    ).get(pk=session_id)
    _mail_parties(
        session,
        _parties(session),
        subject=lambda: _("Mentoring session booked"),
        template="mentoring/email/session_booked.txt",
        context={},
    )


def send_cancellation(session_id: int, actor_id: int | None) -> None:
    """Tell the mentor and the team, all but who cancelled, that the session is off."""
    session = MentoringSession.objects.select_related(
        "mentorship__mentor__user", "mentorship__startup"
    ).get(pk=session_id)
    people = [person for person in _parties(session) if person.pk != actor_id]
    actor = next((p for p in _parties(session) if p.pk == actor_id), None)
    _mail_parties(
        session,
        people,
        subject=lambda: _("Mentoring session cancelled"),
        template="mentoring/email/session_cancelled.txt",
        context={"by_staff": actor is None},
    )


@transaction.atomic
def record_feedback(
    *, session: MentoringSession, user, notes: str = "", rating: int | None = None
) -> MentoringSession:
    """The mentor writes notes; the team writes feedback and a 1-5 rating. Marks it held."""
    mentorship = session.mentorship
    if session.status == MentoringSession.Status.CANCELLED:
        raise ValidationError(
            _("This session was cancelled: there is nothing to give feedback on.")
        )
    if not session.has_ended:
        raise ValidationError(_("Feedback opens once the session has taken place."))
    if mentorship.mentor.user_id == user.pk:
        session.mentor_notes = notes[:5000]
    elif mentorship.startup.members.filter(user=user).exists():
        if rating is not None and not 1 <= rating <= 5:
            raise ValidationError(_("Give a rating from 1 to 5."))
        session.founder_feedback = notes[:5000]
        session.founder_rating = rating
    else:
        raise PermissionDenied(_("Only the mentor and the startup's team can write here."))
    if session.status == MentoringSession.Status.BOOKED and session.ends_at <= timezone.now():
        session.status = MentoringSession.Status.DONE
    session.save()
    return session
