from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from startup_street.core.services import record_activity
from startup_street.core.timezones import get_zone
from startup_street.matching.encoder import Side, encode
from startup_street.matching.models import MatchRun
from startup_street.matching.solver import solve_matching
from startup_street.organizations.rules import is_org_staff

from .models import MentoringSession, MentorProfile, Mentorship

LANGUAGE_OF_COUNTRY = {"KR": "ko", "CN": "zh-hans"}


def _offset_hours(zone_name: str) -> float:
    return timezone.now().astimezone(get_zone(zone_name)).utcoffset().total_seconds() / 3600


def _require_staff(user, organization) -> None:
    if not (user.is_superuser or is_org_staff(user, organization)):
        raise PermissionDenied(_("Only the organisation's staff can match mentors."))


def propose_matches(*, organization, startups, actor, per_startup: int = 1) -> MatchRun:
    """Solve mentors to startups for a cohort and keep the proposal, with its reasons."""
    _require_staff(actor, organization)
    mentors = list(
        MentorProfile.objects.filter(organization=organization, is_active=True)
        .select_related("user")
        .prefetch_related("expertise")
        .order_by("pk")
    )
    startups = list(startups.prefetch_related("sectors", "members__user").order_by("pk"))
    run = MatchRun(
        kind=MatchRun.Kind.MENTORS,
        organization=organization,
        created_by=actor,
        parameters={"per_startup": per_startup},
        inputs={"startups": [s.pk for s in startups], "mentors": [m.pk for m in mentors]},
    )
    if not mentors or not startups:
        run.status = MatchRun.Status.FAILED
        run.diagnosis = [_("There are no mentors or no startups to match.")]
        run.save()
        return run
    active = Mentorship.objects.filter(mentor__in=mentors, status=Mentorship.Status.ACTIVE)
    load = dict(active.values("mentor").annotate(n=Count("pk")).values_list("mentor", "n"))
    encoded = encode(_startup_side(startups), _mentor_side(mentors))
    result = solve_matching(
        item=encoded.item,
        agent=encoded.agent,
        affinity=encoded.affinity,
        n_items=len(startups),
        n_agents=len(mentors),
        demand=per_startup,
        max_load=[max(m.max_startups - load.get(m.pk, 0), 0) for m in mentors],
        components=encoded.components,
        allow_partial=True,
    )
    run.objective = float(result.objective)
    run.optimal = result.status == "optimal"
    run.diagnosis = list(result.diagnosis)
    run.seconds = float(result.stats.get("total_s", 0.0))
    run.pairs = [
        {
            "startup": startups[i].pk,
            "mentor": mentors[j].pk,
            "score": round(float(encoded.affinity[p]), 4),
            "why": [(name, round(value, 3)) for name, value in result.explain(k) if value],
        }
        for k, (i, j, p) in enumerate(
            zip(result.item.tolist(), result.agent.tolist(), result.pair.tolist(), strict=True)
        )
    ]
    run.save()
    record_activity(actor=actor, verb="match.proposed", target=run, pairs=len(run.pairs))
    return run


def _startup_side(startups) -> Side:
    return Side(
        ids=[s.pk for s in startups],
        sectors=[{sector.code for sector in s.sectors.all()} for s in startups],
        languages=[
            {s.original_language, *(m.user.preferred_language for m in s.members.all())}
            | ({"ko", "zh-hans"} if s.country == "KR" else set())  # entering Beijing: ko or zh
            for s in startups
        ],
        utc_offsets=[
            _offset_hours("Asia/Shanghai" if s.country == "CN" else "Asia/Seoul") for s in startups
        ],
    )


def _mentor_side(mentors) -> Side:
    return Side(
        ids=[m.pk for m in mentors],
        sectors=[{sector.code for sector in m.expertise.all()} for m in mentors],
        languages=[set(m.languages) for m in mentors],
        utc_offsets=[_offset_hours(m.user.time_zone) for m in mentors],
    )


@transaction.atomic
def confirm_run(*, run: MatchRun, actor) -> list[Mentorship]:
    _require_staff(actor, run.organization)
    run = MatchRun.objects.select_for_update().get(pk=run.pk)
    if run.status != MatchRun.Status.PROPOSED:
        raise ValidationError(_("Only a proposed match can be confirmed."))
    created = []
    for pair in run.pairs:
        exists = Mentorship.objects.filter(
            mentor_id=pair["mentor"], startup_id=pair["startup"], status="active"
        ).exists()
        if not exists:
            created.append(
                Mentorship.objects.create(
                    mentor_id=pair["mentor"],
                    startup_id=pair["startup"],
                    match_run=run,
                    explanation=pair["why"],
                )
            )
    run.status = MatchRun.Status.CONFIRMED
    run.confirmed_at = timezone.now()
    run.save(update_fields=["status", "confirmed_at"])
    record_activity(actor=actor, verb="match.confirmed", target=run, created=len(created))
    return created


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
        raise ValidationError(_("This mentorship has ended."))
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
    session = MentoringSession.objects.create(
        mentorship=mentorship, starts_at=starts_at, ends_at=ends_at, booked_by=user
    )
    record_activity(actor=user, verb="mentoring.booked", target=session)
    transaction.on_commit(lambda: send_invitations(session.pk))
    return session


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


@transaction.atomic
def save_mentor_profile(*, form, hours) -> MentorProfile:
    """Save a validated profile form and its weekly-hours formset together."""
    profile = form.save()
    hours.instance = profile
    hours.save()
    record_activity(actor=profile.user, verb="mentor.profile_saved", target=profile)
    return profile
