"""The scheduler's issues and results in words, in the reader's language and the event's zone."""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from startup_street.core.i18n import CONTENT_LANGUAGE_CHOICES
from startup_street.core.timezones import get_zone, zone_label

from . import scheduling
from .encoding import Encoded
from .models import Interpreter, Meeting, Registration, ScheduleRun, Slot, Table

LANGUAGE_NAMES = dict(CONTENT_LANGUAGE_CHOICES)

MESSAGES = {
    "invalid": lambda: _("The schedule's data is not consistent; check the pinned meetings."),
    "pin_clash_person": lambda: _(
        "Pinned meetings “%(meeting)s” and “%(other)s” both need %(person)s at %(slot)s."
    ),
    "pin_clash_table": lambda: _(
        "Pinned meetings “%(meeting)s” and “%(other)s” are both at %(table)s at %(slot)s."
    ),
    "pin_clash_interpreter": lambda: _(
        "Pinned meetings “%(meeting)s” and “%(other)s” both need %(interpreter)s at %(slot)s."
    ),
    "pin_person_unavailable": lambda: _(
        "“%(meeting)s” is pinned at %(slot)s, but %(person)s is not available then."
    ),
    "pin_table_unavailable": lambda: _(
        "“%(meeting)s” is pinned at %(table)s at %(slot)s, but that table is not available then."
    ),
    "pin_interpreter_unavailable": lambda: _(
        "“%(meeting)s” is pinned with %(interpreter)s at %(slot)s, who is not available then."
    ),
    "pin_interpreter_language": lambda: _(
        "%(interpreter)s does not interpret between the languages of “%(meeting)s”."
    ),
    "pin_no_table": lambda: _("More meetings are pinned at %(slot)s than there are free tables."),
    "pin_no_interpreter": lambda: _(
        "The meetings pinned at %(slot)s need more interpreters than are free then."
    ),
    "pin_over_quota": lambda: _("%(person)s has more pinned meetings than they may have."),
    "no_common_slot": lambda: _(
        "“%(meeting)s” cannot be scheduled: the two have no free slot in common."
    ),
    "no_interpreter": lambda: _(
        "“%(meeting)s” cannot be scheduled: no interpreter for %(languages)s is free in a "
        "slot they share."
    ),
    "no_free_slot": lambda: _(
        "“%(meeting)s” cannot be scheduled: every slot they share is taken by pinned meetings "
        "or has no free table."
    ),
    "over_quota": lambda: _(
        "“%(meeting)s” is left out: it is past the sender's quota of requests to this kind of "
        "participant."
    ),
    "not_allowed": lambda: _(
        "“%(meeting)s” is left out: the event's rules no longer let these two kinds meet."
    ),
    "not_approved": lambda: _(
        "“%(meeting)s” is left out: one of the two registrations is not approved."
    ),
    "double_person": lambda: _("%(person)s has two meetings at %(slot)s."),
    "double_table": lambda: _("%(table)s has two meetings at %(slot)s."),
    "double_interpreter": lambda: _("%(interpreter)s has two meetings at %(slot)s."),
    "person_unavailable": lambda: _("“%(meeting)s” is placed when %(person)s is away."),
    "table_unavailable": lambda: _("“%(meeting)s” is at a table that is not available then."),
    "interpreter_unavailable": lambda: _(
        "“%(meeting)s” has %(interpreter)s, who is not available then."
    ),
    "interpreter_language": lambda: _(
        "%(interpreter)s does not interpret between the languages of “%(meeting)s”."
    ),
    "no_table": lambda: _("“%(meeting)s” has no table."),
    "pin_moved": lambda: _("“%(meeting)s” is not where it is pinned."),
}


def slot_words(slot: Slot | None, zone_name: str) -> str:
    if slot is None:
        return "—"
    zone = get_zone(zone_name)
    local = timezone.localtime(slot.starts_at, zone)
    when = formats.date_format(local, "SHORT_DATETIME_FORMAT")
    return f"{when} {zone_label(slot.starts_at, zone)}"


def stored_issues(enc: Encoded, issues: list[scheduling.Issue]) -> list[dict]:
    """Issues as row ids, kept with the run and worded when someone reads them."""

    def pk(rows, index):
        return rows[index].pk if index != scheduling.NONE and 0 <= index < len(rows) else None

    stored = [
        {
            "code": issue.code,
            "meeting": pk(enc.meetings, issue.meeting),
            "other": pk(enc.meetings, issue.other),
            "person": pk(enc.people, issue.person),
            "slot": pk(enc.slots, issue.slot),
            "table": pk(enc.tables, issue.table),
            "interpreter": pk(enc.interpreters, issue.interpreter),
        }
        for issue in issues
    ]
    return stored + [{"code": left.code, "meeting": left.meeting} for left in enc.left_out]


def describe_all(enc: Encoded, issues: list[scheduling.Issue]) -> list[str]:
    return describe_stored(enc.event.time_zone, stored_issues(enc, issues)[: len(issues)])


def describe_stored(zone_name: str, issues: list[dict]) -> list[str]:
    """Each stored issue in words, names read in one query per kind of row."""

    def load(model, key, related=()):
        ids = {issue.get(key) for issue in issues} | (
            {issue.get("other") for issue in issues} if key == "meeting" else set()
        )
        return model.objects.select_related(*related).in_bulk([i for i in ids if i])

    meetings = load(Meeting, "meeting", ["request__sender", "request__recipient"])
    people, slots = load(Registration, "person"), load(Slot, "slot")
    tables, interpreters = load(Table, "table"), load(Interpreter, "interpreter")
    words = []
    for issue in issues:
        meeting = meetings.get(issue.get("meeting"))
        params = {
            "meeting": str(meeting) if meeting else "—",
            "other": str(meetings.get(issue.get("other"), "—")),
            "person": getattr(people.get(issue.get("person")), "name", "—"),
            "slot": slot_words(slots.get(issue.get("slot")), zone_name),
            "table": str(tables.get(issue.get("table"), "—")),
            "interpreter": str(interpreters.get(issue.get("interpreter"), "—")),
            "languages": _meeting_languages(meeting),
        }
        message = MESSAGES.get(issue["code"], MESSAGES["invalid"])()
        words.append(message % params)
    return words


def _meeting_languages(meeting: Meeting | None) -> str:
    if meeting is None:
        return "—"
    a, b = meeting.request.sender.languages, meeting.request.recipient.languages
    names = [str(LANGUAGE_NAMES.get(code, code)) for code in (a[:1] + b[:1])]
    return "–".join(names)


def run_summary(run: ScheduleRun) -> str:
    """What a solve achieved and how far from the best it can be, in plain words."""
    if run.status == "invalid":
        return _("Not solved: change what is listed below and solve again.")
    share = run.objective / run.requested if run.requested else 1.0
    params = {
        "meetings": run.meetings,
        "met": run.objective,
        "requested": run.requested,
        "share": f"{share:.0%}",
        "bound": int(run.bound),
        "gap": f"{run.gap:.1%}",
    }
    text = (
        _(
            "%(meetings)d meetings placed, meeting %(met)d of %(requested)d requested priority "
            "points (%(share)s)."
        )
        % params
    )
    if run.status == "optimal":
        return text + " " + _("Proven best: no schedule can meet more.")
    return (
        text
        + " "
        + (
            _(
                "No schedule can meet more than %(bound)d points, so this one is within %(gap)s "
                "of the best possible."
            )
            % params
        )
    )
