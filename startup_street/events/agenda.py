"""A participant's agenda: rows in their zone, an .ics calendar and a printable PDF."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from startup_street.core.fields import shown
from startup_street.core.timezones import get_zone, zone_label

from .models import Meeting, Registration
from .selectors import agenda_of

# Fonts that hold Hangul and Hanzi (Debian's fonts-noto-cjk); the first present is used.
CJK_FONTS = [
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 1),  # 1: the Korean face
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 1),
    ("/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc", 1),
]


@dataclass(frozen=True)
class AgendaRow:
    meeting: Meeting
    starts: datetime
    ends: datetime
    zone: str
    counterpart: Registration
    table: str
    interpreter: str


def agenda_rows(registration: Registration, zone_name: str) -> list[AgendaRow]:
    zone = get_zone(zone_name)
    rows = []
    for meeting in agenda_of(registration):
        slot = meeting.published_slot
        request = meeting.request
        other = request.recipient if request.sender_id == registration.pk else request.sender
        rows.append(
            AgendaRow(
                meeting=meeting,
                starts=timezone.localtime(slot.starts_at, zone),
                ends=timezone.localtime(slot.ends_at, zone),
                zone=zone_label(slot.starts_at, zone),
                counterpart=other,
                table=str(meeting.published_table or ""),
                interpreter=str(meeting.published_interpreter or ""),
            )
        )
    return rows


def agenda_calendar(registration: Registration) -> bytes:
    """Every published meeting as one VEVENT, in the participant's zone and language."""
    user = registration.user
    zone = get_zone(user.time_zone)
    calendar = Calendar()
    calendar.add("prodid", "-//Startup Street//Events//EN")
    calendar.add("version", "2.0")
    with translation.override(user.preferred_language):
        title = shown(registration.event, "title", user.preferred_language).text
        for row in agenda_rows(registration, user.time_zone):
            entry = CalendarEvent()
            entry.add("uid", f"event-meeting-{row.meeting.pk}@startup-street")
            entry.add("summary", _("Meeting with %(name)s") % {"name": row.counterpart.name})
            entry.add("dtstart", row.starts.astimezone(zone))
            entry.add("dtend", row.ends.astimezone(zone))
            entry.add("dtstamp", timezone.now())
            entry.add("location", f"{title} · {row.table}".strip(" ·"))
            if row.interpreter:
                entry.add("description", _("Interpreter: %(name)s") % {"name": row.interpreter})
            calendar.add_component(entry)
    return calendar.to_ical()


@functools.cache
def cjk_font() -> tuple[str, int] | None:
    for path, index in CJK_FONTS:
        if Path(path).is_file():
            return path, index
    return None


def agenda_text(registration: Registration, *, language: str, zone_name: str) -> list[str]:
    """The printable agenda's paragraphs in ``language`` and ``zone_name``: the event's title,
    whose agenda it is, then one paragraph a meeting."""
    event = registration.event
    with translation.override(language):
        paragraphs = [
            shown(event, "title", language).text,
            _("Agenda of %(name)s") % {"name": registration.name},
        ]
        rows = agenda_rows(registration, zone_name)
        if not rows:
            paragraphs.append(_("No meetings are scheduled for you yet."))
        for row in rows:
            when = formats.date_format(row.starts, "SHORT_DATETIME_FORMAT")
            ends = formats.time_format(row.ends, "TIME_FORMAT")
            lines = [
                f"{when} – {ends} {row.zone}",
                _("Meeting with %(name)s") % {"name": row.counterpart.name},
                _("Table: %(table)s") % {"table": row.table or "—"},
            ]
            if row.interpreter:
                lines.append(_("Interpreter: %(name)s") % {"name": row.interpreter})
            paragraphs.append("\n".join(lines))
    return paragraphs


def agenda_pdf(registration: Registration, *, language: str, zone_name: str) -> bytes | None:
    """A printable agenda in ``language`` and ``zone_name``; None when no CJK font is here."""
    from fpdf import FPDF

    font = cjk_font()
    if font is None:
        return None
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.add_font("cjk", fname=font[0], collection_font_number=font[1])
    title, whose, *meetings = agenda_text(registration, language=language, zone_name=zone_name)
    pdf.set_font("cjk", size=16)
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=11)
    pdf.multi_cell(0, 7, whose, new_x="LMARGIN", new_y="NEXT")
    for paragraph in meetings:
        pdf.ln(2)
        pdf.multi_cell(0, 6, paragraph, border="T", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
