from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from startup_street.accounts.models import User
from startup_street.core.permissions import require
from startup_street.core.services import record_activity, refuse_unknown_fields
from startup_street.core.text import unique_slug
from startup_street.core.timezones import make_aware_in
from startup_street.organizations.models import Organization

from .alerts import announce_new_call
from .models import (
    PROGRAM_FIELDS,
    RESERVED_PROGRAM_SLUGS,
    Call,
    Program,
    SavedSearch,
    unreserved_slug,
)
from .selectors import saved_search_like, saved_searches_of
from .tasks import task_alert_saved_searches_for_calls


def _program_slug(organization: Organization, title: dict) -> str:
    text = title.get("en") or next(iter(title.values()), "")
    slug = unique_slug(Program, text, prefix=organization.slug, limit=50)
    if slug in RESERVED_PROGRAM_SLUGS:  # an organisation slugged "feeds", a title with no Latin
        slug = unique_slug(Program, "", prefix=unreserved_slug(slug))
    return slug


@transaction.atomic
def create_program(*, organization: Organization, actor: User, sectors=(), **fields) -> Program:
    require(actor, "organizations.manage_programs_organization", organization)
    refuse_unknown_fields(fields, PROGRAM_FIELDS)
    program = Program(
        organization=organization,
        slug=_program_slug(organization, fields.get("title", {})),
        **fields,
    )
    program.full_clean()
    program.save()
    program.sectors.set(sectors)
    record_activity(actor=actor, verb="program.created", target=program)
    return program


@transaction.atomic
def update_program(*, program: Program, actor: User, sectors=None, **fields) -> Program:
    require(actor, "programs.change_program", program)
    refuse_unknown_fields(fields, PROGRAM_FIELDS)
    for name, value in fields.items():
        setattr(program, name, value)
    program.full_clean()
    program.save()
    if sectors is not None:
        program.sectors.set(sectors)
    record_activity(actor=actor, verb="program.updated", target=program, fields=sorted(fields))
    return program


@transaction.atomic
def save_call(
    *,
    program: Program,
    actor: User,
    opens_local: datetime,
    closes_local: datetime,
    time_zone: str,
    title: dict | None = None,
    seats: int | None = None,
    eligibility: dict | None = None,
    call: Call | None = None,
) -> Call:
    """Create or update a call from wall-clock times in the call's own zone."""
    if call is None:
        require(actor, "programs.add_call_program", program)
        call = Call(program=program)
    else:
        require(actor, "programs.change_call", call)
    call.title = title or {}
    call.time_zone = time_zone
    call.opens_at = make_aware_in(opens_local, time_zone)
    call.closes_at = make_aware_in(closes_local, time_zone)
    call.seats = seats
    call.eligibility = eligibility or {}
    call.full_clean()
    is_new = call.pk is None
    call.save()
    record_activity(actor=actor, verb="call.created" if is_new else "call.updated", target=call)
    if is_new:
        announce_after_commit(call)
    return call


class NewCalls:
    """New calls written together (an import's rows): each one's followers are told once its
    write commits, and the saved searches are matched against all of them in one background
    job once everything is committed (``alert_after_commit``)."""

    def __init__(self):
        self.ids: list[int] = []

    def add(self, call: Call, *, followers: bool = True) -> None:
        """``followers=False``: the call's program was created in the same write, so nobody
        follows it yet and there is no one to tell but the saved searches."""
        if call.is_news:
            if followers:
                transaction.on_commit(lambda: announce_new_call(call))
            pk = call.pk  # only the id is kept: an import of many rows keeps no rows in memory
            transaction.on_commit(lambda: self.ids.append(pk))  # dropped if rolled back

    def alert_after_commit(self) -> None:
        transaction.on_commit(self._enqueue)

    def _enqueue(self) -> None:
        ids, self.ids = self.ids, []
        if ids:
            task_alert_saved_searches_for_calls.enqueue(ids)


def announce_after_commit(call: Call) -> None:
    """Once the new call is committed: tell the program's followers, and (in the background)
    the saved searches it matches."""
    new_calls = NewCalls()
    new_calls.add(call)
    new_calls.alert_after_commit()


SAVED_SEARCH_LIMIT = 50


@transaction.atomic
def save_search(
    *, user: User, query: str, filters: dict, language: str
) -> tuple[SavedSearch, bool]:
    """Keep a search (words and validated filters as plain values); saving it twice keeps one.
    Returns the saved search and whether it is new, as ``get_or_create`` does."""
    User.objects.select_for_update().filter(pk=user.pk).first()  # one save a user at a time
    existing = saved_search_like(user=user, query=query, filters=filters)
    if existing:
        return existing, False
    if saved_searches_of(user).count() >= SAVED_SEARCH_LIMIT:
        raise ValidationError(
            _("You can keep at most %(limit)d saved searches; delete one first.")
            % {"limit": SAVED_SEARCH_LIMIT}
        )
    saved = SavedSearch(user=user, query=query, filters=filters, language=language)
    saved.full_clean()
    saved.save()
    return saved, True


def delete_saved_search(*, saved_search: SavedSearch) -> None:
    saved_search.delete()
