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

from ..models import MentoringSession, MentorProfile, Mentorship, ProgramMentoring


def _is_party(user, mentorship: Mentorship) -> bool:
    return (
        mentorship.mentor.user_id == user.pk
        or mentorship.startup.members.filter(user=user).exists()
    )


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


def session_calendar(session: MentoringSession) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Startup Street//Mentoring//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    event.add("uid", f"mentoring-session-{session.pk}@startup-street")
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


def send_invitations(session_id: int) -> None:
    """E-mail the mentor and the team an invitation with an .ics, each in their language."""
    session = MentoringSession.objects.select_related(
        "mentorship__mentor__user", "mentorship__startup"
    ).get(pk=session_id)
    people = [session.mentorship.mentor.user] + [
        m.user for m in session.mentorship.startup.members.select_related("user")
    ]
    ics = session_calendar(session)
    for person in people:
        with translation.override(person.preferred_language), timezone.override(person.time_zone):
            subject = _("Mentoring session booked")
            body = render_to_string("mentoring/email/session_booked.txt", {"session": session})
        message = EmailMessage(subject, body, to=[person.email])
        message.attach("session.ics", ics, "text/calendar")
        message.send()


@transaction.atomic
def record_feedback(
    *, session: MentoringSession, user, notes: str = "", rating: int | None = None
) -> MentoringSession:
    """The mentor writes notes; the team writes feedback and a 1-5 rating. Marks it held."""
    mentorship = session.mentorship
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
