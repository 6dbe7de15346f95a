"""E-mail for every change of a booking, each person in their language and zone, with an .ics
(METHOD REQUEST or CANCEL, the same UID and a rising SEQUENCE, organiser, attendees, VTIMEZONE)."""

from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from startup_street.core.timezones import get_zone

from ..enums import BookingStatus
from ..models import Booking, WaitlistEntry

SUBJECTS = {
    "requested": lambda: _("Booking requested: awaiting approval"),
    "confirmed": lambda: _("Booking confirmed"),
    "declined": lambda: _("Booking declined"),
    "cancelled": lambda: _("Booking cancelled"),
    "plan_approved": lambda: _("Demonstration plan approved"),
    "plan_rejected": lambda: _("Demonstration plan rejected"),
}
ICS_STATUS = {
    BookingStatus.PENDING: "TENTATIVE",
    BookingStatus.CONFIRMED: "CONFIRMED",
    BookingStatus.DECLINED: "CANCELLED",
    BookingStatus.CANCELLED: "CANCELLED",
}


def people_of(booking: Booking) -> list:
    people = {booking.booked_by_id: booking.booked_by}
    if booking.startup_id:
        for member in booking.startup.members.select_related("user"):
            people.setdefault(member.user_id, member.user)
    return list(people.values())


def booking_calendar(booking: Booking) -> bytes:
    """The booking as an iCalendar invitation, in the space's zone with its VTIMEZONE."""
    zone = get_zone(booking.space.time_zone)
    cancelled = booking.status in (BookingStatus.DECLINED, BookingStatus.CANCELLED)
    calendar = Calendar()
    calendar.add("prodid", "-//Startup Street//Spaces//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", f"space-booking-{booking.pk}@startup-street")
    event.add("sequence", booking.sequence)
    event.add("summary", f"{booking.space}" + (f" · {booking.title}" if booking.title else ""))
    event.add("dtstart", booking.starts_at.astimezone(zone))
    event.add("dtend", booking.ends_at.astimezone(zone))
    event.add("dtstamp", timezone.now())
    event.add("status", ICS_STATUS[booking.status])
    if booking.space.address:
        event.add("location", booking.space.address)
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["cn"] = vText(str(booking.space.organization))
    event["organizer"] = organizer
    for person in people_of(booking):
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["cn"] = vText(person.display_name or person.email)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("ACCEPTED")
        event.add("attendee", attendee, encode=0)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def send_booking_update(booking_id: int, change: str) -> int:
    """E-mail everyone of the booking about ``change``; returns how many were sent."""
    booking = (
        Booking.objects.select_related("space__organization", "startup", "booked_by")
        .filter(pk=booking_id)
        .first()
    )
    if booking is None or change not in SUBJECTS:
        return 0
    ics = booking_calendar(booking)
    sent = 0
    for person in people_of(booking):
        with translation.override(person.preferred_language), timezone.override(person.time_zone):
            subject = str(SUBJECTS[change]())
            body = render_to_string(
                "spaces/email/booking_update.txt",
                {"booking": booking, "change": change, "person": person},
            )
        message = EmailMessage(subject, body, to=[person.email])
        message.attach(
            "booking.ics",
            ics,
            "text/calendar; method=" + ("CANCEL" if b"METHOD:CANCEL" in ics else "REQUEST"),
        )
        sent += message.send()
    return sent


def send_waitlist_offer(entry_id: int) -> int:
    entry = WaitlistEntry.objects.select_related("space", "user").filter(pk=entry_id).first()
    if entry is None:
        return 0
    person = entry.user
    with translation.override(person.preferred_language), timezone.override(person.time_zone):
        subject = _("A time you waited for is free")
        body = render_to_string("spaces/email/waitlist_offer.txt", {"entry": entry})
    return EmailMessage(subject, body, to=[person.email]).send()
